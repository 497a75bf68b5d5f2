import type { SqlDatabase } from './sql.js';

/** Reports read per page of an export. */
const PAGE = 500;

/** Why an answer did not help, as the 👎 modal offers it. */
export const REPORT_REASONS = {
  wrong_status: 'Wrong status',
  wrong_date: 'Wrong or missing date',
  missing_source: 'Missing source',
  off_topic: 'Off-topic',
  other: 'Other',
} as const;

export type ReportReason = keyof typeof REPORT_REASONS;

/** A cited source of the answer reported, as it was then. */
export interface ReportedCitation {
  id: number;
  title: string;
  path: string;
  url: string | null;
}

/** A 👎 with its reason: what an editor needs to check the answer again. */
export interface FeedbackReport {
  id: number;
  teamId: string;
  userId: string;
  channelId: string | null;
  query: string;
  reason: ReportReason;
  /** Free text from the reporter; empty when none. */
  note: string;
  /** The knowledge base's fingerprint when the report was made: the citations are the answer's as it stood then. */
  knowledgeFingerprint: string;
  citations: ReportedCitation[];
  createdAt: string;
}

export type NewReport = Omit<FeedbackReport, 'id' | 'createdAt'>;

interface Row {
  id: number;
  team_id: string;
  user_id: string;
  channel_id: string | null;
  query: string;
  reason: ReportReason;
  note: string;
  knowledge_fingerprint: string;
  citations: string;
  created_at: string;
}

const fromRow = (r: Row): FeedbackReport => ({
  id: r.id,
  teamId: r.team_id,
  userId: r.user_id,
  channelId: r.channel_id,
  query: r.query,
  reason: r.reason,
  note: r.note,
  knowledgeFingerprint: r.knowledge_fingerprint,
  citations: JSON.parse(r.citations) as ReportedCitation[],
  createdAt: r.created_at,
});

/** Reports on answers that did not help, each kept (a person may report the same answer twice, for two reasons). */
export class FeedbackReports {
  constructor(private readonly db: SqlDatabase) {}

  async add(report: NewReport, now: Date): Promise<FeedbackReport> {
    const row = await this.db.get<Row>(
      `INSERT INTO feedback_reports (team_id, user_id, channel_id, query, reason, note, knowledge_fingerprint, citations, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [
        report.teamId,
        report.userId,
        report.channelId,
        report.query,
        report.reason,
        report.note,
        report.knowledgeFingerprint,
        JSON.stringify(report.citations),
        now.toISOString(),
      ],
    );
    return fromRow(row!);
  }

  /** The workspace's latest reports, newest first. */
  async latest(teamId: string, limit = 5): Promise<FeedbackReport[]> {
    return (await this.db.all<Row>('SELECT * FROM feedback_reports WHERE team_id = ? ORDER BY created_at DESC, id DESC LIMIT ?', [teamId, limit])).map(fromRow);
  }

  /** Every report, oldest first, a page at a time (an export of any size). */
  async *all(): AsyncGenerator<FeedbackReport> {
    let after: Row | undefined;
    for (;;) {
      const page = after
        ? await this.db.all<Row>('SELECT * FROM feedback_reports WHERE created_at > ? OR (created_at = ? AND id > ?) ORDER BY created_at, id LIMIT ?', [
            after.created_at,
            after.created_at,
            after.id,
            PAGE,
          ])
        : await this.db.all<Row>('SELECT * FROM feedback_reports ORDER BY created_at, id LIMIT ?', [PAGE]);
      for (const row of page) yield fromRow(row);
      if (page.length < PAGE) return;
      after = page.at(-1);
    }
  }
}
