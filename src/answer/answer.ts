import { authorityOf } from '../knowledge/authorities.js';
import { tokenize } from '../extract/tokens.js';
import { ORGANISATION_REFERENCES } from '../extract/cues.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { findConflicts } from './conflicts.js';
import { besideNews, buildListStatus } from './listStatus.js';
import { directAnswer } from './direct.js';
import { pickKeyEvents } from './keyEvents.js';
import { readQuestion } from './question.js';
import { analyzeQuery, type AnalyzedQuery } from './query.js';
import { scoreSentences, type ScoredSentence } from './relevance.js';
import { SourceRegistry } from './sources.js';
import { buildStatus } from './statusLines.js';
import { buildSummary } from './summary.js';
import { buildTimeline } from './timeline.js';
import { truncate } from './truncate.js';
import type { Answer } from './types.js';

/**
 * The longest question answered: some 150 words, a long paragraph. A question is a few words
 * to a sentence or two; Slack lets a message run to 40,000 characters, and reading one that long
 * as a question would only find everything.
 */
export const MAX_QUERY_CHARS = 1000;
/** Words of organisations' names too common to pick one out: what names are made of, not what tells them apart. */
const GENERIC_NAME_WORDS = new Set([
  'people',
  'peoples',
  'popular',
  'national',
  'liberation',
  'islamic',
  'democratic',
  'revolutionary',
  'united',
  'state',
  'states',
  'republic',
  'forces',
  'relief',
  'order',
  'freedom',
  'defence',
  'defense',
  'resistance',
  'holy',
  'free',
  'workers',
  'union',
  'council',
  'committee',
  'international',
  'world',
  'party',
  'youth',
]);
/** How much of a question a "nothing found" or "too long" answer repeats. */
const ECHO_CHARS = 100;

export interface AnswerOptions {
  /** How many passages the index returns to draw the answer from (default 60). */
  passages: number;
  /** At most this many summary sentences (default 5). */
  summarySentences: number;
  /**
   * Entity names the conversation is about (a thread's subject). A query that names no
   * organisation keeps them: "and Kazakhstan?" after "taliban" asks about both.
   */
  context: string[];
  /** The time a question is asked: what "this week" and "this year" are counted from (default: the clock's now). */
  now: Date | null;
}

const DEFAULTS: AnswerOptions = { passages: 60, summarySentences: 5, context: [], now: null };

/**
 * Answers a query from the knowledge base. Never throws for a query: a query that matches
 * nothing gets an answer that says so and what the knowledge base covers.
 *
 * @example
 * const answer = answerQuery(kb, 'taliban');
 * answer.status // [{ authority: 'Russia', entity: 'Taliban', state: 'removed', date: '2025-04-17', ... }, ...]
 */
export function answerQuery(kb: KnowledgeBase, query: string, options: Partial<AnswerOptions> = {}): Answer {
  const { passages, summarySentences, context, now } = { ...DEFAULTS, ...options };
  const text = query.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_QUERY_CHARS) return tooLong(text);
  const analyzed = withContext(kb, analyzeQuery(text, kb.matcher), context);
  const hits = kb.index.find(analyzed, passages);
  const scored = scoreSentences(analyzed, hits).filter((s) => s.relevance > 0);
  if (scored.length === 0) return nothingFound(kb, text);

  const found = subjectsOf(analyzed.entityIds, scored);
  const question = readQuestion(kb, analyzed, now ?? new Date(), partlyNamed(kb, analyzed, found));
  // A question about an organisation is answered about it, not about everything its authority did.
  const subjects = question && question.targets.length > 0 ? question.targets : found;
  const sources = new SourceRegistry();
  const directed = question ? directAnswer(kb, question, sources) : null;
  const evidence = directed?.evidence ?? [];
  const summary = buildSummary(scored, new Set(subjects), sources, { maxSentences: summarySentences, lead: directed?.lead ?? [] });
  const listed = buildListStatus(kb, subjects, sources);
  const status = besideNews(
    buildStatus(
      kb,
      subjects.map((id) => authorityOf((key) => kb.entity(key), id) ?? id),
      sources,
    ),
    listed.status,
  );
  const events = buildTimeline(scored, sources, evidence);
  const articles = new Set(scored.map((s) => s.sentence.article));
  const conflicts = findConflicts(
    kb,
    [...articles].flatMap((a) => kb.sentencesWithFigures(a.path)),
    sources,
    subjects,
  );
  return {
    query: text,
    direct: directed?.direct ?? null,
    summary,
    timeline: events.map((e) => e.entry),
    keyEvents: pickKeyEvents(kb, events, scored, subjects, evidence),
    status,
    candidates: listed.candidates,
    conflicts: [...listed.conflicts, ...conflicts],
    sources: sources.list(),
    subjects: subjects.map((id) => kb.entity(id)!.name),
    message: null,
  };
}

function withContext(kb: KnowledgeBase, query: AnalyzedQuery, context: string[]): AnalyzedQuery {
  if (query.entityIds.some((id) => kb.entity(id)?.kind === 'organisation')) return query;
  // "Is it still banned by the UN?" after a thread on the Taliban and Russia: the UN, not Russia too.
  const namesAuthority = query.entityIds.some((id) => kb.entity(id)?.kind === 'authority');
  const kept = context.flatMap((name) => kb.matcher.find(name).map((m) => m.entityId)).filter((id) => !namesAuthority || kb.entity(id)?.kind !== 'authority');
  if (kept.length === 0) return query;
  return { ...query, entityIds: [...new Set([...kept, ...query.entityIds])] };
}

/**
 * What the answer is about: the entities the query names, or, for a question that names none,
 * the organisation its best sentences name most.
 */
function subjectsOf(named: string[], scored: ScoredSentence[]): string[] {
  if (named.length > 0) return named;
  const counts = new Map<string, number>();
  for (const { sentence } of [...scored].sort((a, b) => b.relevance - a.relevance).slice(0, 10)) {
    for (const id of new Set(sentence.entities.filter((m) => m.kind === 'organisation').map((m) => m.entityId))) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return top ? [top[0]] : [];
}

/**
 * The organisations search found that the query names in part: "the Grey Meridian" for the Order
 * of the Grey Meridian. An organisation the query does not name at all is not what it asks about.
 */
function partlyNamed(kb: KnowledgeBase, query: AnalyzedQuery, found: string[]): string[] {
  if (query.entityIds.length > 0) return [];
  // A word many names share ("army", "people's", "front") names none of them.
  const words = new Set(query.terms.filter((t) => t.length >= 4 && !ORGANISATION_REFERENCES.has(t) && !GENERIC_NAME_WORDS.has(t)));
  return found.filter((id) => {
    const entity = kb.entity(id);
    return entity?.kind === 'organisation' && [entity.name, ...entity.aliases].some((name) => tokenize(name).some((t) => words.has(t.text.toLowerCase())));
  });
}

function nothingFound(kb: KnowledgeBase, query: string): Answer {
  const coverage = kb.coverage();
  const span = coverage.earliest ? `, ${coverage.earliest} to ${coverage.latest}` : '';
  const topics = coverage.entities.slice(0, 8).join(', ');
  const asked =
    query === '' ? 'Ask about an organisation, a person or an authority.' : `Nothing in the knowledge base matches "${truncate(query, ECHO_CHARS)}".`;
  const message =
    coverage.articles === 0
      ? `${asked} The knowledge base holds no articles yet.`
      : `${asked} It holds ${coverage.articles} article${coverage.articles === 1 ? '' : 's'}${span}${topics ? `, covering ${topics}` : ''}.`;
  return withoutContent(query, message);
}

function tooLong(query: string): Answer {
  const message =
    `That question is ${query.length.toLocaleString('en')} characters long; I answer questions of up to ${MAX_QUERY_CHARS.toLocaleString('en')} characters. ` +
    `Ask about one organisation, person or authority at a time. Your question began: "${truncate(query, ECHO_CHARS)}"`;
  return withoutContent(truncate(query, MAX_QUERY_CHARS), message);
}

/** An answer that is only a message: nothing matched, or the question was too long. */
function withoutContent(query: string, message: string): Answer {
  return { query, direct: null, summary: [], timeline: [], keyEvents: [], status: [], candidates: [], conflicts: [], sources: [], subjects: [], message };
}
