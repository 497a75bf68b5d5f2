import { createHash, type Hash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { compareDates, compatible, formatPartialDate } from '../partialDate.js';
import { knowledgeFileOpener, megabytes, RefusedFileError, refusalOf, type OpenKnowledgeFile } from '../readKnowledgeFile.js';
import type { KnowledgeProblem } from '../types.js';
import { readOfacCsv } from './ofacList.js';
import { readOpenSanctions } from './openSanctionsList.js';
import { type DesignationList, type ListEntry, ListFormatError } from './types.js';
import { isUkList, readUkCsv } from './ukList.js';
import { isUnList, readUnList } from './unList.js';

/** The folder of the knowledge folder that holds official lists. */
export const LISTS_FOLDER = 'lists';

/**
 * Above this a list file is reported and skipped. OFAC's SDN CSV is some 4 MB and the UN's XML
 * some 2 MB; OpenSanctions' collections run to gigabytes, and are read a line at a time.
 */
export const DEFAULT_MAX_LIST_BYTES = 8 * 1024 ** 3;

/** OFAC's CSV set: sdn.csv is the list, the others are parts of it in the same folder. */
const OFAC_MAIN = 'sdn.csv';
const OFAC_PARTS = new Set(['alt.csv', 'add.csv']);

/** Whether a path (relative to the knowledge folder) is in the lists folder and of a list format. */
export function isListPath(path: string): boolean {
  return path.startsWith(`${LISTS_FOLDER}/`) && !path.split('/').some((part) => part.startsWith('.')) && /\.(xml|csv|jsonl|ndjson|json)$/i.test(path);
}

/** The list a file belongs to: itself, or for OFAC's alt.csv and add.csv, the sdn.csv beside them. */
export function listOfFile(path: string): string {
  const name = basename(path);
  return OFAC_PARTS.has(name.toLowerCase()) ? `${dirname(path)}/${sameCase(OFAC_MAIN, name)}` : path;
}

/** A file name of OFAC's set in the case of another of its files (SDN.CSV beside ALT.CSV). */
function sameCase(name: string, like: string): string {
  return like === like.toUpperCase() ? name.toUpperCase() : name;
}

/** Every list under the lists folder, as sorted relative paths; links and other refused entries as problems. */
export async function listListFiles(dir: string): Promise<{ paths: string[]; problems: KnowledgeProblem[] }> {
  let entries;
  try {
    entries = await readdir(join(dir, LISTS_FOLDER), { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { paths: [], problems: [] };
    throw error;
  }
  const paths = new Set<string>();
  const problems: KnowledgeProblem[] = [];
  for (const entry of entries) {
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (!isListPath(path)) continue;
    const refusal = refusalOf(entry);
    if (refusal !== null) problems.push({ path, message: refusal, severity: 'skipped' });
    else if (entry.isFile() && !OFAC_PARTS.has(entry.name.toLowerCase())) paths.add(path);
  }
  return { paths: [...paths].sort(), problems };
}

/** The lists a file holds (one, or one per dataset of an OpenSanctions collection), or null when it cannot be read; and what is wrong with it. */
export interface ListLoad {
  lists: DesignationList[] | null;
  problems: KnowledgeProblem[];
}

/**
 * Reads one list file (its main file, see listOfFile). A file that cannot be read as a list comes
 * back as a problem naming it, never a throw.
 */
export async function loadListFile(dir: string, path: string, maxBytes = DEFAULT_MAX_LIST_BYTES): Promise<ListLoad> {
  const open = knowledgeFileOpener(dir, maxBytes, (size, max) => new RefusedFileError(`is ${megabytes(size)}, above the ${megabytes(max)} limit for one list`));
  const opened: OpenKnowledgeFile[] = [];
  const hash = createHash('sha256');
  try {
    const main = await open(path);
    opened.push(main);
    const read = await readByFormat(path, main, hash, async (part) => {
      try {
        const file = await open(part);
        opened.push(file);
        return file;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    });
    const mtime = main.stats.mtime;
    const fileHash = hash.digest('hex');
    const several = read.lists.length > 1;
    const lists = read.lists.map(
      (one): DesignationList => ({
        path: several ? `${path}#${one.dataset}` : path,
        file: path,
        source: one.source,
        format: read.format,
        title: one.title,
        url: one.url,
        entries: one.entries,
        date: one.date ?? formatPartialDate(mtime.getUTCFullYear(), mtime.getUTCMonth() + 1, mtime.getUTCDate()),
        datedBy: one.date === null ? 'file' : 'content',
        // A dataset of a collection is a version of its own: the file's hash, with the dataset's name.
        hash: several ? createHash('sha256').update(`${fileHash} ${one.dataset}`).digest('hex') : fileHash,
      }),
    );
    const problems: KnowledgeProblem[] = [];
    if (lists.every((l) => l.entries.length === 0))
      problems.push({ path, message: `holds no entries that name anyone (read as ${read.name})`, severity: 'warning' });
    if (read.unknownBodies.length > 0)
      problems.push({
        path,
        message: `names publishing bodies no authority is known for, shown under their own names: ${read.unknownBodies.join('; ')}`,
        severity: 'warning',
      });
    return { lists, problems };
  } catch (error) {
    const message = error instanceof ListFormatError || error instanceof RefusedFileError ? error.message : `could not be read: ${(error as Error).message}`;
    return { lists: null, problems: [{ path, message, severity: 'skipped' }] };
  } finally {
    await Promise.all(opened.map((f) => f.handle.close()));
  }
}

/** One list a file holds, as its format reads it. */
interface ReadList extends Pick<DesignationList, 'source' | 'title' | 'url' | 'entries'> {
  /** The dataset, for a list of a file that holds several. */
  dataset: string;
  date: string | null;
}

/** What a file holds: its format, the name it is read as, its lists, and the bodies no authority was found for. */
interface Read {
  format: DesignationList['format'];
  name: string;
  lists: ReadList[];
  unknownBodies: string[];
}

const single = (format: DesignationList['format'], list: Omit<ReadList, 'source' | 'dataset'>): Read => ({
  format,
  name: list.title,
  lists: [{ ...list, source: format, dataset: format }],
  unknownBodies: [],
});

async function readByFormat(path: string, main: OpenKnowledgeFile, hash: Hash, part: (path: string) => Promise<OpenKnowledgeFile | null>): Promise<Read> {
  const name = basename(path).toLowerCase();
  if (name === OFAC_MAIN) {
    const alt = await part(`${dirname(path)}/${sameCase('alt.csv', basename(path))}`);
    const entries = await readOfacCsv(hashed(main, hash), alt ? hashed(alt, hash) : null);
    return single('ofac-csv', {
      title: 'OFAC Specially Designated Nationals (SDN) List',
      url: 'https://ofac.treasury.gov/downloads/sdn.csv',
      entries,
      date: null,
    });
  }
  if (/\.(jsonl|ndjson|json)$/.test(name)) {
    const { lists, unknownBodies } = await readOpenSanctions(hashed(main, hash));
    return {
      format: 'opensanctions-ftm',
      name: 'OpenSanctions',
      lists: lists.map((l) => ({
        dataset: l.dataset,
        source: `opensanctions-ftm ${l.dataset}`,
        title: `OpenSanctions: ${l.dataset}`,
        url: `https://www.opensanctions.org/datasets/${encodeURIComponent(l.dataset)}/`,
        entries: l.entries,
        date: l.date,
      })),
      unknownBodies,
    };
  }
  const head = await headOf(main);
  if (name.endsWith('.xml')) {
    if (!isUnList(head)) throw new ListFormatError('is XML, but not the UN Security Council Consolidated List (the one XML list format read)');
    const { entries, date } = await readUnList(hashed(main, hash));
    return single('un-xml', {
      title: 'UN Security Council Consolidated List',
      url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
      entries,
      date,
    });
  }
  if (!isUkList(head)) throw new ListFormatError('is CSV, but neither OFAC’s sdn.csv nor the UK Sanctions List');
  const { entries, date } = await readUkCsv(hashed(main, hash), head);
  return single('uk-csv', { title: 'UK Sanctions List', url: 'https://www.gov.uk/government/publications/the-uk-sanctions-list', entries, date });
}

/** The first 4 KB of a file, to tell its format by; the file is read again from its start. */
async function headOf(file: OpenKnowledgeFile): Promise<string> {
  const buffer = Buffer.alloc(4096);
  const { bytesRead } = await file.handle.read(buffer, 0, buffer.length, 0);
  return buffer.subarray(0, bytesRead).toString('utf8');
}

/** A stream of the whole file whose bytes also go into a hash of its own, added to the list's hash once read. */
function hashed(file: OpenKnowledgeFile, hash: Hash): Readable {
  const own = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      own.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      hash.update(own.digest());
      done();
    },
  });
  const source = file.handle.createReadStream({ start: 0, autoClose: false });
  // A read error ends the stream with that error, for the reader to report; one after the reader stopped (the file is closed then) goes nowhere.
  source.on('error', (error) => hashing.destroy(error));
  return source.pipe(hashing);
}

/**
 * Whether the list says an entry is removed: it ended by a status that gives no date, or gives an
 * end date known to be no later than the list's own date (an end "in 2024" on a list of
 * 2024-03-01 may be still to come).
 */
export function entryState(entry: ListEntry, list: DesignationList): 'listed' | 'removed' {
  if (!entry.ended) return 'listed';
  const end = entry.endedOn;
  // Ended by its status, on a day the list does not give.
  if (end === null) return 'removed';
  const known = !compatible(end, list.date) || end.length >= list.date.length;
  return known && compareDates(end, list.date) <= 0 ? 'removed' : 'listed';
}

/** Reads every list of the folder; a list that cannot be read is reported by name and the others serve. */
export async function loadLists(dir: string, maxBytes = DEFAULT_MAX_LIST_BYTES): Promise<{ lists: DesignationList[]; problems: KnowledgeProblem[] }> {
  const listing = await listListFiles(dir);
  const loads = await Promise.all(listing.paths.map((path) => loadListFile(dir, path, maxBytes)));
  return {
    lists: loads.flatMap((load) => load.lists ?? []),
    problems: [...listing.problems, ...loads.flatMap((load) => load.problems)],
  };
}
