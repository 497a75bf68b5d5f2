import { isEmptyDigest, type Digest } from '../digest/types.js';
import { formatInstant } from './instant.js';
import { citationMarkers as cite } from '../answer/sources.js';
import { listChangeWords, stateWords } from './words.js';

/** A digest for a person at a terminal, in the same layout as a text answer. */
export function renderDigestText(digest: Digest, timeZone = 'UTC'): string {
  const title = `Designation digest: ${digest.topics.length > 0 ? digest.topics.join(', ') : 'every topic'}`;
  const lines = [
    title,
    '='.repeat(title.length),
    `What the knowledge base learned after ${formatInstant(digest.since, timeZone)}, up to ${formatInstant(digest.until, timeZone)}`,
  ];
  const section = (heading: string, body: string[]) => {
    if (body.length > 0) lines.push('', heading, ...body);
  };
  if (isEmptyDigest(digest)) {
    return [...lines, '', 'Nothing new.', ''].join('\n');
  }
  section(
    'Status changes',
    digest.statusChanges.map(({ line, before }) => {
      const was = before ? `${stateWords(before)}${before.date ? `, ${before.date}` : ''}` : 'no earlier report';
      return `  ${line.entity} / ${line.authority}: ${stateWords(line)}${line.date ? `, ${line.date}` : ''} (was: ${was}) ${cite(line.citations)}\n      "${line.text}"`;
    }),
  );
  section('Official list changes', [
    ...digest.listChanges.map((c) => `  ${c.listTitle}: ${listChangeWords(c)} ${cite([c.list])}`),
    ...(digest.omitted.listChanges > 0 ? [`  ...and ${digest.omitted.listChanges} more`] : []),
  ]);
  section('New events', [
    ...digest.events.map((e) => `  ${e.date.padEnd(10)}  ${e.text} ${cite(e.citations)}`),
    ...(digest.omitted.events > 0 ? [`  ...and ${digest.omitted.events} more`] : []),
  ]);
  const sourceOf = (id: number) => digest.sources.find((s) => s.id === id)!;
  section('Articles', [
    ...digest.articles.map((a) => {
      const s = sourceOf(a.source);
      const where = [s.outlet, s.published].filter(Boolean).join(', ');
      return `  [${s.id}] ${a.kind === 'updated' ? '(updated) ' : ''}${s.title}${where ? ` (${where})` : ''}\n      ${s.url ?? s.path}`;
    }),
    ...(digest.omitted.articles > 0 ? [`  ...and ${digest.omitted.articles} more`] : []),
  ]);
  const listed = new Set(digest.articles.map((a) => a.source));
  section(
    'Other sources cited',
    digest.sources
      .filter((s) => !listed.has(s.id))
      .map(
        (s) => `  [${s.id}] ${s.title}${s.kind === 'list' ? ` (official list, ${s.published})` : s.outlet ? ` (${s.outlet})` : ''}\n      ${s.url ?? s.path}`,
      ),
  );
  return [...lines, ''].join('\n');
}
