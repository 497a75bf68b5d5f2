import { authorityOf } from '../knowledge/authorities.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import type { ListMatch } from '../index/listLinks.js';
import { entryState } from '../knowledge/lists/loadLists.js';
import { compareDates, compatible, type PartialDate } from '../knowledge/partialDate.js';
import type { SourceRegistry } from './sources.js';
import { cachedStep } from './statusLines.js';
import type { Candidate, Conflict, StatusLine } from './types.js';

/** A status line from a list, with the ids it was worked out for. */
interface ListLine {
  line: StatusLine;
  match: ListMatch;
  /** The authority keeping the list, when it is one the knowledge base knows. */
  authorityId: string | null;
}

/**
 * What the official lists say of the subjects: a line per linked entry, with the list's own
 * dates; where the news says otherwise, a conflict that cites both; and the near misses, as
 * candidates. For a subject that is an authority, the lines of its lists for the organisations
 * the news says it listed or removed.
 */
export function buildListStatus(
  kb: KnowledgeBase,
  subjectIds: string[],
  sources: SourceRegistry,
): { status: StatusLine[]; conflicts: Conflict[]; candidates: Candidate[] } {
  if (kb.lists.length === 0) return { status: [], conflicts: [], candidates: [] };
  const links = kb.listLinks();
  const entity = (id: string) => kb.entity(id);
  const wanted = new Map<string, string | null>();
  for (const id of subjectIds) {
    const authority = authorityOf(entity, id);
    if (authority === null) wanted.set(id, null);
    else {
      // An organisation asked about is kept whole: an authority asked beside it does not narrow it.
      for (const pair of kb.claimPairs(authority)) {
        const target = pair.split(' ')[0]!;
        if (pair.endsWith(` ${authority}`) && wanted.get(target) !== null) wanted.set(target, authority);
      }
    }
  }
  const lines: ListLine[] = [];
  const candidates: Candidate[] = [];
  for (const [entityId, onlyAuthority] of wanted) {
    for (const match of links.linksOf(entityId)) {
      const authorityId = kb.listAuthority(match.entry);
      if (onlyAuthority !== null && authorityId !== onlyAuthority) continue;
      lines.push({ line: listLine(kb, match, authorityId, sources), match, authorityId });
    }
    if (onlyAuthority !== null) continue;
    for (const near of links.candidatesOf(entityId)) {
      candidates.push({
        entity: kb.entity(entityId)!.name,
        list: near.list.title,
        ref: near.entry.ref,
        name: near.name,
        score: near.score,
        citations: sources.cite([near.list]),
      });
    }
  }
  lines.sort(
    (a, b) =>
      a.line.entity.localeCompare(b.line.entity) || a.line.authority.localeCompare(b.line.authority) || a.line.entry!.ref.localeCompare(b.line.entry!.ref),
  );
  return { status: lines.map((l) => l.line), conflicts: lines.flatMap((l) => disagreements(kb, l, sources)), candidates };
}

function listLine(kb: KnowledgeBase, match: ListMatch, authorityId: string | null, sources: SourceRegistry): StatusLine {
  const { list, entry } = match;
  const state = entryState(entry, list);
  return {
    source: 'list',
    authority: authorityId === null ? entry.authority || list.title : kb.entity(authorityId)!.name,
    entity: kb.entity(match.entityId)!.name,
    state,
    date: state === 'removed' ? entry.endedOn : entry.listedOn,
    text: `${entry.names[0]} (${entry.ref})`,
    citations: sources.cite([list]),
    entry: {
      list: list.title,
      ref: entry.ref,
      name: entry.names[0]!,
      matched: match.name,
      programs: entry.programs,
      listedOn: entry.listedOn,
      endedOn: entry.endedOn,
      url: entry.url,
      listDate: list.date,
      datedBy: list.datedBy,
      score: match.score,
      confirmed: match.confirmed,
    },
  };
}

/**
 * Where the news and a list disagree on one authority's listing of one entity:
 * - the state: the news reports a removal (or a listing) that a list dated after it does not show;
 * - a date: the list dates the listing or the removal otherwise than a news report of it does, and
 *   no report as precise as the list gives the list's date.
 */
function disagreements(kb: KnowledgeBase, { line, match, authorityId }: ListLine, sources: SourceRegistry): Conflict[] {
  if (authorityId === null) return [];
  const pair = `${match.entityId} ${authorityId}`;
  const conflicts: Conflict[] = [];
  const { list, entry } = match;
  const listCitation = line.citations;
  const latest = cachedStep(kb, pair);
  if (latest !== null) {
    const news = latest.told.claim;
    const cite = () => sources.cite([latest.told.sentence.article, ...latest.agreeing]);
    // The list, dated after the news step, still shows the entry as it was before that step. A list
    // dated only by its file (OFAC's CSV) may be an old list copied today: its date proves nothing.
    const older = line.date === null || (compareDates(line.date, news.date ?? '') < 0 && !compatible(line.date, news.date ?? ''));
    const dated = list.datedBy === 'content';
    if (dated && news.state !== 'pending' && news.state !== line.state && news.date !== null && older && after(list.date, news.date)) {
      conflicts.push({
        about: `Whether ${line.authority} lists ${line.entity}`,
        values: [
          { value: `${line.state} in the ${list.title} of ${list.date} (${[entry.ref, ...entry.programs].join(', ')})`, citations: listCitation },
          { value: `${news.state} on ${news.date} in the news`, citations: cite() },
        ],
      });
    }
  }
  for (const [state, listDate] of [
    ['listed', entry.listedOn],
    ['removed', entry.endedOn],
  ] as const) {
    if (listDate === null) continue;
    const reports = kb.claimsOfPair(pair).filter((c) => c.claim.state === state && c.claim.date !== null);
    // "Listed in 2019" neither supports nor contradicts 2019-06-19; "on 12 June 2019" contradicts it.
    const supported = reports.some((c) => c.claim.date!.length >= listDate.length && compatible(c.claim.date!, listDate));
    if (supported || !reports.some((c) => !compatible(c.claim.date!, listDate))) continue;
    const byDate = new Map<PartialDate, typeof reports>();
    for (const c of reports) byDate.set(c.claim.date!, [...(byDate.get(c.claim.date!) ?? []), c]);
    conflicts.push({
      about: `Date ${line.authority} ${state === 'listed' ? 'listed' : 'removed'} ${line.entity} (${entry.ref})`,
      values: [
        { value: `${listDate} in the ${list.title}`, citations: listCitation },
        ...[...byDate.entries()]
          .sort(([a], [b]) => compareDates(a, b))
          .map(([date, cs]) => ({ value: `${date} in the news`, citations: sources.cite(cs.map((c) => c.sentence.article)) })),
      ],
    });
  }
  return conflicts;
}

/** Whether a list dated `listDate` was published after a step on `stepDate`: later, and not the same day, month or year as far as either is known. */
function after(listDate: PartialDate, stepDate: PartialDate): boolean {
  return compareDates(listDate, stepDate) > 0 && !compatible(listDate, stepDate);
}

/** The news lines with each authority's list lines before them, and the lines of lists the news says nothing of after. */
export function besideNews(news: StatusLine[], lists: StatusLine[]): StatusLine[] {
  const key = (l: StatusLine) => `${l.entity}\0${l.authority}`;
  const placed = new Set<StatusLine>();
  const lines: StatusLine[] = [];
  for (const line of news) {
    const own = lists.filter((l) => key(l) === key(line) && !placed.has(l));
    for (const l of own) placed.add(l);
    lines.push(...own, line);
  }
  return [...lines, ...lists.filter((l) => !placed.has(l))];
}
