import type { Entity, EntityKind } from '../knowledge/types.js';
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
  /** Acronyms (IS-K, US, FSB) match only as written in capitals. */
  caseSensitive: boolean;
}

function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters.length <= 6;
}

/**
 * Finds the entities of the knowledge base named in a text, by name or alias, matching
 * whole words with punctuation ignored, so "IS-K", "(IS-K)" and "Islamic State – Khorasan
 * Province" all match. Overlapping names resolve to the longest one.
 *
 * @example
 * const matcher = new EntityMatcher(entities);
 * matcher.find('Islamic State-Khorasan (IS-K) claimed it') // two mentions of the same entity
 */
export class EntityMatcher {
  private readonly byFirstWord = new Map<string, AliasPattern[]>();
  private readonly entities = new Map<string, Entity>();

  constructor(entities: Entity[]) {
    for (const entity of entities) {
      this.entities.set(entity.id, entity);
      for (const alias of [entity.name, ...entity.aliases]) {
        const caseSensitive = isAcronym(alias);
        const words = tokenize(alias).map((t) => (caseSensitive ? t.text : t.text.toLowerCase()));
        const first = words[0];
        if (first === undefined) continue;
        const key = first.toLowerCase();
        const list = this.byFirstWord.get(key) ?? [];
        list.push({ entityId: entity.id, kind: entity.kind, words, caseSensitive });
        list.sort((a, b) => b.words.length - a.words.length);
        this.byFirstWord.set(key, list);
      }
    }
  }

  entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  /** All entity mentions in a text, in order, longest name first where names overlap. */
  find(text: string, options: { query?: boolean } = {}): EntityMention[] {
    return this.match(tokenize(text), options.query ?? false);
  }

  private match(tokens: Token[], query: boolean): EntityMention[] {
    const mentions: EntityMention[] = [];
    let i = 0;
    while (i < tokens.length) {
      const found = this.longestAt(tokens, i, query);
      if (found) {
        mentions.push({ entityId: found.entityId, kind: found.kind, start: tokens[i]!.start, end: tokens[i + found.length - 1]!.end });
        i += found.length;
      } else {
        i++;
      }
    }
    return mentions;
  }

  private longestAt(tokens: Token[], i: number, query: boolean): { entityId: string; kind: EntityKind; length: number } | null {
    const candidates = this.byFirstWord.get(tokens[i]!.text.toLowerCase());
    if (!candidates) return null;
    for (const pattern of candidates) {
      const exact = pattern.caseSensitive && (!query || (pattern.words.length === 1 && pattern.words[0]!.length <= 2));
      if (pattern.words.every((word, k) => wordMatches(word, tokens[i + k]?.text, exact))) {
        return { entityId: pattern.entityId, kind: pattern.kind, length: pattern.words.length };
      }
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

  private closestSingleWordAlias(word: string): Entity | null {
    const max = allowedEdits(word.length);
    if (max === 0) return null;
    let best: { entity: Entity; distance: number } | null = null;
    for (const entity of this.entities.values()) {
      for (const alias of [entity.name, ...entity.aliases]) {
        const words = tokenize(alias);
        if (words.length !== 1) continue;
        const distance = editDistance(word, words[0]!.text.toLowerCase(), max);
        if (distance <= max && (best === null || distance < best.distance)) best = { entity, distance };
      }
    }
    return best?.entity ?? null;
  }
}

/**
 * In articles an acronym matches only in capitals. Queries are typed in lower case, so there
 * only a lone two-letter acronym ("US", "UK") keeps its case, as "us" is a common word.
 */
function wordMatches(pattern: string, word: string | undefined, exact: boolean): boolean {
  if (word === undefined) return false;
  return exact ? word === pattern : word.toLowerCase() === pattern.toLowerCase();
}
