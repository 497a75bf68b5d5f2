import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import { DigestSender } from '../src/digest/sendDue.js';
import { articleVersions } from '../src/digest/versions.js';
import { createLogger } from '../src/log.js';
import { deliveryClient, slackDigestTransport } from '../src/slack/digestTransport.js';
import { startFakeSlackApi } from './support/fakeSlackApi.js';
import { digestFor } from '../src/digest/sendDue.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { defaultFetchOptions, isPrivateAddress } from '../src/knowledge/sources/safeFetch.js';
import { SourcePoller } from '../src/knowledge/sources/sourcePoller.js';
import { LIST_FIXTURES, knowledgeFolder } from './support/listFolder.js';
import { SEED_DIR } from './support/seedKnowledge.js';
import { tempStore, type TempStore } from './support/tempStore.js';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;
const PAGE = readFileSync(new URL('fixtures/pages/government-press.html', import.meta.url));

/** What the local server serves, by path: a body, its type, and an ETag that answers 304. */
const served = new Map<string, { body: string | Buffer; type: string; etag?: string }>();
const requests: { path: string; headers: Record<string, unknown> }[] = [];
let server: Server;
let base: string;
let host: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    if (req.url === '/away') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    const found = served.get(req.url ?? '');
    if (!found) return void res.writeHead(404).end();
    if (found.etag && req.headers['if-none-match'] === found.etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': found.type, ...(found.etag ? { etag: found.etag } : {}) });
    res.end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `http://${host}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  served.clear();
  requests.length = 0;
});

function rss(items: { guid: string; path: string; title: string }[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>State Department Press</title>${items
    .map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link><guid>${i.guid}</guid><pubDate>Thu, 12 Feb 2026 15:30:00 GMT</pubDate></item>`)
    .join('')}</channel></rss>`;
}

/** `npm run fetch -- --once` on a folder, as cron runs it: its exit code and lines. */
async function fetchOnce(dir: string, env: Record<string, string> = { FETCH_ALLOW_HOSTS: host }): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/fetch.ts', '--knowledge', dir, '--once'], {
      cwd: ROOT,
      env: { ...process.env, FETCH_HOST_DELAY_MS: '0', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function desk(sourcesYml: string): string {
  const dir = knowledgeFolder({ 'sources.yml': sourcesYml });
  folders.push(dir);
  cpSync(SEED_DIR, dir, { recursive: true });
  return dir;
}

describe('following feeds', () => {
  it('writes a new item as an article the answer cites, once; a second run writes nothing', async () => {
    served.set('/feed.xml', {
      body: rss([{ guid: 'kvf-1', path: '/press/kvf.html', title: 'Terrorist Designation of the Kharsan Valley Front' }]),
      type: 'application/rss+xml',
      etag: '"v1"',
    });
    served.set('/press/kvf.html', { body: PAGE, type: 'text/html' });
    // The same story in a second feed, at another address whose page names the same canonical address.
    served.set('/feed.json', {
      body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Mirror', items: [{ id: 'm-1', url: `${base}/mirror/kvf.html` }] }),
      type: 'application/feed+json',
    });
    served.set('/mirror/kvf.html', { body: PAGE, type: 'text/html' });
    const dir = desk(`feeds:\n  - url: ${base}/feed.xml\n    outlet: US State Department\n  - url: ${base}/feed.json\n`);

    const first = await fetchOnce(dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`feed ${base}/feed.xml: 1 new (feeds/us-state-department/2026-02-12-terrorist-designation-of-the-kharsan-valley-front.md)`);
    expect(first.stdout).toContain(`feed ${base}/feed.json: unchanged`);
    expect(readdirSync(join(dir, 'feeds'))).toEqual(['us-state-department']);
    const file = readFileSync(join(dir, 'feeds/us-state-department/2026-02-12-terrorist-designation-of-the-kharsan-valley-front.md'), 'utf8');
    expect(file).toMatch(
      /^---\ntitle: Terrorist Designation of the Kharsan Valley Front\noutlet: US State Department\nurl: https:\/\/state\.example\/terrorist-designation-of-the-kharsan-valley-front\/\npublished: 2026-02-12\n---\n/,
    );
    expect(requests.find((r) => r.path === '/feed.xml')!.headers['user-agent']).toMatch(/^designation-desk\//);

    const kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
    const answer = answerQuery(kb, 'kharsan valley front');
    expect(answer.summary.map((s) => s.text)).toContain(
      'The Department of State is designating the Kharsan Valley Front as a Specially Designated Global Terrorist under Executive Order 13224.',
    );
    expect(answer.sources[0]).toMatchObject({
      title: 'Terrorist Designation of the Kharsan Valley Front',
      url: 'https://state.example/terrorist-designation-of-the-kharsan-valley-front/',
    });

    requests.length = 0;
    const second = await fetchOnce(dir);
    expect(second.stdout).toContain(`feed ${base}/feed.xml: unchanged`);
    // Conditional: the feed answered 304, and no item page was fetched again.
    expect(requests.find((r) => r.path === '/feed.xml')!.headers['if-none-match']).toBe('"v1"');
    expect(requests.some((r) => r.path.startsWith('/press/'))).toBe(false);
    expect(readdirSync(join(dir, 'feeds/us-state-department'))).toHaveLength(1);
  });

  it('reports a broken feed and an unreadable item by name, and writes the rest', async () => {
    served.set('/broken.xml', { body: '<rss><channel><item>', type: 'application/rss+xml' });
    served.set('/feed.xml', {
      body: rss([
        { guid: 'a', path: '/press/kvf.html', title: 'Kharsan' },
        { guid: 'b', path: '/press/missing.html', title: 'Gone' },
      ]),
      type: 'application/rss+xml',
    });
    served.set('/press/kvf.html', { body: PAGE, type: 'text/html' });
    const dir = desk(`feeds:\n  - url: ${base}/broken.xml\n  - url: ${base}/feed.xml\n`);
    const result = await fetchOnce(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`feed ${base}/broken\\.xml: failed: is not well-formed XML`));
    expect(result.stdout).toMatch(
      /: 1 new \(feeds\/state-department-press\/.*\.md\)\n {2}item failed: .*\/press\/missing\.html: 127\.0\.0\.1:\d+ answered HTTP 404/,
    );
  });
});

describe('from a feed to an alert', () => {
  it('writes the new item, the answer cites it, the instant alert is posted once, and a second fetch writes nothing', async () => {
    served.set('/feed.xml', {
      body: rss([{ guid: 'kvf-1', path: '/press/kvf.html', title: 'Terrorist Designation of the Kharsan Valley Front' }]),
      type: 'application/rss+xml',
      etag: '"v1"',
    });
    served.set('/press/kvf.html', { body: PAGE, type: 'text/html' });
    const dir = desk(`feeds:\n  - url: ${base}/feed.xml\n    outlet: US State Department\n`);
    const store = await tempStore();
    const slack = await startFakeSlackApi();
    try {
      // The desk as it was: every article known, a channel following every topic at once.
      let kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
      await store.ledger.record(articleVersions(kb, kb.articles), new Date('2026-12-06T09:00:00Z'));
      await store.subscriptions.subscribe(
        { teamId: 'T1', channelId: 'C9', cadence: 'instant', weekday: null, atTime: '00:00', timeZone: 'UTC', topics: [], createdBy: 'U1' },
        new Date('2026-12-06T09:00:00Z'),
      );
      expect((await fetchOnce(dir)).stdout).toMatch(/1 new \(feeds\/us-state-department\//);
      kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
      await store.ledger.record(articleVersions(kb, kb.articles), new Date('2026-12-06T09:05:00Z'));
      expect(answerQuery(kb, 'kharsan valley front').sources[0]).toMatchObject({ title: 'Terrorist Designation of the Kharsan Valley Front' });

      const transport = slackDigestTransport(deliveryClient('xoxb-test', { slackApiUrl: slack.url }));
      const sender = () =>
        new DigestSender({
          store,
          knowledge: () => kb,
          transport,
          logger: createLogger({ level: 'silent', pretty: false }),
          clock: () => new Date('2026-12-06T09:05:30Z'),
        });
      await Promise.all([sender().sendDue(), sender().sendDue()]);
      const alerts = slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C9');
      expect(alerts).toHaveLength(1);
      expect(JSON.stringify(alerts[0]!.body.blocks)).toMatch(/Status alert.*Kharsan Valley Front/);

      expect((await fetchOnce(dir)).stdout).toContain(`feed ${base}/feed.xml: unchanged`);
      expect(readdirSync(join(dir, 'feeds/us-state-department'))).toHaveLength(1);
    } finally {
      await slack.close();
      await store.remove();
    }
  });
});

describe('what goes wrong', () => {
  it('tries an item that failed again on the next poll', async () => {
    served.set('/feed.xml', { body: rss([{ guid: 'late', path: '/press/late.html', title: 'Late' }]), type: 'application/rss+xml', etag: '"v1"' });
    const dir = desk(`feeds:\n  - url: ${base}/feed.xml\n`);
    expect((await fetchOnce(dir)).stdout).toMatch(/feed .*feed\.xml: failed: .*\/press\/late\.html: .* answered HTTP 404/);
    served.set('/press/late.html', { body: PAGE, type: 'text/html' });
    expect((await fetchOnce(dir)).stdout).toMatch(/feed .*\/feed\.xml: 1 new/);
  });

  it('keeps the older list when the address answers with something that is not one', async () => {
    served.set('/un/consolidated.xml', { body: readFileSync(join(LIST_FIXTURES, 'un/consolidated.xml')), type: 'application/xml' });
    const dir = desk(`lists:\n  - url: ${base}/un/consolidated.xml\n    name: un\n`);
    await fetchOnce(dir);
    served.set('/un/consolidated.xml', { body: '<html><body>Service unavailable</body></html>', type: 'text/html' });
    const result = await fetchOnce(dir);
    expect(result.stdout).toMatch(/list .*: failed: what it answered is not a list .*; the older version stays/);
    expect(readFileSync(join(dir, 'lists/un/consolidated.xml'), 'utf8')).toContain('CONSOLIDATED_LIST');
    expect(readdirSync(join(dir, 'lists/un'))).toEqual(['consolidated.xml']);
  });

  it('polls nothing while another process polls, nor from a state file it cannot read', async () => {
    served.set('/feed.xml', { body: rss([]), type: 'application/rss+xml' });
    const dir = desk(`feeds:\n  - url: ${base}/feed.xml\n`);
    mkdirSync(join(dir, '.sources'));
    writeFileSync(join(dir, '.sources/poll.lock'), '{}');
    expect((await fetchOnce(dir)).stderr).toMatch(/another process is polling the sources now; this poll is skipped/);
    rmSync(join(dir, '.sources/poll.lock'));
    writeFileSync(join(dir, '.sources/state.json'), '{ not json');
    const corrupt = await fetchOnce(dir);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/state\.json is not valid JSON; nothing is polled/);
    expect(requests).toEqual([]);
  });
});

describe('the running app', () => {
  it('polls the sources itself, names those failing, and waits before trying one that failed again', async () => {
    served.set('/feed.xml', { body: rss([{ guid: 'kvf-1', path: '/press/kvf.html', title: 'Kharsan' }]), type: 'application/rss+xml' });
    served.set('/press/kvf.html', { body: PAGE, type: 'text/html' });
    const dir = desk(`feeds:\n  - url: ${base}/feed.xml\n  - url: ${base}/gone.xml\n`);
    const seen: string[] = [];
    const poller = new SourcePoller(dir, {
      ...defaultFetchOptions,
      allowHosts: [host],
      hostDelayMs: 0,
      feedsEveryMs: 3_600_000,
      listsEveryMs: 3_600_000,
      observe: (report) => seen.push(`${report.kind} ${report.outcome}`),
      onProblem: (message) => seen.push(message),
    });
    await poller.poll('feed');
    expect(seen).toEqual(['feed new', 'feed failed']);
    expect(poller.status().failing).toEqual([{ url: `${base}/gone.xml`, error: expect.stringMatching(/answered HTTP 404/) }]);
    expect(readdirSync(join(dir, 'feeds/state-department-press'))).toHaveLength(1);
    // Polled again at once: the failing feed waits its minute; the other is asked, and has nothing new.
    requests.length = 0;
    await poller.poll('feed');
    expect(seen.slice(2)).toEqual(['feed unchanged']);
    expect(requests.map((r) => r.path)).toEqual(['/feed.xml']);
    await poller.stop();
  });
});

describe('fetching is safe', () => {
  it('refuses a loopback address unless FETCH_ALLOW_HOSTS lists it, and a redirect to a metadata address', async () => {
    served.set('/feed.xml', { body: rss([]), type: 'application/rss+xml' });
    const dir = desk(`feeds:\n  - url: ${base}/feed.xml\n  - url: ${base}/away\n`);
    const refused = await fetchOnce(dir, { FETCH_ALLOW_HOSTS: '' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/feed http:\/\/127\.0\.0\.1:\d+\/feed\.xml: failed: 127\.0\.0\.1 is a private address \(allow it with FETCH_ALLOW_HOSTS\)/);
    expect(requests).toEqual([]);
    const redirected = await fetchOnce(dir);
    expect(redirected.stdout).toMatch(/\/away: failed: 169\.254\.169\.254 is a private address/);
    expect(redirected.stdout).toContain(`feed ${base}/feed.xml: unchanged`);
  });

  it('takes every private, loopback, link-local and mapped address for one', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ])
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    for (const address of ['93.184.216.34', '2606:2800:220:1::1', '8.8.8.8']) expect([address, isPrivateAddress(address)]).toEqual([address, false]);
  });
});

describe('following lists', () => {
  let store: TempStore;
  beforeAll(async () => {
    store = await tempStore();
  });
  afterAll(() => store.remove());

  it('fetches a list, then its newer version, and the digest reports what changed', async () => {
    served.set('/un/consolidated.xml', { body: readFileSync(join(LIST_FIXTURES, 'un/consolidated.xml')), type: 'application/xml' });
    const dir = desk(`lists:\n  - url: ${base}/un/consolidated.xml\n    name: un-consolidated\n`);
    writeFileSync(
      join(dir, 'entities.yml'),
      `${readFileSync(join(dir, 'entities.yml'), 'utf8')}\n- name: Al-Qaida\n  kind: organisation\n  aliases: [Al-Qaeda]\n`,
    );
    expect((await fetchOnce(dir)).stdout).toContain(`list ${base}/un/consolidated.xml: updated (lists/un-consolidated/consolidated.xml)`);
    let kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
    await store.listVersions.record(kb.lists, new Date('2026-11-28T06:00:00Z'));

    served.set('/un/consolidated.xml', { body: readFileSync(join(LIST_FIXTURES, 'un-next/consolidated.xml')), type: 'application/xml' });
    expect((await fetchOnce(dir)).stdout).toContain('updated (lists/un-consolidated/consolidated.xml)');
    expect((await fetchOnce(dir)).stdout).toContain(`list ${base}/un/consolidated.xml: unchanged`);
    expect(existsSync(join(dir, 'lists/un-consolidated'))).toBe(true);
    expect(readdirSync(join(dir, 'lists/un-consolidated'))).toEqual(['consolidated.xml']);
    kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
    await store.listVersions.record(kb.lists, new Date('2026-12-01T06:00:00Z'));
    const digest = await digestFor(kb, store, { since: '2026-11-30T00:00:00.000Z', until: '2026-12-01T12:00:00.000Z' }, ['taliban']);
    expect(digest.listChanges.map((c) => [c.ref, c.change])).toEqual([['TAe.901', 'removed']]);
  });
});

describe('without sources.yml', () => {
  it('fetches nothing and says so', async () => {
    const dir = knowledgeFolder({});
    folders.push(dir);
    const result = await fetchOnce(dir);
    expect(result).toMatchObject({ code: 0, stdout: 'no sources.yml, or it names no feed or list: nothing to fetch\n' });
  });
});
