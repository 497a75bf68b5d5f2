import type { FeedbackReport } from '../store/feedbackReports.js';

/** The columns of an exported report, in order. */
const COLUMNS = ['created_at', 'team_id', 'user_id', 'channel_id', 'query', 'reason', 'note', 'knowledge_fingerprint', 'citations'] as const;

const fields = (r: FeedbackReport): Record<(typeof COLUMNS)[number], string> => ({
  created_at: r.createdAt,
  team_id: r.teamId,
  user_id: r.userId,
  channel_id: r.channelId ?? '',
  query: r.query,
  reason: r.reason,
  note: r.note,
  knowledge_fingerprint: r.knowledgeFingerprint,
  // One cell: each citation as "[id] title (path)", separated by " | ".
  citations: r.citations.map((c) => `[${c.id}] ${c.title} (${c.url ?? c.path})`).join(' | '),
});

/**
 * A CSV field, always quoted (RFC 4180): a spreadsheet that splits on another character, as
 * European locales split on semicolons, keeps a quoted field whole, so no part of it becomes a
 * cell of its own. A field that would run as a formula (it starts with =, +, -, @, a tab or a
 * carriage return) is prefixed with an apostrophe: reports hold text anyone in Slack typed.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const csvHeader = () => `${COLUMNS.join(',')}\r\n`;

export const csvRow = (report: FeedbackReport) => `${COLUMNS.map((c) => csvField(fields(report)[c])).join(',')}\r\n`;

/** One JSON object per line, with the citations as a list. */
export const jsonLine = (report: FeedbackReport) => `${JSON.stringify({ ...fields(report), citations: report.citations })}\n`;
