import MiniSearch, { type Options } from 'minisearch';

/**
 * The parts of a MiniSearch 7 index that its own toJSON/loadJS save and restore. Reading them
 * directly lets a snapshot keep the postings in typed arrays: loadJS would first turn a million
 * postings into objects with string keys and then parse every key back into a number.
 */
interface Internals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: Iterable<[string, Map<number, Map<number, number>>]> & { set(term: string, data: Map<number, Map<number, number>>): unknown };
}

/** A MiniSearch index, column by column. */
export interface PackedIndex {
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  shortIds: Int32Array;
  ids: string[];
  /** Each document's field lengths, one per field in field id order. */
  fieldLengths: Int32Array;
  terms: string[];
  /** How many fields each term occurs in; then per term and field, the field id and how many documents. */
  fieldsPerTerm: Uint8Array;
  postingField: Uint8Array;
  postingCount: Int32Array;
  postingDocs: Int32Array;
  postingFreqs: Int32Array;
}

function internals(index: MiniSearch<never> | MiniSearch<unknown>): Internals {
  const i = index as unknown as Internals;
  if (!(i._documentIds instanceof Map) || !(i._fieldLength instanceof Map) || typeof i._index?.set !== 'function') {
    throw new Error('this version of MiniSearch keeps its index differently; the snapshot cannot be written');
  }
  if (i._storedFields.size > 0) throw new Error('an index with stored fields cannot be packed');
  return i;
}

export function packIndex<T>(index: MiniSearch<T>): PackedIndex {
  const i = internals(index as MiniSearch<unknown>);
  const fields = Object.keys(i._fieldIds).length;
  const shortIds = [...i._documentIds.keys()];
  const fieldLengths = new Int32Array(shortIds.length * fields);
  shortIds.forEach((id, d) => {
    (i._fieldLength.get(id) ?? []).forEach((length, f) => {
      fieldLengths[d * fields + f] = length;
    });
  });
  const terms: string[] = [];
  const fieldsPerTerm: number[] = [];
  const postingField: number[] = [];
  const postingCount: number[] = [];
  const docs: number[] = [];
  const freqs: number[] = [];
  for (const [term, byField] of i._index) {
    terms.push(term);
    fieldsPerTerm.push(byField.size);
    for (const [field, postings] of byField) {
      postingField.push(field);
      postingCount.push(postings.size);
      for (const [doc, freq] of postings) {
        docs.push(doc);
        freqs.push(freq);
      }
    }
  }
  return {
    documentCount: i._documentCount,
    nextId: i._nextId,
    dirtCount: i._dirtCount,
    fieldIds: i._fieldIds,
    averageFieldLength: i._avgFieldLength,
    shortIds: Int32Array.from(shortIds),
    ids: shortIds.map((id) => i._documentIds.get(id)!),
    fieldLengths,
    terms,
    fieldsPerTerm: Uint8Array.from(fieldsPerTerm),
    postingField: Uint8Array.from(postingField),
    postingCount: Int32Array.from(postingCount),
    postingDocs: Int32Array.from(docs),
    postingFreqs: Int32Array.from(freqs),
  };
}

/** The MiniSearch index packIndex packed, with the options it was made with. */
export function unpackIndex<T>(packed: PackedIndex, options: Options<T>): MiniSearch<T> {
  const index = new MiniSearch<T>(options);
  const i = internals(index as MiniSearch<unknown>);
  const fields = Object.keys(packed.fieldIds).length;
  i._documentCount = packed.documentCount;
  i._nextId = packed.nextId;
  i._dirtCount = packed.dirtCount;
  i._fieldIds = packed.fieldIds;
  i._avgFieldLength = packed.averageFieldLength;
  for (let d = 0; d < packed.shortIds.length; d++) {
    const id = packed.shortIds[d]!;
    i._documentIds.set(id, packed.ids[d]!);
    i._idToShortId.set(packed.ids[d]!, id);
    i._fieldLength.set(id, Array.from(packed.fieldLengths.subarray(d * fields, (d + 1) * fields)));
  }
  let fieldEntry = 0;
  let posting = 0;
  for (let t = 0; t < packed.terms.length; t++) {
    const fields = packed.fieldsPerTerm[t]!;
    i._index.set(packed.terms[t]!, new PackedTermFields(packed, fieldEntry, posting, fields));
    for (let f = 0; f < fields; f++) posting += packed.postingCount[fieldEntry++]!;
  }
  return index;
}

/**
 * A term's postings by field, as MiniSearch keeps them, made from the packed columns when
 * anything first reads them: a restart makes no Map for the hundreds of thousands of terms no
 * question has asked for yet (they were a third of the heap, and most of the time to start).
 */
class PackedTermFields extends Map<number, Map<number, number>> {
  private packed: PackedIndex | null;

  constructor(
    packed: PackedIndex,
    private readonly fieldEntry: number,
    private readonly posting: number,
    private readonly fields: number,
  ) {
    super();
    this.packed = packed;
  }

  private fill(): void {
    const packed = this.packed;
    if (packed === null) return;
    this.packed = null;
    let posting = this.posting;
    for (let entry = this.fieldEntry; entry < this.fieldEntry + this.fields; entry++) {
      const postings = new Map<number, number>();
      for (let n = packed.postingCount[entry]!; n > 0; n--, posting++) postings.set(packed.postingDocs[posting]!, packed.postingFreqs[posting]!);
      super.set(packed.postingField[entry]!, postings);
    }
  }

  override get size(): number {
    this.fill();
    return super.size;
  }
  override get(field: number): Map<number, number> | undefined {
    this.fill();
    return super.get(field);
  }
  override has(field: number): boolean {
    this.fill();
    return super.has(field);
  }
  override set(field: number, postings: Map<number, number>): this {
    this.fill();
    return super.set(field, postings);
  }
  override delete(field: number): boolean {
    this.fill();
    return super.delete(field);
  }
  override clear(): void {
    this.packed = null;
    super.clear();
  }
  override forEach(each: (postings: Map<number, number>, field: number, map: Map<number, Map<number, number>>) => void, self?: unknown): void {
    this.fill();
    super.forEach(each, self);
  }
  override keys(): MapIterator<number> {
    this.fill();
    return super.keys();
  }
  override values(): MapIterator<Map<number, number>> {
    this.fill();
    return super.values();
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.fill();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.entries();
  }
}
