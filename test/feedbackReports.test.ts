import { spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import type { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { csvRow } from '../src/render/reportRows.js';
import { ANSWER_ACTIONS, FEEDBACK, HOME_ACTIONS } from '../src/render/slackIds.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { appHomeOpenedEvent, blockActionsBody, openedView, viewSubmissionBody } from './support/slackRequests.js';
import { DATABASES, tempStore, type TempStore } from './support/tempStore.js';

const ROOT = new URL('..', import.meta.url).pathname;
const QUERY = 'when did russia remove the taliban?';

for (const database of DATABASES) {
  describe.skipIf(database.skip)(`reports on ${database.name}`, () => {
    let kb: KnowledgeBase;
    let slack: RunningApp;
    let store: TempStore;

    beforeAll(async () => {
      store = await tempStore(database.kind);
      kb = await seedKnowledgeBase();
      // U1 is an editor by id; members of the user group S7 are editors too.
      slack = await startSlackApp(() => kb, { store, env: { KNOWLEDGE_EDITORS: 'U1, S7' } });
    });
    afterAll(async () => {
      await slack.stop();
      await store.remove();
    });
    beforeEach(() => {
      slack.fake.reset();
      slack.fake.respondWith('usergroups.users.list', (call) => ({ body: { ok: true, users: call.body.usergroup === 'S7' ? ['U5'] : [] } }));
    });

    /** A CSV line's cells as a spreadsheet that splits on semicolons reads them: a quote opens or closes a quoted stretch, and a semicolon outside one ends a cell. */
    function semicolonCells(line: string): string[] {
      const cells = [''];
      let quoted = false;
      for (const char of line.trimEnd()) {
        if (char === '"') quoted = !quoted;
        else if (char === ';' && !quoted) cells.push('');
        else cells[cells.length - 1] += char;
      }
      return cells;
    }

    const shown = (value: unknown) => JSON.stringify(value);

    /** Clicks 👎 under an answer to QUERY; returns the modal it opened, as Slack sends it back with `values` filled in. */
    async function thumbsDown(values: Record<string, Record<string, Record<string, unknown>>>, user = 'U2'): Promise<Record<string, unknown>> {
      await slack.post(blockActionsBody({ action_id: ANSWER_ACTIONS.notHelpful, value: QUERY, user_id: user, response_url: slack.fake.responseUrl('down') }));
      const opened = await slack.fake.waitForCall('views.open');
      return openedView(opened.body.view as Record<string, unknown>, values);
    }

    const reason = (value: string) => ({ [FEEDBACK.reasonBlock]: { [FEEDBACK.reasonBlock]: { type: 'radio_buttons', selected_option: { value } } } });
    const note = (value: string) => ({ [FEEDBACK.noteBlock]: { [FEEDBACK.noteBlock]: { type: 'plain_text_input', value } } });

    /** Runs `npm run feedback -- --export ...` on the test's database. */
    function exportReports(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/feedback.ts', '--export', ...args], {
          cwd: ROOT,
          env: { ...process.env, ...(store.options.url ? { DATABASE_URL: store.options.url } : { DATABASE_PATH: store.options.path }) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
    }

    describe('👎 with a reason', () => {
      it('opens a modal with the reasons and a note, and counts the rating at once', async () => {
        const modal = await thumbsDown({});
        expect(modal.callback_id).toBe(FEEDBACK.view);
        expect(shown(modal.blocks)).toMatch(/Wrong status.*Wrong or missing date.*Missing source.*Off-topic.*Other/);
        expect(shown(modal.blocks)).toContain(QUERY);
        expect((await store.feedback.summary('T1')).down).toBeGreaterThan(0);
      });

      it('still thanks the person when Slack no longer lets the modal open', async () => {
        slack.fake.respondWith('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
        await slack.post(blockActionsBody({ action_id: ANSWER_ACTIONS.notHelpful, value: QUERY, user_id: 'U3', response_url: slack.fake.responseUrl('late') }));
        expect((await slack.fake.waitForCall('response_url:late')).body.text).toMatch(/^Thanks: noted that this answer did not help/);
      });

      it('asks for a reason on the field when none was picked', async () => {
        const modal = await thumbsDown(note('no reason given'));
        const ack = (await slack.post(viewSubmissionBody(modal, 'U2'))).json() as { response_action: string; errors: Record<string, string> };
        expect(ack.response_action).toBe('errors');
        expect(Object.keys(ack.errors)).toEqual([FEEDBACK.reasonBlock]);
      });

      it('stores the reason and note with the query, the knowledge version and the citations of the answer', async () => {
        const before = (await store.reports.latest('T1', 50)).length;
        const modal = await thumbsDown({ ...reason('wrong_date'), ...note('The court ruled in April, "not" in May <!here>\n=SUM(A1)') });
        const ack = (await slack.post(viewSubmissionBody(modal, 'U2'))).json() as { response_action: string; view: unknown };
        expect(ack.response_action).toBe('update');
        expect(shown(ack.view)).toMatch(/Noted, with your reason/);
        const reports = await store.reports.latest('T1', 50);
        expect(reports).toHaveLength(before + 1);
        const answer = answerQuery(kb, QUERY);
        expect(reports[0]).toMatchObject({
          userId: 'U2',
          query: QUERY,
          reason: 'wrong_date',
          note: 'The court ruled in April, "not" in May <!here>\n=SUM(A1)',
          knowledgeFingerprint: kb.fingerprint(),
        });
        expect(reports[0]!.citations.map((c) => c.path)).toEqual(answer.sources.map((s) => s.path));
        expect(reports[0]!.citations.length).toBeGreaterThan(0);
        // Another workspace does not see it.
        expect(await store.reports.latest('T2')).toEqual([]);
      });

      it('shows editors the latest reports in the App Home, with a button that asks the query again in their DM', async () => {
        for (const [user, editor] of [
          ['U1', true],
          ['U5', true],
          ['U2', false],
        ] as const) {
          slack.fake.reset();
          slack.fake.respondWith('usergroups.users.list', (call) => ({ body: { ok: true, users: call.body.usergroup === 'S7' ? ['U5'] : [] } }));
          await slack.post(appHomeOpenedEvent({ user }));
          const home = shown((await slack.fake.waitForCall('views.publish')).body.view);
          expect(home.includes('Latest reports'), user).toBe(editor);
          if (editor) {
            expect(home).toMatch(/\*Wrong or missing date\* · “when did russia remove the taliban\?” · <@U2>/);
            expect(home).toContain(HOME_ACTIONS.reask);
            // The reporter's note is quoted, escaped: it cannot ping anyone.
            expect(home).toContain('&lt;!here&gt;');
            expect(home).not.toContain('<!here>');
          }
        }
        await slack.post(blockActionsBody({ action_id: HOME_ACTIONS.reask, value: QUERY, container: 'home', user_id: 'U1' }));
        const dm = await slack.fake.waitForCall('chat.postMessage');
        expect(dm.body.channel).toBe('U1');
        expect(shown(dm.body.blocks)).toMatch(/Russia removed the Taliban on 2025-04-17/);
      });

      it('exports the reports as JSON lines and as CSV', async () => {
        const jsonl = await exportReports();
        expect(jsonl.code).toBe(0);
        const rows = jsonl.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(rows.at(-1)).toMatchObject({ team_id: 'T1', user_id: 'U2', query: QUERY, reason: 'wrong_date', knowledge_fingerprint: kb.fingerprint() });
        expect((rows.at(-1)!.citations as unknown[]).length).toBeGreaterThan(0);

        const csv = await exportReports('--format', 'csv');
        expect(csv.code).toBe(0);
        const [header, ...lines] = csv.stdout.split('\r\n').filter(Boolean);
        expect(header).toBe('created_at,team_id,user_id,channel_id,query,reason,note,knowledge_fingerprint,citations');
        // The note's quotes are doubled and its line break kept inside the quoted field.
        expect(csv.stdout).toContain('"The court ruled in April, ""not"" in May <!here>\n=SUM(A1)"');
        expect(lines.length).toBeGreaterThan(rows.length - 1);

        // A field a spreadsheet would run as a formula is kept as text.
        const typed = { ...(await store.reports.latest('T1'))[0]!, note: '=HYPERLINK("http://evil.example")', query: '-1+2' };
        expect(csvRow(typed)).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
        expect(csvRow(typed)).toContain(`"'-1+2"`);
        // Opened where cells are split on semicolons, as European spreadsheets do, no cell is a formula either.
        const cells = semicolonCells(csvRow({ ...typed, note: 'fine;=HYPERLINK(A1)', query: 'taliban' }));
        expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
        expect(cells.join(';')).toContain('fine;=HYPERLINK(A1)');

        const wrong = await exportReports('--format', 'xml');
        expect(wrong.code).toBe(2);
        expect(wrong.stderr).toMatch(/--format "xml" is not jsonl or csv/);
      });
    });
  });
}
