import type { EntityMatcher, EntityMention } from '../extract/entityMatcher.js';
import { allowedEdits, editDistance, stem, STOPWORDS, tokenize, type Token } from '../extract/tokens.js';

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
  /** Where the query names its entities, in text order. */
  mentions: EntityMention[];
}

/** Longer than any word of English or of a name in the news. */
const MAX_WORD_CHARS = 40;

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
  // No word is this long; a longer run of letters is not searched for (a fuzzy search for it would take seconds).
  const tokens = tokenize(text).filter((t) => t.text.length <= MAX_WORD_CHARS);
  const { inMention, covered } = tokensInMentions(mentions, tokens);
  // A one-word name as typed, or a person's surname: the words a source may misspell.
  const names = mentions
    .map((m) => {
      const words = inMention.get(m) ?? [];
      return words.length === 1 || m.kind === 'person' ? words[words.length - 1] : undefined;
    })
    .filter((word) => word !== undefined && word.text.length >= 4)
    .map((word) => word!.text.toLowerCase());
  names.push(...oneWordNames(matcher, mentions));
  const terms = tokens
    .filter((t) => !covered.has(t))
    .map((t) => t.text.toLowerCase())
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
  const uniqueTerms = [...new Set(terms)];
  return {
    text,
    entityIds: [...new Set(mentions.map((m) => m.entityId))],
    terms: uniqueTerms,
    names: [...new Set(names)],
    related: relatedWords(uniqueTerms),
    mentions,
  };
}

/**
 * The tokens inside each mention, and every token a mention touches, found in one pass over both
 * (mentions come in text order and do not overlap).
 */
function tokensInMentions(mentions: EntityMention[], tokens: Token[]): { inMention: Map<EntityMention, Token[]>; covered: Set<Token> } {
  const inMention = new Map<EntityMention, Token[]>();
  const covered = new Set<Token>();
  let next = 0;
  for (const mention of mentions) {
    while (next < tokens.length && tokens[next]!.start < mention.start) next++;
    const words: Token[] = [];
    for (let k = next; k < tokens.length && tokens[k]!.start < mention.end; k++) {
      covered.add(tokens[k]!);
      if (tokens[k]!.end <= mention.end) words.push(tokens[k]!);
    }
    inMention.set(mention, words);
  }
  return { inMention, covered };
}

/**
 * Every one-word name of an organisation or person the query names, however it was typed, so that a
 * source's misspelling is found from the name and from each alias alike.
 */
function oneWordNames(matcher: EntityMatcher, mentions: EntityMention[]): string[] {
  const names: string[] = [];
  for (const id of new Set(mentions.map((m) => m.entityId))) {
    const entity = matcher.entity(id);
    if (!entity || (entity.kind !== 'organisation' && entity.kind !== 'person')) continue;
    for (const alias of [entity.name, ...entity.aliases]) {
      const words = tokenize(alias);
      if (words.length === 1 && words[0]!.text.length >= 4 && words[0]!.text !== words[0]!.text.toUpperCase()) names.push(words[0]!.text.toLowerCase());
    }
  }
  return names;
}

/** The designation vocabulary related to some terms, leaving out the terms themselves. */
function relatedWords(terms: string[]): string[] {
  const related = new Set<string>();
  for (const term of terms) {
    for (const [root, words] of Object.entries(RELATED)) {
      if (stem(term).startsWith(root)) for (const w of words) related.add(w);
    }
  }
  for (const term of terms) related.delete(term);
  return [...related];
}

/**
 * A test of whether a word of a text matches a query term: the same word, a longer word it begins
 * ("ban" finds "banned"), the same stem, or a near spelling ("Kabulov" finds "Kamulov"). The
 * term's stem and edit allowance are worked out once; `wordStem` is the word's stem, which the
 * caller works out once for every term.
 */
export function termMatcher(term: string): (word: string, wordStem: string) => boolean {
  const termStem = stem(term);
  const max = allowedEdits(term.length);
  return (word, wordStem) => {
    if (word === term) return true;
    if (term.length >= 3 && word.startsWith(term)) return true;
    if (term.length >= 4 && wordStem === termStem) return true;
    return max > 0 && editDistance(term, word, max) <= max;
  };
}
