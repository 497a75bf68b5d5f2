import { createHash } from 'node:crypto';

/**
 * A file of named columns: typed arrays used in place (views into the one buffer the file is
 * read into, no copy and no object per value) and tables of strings decoded one at a time, with
 * a JSON header for the few things that are not columns. A checksum covers every byte after it.
 *
 *   "DDCOLS02" | u32 header length | SHA-256 of the rest (32 bytes) | header JSON | padding | columns
 *
 * Columns are 8-byte aligned and in this machine's byte order, which the header records.
 */
const MAGIC = 'DDCOLS02';
const CHECKSUM = 32;
const PREFIX = MAGIC.length + 4 + CHECKSUM;
const ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

type Numbers = Int32Array | Uint8Array;

/** A column as written: numbers, or strings (stored as UTF-8 with their byte offsets). */
export type Column = Numbers | readonly string[];

interface Placed {
  name: string;
  kind: 'i32' | 'u8';
  offset: number;
  length: number;
}

interface Header {
  endian: string;
  meta: unknown;
  columns: Placed[];
}

/** Strings stored in a column file, each decoded when asked for. */
export class StringColumn {
  constructor(
    private readonly bytes: Buffer,
    private readonly offsets: Int32Array,
  ) {}

  get length(): number {
    return this.offsets.length - 1;
  }

  get(i: number): string {
    return this.bytes.toString('utf8', this.offsets[i]!, this.offsets[i + 1]!);
  }

  /** The UTF-8 length of string i: never less than its length in JavaScript, found without decoding it. */
  byteLength(i: number): number {
    return this.offsets[i + 1]! - this.offsets[i]!;
  }

  all(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.get(i));
  }
}

/** The bytes of a column file: its header's metadata and its columns in `chunks` (write them in order). */
export function encodeColumns(meta: unknown, columns: Record<string, Column>): Buffer[] {
  const placed: Placed[] = [];
  const bodies: Buffer[] = [];
  let offset = 0;
  const place = (name: string, values: Numbers) => {
    const kind = values instanceof Int32Array ? 'i32' : 'u8';
    placed.push({ name, kind, offset, length: values.length });
    const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
    const padding = (8 - (bytes.length % 8)) % 8;
    bodies.push(bytes, Buffer.alloc(padding));
    offset += bytes.length + padding;
  };
  for (const [name, column] of Object.entries(columns)) {
    if (column instanceof Int32Array || column instanceof Uint8Array) {
      place(name, column);
      continue;
    }
    const strings = column as readonly string[];
    const offsets = new Int32Array(strings.length + 1);
    const parts = strings.map((s, i) => {
      const encoded = Buffer.from(s, 'utf8');
      offsets[i + 1] = offsets[i]! + encoded.length;
      return encoded;
    });
    place(`${name}.offsets`, offsets);
    place(`${name}.bytes`, Buffer.concat(parts));
  }
  const header = Buffer.from(JSON.stringify({ endian: ENDIAN, meta, columns: placed } satisfies Header), 'utf8');
  const headerPadding = Buffer.alloc((8 - ((PREFIX + header.length) % 8)) % 8);
  const checksum = createHash('sha256').update(header).update(headerPadding);
  for (const body of bodies) checksum.update(body);
  const prefix = Buffer.alloc(PREFIX);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(header.length, MAGIC.length);
  checksum.digest().copy(prefix, MAGIC.length + 4);
  return [prefix, header, headerPadding, ...bodies];
}

/** A column file read: its metadata, and its columns by name. */
export interface ColumnFile {
  meta: unknown;
  int32(name: string): Int32Array;
  uint8(name: string): Uint8Array;
  strings(name: string): StringColumn;
}

/** Reads what encodeColumns wrote; throws, saying why, on anything else or on a checksum that does not match. */
export function decodeColumns(file: Buffer): ColumnFile {
  if (file.length < PREFIX || file.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('it is not a column file of this version');
  const headerLength = file.readUInt32LE(MAGIC.length);
  const checksum = createHash('sha256').update(file.subarray(PREFIX)).digest();
  if (!checksum.equals(file.subarray(MAGIC.length + 4, PREFIX))) throw new Error('its checksum does not match');
  const header = JSON.parse(file.toString('utf8', PREFIX, PREFIX + headerLength)) as Header;
  if (header.endian !== ENDIAN) throw new Error('it was written on a machine of another byte order');
  const start = PREFIX + headerLength + ((8 - ((PREFIX + headerLength) % 8)) % 8);
  // Typed arrays need their own alignment in the buffer: a file read into a pooled buffer is copied once.
  const bytes = (file.byteOffset + start) % 8 === 0 ? file : Buffer.from(file);
  const base = bytes.byteOffset + start;
  const byName = new Map(header.columns.map((c) => [c.name, c]));
  const column = (name: string, kind: Placed['kind']): Placed => {
    const placed = byName.get(name);
    if (placed?.kind !== kind) throw new Error(`the column ${name} is missing`);
    const size = kind === 'i32' ? 4 : 1;
    if (start + placed.offset + placed.length * size > bytes.length) throw new Error(`the column ${name} runs past the end`);
    return placed;
  };
  const int32 = (name: string) => {
    const c = column(name, 'i32');
    return new Int32Array(bytes.buffer, base + c.offset, c.length);
  };
  const uint8 = (name: string) => {
    const c = column(name, 'u8');
    return new Uint8Array(bytes.buffer, base + c.offset, c.length);
  };
  return {
    meta: header.meta,
    int32,
    uint8,
    strings: (name) => {
      const offsets = int32(`${name}.offsets`);
      const data = uint8(`${name}.bytes`);
      if (offsets[0] !== 0 || offsets[offsets.length - 1] !== data.length || offsets.some((o, i) => i > 0 && o < offsets[i - 1]!))
        throw new Error(`the strings of ${name} do not add up`);
      return new StringColumn(Buffer.from(data.buffer, data.byteOffset, data.length), offsets);
    },
  };
}
