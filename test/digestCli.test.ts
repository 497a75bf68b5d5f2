import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_EVENT } from '../src/render/slackIds.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fakeSlackApi.js';
import { SEED_DIR } from './support/seedKnowledge.js';
import { DATABASES, type TempStore, tempStore } from './support/tempStore.js';

const ROOT = new URL('..', import.meta.url).pathname;

let fake: FakeSlackApi;
let dir: string;
let env: NodeJS.ProcessEnv;

type Ran = { code: number | null; stdout: string; stderr: string };

/** Runs the digest CLI as `npm run digest` does, in the environment `on`. */
function digestIn(on: NodeJS.ProcessEnv, ...args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/digest.ts', ...args], { cwd: ROOT, env: on, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const digest = (...args: string[]) => digestIn(env, ...args);

beforeAll(async () => {
  fake = await startFakeSlackApi();
  dir = mkdtempSync(join(tmpdir(), 'designation-cli-'));
  env = {
    ...process.env,
    KNOWLEDGE_DIR: SEED_DIR,
    DATABASE_PATH: join(dir, 'd.db'),
    SNAPSHOT_PATH: join(dir, 'knowledge.snapshot'),
    SLACK_BOT_TOKEN: 'xoxb-cli-test',
    SLACK_API_URL: fake.url,
    LOG_LEVEL: '',
  };
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run digest', () => {
  it('--preview prints what the knowledge base learned, on the topics named', async () => {
    const { code, stdout } = await digest('--preview', '--since', '2025-01-01', 'taliban');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Designation digest: Taliban\n/);
    expect(stdout).toMatch(/Taliban \/ Russia: removed, 2025-04-17/);
    expect(stdout).toMatch(/\[\d\] Russia's Supreme Court removes Taliban/);
  });

  it.each([
    [['--preview', '--send-due'], /choose one of --preview and --send-due/],
    [['--send-due', '--now', 'tomorrow'], /--now "tomorrow" is not an ISO-8601 time/],
    [['--preview', '--since', '2025-13-40'], /--since "2025-13-40" is not a date/],
    [['--preview', 'quidditch'], /I do not know the topic "quidditch"/],
  ])('refuses %j with a reason and usage, exit 2', async (args, problem) => {
    const { code, stderr } = await digest(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(problem);
    expect(stderr).toMatch(/Usage:/);
  });
});

for (const database of DATABASES) {
  describe.skipIf(database.skip)(`npm run digest --send-due on ${database.name}`, () => {
    let store: TempStore;
    beforeAll(async () => {
      store = await tempStore(database.kind);
      fake.reset();
    });
    afterAll(() => store.remove());
    const own = () => ({ ...env, ...(store.options.url ? { DATABASE_URL: store.options.url, DATABASE_PATH: '' } : { DATABASE_PATH: store.options.path! }) });

    it('--send-due posts a due digest once, however often it runs in the period', async () => {
      // Subscribed two days before the articles were first seen (now, by this CLI); due at 09:00 UTC tomorrow.
      await store.subscriptions.subscribe(
        { teamId: 'T1', channelId: 'C42', cadence: 'daily', weekday: null, atTime: '09:00', timeZone: 'UTC', topics: [], createdBy: 'U1' },
        new Date(Date.now() - 2 * 86_400_000),
      );
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

      const first = await digestIn(own(), '--send-due', '--now', `${tomorrow}T09:05:00Z`);
      expect(first.stdout).toMatch(new RegExp(`C42 daily ${tomorrow}T09:00:00.000Z sent`));
      const second = await digestIn(own(), '--send-due', '--now', `${tomorrow}T18:00:00Z`);
      expect(second.stdout).toMatch(/already-done/);
      expect([first.code, second.code]).toEqual([0, 0]);
      const posts = fake.callsTo('chat.postMessage');
      expect(posts).toHaveLength(1);
      expect(posts[0]!.body).toMatchObject({ channel: 'C42', metadata: { event_type: DIGEST_EVENT } });
    });
  });
}
