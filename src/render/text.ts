import type { Explanation, RuleTrace } from '../answer/explain.js';
import type { Answer } from '../answer/types.js';
import { citationMarkers as cite } from '../answer/sources.js';
import { ASSEMBLED, officialListWords, stateWords } from './words.js';

/**
 * An answer for a person at a terminal: the direct answer to a question on the first line, then
 * sections with headings, numbered citations, and the sources at the end.
 *
 * @example
 * renderText(answerQuery(kb, 'taliban')).split('\n')[0] // 'taliban'
 * renderText(answerQuery(kb, 'has russia removed the taliban?')).split('\n')[0]
 * // 'Answer, assembled from the cited sources: Yes. Russia removed the Taliban on 2025-04-17 [1].'
 */
export function renderText(answer: Answer): string {
  const lines: string[] = [
    ...(answer.direct ? [`${ASSEMBLED}: ${answer.direct.text}`, ''] : []),
    answer.query === '' ? '(empty query)' : answer.query,
    '='.repeat(Math.min(72, Math.max(answer.query.length, 15))),
  ];
  if (answer.message !== null) return [...lines, answer.message, ''].join('\n');

  const section = (title: string, body: string[]) => {
    if (body.length > 0) lines.push('', title, ...body);
  };
  section(
    'Summary',
    answer.summary.map((s) => `  ${s.text} ${cite(s.citations)}`),
  );
  section(
    'Status',
    answer.status.map((s) => {
      const head = `  ${s.entry ? '[official list] ' : ''}${s.entity} / ${s.authority}: ${stateWords(s)}${s.date ? `, ${s.date}` : ''} ${cite(s.citations)}`;
      return `${head}\n      ${s.entry ? officialListWords(s.entry) : `"${s.text}"`}`;
    }),
  );
  section(
    'Possible list entries, not used until confirmed in entities.yml (list_ids)',
    answer.candidates.map((c) => `  ${c.entity} ~ ${c.ref} "${c.name}" in the ${c.list}: match ${c.score.toFixed(2)} ${cite(c.citations)}`),
  );
  section(
    'Timeline',
    answer.timeline.map((t) => `  ${t.date.padEnd(10)}  ${t.text} ${cite(t.citations)}`),
  );
  section(
    'Sources disagree',
    answer.conflicts.map((c) => `  ${c.about}: ${c.values.map((v) => `${v.value} ${cite(v.citations)}`).join('; ')}`),
  );
  section(
    'Sources',
    answer.sources.map((s) => {
      const where = [s.kind === 'list' ? 'official list' : s.outlet, s.published].filter(Boolean).join(', ');
      return `  [${s.id}] ${s.title}${where ? ` (${where})` : ''}\n      ${s.url ?? s.path}`;
    }),
  );
  return [...lines, ''].join('\n');
}

/** Why each status line exists, and what its sources name that made no line: the rules, in words (`ask --explain`). */
export function renderExplanation(explanation: Explanation): string {
  const lines: string[] = ['', 'Why these status lines'];
  const rule = (r: RuleTrace) => `      ${r.rule} (${r.decision}): ${r.says}`;
  for (const line of explanation.lines) lines.push(`  ${line.entity} / ${line.authority}`, ...line.rules.map(rule));
  if (explanation.rejected.length > 0) {
    lines.push('', 'Steps the sources name that made no line');
    for (const r of explanation.rejected) lines.push(`  [${r.source}] "${r.word}" in "${r.sentence}"`, rule(r.rule));
  }
  return [...lines, ''].join('\n');
}
