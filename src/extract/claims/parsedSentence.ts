import { authorityOf } from '../../knowledge/authorities.js';
import { entityId } from '../../knowledge/entities.js';
import type { Entity } from '../../knowledge/types.js';
import {
  ALIAS_OPENER,
  ALIAS_OPENER_WHOLE,
  BE,
  baseOf,
  CLAUSE_BREAKS,
  DEFINITE,
  EXCEPTION_PAIRS,
  EXCEPTIONS,
  OPENING_SUBORDINATORS,
  PASSIVE_INSERTS,
  PREDICATE_OPENERS,
  RELATIVE_PRONOUNS,
  STEP_NOUNS,
  SUBORDINATORS,
} from '../cues.js';
import { complementOpener } from '../lexicon.js';
import type { EntityMention } from '../entityMatcher.js';
import type { OrganisationLikeName } from '../organisations.js';
import type { Word } from '../parse.js';

/** A mention of an entity in the sentence, with the words it covers and the authority it speaks for. */
export interface Mentioned {
  mention: EntityMention;
  /** The authority it speaks for, or null. */
  authority: string | null;
  first: number;
  last: number;
}

/** A run of words that is one clause: its own subject, verbs and objects. */
export interface Clause {
  from: number;
  to: number;
  /** The word just before a relative clause ("X, which ..."): what its "which" stands for. */
  antecedent: number | null;
  /** A main clause, a relative clause ("X, which banned Y"), or a participle aside ("X, banned in 2019,"). */
  kind: 'main' | 'relative' | 'participle';
}

/** Where an organisation is named in the sentence (a known one, or a name found in the text). */
export interface Named {
  at: number;
  id: string;
}

/**
 * A sentence read for claims: its words (with quotations blanked out), the entities it names, and
 * its clauses, with the grammar queries the rules ask of them. It holds no word of the vocabulary:
 * the words it reads come from the lexicon through cues.ts. Nothing here changes once built.
 */
export class ParsedSentence {
  readonly mentioned: Mentioned[];
  readonly clauses: Clause[];
  /** Names in this sentence that look like organisations' and are no known entity, by id. */
  readonly candidates = new Map<string, Entity>();
  /** Where the sentence names organisations that are no known entity yet. */
  readonly named: Named[] = [];
  /** The mention each word belongs to, if any. */
  private readonly mentionOfWord: (Mentioned | null)[];
  /** Words of relative clauses and asides: a main clause reads around them. */
  private readonly hidden = new Set<number>();
  /** Whether each word is a step noun, as read so far. */
  private readonly stepNouns: (boolean | undefined)[] = [];

  constructor(
    /** The sentence as written. */
    readonly original: string,
    /** The sentence with quotations blanked out. */
    readonly text: string,
    readonly words: Word[],
    mentions: EntityMention[],
    readonly entity: (id: string) => Entity | undefined,
    names: OrganisationLikeName[],
  ) {
    this.mentioned = mentions
      .filter((m) => text.slice(m.start, m.end).trim() !== '')
      .map((mention) => {
        const first = words.findIndex((w) => w.end > mention.start);
        let last = first;
        while (last + 1 < words.length && words[last + 1]!.start < mention.end) last++;
        return { mention, authority: authorityOf(entity, mention.entityId), first, last };
      })
      .filter((m) => m.first >= 0);
    this.mentionOfWord = new Array<Mentioned | null>(words.length).fill(null);
    for (const m of this.mentioned) for (let k = m.first; k <= m.last; k++) this.mentionOfWord[k] ??= m;
    this.clauses = this.splitClauses();
    for (const candidate of names) {
      // The names outside quotation marks: quoted speech is left out.
      const end = candidate.start + original.slice(candidate.start).indexOf(candidate.name) + candidate.name.length;
      if (text.slice(candidate.start, end) !== original.slice(candidate.start, end)) continue;
      const id = entityId(candidate.name);
      const known = entity(id);
      if (known !== undefined && known.kind !== 'organisation') continue;
      const at = words.findIndex((w) => w.start >= candidate.start);
      if (at < 0 || this.mentionAt(at) !== null) continue;
      this.candidates.set(id, { id, name: candidate.name, kind: 'organisation', aliases: candidate.aliases, partOf: null });
      this.named.push({ at, id });
    }
  }

  word(i: number): Word | undefined {
    return this.words[i];
  }

  lower(i: number): string {
    return this.words[i]?.lower ?? '';
  }

  mentionAt(i: number): Mentioned | null {
    return this.mentionOfWord[i] ?? null;
  }

  /** The clause word `i` belongs to: a relative clause or aside that holds it, else the main clause around it. */
  clauseAt(i: number): Clause {
    return this.clauses.find((c) => c.antecedent !== null && i >= c.from && i < c.to) ?? this.clauses.find((c) => i >= c.from && i < c.to) ?? this.clauses[0]!;
  }

  /** Whether word `i` belongs to the clause (a main clause does not hold the relative clauses inside it). */
  inClause(clause: Clause, i: number): boolean {
    if (i < clause.from || i >= clause.to) return false;
    return clause.antecedent !== null || !this.hidden.has(i);
  }

  /** The clause's own words joined by spaces. */
  clauseText(clause: Clause): string {
    return this.words
      .slice(clause.from, clause.to)
      .filter((_, k) => this.inClause(clause, clause.from + k))
      .map((w) => w.text)
      .join(' ');
  }

  /** Up to `n` words of the clause after word `i`. */
  wordsAfter(clause: Clause, i: number, n: number): Word[] {
    const out: Word[] = [];
    for (let k = i + 1; k < clause.to && out.length < n; k++) if (this.inClause(clause, k)) out.push(this.words[k]!);
    return out;
  }

  /** The authorities named in the clause (and, for a relative clause, its antecedent). */
  authoritiesIn(clause: Clause): Mentioned[] {
    return this.mentioned.filter(
      (m) => m.authority !== null && (this.inClause(clause, m.first) || (clause.antecedent !== null && m.last === clause.antecedent)),
    );
  }

  /** Whether the word is a step noun of the vocabulary, by its lemma or its form. */
  isStepNoun(k: number): boolean {
    const w = this.words[k];
    if (w === undefined) return false;
    // Asked of the same words by many rules: read once per word.
    this.stepNouns[k] ??= baseOf(w.lemma) in STEP_NOUNS || baseOf(w.lower) in STEP_NOUNS;
    return this.stepNouns[k];
  }

  /** Whether the verb at `i` is passive: a form of "be" before it ("was listed"), or a participle describing its antecedent. */
  isPassive(clause: Clause, i: number): boolean {
    if (/ing$/.test(this.words[i]!.lower)) return false; // "is designating": under way, not passive
    for (let k = i - 1; k >= clause.from; k--) {
      const w = this.words[k]!;
      if (isPossessive(w) && this.words[k - 1]?.pos !== 'PRON') break; // a possessive, not "it's"
      if (BE.has(w.lower) || BE.has(w.lemma)) return true;
      if (w.pos === 'ADV' || PASSIVE_INSERTS.has(w.lower)) continue;
      break;
    }
    // A participle right after what it describes: "X, banned in 2019,"; in "X, which banned Y" the "which" is the subject.
    return clause.kind === 'participle' && i === clause.from;
  }

  /** Where a noun phrase ending at `i` starts: its determiner, possessive and modifiers. */
  nounPhraseStart(clause: Clause, i: number): number {
    let k = i - 1;
    while (k >= clause.from && this.inClause(clause, k)) {
      const w = this.words[k]!;
      if (['DET', 'ADJ', 'PROPN', 'NOUN', 'PART', 'NUM'].includes(w.pos) || this.mentionAt(k) !== null || w.text === '-') k--;
      else break;
    }
    return k + 1;
  }

  /** The passive subject of the step at `i`: back to the verb, "that" or ", and" that opens it. */
  subjectStart(clause: Clause, i: number): number {
    let k = i - 1;
    while (k >= clause.from) {
      if (!this.inClause(clause, k)) {
        k--; // "X, founded in 2011 by army officers, was designated": past the aside to its subject
        continue;
      }
      const w = this.words[k]!;
      const hyphenated = this.words[k - 1]?.text === '-'; // "the Iranian-backed Front"
      const opensIt =
        (w.pos === 'VERB' && !hyphenated && !BE.has(w.lower) && !BE.has(w.lemma) && !this.inAliasOpener(k)) ||
        w.lower === 'that' ||
        (w.lower === 'and' && this.words[k - 1]?.text === ',');
      if (this.mentionAt(k) === null && opensIt) break;
      k--;
    }
    return k + 1;
  }

  /** Whether word `k` is inside an "also known as" opener: its verb names, it opens no clause. */
  inAliasOpener(k: number): boolean {
    const from = this.words[Math.max(0, k - 2)]!.start;
    ALIAS_OPENER.lastIndex = 0;
    for (const m of this.text.slice(from, this.words[Math.min(this.words.length - 1, k + 2)]!.end).matchAll(ALIAS_OPENER)) {
      if (from + m.index <= this.words[k]!.start && from + m.index + m[0].length >= this.words[k]!.end) return true;
    }
    return false;
  }

  /** Where an object phrase from `from` ends: at the next step, the clause's end, an exception or a new predicate. */
  phraseEnd(clause: Clause, from: number, next: number): number {
    for (let k = from; k < Math.min(next, clause.to); k++) {
      const w = this.words[k]!;
      if (this.mentionAt(k) !== null) continue;
      const following = this.lower(k + 1);
      if ((w.lower === complementOpener && k > from) || EXCEPTIONS.has(w.lower) || EXCEPTION_PAIRS.has(`${w.lower} ${following}`)) return k;
      // A capitalised "Watch" is a word of a name; "the related group" a modifier.
      // "the Tripoli-based Exchange": a participle in a compound modifier.
      const modifier = this.words[k - 1]?.pos === 'DET' || this.words[k - 1]?.text === '-';
      if ((w.pos === 'VERB' || w.pos === 'AUX') && k > from && !/^\p{Lu}/u.test(w.text) && !modifier) return k;
      if (w.text === ',' && PREDICATE_OPENERS.has(following)) return k;
    }
    return Math.min(next, clause.to);
  }

  /** The first word at `k` past determiners: "the Front" -> "Front". */
  pastDeterminers(k: number, determiners: Set<string>): number {
    while (this.words[k] && determiners.has(this.words[k]!.lower)) k++;
    return k;
  }

  /** Whether a definite determiner stands between `from` and `to` ("the designation", "this move"). */
  definiteBetween(from: number, to: number, determiners: Set<string> = DEFINITE): boolean {
    return this.words.slice(from, to).some((d) => determiners.has(d.lower));
  }

  /** Clauses: split at semicolons and contrasts, with relative clauses ("which ...", ", banned in 2019,") apart. */
  private splitClauses(): Clause[] {
    const clauses: Clause[] = [];
    let from = 0;
    let afterRelative = false;
    const close = (to: number) => {
      if (to > from) clauses.push({ from, to, antecedent: null, kind: 'main' });
    };
    for (let i = 0; i < this.words.length; i++) {
      const breaks = this.breakAt(i, from, clauses.length === 0);
      if (breaks !== null) {
        close(i);
        from = breaks === 'after' ? i + 1 : i;
        continue;
      }
      const previousAside = afterRelative ? clauses[clauses.length - 1] : undefined;
      const aside = this.asideAt(i, afterRelative);
      afterRelative = false;
      if (!aside) continue;
      let end = i + 1;
      while (end < this.words.length && this.words[end]!.text !== ',' && this.words[end]!.text !== ';') end++;
      // An aside after an aside ("X, also known as Y, listed in 2021,") is about the same X.
      const antecedent = previousAside?.antecedent ?? this.beforeAlias(this.words[i - 1]!.text === ',' ? i - 2 : i - 1);
      clauses.push({ from: aside === 'relative' ? i + 1 : i, to: end, antecedent, kind: aside });
      // The main clause goes on around it: blank the relative clause out of it.
      for (let k = i; k < end; k++) this.hidden.add(k);
      i = end;
      afterRelative = true; // the word after its closing comma resumes the main clause
    }
    close(this.words.length);
    return clauses.sort((a, b) => a.from - b.from);
  }

  /**
   * Whether a clause ends at word `i`: after it (a semicolon, a contrast, the comma that closes an
   * opening subordinate clause) or before it (a subordinator that opens a clause of its own).
   */
  private breakAt(i: number, from: number, first: boolean): 'after' | 'before' | null {
    const w = this.words[i]!;
    // "Although Germany has never banned X, the ministry outlawed Y": the opening clause ends at its comma.
    const opening = w.text === ',' && OPENING_SUBORDINATORS.has(this.lower(from)) && first;
    const contrast = w.text === ';' || (CLAUSE_BREAKS.has(w.lower) && i > 0 && (w.pos === 'CCONJ' || w.pos === 'SCONJ' || this.words[i - 1]!.text === ','));
    if (opening || contrast) return 'after';
    return SUBORDINATORS.has(w.lower) && i > 0 && this.opensClause(i) ? 'before' : null;
  }

  /** Whether word `i` opens an aside: a relative clause ("X, which ...", "a militia whose ...") or a participle (", banned in 2019,"). */
  private asideAt(i: number, afterRelative: boolean): 'relative' | 'participle' | null {
    const w = this.words[i]!;
    const before = this.words[i - 1];
    if (before === undefined) return null;
    if (RELATIVE_PRONOUNS.has(w.lower) && (before.text === ',' || this.mentionAt(i - 1) !== null || (w.lower === 'whose' && before.pos === 'NOUN')))
      return 'relative';
    const next = this.words[i + 1];
    const participle =
      before.text === ',' &&
      (!afterRelative || this.mainVerbAfter(i)) &&
      /ed$|en$/.test(w.lower) &&
      (w.pos === 'VERB' || w.pos === 'ADJ') &&
      !(next && (next.pos === 'DET' || next.pos === 'PROPN' || next.pos === 'PRON'));
    return participle ? 'participle' : null;
  }

  /** The word before ", also known as Y" where `k` ends such a list of other names; else `k`. */
  private beforeAlias(k: number): number {
    let comma = k;
    while (comma > 0 && this.words[comma]!.text !== ',') comma--;
    if (comma <= 0) return k;
    for (let n = 4; n >= 1; n--) {
      const opener = this.words
        .slice(comma + 1, comma + 1 + n)
        .map((w) => w.lower)
        .join(' ')
        .replace(/ \. ?/g, '.');
      if (ALIAS_OPENER_WHOLE.test(opener)) return comma - 1;
    }
    return k;
  }

  /**
   * Whether the run of words from `i` to its comma is followed by a finite verb: "X, also known as
   * Y, listed in 2021, remains listed" has its main verb after the participle, so the participle
   * is another aside; in "X, which joined in 2014, banned Y" the verb after the aside is the main one.
   */
  private mainVerbAfter(i: number): boolean {
    let end = i + 1;
    while (end < this.words.length && this.words[end]!.text !== ',' && this.words[end]!.text !== ';') end++;
    const after = this.words[end + 1];
    return this.words[end]?.text === ',' && after !== undefined && (after.pos === 'VERB' || after.pos === 'AUX') && !/ing$/.test(after.lower);
  }

  /** Whether "after", "because" or "when" at `i` opens a clause of its own (a finite verb follows before any comma). */
  private opensClause(i: number): boolean {
    for (let k = i + 1; k < Math.min(this.words.length, i + 12); k++) {
      const w = this.words[k]!;
      if (w.pos === 'PUNCT') return false;
      const participleAlone = /(ed|en)$/.test(w.lower) && !this.words.slice(i + 1, k).some((s) => ['NOUN', 'PROPN', 'PRON'].includes(s.pos));
      if ((w.pos === 'VERB' || w.pos === 'AUX') && !/ing$/.test(w.lower) && !participleAlone) return true;
    }
    return false;
  }
}

/** "'s" or "’s": a possessive (or "it's"). */
export function isPossessive(w: Word | undefined): boolean {
  return w !== undefined && /^['’]s$/.test(w.text);
}

/** Whether the words from `k` are a possessive: "'s", or a lone apostrophe after a plural ("the Grey Wolves' salute"). */
export function possessiveAt(words: readonly Word[], k: number): boolean {
  const w = words[k];
  if (isPossessive(w)) return true;
  return w !== undefined && /^['’]$/.test(w.text) && /s$/i.test(words[k - 1]?.text ?? '') && words[k - 1]!.end === w.start;
}
