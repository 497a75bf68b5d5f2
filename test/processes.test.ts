import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, startAppProcess, until } from './support/appProcess.js';
import { type FakeSlackApi, startFakeSlackApi } from './support/fakeSlackApi.js';
import { postSigned, slashCommandBody } from './support/slackRequests.js';

const SECRET = 'processes-test-signing-secret';

/** The process ids that logged a message. */
function pidsThatLogged(output: string, message: string): number[] {
  const pids = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { pid: number; msg: string })
    .filter((entry) => entry.msg === message)
    .map((entry) => entry.pid);
  return [...new Set(pids)];
}

describe('APP_PROCESSES=2: two processes serving on one port', () => {
  let fake: FakeSlackApi;
  let app: AppProcess;
  let dataDir: string;
  const ask = async (text: string) =>
    postSigned(`${app.base}/slack/events`, slashCommandBody({ text, response_url: fake.responseUrl('p') }), { secret: SECRET });

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    dataDir = mkdtempSync(join(tmpdir(), 'designation-processes-'));
    app = await startAppProcess({
      APP_PROCESSES: '2',
      SLACK_BOT_TOKEN: 'xoxb-123-456-processes',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.url,
      DATABASE_PATH: join(dataDir, 'designation.db'),
      SNAPSHOT_PATH: join(dataDir, 'knowledge.snapshot'),
    });
    await until(async () => pidsThatLogged(app.output(), 'knowledge base loaded from its snapshot').length === 1);
  }, 40_000);

  afterAll(async () => {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads the folder once: the first builds the snapshot, the second starts from it', async () => {
    expect(pidsThatLogged(app.output(), 'knowledge base loaded')).toHaveLength(1);
    for (let n = 0; n < 8; n++) {
      const res = await ask('taliban');
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json())).toMatch(/Russia\* on Taliban: removed, 2025-04-17/);
    }
  });

  it('answers from the other while one that died is replaced, and stops them all on SIGTERM', async () => {
    const [first] = pidsThatLogged(app.output(), 'knowledge base loaded');
    process.kill(first!, 'SIGKILL');
    await until(async () => app.output().includes('a serving process stopped; starting another'));
    const meanwhile = await ask('kazakhstan'); // only the second is serving now
    expect(meanwhile.status).toBe(200);
    expect(JSON.stringify(meanwhile.json())).toMatch(/Kazakhstan/);
    await until(async () => pidsThatLogged(app.output(), 'knowledge base loaded from its snapshot').length === 2);
    expect((await ask('taliban')).status).toBe(200);
    expect(await app.stop()).toBe(0);
    expect(pidsThatLogged(app.output(), 'stopped')).toHaveLength(2);
  }, 30_000);
});

describe('APP_PROCESSES=2 when a process cannot start as configured', () => {
  it('stops the others and exits with status 2, as one process would', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: {
        ...process.env,
        APP_PROCESSES: '2',
        SLACK_BOT_TOKEN: 'xoxb-123-456-processes',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_APP_TOKEN: '',
        PORT: '0',
        DATABASE_PATH: '/dev/null/designation.db', // a folder that cannot be made
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).toMatch(/^database: /m);
    expect(code).toBe(2);
  }, 20_000);
});
