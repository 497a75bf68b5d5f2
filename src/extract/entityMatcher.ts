import type { Entity, EntityKind } from '../knowledge/types.js';
import { unusableName } from '../knowledge/entities.js';
import { JOINING_VOWELS, spelledAlike } from '../knowledge/spelling.js';
import { FUNCTION_WORDS } from '../knowledge/stopWords.js';
import { allowedEdits, editDistance, tokenize, type Token } from './tokens.js';

/** Where an entity is named in a text. */
export interface EntityMention {
  entityId: string;
  kind: EntityKind;
  start: number;
  end: number;
}

interface AliasPattern {
  entityId: string;
  kind: EntityKind;
  /** The alias's words, lower-cased unless the alias is an acronym. */
  words: string[];
  /** Per word: written with a capital in the alias, so only a capitalised word of an article matches it. */
  capitals: boolean[];
  /** Acronyms (IS-K, US, FSB) match only as written in capitals. */
  caseSensitive: boolean;
}

interface Match {
  pattern: AliasPattern;
  start: number;
}

function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters.length <= 6;
}

const CAPITAL = /^\p{Lu}/u;
/** How many words' closest aliases are remembered before the memory starts again. */
const CLOSEST_KEPT = 20_000;

/**
 * Finds the entities of the knowledge base named in a text, by name or alias, matching
 * whole words with punctuation ignored, so "IS-K", "(IS-K)" and "Islamic State – Khorasan
 * Province" all match. Overlapping names resolve to the longest one. A name of several words
 * also matches with one of its longer words misspelt ("Sahel Cresent Front"), so a source's
 * typo is found from every alias.
 *
 * @example
 * const matcher = new EntityMatcher(entities);
 * matcher.find('Islamic State-Khorasan (IS-K) claimed it') // two mentions of the same entity
 */
export class EntityMatcher {
  private readonly byFirstWord = new Map<string, AliasPattern[]>();
  /** Multi-word aliases by each later word, for matching a misspelt first word. */
  private readonly byLaterWord = new Map<string, { pattern: AliasPattern; index: number }[]>();
  private readonly entities = new Map<string, Entity>();
  /**
   * One-word names by length, for near spellings in queries. `rank` keeps the order of entities
   * and of their names, which decides between names at the same distance.
   */
  private readonly singleWords = new Map<number, { word: string; entity: Entity; rank: number }[]>();
  private readonly closest = new Map<string, Entity | null>();
  private readonly orderOf = new Map<string, number>();
  private changes = 0;

  constructor(entities: Entity[]) {
    for (const entity of entities) this.add(entity);
  }

  /** Adds an entity, or more names for one already known. */
  add(entity: Entity): void {
    this.closest.clear();
    this.changes++;
    const known = this.entities.get(entity.id);
    const aliases = known ? entity.aliases.filter((a) => a !== known.name && !known.aliases.includes(a)) : [entity.name, ...entity.aliases];
    // Where these names come in the entity's own list ([name, ...aliases]), and the entity in the matcher's.
    const firstIndex = known ? 1 + known.aliases.length : 0;
    if (!known) this.orderOf.set(entity.id, this.orderOf.size);
    const order = this.orderOf.get(entity.id)!;
    if (known) {
      if (aliases.length === 0) return;
      known.aliases.push(...aliases);
    } else {
      this.entities.set(entity.id, { ...entity, aliases: [...entity.aliases] });
    }
    const stored = this.entities.get(entity.id)!;
    aliases.forEach((alias, i) => {
      // Whatever its source (configured, built in, found in an article), a name like "a" or "2003" matches nothing.
      if (unusableName(alias) !== null) return;
      const tokens = tokenize(alias);
      if (tokens.length === 1) {
        const word = tokens[0]!.text.toLowerCase();
        const bucket = this.singleWords.get(word.length) ?? [];
        bucket.push({ word, entity: stored, rank: order * 1_000_000 + firstIndex + i });
        this.singleWords.set(word.length, bucket);
      }
      const caseSensitive = isAcronym(alias);
      const words = tokens.map((t) => (caseSensitive ? t.text : t.text.toLowerCase()));
      const first = words[0];
      if (first === undefined) return;
      const pattern: AliasPattern = { entityId: entity.id, kind: entity.kind, words, capitals: tokens.map((t) => CAPITAL.test(t.text)), caseSensitive };
      const list = this.byFirstWord.get(first.toLowerCase()) ?? [];
      list.push(pattern);
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirstWord.set(first.toLowerCase(), list);
      if (!caseSensitive && words.length >= 2) {
        words.forEach((word, index) => {
          if (index === 0 || word.length < 4) return;
          const later = this.byLaterWord.get(word);
          if (later) later.push({ pattern, index });
          else this.byLaterWord.set(word, [{ pattern, index }]);
        });
      }
    });
  }

  entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  /** Every entity known, with all its names. */
  all(): Entity[] {
    return [...this.entities.values()];
  }

  /** Goes up whenever an entity or a name is added: what was worked out from the names before is stale. */
  get version(): number {
    return this.changes;
  }

  /** All entity mentions in a text, in order, longest name first where names overlap. */
  find(text: string, options: { query?: boolean } = {}): EntityMention[] {
    return this.match(tokenize(text), options.query ?? false);
  }

  private match(tokens: Token[], query: boolean): EntityMention[] {
    const mentions: EntityMention[] = [];
    let free = 0;
    let i = 0;
    while (i < tokens.length) {
      const found = this.exactAt(tokens, i, query) ?? this.spelledAt(tokens, i, query) ?? this.misspeltAt(tokens, i, free, query);
      if (found) {
        const end = found.start + found.pattern.words.length - 1;
        mentions.push({ entityId: found.pattern.entityId, kind: found.pattern.kind, start: tokens[found.start]!.start, end: tokens[end]!.end });
        i = free = end + 1;
      } else {
        i++;
      }
    }
    return mentions;
  }

  private exactAt(tokens: Token[], i: number, query: boolean): Match | null {
    const candidates = this.byFirstWord.get(tokens[i]!.text.toLowerCase());
    if (!candidates) return null;
    for (const pattern of candidates) {
      if (pattern.words.every((_, k) => wordMatches(pattern, k, tokens[i + k]?.text, query, false))) return { pattern, start: i };
    }
    return null;
  }

  /**
   * A multi-word name whose first word stands at `i` as written and one later word is written
   * another way: "Lashkar-e-Tayyiba" for "Lashkar-e-Taiba" (see misspelt words in wordMatches).
   */
  private spelledAt(tokens: Token[], i: number, query: boolean): Match | null {
    for (const pattern of this.byFirstWord.get(tokens[i]!.text.toLowerCase()) ?? []) {
      if (pattern.caseSensitive || pattern.words.length < 2 || !wordMatches(pattern, 0, tokens[i]!.text, query, false)) continue;
      let other = 0;
      const fits = pattern.words.every((_, k) => {
        const word = tokens[i + k]?.text;
        if (k === 0 || wordMatches(pattern, k, word, query, false)) return true;
        // A joining vowel given another way ("-i-" for "-e-") is no other word.
        if (JOINING_VOWELS.has(pattern.words[k]!) && JOINING_VOWELS.has(word?.toLowerCase() ?? '')) return true;
        other++;
        return wordMatches(pattern, k, word, query, true);
      });
      if (fits && other === 1) return { pattern, start: i };
    }
    return null;
  }

  /** A multi-word name with one word misspelt, found from another of its words standing at `i`. */
  private misspeltAt(tokens: Token[], i: number, free: number, query: boolean): Match | null {
    if (!query && !CAPITAL.test(tokens[i]!.text)) return null; // names are capitalised in articles
    const candidates = this.byLaterWord.get(tokens[i]!.text.toLowerCase());
    if (!candidates) return null;
    for (const { pattern, index } of candidates) {
      const start = i - index;
      if (start < free || start + pattern.words.length > tokens.length) continue;
      let misspelt = 0;
      const fits = pattern.words.every((_, k) => {
        const word = tokens[start + k]!.text;
        if (wordMatches(pattern, k, word, query, false)) return true;
        misspelt++;
        return wordMatches(pattern, k, word, query, true);
      });
      if (fits && misspelt === 1) return { pattern, start };
    }
    return null;
  }

  /**
   * Entities a query names, forgiving typos: a query word within a small edit distance of a
   * one-word alias ("talibn", "kabulof") counts as naming it.
   */
  findInQuery(query: string): EntityMention[] {
    const tokens = tokenize(query);
    const mentions = this.match(tokens, true);
    const covered = (t: Token) => mentions.some((m) => t.start >= m.start && t.end <= m.end);
    for (const token of tokens) {
      if (covered(token)) continue;
      const entity = this.closestSingleWordAlias(token.text.toLowerCase());
      if (entity !== null) mentions.push({ entityId: entity.id, kind: entity.kind, start: token.start, end: token.end });
    }
    return mentions.sort((a, b) => a.start - b.start);
  }

  /** A word's closest one-word alias, remembered: the same words come back question after question. */
  private closestSingleWordAlias(word: string): Entity | null {
    const known = this.closest.get(word);
    if (known !== undefined) return known;
    if (this.closest.size >= CLOSEST_KEPT) this.closest.clear();
    const entity = this.findClosestSingleWordAlias(word);
    this.closest.set(word, entity);
    return entity;
  }

  private findClosestSingleWordAlias(word: string): Entity | null {
    const max = allowedEdits(word.length);
    if (max === 0) return null;
    let best: { entity: Entity; distance: number; rank: number } | null = null;
    // Names whose length differs by more than `max` are more than `max` edits away.
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const { word: name, entity, rank } of this.singleWords.get(length) ?? []) {
        const distance = editDistance(word, name, max);
        if (distance > max || (best !== null && (distance > best.distance || (distance === best.distance && rank > best.rank)))) continue;
        best = { entity, distance, rank };
      }
    }
    return best?.entity ?? null;
  }
}

/**
 * Whether a word of a text matches word `k` of an alias. In articles an acronym matches only in
 * capitals, and a capitalised word of a name only capitalised ("Chad", not "chad"). Queries are
 * typed in lower case, so there only a lone acronym that is also a word keeps its case: "US" and
 * "UK" (any two letters), "HAS" or "WHO" (a common English word). `misspelt` allows one edit in a word of five letters or more.
 */
function wordMatches(pattern: AliasPattern, k: number, word: string | undefined, query: boolean, misspelt: boolean): boolean {
  if (word === undefined) return false;
  const written = pattern.words[k]!;
  const exact = pattern.caseSensitive && (!query || (pattern.words.length === 1 && (written.length <= 2 || FUNCTION_WORDS.has(written.toLowerCase()))));
  if (exact) return word === written;
  const expected = written.toLowerCase();
  if (!query && pattern.capitals[k] && !CAPITAL.test(word)) return false;
  const lower = word.toLowerCase();
  if (!misspelt) return lower === expected;
  // One slip in a longer word, or another transliteration of it ("Tayyiba" for "Taiba", "-i-" for "-e-").
  return (expected.length >= 5 && editDistance(lower, expected, 1) <= 1) || spelledAlike(lower, expected);
}
