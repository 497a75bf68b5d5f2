import type { Sentence } from '../extract/extractArticle.js';
import { type Figure, type FigureKind, namedEvents } from '../extract/figures.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { compatible } from '../knowledge/partialDate.js';
import type { SourceRegistry } from './sources.js';
import type { Conflict } from './types.js';

interface Report {
  figure: Figure;
  sentence: Sentence;
  /** Where it happened: the places and countries the sentence names. */
  places: string[];
  /** Who it is about: every entity the sentence names. */
  entities: string[];
  /** The events it names by name ("the Serena Hotel siege"). */
  events: string[];
}

const LABEL: Record<FigureKind, string> = {
  killed: 'Death toll',
  injured: 'Number injured',
  detained: 'Number detained',
  'held hostage': 'Number held hostage',
  'votes in favour': 'Votes in favour',
  'votes against': 'Votes against',
  abstentions: 'Abstentions',
  amount: 'Amount',
};

/** Counts of people happen somewhere; a vote or a sum belongs to whoever the sentences are about. */
const COUNTS_PEOPLE = new Set<FigureKind>(['killed', 'injured', 'detained', 'held hostage']);
const VOTES = new Set<FigureKind>(['votes in favour', 'votes against', 'abstentions']);

/**
 * Where sources report the same figure differently: figures of one kind on dates that agree,
 * in the same place for counts of people, or about the same entity for votes and sums. Each
 * conflict lists every value with the sources that give it; `about` says what was counted, and
 * where or when.
 */
export function findConflicts(kb: KnowledgeBase, sentences: Sentence[], sources: SourceRegistry, subjects: string[] = []): Conflict[] {
  const reports = sentences.flatMap((sentence) => reportsOf(kb, sentence, subjects));
  const conflicts: Conflict[] = [];
  for (const group of groupByFact(reports)) {
    if (new Set(group.map((r) => r.figure.number)).size < 2 || new Set(group.map((r) => r.sentence.article)).size < 2) continue;
    conflicts.push(conflictOf(kb, group, sources));
  }
  return conflicts;
}

/** The figures of one sentence worth comparing, each with where it happened and whom it is about. */
function reportsOf(kb: KnowledgeBase, sentence: Sentence, subjects: string[]): Report[] {
  // A vote on another organisation in an article that names this one is not this answer's.
  if (subjects.length > 0 && sentence.figures.some((f) => VOTES.has(f.kind)) && !organisationsOf(kb, sentence).some((id) => subjects.includes(id))) return [];
  const places = [...new Set(sentence.entities.filter((m) => isPlace(kb, m.entityId)).map((m) => m.entityId))];
  // Votes and sums belong to whom the sentence is about, not to the countries it names in passing.
  const entities = [...new Set(sentence.entities.filter((m) => kb.entity(m.entityId)?.kind !== 'place').map((m) => m.entityId))];
  const events = namedEvents(sentence.text);
  const reports: Report[] = [];
  for (const figure of sentence.figures) {
    if (COUNTS_PEOPLE.has(figure.kind) ? places.length > 0 || events.length > 0 : entities.length > 0 || VOTES.has(figure.kind))
      reports.push({ figure, sentence, places, entities, events });
  }
  return reports;
}

/** Reports gathered into groups whose members all tell the same fact, in the order first seen. */
function groupByFact(reports: Report[]): Report[][] {
  const groups: Report[][] = [];
  for (const report of reports) {
    const group = groups.find((g) => g.every((other) => sameFact(other, report)));
    if (group) group.push(report);
    else groups.push([report]);
  }
  return groups;
}

/** One group's conflict: each value with its sources, and what was counted, where and when (sorts the group oldest first). */
function conflictOf(kb: KnowledgeBase, group: Report[], sources: SourceRegistry): Conflict {
  group.sort((a, b) => (a.sentence.article.published ?? '').localeCompare(b.sentence.article.published ?? ''));
  const values = [...new Set(group.map((r) => r.figure.value))].map((value) => ({
    value,
    citations: sources.cite(group.filter((r) => r.figure.value === value).map((r) => r.sentence.article)),
  }));
  const kind = group[0]!.figure.kind;
  const shared = (pick: (r: Report) => string[]) => pick(group[0]!).filter((id) => group.every((r) => pick(r).includes(id)));
  const where = (COUNTS_PEOPLE.has(kind) ? shared((r) => r.places) : shared((r) => r.entities)).map((id) => kb.entity(id)!.name);
  const date = group
    .map((r) => r.sentence.eventDate)
    .filter((d): d is string => d !== null)
    .sort((a, b) => b.length - a.length)[0];
  const place = where.length > 0 ? `${COUNTS_PEOPLE.has(kind) ? ' in' : ','} ${where.join(', ')}` : '';
  return { about: `${LABEL[kind]}${place}${date ? `, ${date}` : ''}`, values };
}

/**
 * The organisations a sentence is about: those it names or makes claims about, else, as for "the
 * resolution was adopted with 12 votes", those of the nearest earlier sentence of its article that names one.
 */
function organisationsOf(kb: KnowledgeBase, sentence: Sentence): string[] {
  const named = (s: Sentence) => [...s.entities.filter((m) => m.kind === 'organisation').map((m) => m.entityId), ...s.claims.map((c) => c.targetId)];
  const own = named(sentence);
  if (own.length > 0) return own;
  const earlier = kb.sentencesOf(sentence.article.path).filter((s) => s.position < sentence.position && named(s).length > 0);
  return earlier.length > 0 ? named(earlier[earlier.length - 1]!) : [];
}

/** A place the knowledge base lists, or a country (a city of one is matched as the country). */
function isPlace(kb: KnowledgeBase, id: string): boolean {
  const entity = kb.entity(id);
  return entity !== undefined && (entity.kind === 'place' || (entity.kind === 'authority' && entity.partOf === null));
}

function sameFact(a: Report, b: Report): boolean {
  if (a.figure.kind !== b.figure.kind) return false;
  // A vote is one occasion: the same count kind, reported for the same month or day (the report's date where the sentence has none).
  if (VOTES.has(a.figure.kind)) {
    const [va, vb] = [a.sentence.eventDate ?? a.sentence.article.published, b.sentence.eventDate ?? b.sentence.article.published];
    return va !== null && vb !== null && va.length >= 7 && vb.length >= 7 && compatible(va.slice(0, 7), vb.slice(0, 7));
  }
  // Counts of people in one place, or in one event named alike ("the Serena Hotel siege").
  const where = COUNTS_PEOPLE.has(a.figure.kind)
    ? a.places.some((p) => b.places.includes(p)) || a.events.some((e) => b.events.includes(e))
    : a.entities.some((e) => b.entities.includes(e));
  if (!where) return false;
  const [da, db] = [a.sentence.eventDate, b.sentence.eventDate];
  // A sum is only the same sum on the same occasion: "$4 million frozen" in 2019 is not a 2024 reward.
  if (a.figure.kind === 'amount') return da !== null && db !== null && compatible(da, db);
  return da === null || db === null || compatible(da, db);
}
