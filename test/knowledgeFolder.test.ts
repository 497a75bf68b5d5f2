import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import { decodeColumns } from '../src/index/columnFile.js';
import { LiveKnowledge, type KnowledgeUpdate } from '../src/index/liveKnowledge.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { SEED_DIR } from './support/seedKnowledge.js';

/** A sentence no seed article holds, about an organisation and an authority the seeds know. */
const PLANTED = 'Kyrgyzstan designated the Taliban a terrorist organisation on 3 March 2026, its security council said.';
const article = (title: string, text: string) => `---\ntitle: "${title}"\npublished: "2026-03-04"\n---\n\n${text}\n`;

let root: string;
let dir: string;
let outside: string;
let updates: KnowledgeUpdate[];
let errors: Error[];
let live: LiveKnowledge;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'designation-folder-'));
  dir = join(root, 'knowledge');
  outside = join(root, 'outside');
  cpSync(SEED_DIR, dir, { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'planted.md'), article('Planted', PLANTED));
  updates = [];
  errors = [];
});
afterEach(async () => {
  await live?.close();
  rmSync(root, { recursive: true, force: true });
});

function start(options: Partial<ConstructorParameters<typeof LiveKnowledge>[1]> = {}): LiveKnowledge {
  live = new LiveKnowledge(dir, { debounceMs: 50, returnPollMs: 100, onUpdate: (u) => updates.push(u), onError: (e) => errors.push(e), ...options });
  return live;
}

const served = () => JSON.stringify(answerQuery(live.current()!, 'kyrgyzstan taliban'));
const problemsNow = () => live.current()!.problems.map((p) => `${p.path}: ${p.message}`);

describe('the knowledge folder reads nothing outside itself', () => {
  it('reports links by name at start and skips them, files and folders alike', async () => {
    symlinkSync(join(outside, 'planted.md'), join(dir, 'linked.md'));
    symlinkSync(outside, join(dir, 'linked-folder'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
    await start().load();
    expect(problemsNow()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^linked\.md: is a symbolic link/),
        expect.stringMatching(/^linked-folder: is a symbolic link/),
        expect.stringMatching(/^passwd\.txt: is a symbolic link/),
      ]),
    );
    expect(
      live
        .current()!
        .articles.map((a) => a.path)
        .filter((p) => p.includes('link') || p.includes('passwd')),
    ).toEqual([]);
    expect(served()).not.toContain('security council');
  });

  it('reports a link added while running and never serves its target, nor an edit to it', async () => {
    await start().load();
    await live.watch();
    symlinkSync(join(outside, 'planted.md'), join(dir, 'articles', 'linked.md'));
    await expect.poll(() => problemsNow(), { timeout: 5000 }).toContainEqual(expect.stringMatching(/^articles\/linked\.md: is a symbolic link/));
    writeFileSync(join(outside, 'planted.md'), article('Planted again', PLANTED.replace('3 March', '5 March')));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(served()).not.toContain('security council');
  });

  it('skips a named pipe at start and while running, and goes on reloading and closing', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    await start().load();
    expect(problemsNow()).toContainEqual(expect.stringMatching(/^pipe\.md: is a named pipe \(FIFO\), not a regular file/));
    await live.watch();
    execFileSync('mkfifo', [join(dir, 'articles', 'later.md')]);
    await expect.poll(() => problemsNow(), { timeout: 5000 }).toContainEqual(expect.stringMatching(/^articles\/later\.md: is a named pipe/));
    writeFileSync(join(dir, 'articles', 'kyrgyzstan.md'), article('Kyrgyzstan lists the Taliban', PLANTED));
    await expect.poll(() => served(), { timeout: 5000 }).toContain('security council');
    await live.close(); // what SIGTERM waits for
  });

  it('skips an article above the size limit, naming the limit, and serves the rest', async () => {
    writeFileSync(join(dir, 'huge.md'), article('Huge', `${PLANTED} `.repeat(100)));
    await start({ maxArticleBytes: 4096 }).load();
    expect(problemsNow()).toContainEqual(expect.stringMatching(/^huge\.md: is 11 KB, above the 4 KB limit for one article \(MAX_ARTICLE_BYTES\)/));
    expect(served()).not.toContain('security council');
    expect(live.current()!.articles.length).toBe(5);
  });
});

describe('a knowledge folder that is deleted and restored', () => {
  it('keeps serving the last knowledge meanwhile, then watches and reads the restored folder', async () => {
    await start().load();
    await live.watch();
    renameSync(dir, `${dir}.away`);
    await expect.poll(() => errors.map((e) => e.message), { timeout: 5000 }).toContainEqual(expect.stringMatching(/is gone; the last knowledge keeps serving/));
    expect(live.current()!.articles.length).toBe(5);
    expect(JSON.stringify(answerQuery(live.current()!, 'taliban'))).toContain('Supreme Court');

    renameSync(`${dir}.away`, dir);
    await expect.poll(() => updates.at(-1)?.full, { timeout: 5000 }).toBe(true);
    writeFileSync(join(dir, 'articles', 'kyrgyzstan.md'), article('Kyrgyzstan lists the Taliban', PLANTED));
    await expect.poll(() => served(), { timeout: 5000 }).toContain('security council');
  });
});

describe('line endings', () => {
  it('reads front matter and paragraphs with CR-only line endings', async () => {
    writeFileSync(join(dir, 'old-mac.md'), article('Kyrgyzstan lists the Taliban', `${PLANTED}\n\nA second paragraph.`).replace(/\n/g, '\r'));
    const { articles, problems } = await loadKnowledge(dir);
    expect(problems).toEqual([]);
    const read = articles.find((a) => a.path === 'old-mac.md')!;
    expect(read).toMatchObject({ title: 'Kyrgyzstan lists the Taliban', published: '2026-03-04', paragraphs: [PLANTED, 'A second paragraph.'] });
  });
});

describe('snapshots', () => {
  const snapshotPath = () => join(root, 'data', 'knowledge.snapshot');

  it('removes temporary files a killed save left behind, and keeps those of a running process', async () => {
    mkdirSync(join(root, 'data'));
    const dead = `${snapshotPath()}.999999.tmp`; // no process has this id here
    const running = `${snapshotPath()}.${process.ppid}.tmp`;
    writeFileSync(dead, 'half a snapshot');
    writeFileSync(running, 'being written');
    await start({ snapshotPath: snapshotPath() }).load();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });

  it('does not trust a snapshot that reads but does not add up, and saves a sound one again', async () => {
    await start({ snapshotPath: snapshotPath() }).load();
    await live.close();
    const bytes = readFileSync(snapshotPath());
    decodeColumns(bytes).int32('index.postingDocs')[0] = 987_654; // a posting for a passage that is not there (the column is a view of the bytes)
    createHash('sha256').update(bytes.subarray(44)).digest().copy(bytes, 12); // with a checksum that matches: "DDCOLS02", header length, SHA-256 of the rest
    writeFileSync(snapshotPath(), bytes);

    await start({ snapshotPath: snapshotPath() }).load();
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/snapshot .* was not used \(the index points at a document that is not there\)/));
    expect(updates.at(-1)).toMatchObject({ fromSnapshot: false, full: true });
    expect(JSON.stringify(answerQuery(live.current()!, 'taliban'))).toContain('Supreme Court');

    errors = [];
    await start({ snapshotPath: snapshotPath() }).load();
    expect(errors).toEqual([]);
    expect(updates.at(-1)).toMatchObject({ fromSnapshot: true });
  });

  it('does not trust a snapshot whose bytes changed on disk', async () => {
    await start({ snapshotPath: snapshotPath() }).load();
    await live.close();
    const bytes = readFileSync(snapshotPath());
    bytes[bytes.length - 3]! ^= 0xff;
    writeFileSync(snapshotPath(), bytes);

    await start({ snapshotPath: snapshotPath() }).load();
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/snapshot .* was not used \(it cannot be read: its checksum does not match\)/));
    expect(updates.at(-1)).toMatchObject({ fromSnapshot: false, full: true });
    expect(JSON.stringify(answerQuery(live.current()!, 'taliban'))).toContain('Supreme Court');
  });
});
