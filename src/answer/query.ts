import type { EntityMatcher } from '../extract/entityMatcher.js';
import { allowedEdits, editDistance, stem, STOPWORDS, tokenize } from '../extract/tokens.js';

/** A query read for what it asks about. */
export interface AnalyzedQuery {
  text: string;
  /** Entities the query names, by name, alias or a near spelling. */
  entityIds: string[];
  /** The query's other content words, lower-cased. */
  terms: string[];
  /**
   * The query's one-word entity names and surnames as typed ("kabulov"), matched forgivingly so
   * that a source's misspelling ("Kamulov") still counts as naming the entity.
   */
  names: string[];
  /** Designation vocabulary related to the terms ("request" for "asked"). */
  related: string[];
}

/** Words of the designation trade that sources use for one another. */
const RELATED: Record<string, string[]> = {
  ask: ['request', 'petition'],
  request: ['ask', 'petition'],
  petition: ['request', 'ask'],
  lift: ['remove', 'overturn', 'revoke', 'delist'],
  remove: ['lift', 'delist', 'revoke', 'overturn'],
  delist: ['remove', 'lift'],
  unban: ['remove', 'lift'],
  ban: ['list', 'designation', 'label', 'prohibit'],
  list: ['designation', 'ban'],
  designat: ['list', 'ban', 'label'],
  label: ['designation', 'list'],
  terror: ['terrorist'],
  ruling: ['court', 'judge', 'decision'],
  court: ['ruling', 'judge'],
  kill: ['death', 'dead'],
  death: ['killed', 'dead'],
};

/**
 * Splits a query into the entities it names and the other words that matter.
 *
 * @example
 * analyzeQuery('who asked the Supreme Court to lift the ban?', matcher)
 * // => { entityIds: ['supremecourtofrussia'], terms: ['asked', 'lift', 'ban'], names: [], related: ['request', 'petition', ...] }
 */
export function analyzeQuery(text: string, matcher: EntityMatcher): AnalyzedQuery {
  const mentions = matcher.findInQuery(text);
  const tokens = tokenize(text);
  const covered = (start: number) => mentions.some((m) => start >= m.start && start < m.end);
  // A one-word name as typed, or a person's surname: the words a source may misspell.
  const names = mentions
    .map((m) => {
      const words = tokens.filter((t) => t.start >= m.start && t.end <= m.end);
      return words.length === 1 || m.kind === 'person' ? words[words.length - 1] : undefined;
    })
    .filter((word) => word !== undefined && word.text.length >= 4)
    .map((word) => word!.text.toLowerCase());
  // Every one-word name of an organisation or person the query names, however it was typed, so that a
  // source's misspelling is found from the name and from each alias alike.
  for (const id of new Set(mentions.map((m) => m.entityId))) {
    const entity = matcher.entity(id);
    if (!entity || (entity.kind !== 'organisation' && entity.kind !== 'person')) continue;
    for (const alias of [entity.name, ...entity.aliases]) {
      const words = tokenize(alias);
      if (words.length === 1 && words[0]!.text.length >= 4 && words[0]!.text !== words[0]!.text.toUpperCase()) names.push(words[0]!.text.toLowerCase());
    }
  }
  const terms = tokens
    .filter((t) => !covered(t.start))
    .map((t) => t.text.toLowerCase())
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
  const uniqueTerms = [...new Set(terms)];
  const related = new Set<string>();
  for (const term of uniqueTerms) {
    for (const [root, words] of Object.entries(RELATED)) {
      if (stem(term).startsWith(root)) words.forEach((w) => related.add(w));
    }
  }
  for (const term of uniqueTerms) related.delete(term);
  return {
    text,
    entityIds: [...new Set(mentions.map((m) => m.entityId))],
    terms: uniqueTerms,
    names: [...new Set(names)],
    related: [...related],
  };
}

/**
 * Whether a word of a text matches a query term: the same word, a longer word it begins
 * ("ban" finds "banned"), the same stem, or a near spelling ("Kabulov" finds "Kamulov").
 */
export function termMatches(term: string, word: string): boolean {
  const w = word.toLowerCase();
  if (w === term) return true;
  if (term.length >= 3 && w.startsWith(term)) return true;
  if (term.length >= 4 && stem(w) === stem(term)) return true;
  const max = allowedEdits(term.length);
  return max > 0 && editDistance(term, w, max) <= max;
}
