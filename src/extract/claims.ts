import { isInternationalBody } from '../knowledge/authorities.js';
import { entityId } from '../knowledge/entities.js';
import type { PartialDate } from '../knowledge/partialDate.js';
import type { Entity } from '../knowledge/types.js';
import type { DateMention } from './dates.js';
import type { EntityMention } from './entityMatcher.js';
import { findOrganisationNames, type OrganisationLikeName } from './organisations.js';
import { parseWords, type Word } from './parse.js';
import { maskQuotes } from './sentences.js';
import {
  baseOf,
  HYPOTHETICAL,
  IMMEDIATE,
  IN_FORCE,
  LAPSE_VERBS,
  LIST_VERBS,
  LIST_WORDS,
  MEMBER_NOUNS,
  NEGATION,
  ORGANISATION_REFERENCES,
  mayHoldStep,
  PLANNED,
  REFUSAL,
  REMOVE_VERBS,
  STEP_NOUNS,
  STEP_REFERENCES,
  STEP_WORD,
  TERROR_WORDS,
} from './vocabulary.js';

export type DesignationState = 'listed' | 'removed' | 'pending';

/**
 * What a sentence says about a designation: an authority listed an entity, removed it, or a
 * step toward one of those is announced or planned (`pending`, with `toward`).
 */
export interface Claim {
  authorityId: string;
  targetId: string;
  state: DesignationState;
  /** On pending claims: the step that is pending. */
  toward?: 'listed' | 'removed';
  /** The date of the step, from its own clause (the in-force date where there is one). */
  date: PartialDate | null;
}

/** What the sentences before this one in the article leave for references to pick up. */
export interface ReferenceContext {
  /** Organisations named most recently, nearest last. */
  organisations: string[];
  /** The authority named most recently. */
  authority: string | null;
  /** The claims of the latest sentence that made any. */
  steps: Claim[];
  /** Names seen in earlier sentences that look like organisations', by id: what a reference may stand for. */
  candidates: Map<string, Entity>;
  /** The authority that publishes the article (its outlet is a ministry, a council): the speaker of steps that name none. */
  voice: string | null;
}

export interface SentenceClaims {
  claims: Claim[];
  /** Organisations the knowledge base did not know, named as the entity of a step. */
  discovered: Entity[];
}

interface Mentioned {
  mention: EntityMention;
  /** The authority it speaks for, or null. */
  authority: string | null;
  first: number;
  last: number;
}

/** A run of words that is one clause: its own subject, verbs and objects. */
interface Clause {
  from: number;
  to: number;
  /** The word just before a relative clause ("X, which ..."): what its "which" stands for. */
  antecedent: number | null;
}

type Mode = 'done' | 'pending' | 'none';

/** Where a sentence names a step (a verb or a noun), and how. */
interface StepMention {
  at: number;
  state: 'listed' | 'removed';
  /** A noun ("the designation") rather than a verb. */
  noun: boolean;
  passive: boolean;
}

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", 'get', 'got', 'gets']);
/** "remains designated", "stays on the list": a state that goes on, not a step. */
const CONTINUING = new Set(['remain', 'remains', 'remained', 'stay', 'stays', 'stayed', 'still']);
const REPORTING = new Set(['say', 'announce', 'confirm', 'state', 'tell', 'report', 'add', 'note', 'declare', 'explain', 'insist']);
const CLAUSE_BREAK = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'yet', 'meanwhile', 'whilst']);
const OPENING = new Set(['although', 'though', 'while', 'whereas', 'if', 'when', 'after', 'before', 'because', 'since', 'unless', 'once', 'despite']);
const SUBORDINATE = new Set(['after', 'before', 'because', 'when', 'once', 'until', 'since', 'unless', 'if']);
/** Verbs after which a step is decided but not yet in force ("approved lifting the ban", "agreed to list"). */
const DECIDING = new Set(['decide', 'agree', 'approve', 'vote', 'resolve']);
const RELATIVE = new Set(['which', 'who', 'whose', 'whom']);
const EXCEPT = new Set(['except', 'excluding', 'besides', 'apart', 'unlike']);
const REQUEST = new Set(['ask', 'request', 'petition', 'apply', 'seek', 'recommend']);
/** Words that leave an in-force date waiting on something: "once approved", "subject to the approval of". */
const HEDGED = /\b(?:expected|likely|could|may|might|if|once|subject to|pending|unless|provided|assuming)\b/;
/** Words of a schedule that fix a date rather than plan one. */
const FIXED = new Set(['will', 'shall', "'ll", 'due', 'set', 'scheduled']);
/** Verbs that make a step named by a noun: "announced the proscription of", "signed the listing". */
const MAKES = new Set([
  'announce',
  'approve',
  'adopt',
  'confirm',
  'impose',
  'issue',
  'sign',
  'lay',
  'make',
  'extend',
  'renew',
  'complete',
  'finalise',
  'finalize',
  'publish',
  'enact',
  'formalise',
  'formalize',
]);
/** Sentences longer than this (in characters, about 150 words) are not read for claims. */
const MAX_SENTENCE = 1000;
/** Words that stand for an authority just named: "it", "the government", "the court". */
const AUTHORITY_REFERENCES = new Set([
  'it',
  'its',
  'they',
  'their',
  'government',
  'officials',
  'authorities',
  'ministry',
  'court',
  'council',
  'committee',
  'minister',
  'cabinet',
  'parliament',
  'department',
  'prosecutor',
  'president',
  'judge',
]);
const PRONOUN_ORGANISATION = new Set(['it', 'they', 'them']);
/** Words of a listing on a market ("listed on the London Stock Exchange"), not on a list of designations. */
const MARKET = /^(?:stocks?|exchanges?|bourses?|markets?|nasdaq|nyse|shares|ipos?|listing)$/;

/**
 * Reads the designation claims of one sentence from its clauses: which step each clause
 * reports (a verb such as "proscribed", or a noun such as "the designation" with a verb that
 * puts it in force), whether it is done, planned or refused, the authority that takes it, the
 * entity it is about and the date in its own clause. Quoted speech is left out.
 */
export function findClaims(
  sentence: string,
  mentions: EntityMention[],
  dates: DateMention[],
  entity: (id: string) => Entity | undefined,
  context: ReferenceContext,
  names: OrganisationLikeName[],
): SentenceClaims {
  const text = maskQuotes(sentence);
  if (!mayHoldStep(text)) return { claims: [], discovered: [] };
  // A run-on of hundreds of words is a list or a table, not a sentence whose clauses can be read.
  if (text.length > MAX_SENTENCE) return { claims: [], discovered: [] };
  const words = parseWords(text);
  if (words.length === 0 || words[words.length - 1]!.text === '?') return { claims: [], discovered: [] };
  const reader = new ClauseReader(sentence, text, words, mentions, dates, entity, context, names);
  return reader.read();
}

class ClauseReader {
  private readonly mentioned: Mentioned[];
  /** The mention each word belongs to, if any. */
  private readonly mentionOfWord: (Mentioned | null)[];
  private readonly clauses: Clause[];
  private readonly discovered = new Map<string, Entity>();
  /** Whether the last scan for a step's governing words went past an authority it addresses ("urged Ottawa to"). */
  private addressed = false;
  /** Whether the last authority found was inferred from a reference or the publisher, not named with the step. */
  private guessedAuthority = false;
  /** Claims told by an in-force clause ("the listing took effect on 10 June"). */
  private readonly inForce = new Set<Claim>();
  /** The claims made so far in this sentence, for "..., and the ban took effect on 3 June". */
  private readonly made: Claim[] = [];
  /** Where this sentence names the organisations found in it. */
  private readonly named: { at: number; id: string }[] = [];

  constructor(
    private readonly original: string,
    private readonly text: string,
    private readonly words: Word[],
    mentions: EntityMention[],
    private readonly dates: DateMention[],
    private readonly entity: (id: string) => Entity | undefined,
    private readonly context: ReferenceContext,
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
    // The names outside quotation marks: quoted speech is left out.
    const unquoted = names.filter((c) => {
      const end = c.start + original.slice(c.start).indexOf(c.name) + c.name.length;
      return text.slice(c.start, end) === original.slice(c.start, end);
    });
    for (const candidate of unquoted) {
      const id = entityId(candidate.name);
      if (this.entity(id)?.kind !== undefined && this.entity(id)!.kind !== 'organisation') continue;
      const at = words.findIndex((w) => w.start >= candidate.start);
      if (at < 0 || this.mentionAt(at) !== null) continue;
      this.sentenceCandidates.set(id, { id, name: candidate.name, kind: 'organisation', aliases: candidate.aliases, partOf: null });
      this.named.push({ at, id });
    }
  }

  /** Names in this sentence that look like organisations' (see organisationLikeNames). */
  private readonly sentenceCandidates = new Map<string, Entity>();

  read(): SentenceClaims {
    const claims: Claim[] = [];
    for (const clause of this.clauses) {
      const steps = this.stepsIn(clause);
      steps.forEach((step, i) => {
        const next = steps[i + 1]?.at ?? clause.to;
        claims.push(...this.claimsOf(step, clause, next, steps[i - 1]?.at ?? null));
      });
    }
    // One step told twice ("announced on 9 May ..., and the ban took effect on 16 May") is dated by its in-force clause.
    const kept = new Map<string, Claim>();
    for (const c of claims) {
      if (c.authorityId === c.targetId) continue;
      const key = `${c.authorityId} ${c.targetId} ${c.state} ${c.toward ?? ''}`;
      const earlier = kept.get(key);
      if (!earlier) kept.set(key, c);
      else if (this.inForce.has(c) && c.date !== null) earlier.date = c.date;
    }
    // "said it would ban X, and the ban took effect on 3 June": the sentence tells the step taken.
    const taken = new Set([...kept.values()].filter((c) => c.state !== 'pending').map((c) => `${c.authorityId} ${c.targetId} ${c.state}`));
    return {
      claims: [...kept.values()].filter((c) => c.state !== 'pending' || !taken.has(`${c.authorityId} ${c.targetId} ${c.toward}`)),
      discovered: [...this.discovered.values()],
    };
  }

  /** Clauses: split at semicolons and contrasts, with relative clauses ("which ...", ", banned in 2019,") apart. */
  private splitClauses(): Clause[] {
    const clauses: Clause[] = [];
    let from = 0;
    let afterRelative = false;
    const close = (to: number) => {
      if (to > from) clauses.push({ from, to, antecedent: null });
    };
    for (let i = 0; i < this.words.length; i++) {
      const w = this.words[i]!;
      // "Although Germany has never banned X, the ministry outlawed Y": the opening clause ends at its comma.
      if (w.text === ',' && OPENING.has(this.words[from]?.lower ?? '') && !clauses.length) {
        close(i);
        from = i + 1;
        continue;
      }
      if (w.text === ';' || (CLAUSE_BREAK.has(w.lower) && i > 0 && (w.pos === 'CCONJ' || w.pos === 'SCONJ' || this.words[i - 1]!.text === ','))) {
        close(i);
        from = i + 1;
        continue;
      }
      if (SUBORDINATE.has(w.lower) && i > 0 && this.opensClause(i)) {
        close(i);
        from = i;
        continue;
      }
      // "X, which ...", "X which ...", "a militia whose founder ...".
      const relative =
        RELATIVE.has(w.lower) &&
        i > 0 &&
        (this.words[i - 1]!.text === ',' || this.mentionAt(i - 1) !== null || (w.lower === 'whose' && this.words[i - 1]!.pos === 'NOUN'));
      const next = this.words[i + 1];
      const participle =
        i > 0 &&
        this.words[i - 1]!.text === ',' &&
        (!afterRelative || this.mainVerbAfter(i)) &&
        /ed$|en$/.test(w.lower) &&
        (w.pos === 'VERB' || w.pos === 'ADJ') &&
        !(next && (next.pos === 'DET' || next.pos === 'PROPN' || next.pos === 'PRON'));
      const previousAside = afterRelative ? clauses[clauses.length - 1] : undefined;
      afterRelative = false;
      if (relative || participle) {
        let end = i + 1;
        while (end < this.words.length && this.words[end]!.text !== ',' && this.words[end]!.text !== ';') end++;
        // An aside after an aside ("X, also known as Y, listed in 2021,") is about the same X.
        const antecedent = previousAside?.antecedent ?? this.beforeAlias(this.words[i - 1]!.text === ',' ? i - 2 : i - 1);
        clauses.push({ from: relative ? i + 1 : i, to: end, antecedent });
        // The main clause goes on around it: blank the relative clause out of it.
        for (let k = i; k < end; k++) this.hidden.add(k);
        i = end;
        afterRelative = true; // the word after its closing comma resumes the main clause
      }
    }
    close(this.words.length);
    return clauses.sort((a, b) => a.from - b.from);
  }

  private readonly hidden = new Set<number>();

  /** The word before ", also known as Y" where `k` ends such a list of other names; else `k`. */
  private beforeAlias(k: number): number {
    let comma = k;
    while (comma > 0 && this.words[comma]!.text !== ',') comma--;
    const opener = this.words
      .slice(comma + 1, comma + 4)
      .map((w) => w.lower)
      .join(' ');
    return comma > 0 && /^(?:also known as|known as|formerly known as|also called|a\.k\.a)/.test(opener) ? comma - 1 : k;
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
      if ((w.pos === 'VERB' || w.pos === 'AUX') && !/ing$/.test(w.lower) && !(/(ed|en)$/.test(w.lower) && !this.hasSubjectBefore(i, k))) return true;
    }
    return false;
  }

  private hasSubjectBefore(from: number, verb: number): boolean {
    return this.words.slice(from + 1, verb).some((w) => ['NOUN', 'PROPN', 'PRON'].includes(w.pos));
  }

  /** Whether word `i` belongs to the clause (a main clause does not hold the relative clauses inside it). */
  private inClause(clause: Clause, i: number): boolean {
    if (i < clause.from || i >= clause.to) return false;
    return clause.antecedent !== null || !this.hidden.has(i);
  }

  private stepsIn(clause: Clause): StepMention[] {
    const steps: StepMention[] = [];
    for (let i = clause.from; i < clause.to; i++) {
      if (!this.inClause(clause, i) || this.mentionAt(i) !== null) continue;
      const step = this.stepAt(clause, i, steps[steps.length - 1]);
      if (step) steps.push(step);
    }
    // A noun that is the object of a step verb ("revoked the designation"), or of a step noun
    // ("the revocation of the designation of X"), is part of that step.
    const kept: StepMention[] = [];
    steps.forEach((s, i) => {
      // "the ban ... be overturned", "the listing lapsed": the noun is the subject of the verb's step.
      const later = steps[i + 1];
      if (
        s.noun &&
        later &&
        !later.noun &&
        later.passive &&
        !this.words.slice(s.at + 1, later.at).some((w, k) => w.pos === 'VERB' && !BE.has(w.lower) && this.inClause(clause, s.at + 1 + k))
      )
        return;
      const previous = kept[kept.length - 1];
      if (s.noun && previous) {
        const between = this.words.slice(previous.at + 1, s.at);
        if (!previous.noun && s.at - previous.at <= 4) return;
        // "the revocation of the order proscribing X": one step, the outer one.
        if (
          previous.noun &&
          between[0]?.lower === 'of' &&
          !between.some((w) => (w.pos === 'VERB' && !/ing$/.test(w.lower)) || w.pos === 'AUX' || w.text === ',')
        )
          return;
      }
      kept.push(s);
    });
    return kept;
  }

  /** The step word `i` names, if any; `earlier` is the step found before it in its clause ("... and removed it"). */
  private stepAt(clause: Clause, i: number, earlier: StepMention | undefined): StepMention | null {
    const w = this.words[i]!;
    const toldBefore = earlier !== undefined || this.made.length > 0 || this.context.steps.length > 0;
    if (!STEP_WORD.test(w.lower) && !STEP_WORD.test(w.lemma) && !STEP_REFERENCES.has(w.lower) && w.pos !== 'PRON') return null;
    const base = baseOf(w.lemma === w.lower ? w.lower : w.lemma);
    if (!mayBeStep(w, base)) return null;
    const before = this.words[i - 1];
    const verbal =
      w.pos === 'VERB' ||
      w.pos === 'AUX' ||
      (w.pos === 'ADJ' && /(ed|en)$/.test(w.lower)) ||
      (w.pos === 'NOUN' && /(ed|ing)$/.test(w.lower) && !(baseOf(w.lower) in STEP_NOUNS)) ||
      // "would de-list", "to re-list": a verb after a modal or "to", whatever the tagger made of it.
      ((base in LIST_VERBS || base in REMOVE_VERBS) && ['AUX', 'PART'].includes(before?.pos ?? '') && before?.text !== "'s");
    const possessive = before !== undefined && (before.text === "'s" || before.text === '’s' || ['its', 'their', 'his', 'her'].includes(before.lower));
    // "the schedule of banned organisations", "the Specially Designated Nationals list": a modifier, not a step.
    const attributive =
      /(ed|en)$/.test(w.lower) &&
      ((/^\p{Lu}/u.test(w.text) && i > 0) ||
        (['DET', 'ADP', 'ADJ'].includes(before?.pos ?? '') && before?.lower !== 'by' && ['NOUN', 'PROPN', 'ADJ'].includes(this.words[i + 1]?.pos ?? '')));
    if (attributive) return null;
    const passive = verbal && this.isPassive(clause, i);
    const after = this.wordsAfter(clause, i, 35);
    // A gerund after a preposition or determiner is a topic, not a step: "a report on revoking the designation".
    const nominal =
      /ing$/.test(w.lower) &&
      (possessive ||
        (before?.pos === 'NOUN' && this.mentionAt(i - 1) === null && !ORGANISATION_REFERENCES.has(before.lower)) ||
        (['ADP', 'DET', 'SCONJ'].includes(before?.pos ?? '') && !['to', 'by'].includes(before?.lower ?? '')));
    if (nominal && (base in LIST_VERBS || base in REMOVE_VERBS || base in STEP_NOUNS)) {
      return { at: i, state: base in STEP_NOUNS ? STEP_NOUNS[base]! : base in LIST_VERBS ? 'listed' : 'removed', noun: true, passive: false };
    }
    if (verbal && (base in LIST_VERBS || base in REMOVE_VERBS) && !this.complementFits(after)) return null;
    if (verbal && base in LIST_VERBS) {
      const needs = LIST_VERBS[base]!;
      // "Canada listed X", "X was listed by Canada": a bare "list" is a designation when an authority does it, unless on a market.
      const byAuthority =
        base === 'list' &&
        (passive ? this.authorityAgent(clause, i) : this.mentioned.some((m) => m.authority !== null && m.last < i && this.inClause(clause, m.first))) &&
        !after.slice(0, 10).some((a) => MARKET.test(a.lower));
      if (needs === 'terror' && !byAuthority && !after.some((a) => TERROR_WORDS.test(a.lower) || LIST_WORDS.has(a.lower))) return null;
      if (needs === 'list' && !this.listAfter(after)) return null;
      if (needs === 'object' && !after.slice(0, 3).some((a) => /^sanctions?$/.test(a.lower))) return null;
      // "banned European firms from trading with it": a restriction on others, not a listing.
      if (base === 'ban' && after.some((a, k) => a.lower === 'from' && /ing$/.test(after[k + 1]?.lower ?? ''))) return null;
      return { at: i, state: 'listed', noun: false, passive };
    }
    if (verbal && base in REMOVE_VERBS) {
      const needs = REMOVE_VERBS[base]!;
      if (base === 'take' && !after.slice(0, 6).some((a) => a.lower === 'off')) return null;
      // "struck off the list", "the order was struck down": both end the listing.
      if (base === 'strike' && !after.slice(0, 6).some((a) => a.lower === 'off' || a.lower === 'down')) return null;
      if (base === 'strike' && after[0]?.lower === 'down') return { at: i, state: 'removed', noun: false, passive };
      const again = toldBefore && PRONOUN_ORGANISATION.has(after[0]?.lower ?? ''); // "listed X in 2015 and removed it in 2024"
      if (needs === 'list' && !again && !this.listAfter(after) && !this.stepNounNear(after)) return null;
      if (needs === 'object' && !this.stepNounNear(after) && !(passive && this.stepNounBefore(clause, i))) return null;
      return { at: i, state: 'removed', noun: false, passive };
    }
    if (verbal && LAPSE_VERBS.has(base)) {
      // "ceased to be a listed terrorist organisation": its subject is taken off.
      if (
        base === 'cease' &&
        after[0]?.lower === 'to' &&
        after[1]?.lower === 'be' &&
        after.slice(2, 7).some((a) => /^(listed|designated|proscribed|banned)$/.test(a.lower))
      ) {
        return { at: i, state: 'removed', noun: false, passive: true };
      }
      if (base === 'cease' && !after.slice(0, 4).some((a) => a.lower === 'effect' || a.lower === 'force')) return null;
      if (!this.stepNounBefore(clause, i)) return null;
      return { at: i, state: 'removed', noun: false, passive: true };
    }
    const told: { state: DesignationState; toward?: 'listed' | 'removed' }[] = earlier ? [earlier] : this.made.length > 0 ? this.made : this.context.steps;
    // "but it only came into force on 16 May": a pronoun standing for the step just told.
    if (w.pos === 'PRON' && ['it', 'this', 'which'].includes(w.lower) && this.made.length > 0) {
      IN_FORCE.lastIndex = 0;
      const rest = this.text.slice(w.end, this.words[Math.min(this.words.length - 1, i + 6)]!.end);
      const m = IN_FORCE.exec(rest);
      if (m && m.index < 16) {
        const previous = this.made[this.made.length - 1]!;
        return { at: i, state: previous.state === 'pending' ? previous.toward! : previous.state, noun: true, passive: false };
      }
    }
    if (w.pos === 'NOUN' && STEP_REFERENCES.has(w.lower) && told.length > 0 && ['the', 'this', 'that'].includes(this.words[i - 1]?.lower ?? '')) {
      const previous = told[0]!;
      return { at: i, state: previous.state === 'pending' ? previous.toward! : previous.state, noun: true, passive: false };
    }
    if ((w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'VERB') && !verbal) {
      const noun = baseOf(w.lemma) in STEP_NOUNS ? baseOf(w.lemma) : baseOf(w.lower);
      if (noun in STEP_NOUNS) {
        if (noun === 'sanction' && !/^sanctions?$/.test(w.lower)) return null;
        // "its sanctions list", "the designation list": the name of a list, not a step.
        if (LIST_WORDS.has(this.words[i + 1]?.lower ?? '') && !LIST_WORDS.has(w.lower)) return null;
        // "a travel ban", "the fishing ban": a ban of something else.
        const modifier = this.words[i - 1];
        if (
          modifier &&
          modifier.pos === 'NOUN' &&
          /^\p{Ll}/u.test(modifier.text) &&
          !TERROR_WORDS.test(modifier.lower) &&
          !(baseOf(modifier.lemma) in STEP_NOUNS)
        )
          return null;
        return { at: i, state: STEP_NOUNS[noun]!, noun: true, passive: false };
      }
    }
    if (w.pos === 'NOUN' && /ing$/.test(w.lower) && baseOf(w.lower) in LIST_VERBS && LIST_VERBS[baseOf(w.lower)] === 'none') {
      return { at: i, state: 'listed', noun: true, passive: false };
    }
    return null;
  }

  /**
   * "as a terrorist entity" fits a designation; "de-listed ... as a registered political party" does
   * not. The complement ends at its agent: "listed as a charity by Britain" is not fitted by "Britain".
   */
  private complementFits(after: Word[]): boolean {
    const as = after.findIndex((a) => a.lower === 'as');
    if (as < 0 || after[as + 1]?.lower === 'part' || after[as + 1]?.lower === 'well') return true;
    const by = after.findIndex((a, k) => k > as && a.lower === 'by');
    return after
      .slice(as + 1, Math.min(as + 8, by < 0 ? after.length : by))
      .some((a) => TERROR_WORDS.test(a.lower) || LIST_WORDS.has(a.lower) || /^(entity|entities)$/.test(a.lower) || /^\p{Lu}/u.test(a.text));
  }

  /**
   * Whether a passive verb at `i` has an authority for its agent, in its own predicate: "was listed
   * by the EU", "had been listed in 2019 by Canada"; not "by the EU report" (the report is the agent).
   */
  private authorityAgent(clause: Clause, i: number): boolean {
    for (let k = i + 1; k < Math.min(clause.to, i + 7); k++) {
      const w = this.words[k]!;
      if (w.text === ',' || !this.inClause(clause, k)) return false;
      if (w.lower !== 'by') continue;
      const m = this.mentionAt(this.words[k + 1]?.pos === 'DET' ? k + 2 : k + 1);
      const head = m ? this.words[m.last + 1] : undefined;
      // "listed by Britain among the companies bidding": a list of another kind.
      const among = m !== null && this.words.slice(m.last + 1, Math.min(clause.to, m.last + 4)).some((a) => a.lower === 'among' || a.lower === 'alongside');
      return m !== null && m.authority !== null && !among && !(head?.pos === 'NOUN' && !AUTHORITY_REFERENCES.has(head.lower));
    }
    return false;
  }

  private listAfter(after: Word[]): boolean {
    return after.some(
      (a, k) => LIST_WORDS.has(a.lower) && after.slice(Math.max(0, k - 6), k).some((b) => ['to', 'on', 'in', 'from', 'off', 'onto'].includes(b.lower)),
    );
  }

  private stepNounNear(after: Word[]): boolean {
    return after
      .slice(0, 8)
      .some(
        (a) => baseOf(a.lemma) in STEP_NOUNS || baseOf(a.lower) in STEP_NOUNS || a.lower === 'status' || a.lower === 'label' || /^sanctions?$/.test(a.lower),
      );
  }

  private stepNounBefore(clause: Clause, i: number): boolean {
    for (let k = i - 1; k >= clause.from; k--) {
      if (!this.inClause(clause, k)) continue;
      if (this.words[k]!.pos === 'VERB' && k < i - 1 && this.words[k + 1]?.lower !== 'to') break;
      const w = this.words[k]!;
      const modifier = this.words[k - 1];
      // "the travel ban": a ban of something else.
      if (modifier && modifier.pos === 'NOUN' && /^\p{Ll}/u.test(modifier.text) && !TERROR_WORDS.test(modifier.lower)) continue;
      if (baseOf(w.lemma) in STEP_NOUNS || baseOf(w.lower) in STEP_NOUNS || STEP_REFERENCES.has(w.lower) || w.lower === 'status') return true;
    }
    return clause.antecedent !== null && this.nounIsStep(clause.antecedent);
  }

  private nounIsStep(k: number): boolean {
    const w = this.words[k];
    return w !== undefined && (baseOf(w.lemma) in STEP_NOUNS || baseOf(w.lower) in STEP_NOUNS);
  }

  private wordsAfter(clause: Clause, i: number, n: number): Word[] {
    const out: Word[] = [];
    for (let k = i + 1; k < clause.to && out.length < n; k++) if (this.inClause(clause, k)) out.push(this.words[k]!);
    return out;
  }

  private isPassive(clause: Clause, i: number): boolean {
    for (let k = i - 1; k >= clause.from; k--) {
      const w = this.words[k]!;
      if ((w.text === "'s" || w.text === '’s') && this.words[k - 1]?.pos !== 'PRON') break; // a possessive, not "it's"
      if (BE.has(w.lower) || BE.has(w.lemma)) return true;
      if (w.pos === 'ADV' || w.lower === 'not' || w.lower === "n't" || w.lower === 'never' || w.lower === 'also' || w.lower === 'formally') continue;
      break;
    }
    // A participle right after what it describes: "X, banned in 2019," or "the group banned in Kenya".
    return clause.antecedent !== null && i === clause.from;
  }

  private claimsOf(step: StepMention, clause: Clause, next: number, previous: number | null): Claim[] {
    const mode = this.modeOf(step, clause);
    if (mode === 'none') return [];
    let targets = this.targetsOf(step, clause, next);
    let authorities = this.authoritiesOf(step, clause, previous);
    const refersBack =
      targets.length === 0 &&
      (step.noun ? this.refersToStep(step, clause) : step.passive ? this.subjectIsDefiniteStep(step, clause) : this.objectIsDefiniteStep(step, clause, next));
    if (refersBack) {
      const steps = this.made.length > 0 ? this.made : this.context.steps;
      targets = [...new Set(steps.map((s) => s.targetId))];
      if (targets.length === 0 && this.context.organisations.length > 0)
        targets = [this.referTo(this.context.organisations[this.context.organisations.length - 1]!)];
      // "The court annulled the listing": the step's own authority, unless the sentence names another.
      if ((authorities.length === 0 || this.guessedAuthority) && steps.length > 0) authorities = [...new Set(steps.map((s) => s.authorityId))];
    }
    if (targets.length === 0 || authorities.length === 0) return [];
    const date = this.dateOf(step, clause, previous, next < clause.to ? next : null);
    const state: DesignationState = mode === 'pending' ? 'pending' : step.state;
    const claims = authorities.flatMap((authorityId) =>
      targets.map((targetId) => ({ authorityId, targetId, state, ...(state === 'pending' ? { toward: step.state } : {}), date })),
    );
    this.made.push(...claims);
    if (step.noun && this.inForceAfter(step, clause) !== null) for (const c of claims) this.inForce.add(c);
    return claims;
  }

  /** Done, pending, or no step at all (negated, refused, only urged or possible). */
  private modeOf(step: StepMention, clause: Clause): Mode {
    if (this.quoteGoverns(step, clause) || this.negatedBefore(step, clause)) return 'none';
    if (CONTINUING.has(this.words[step.at - 1]?.lower ?? '')) return 'none';
    const span = this.clauseText(clause);
    if (step.noun) {
      const inForce = this.inForceAfter(step, clause);
      if (inForce === null) return this.nounMode(step, clause);
      const governing = [...this.governing(step, clause), ...this.governing({ ...step, at: inForce.at }, clause)].filter((g) => g !== this.words[step.at]);
      if (governing.some((g) => NEGATION.has(g.lower) || hypothetical(g) || REFUSAL.has(g.lemma))) return 'none';
      // A step in force on a stated day is the step on that day, even one after the article ("comes into force on
      // 11 November"); one only expected, planned, or waiting on a condition ("once approved", "subject to") is pending.
      const date = this.dateOf(step, clause);
      if (IMMEDIATE.test(span)) return 'done';
      const rest = this.text.slice(this.words[step.at]!.start);
      if (HEDGED.test(rest) || governing.some((g) => (PLANNED.has(g.lemma) || PLANNED.has(g.lower)) && !FIXED.has(g.lower))) return 'pending';
      if (date === null && inForce.present && /\b(when|upon)\b/i.test(span)) return 'pending';
      return 'done';
    }
    const governing = this.governing(step, clause);
    if (governing.some((g) => NEGATION.has(g.lower) || hypothetical(g))) return 'none';
    if (governing.some((g) => REFUSAL.has(g.lemma) || REFUSAL.has(g.lower))) return 'none';
    if (governing.some((g) => REQUEST.has(g.lemma))) return this.requestMode(step, clause);
    // "Critics want Canada to lift the ban": someone's wish for an authority, not its plan.
    if (this.addressed && !governing.some((g) => g.lemma === 'order')) return 'none';
    if (governing.some((g) => g.lemma === 'order' && g.pos === 'VERB')) return 'pending';
    // "asked that the ban be lifted", headlines' "Russia to remove X": wished or announced, not done.
    const bare = governing[0]?.lower === 'be' && !governing.some((g) => g.pos === 'AUX' && g.lower !== 'be');
    const infinitive =
      governing[0]?.lower === 'to' &&
      !governing.slice(1).some((g) => g.pos === 'VERB' || g.pos === 'AUX' || g.pos === 'NOUN') &&
      !this.words.slice(clause.from, step.at).some((g) => (g.pos === 'VERB' || g.pos === 'AUX') && this.inClause(clause, this.words.indexOf(g)));
    // "laid an order to proscribe X", "a plan to list": a document or a plan for the step, not yet the step.
    if (governing[0]?.lower === 'to' && ['order', 'proposal', 'plan', 'bill', 'draft', 'bid', 'move'].includes(governing[1]?.lower ?? '')) return 'pending';
    if (bare || infinitive) return 'pending';
    if (governing.some((g) => PLANNED.has(g.lemma) || PLANNED.has(g.lower) || (DECIDING.has(g.lemma) && g.pos === 'VERB'))) {
      // "has decided to revoke ... with immediate effect" or "with effect from 1 October": decided, and in force then.
      const decided = governing.some((g) => DECIDING.has(g.lemma));
      if (decided && (IMMEDIATE.test(span) || this.inForceDateIn(clause) !== null)) return 'done';
      return 'pending';
    }
    const w = this.words[step.at]!;
    // "is designating", "are moving to list": under way.
    if (/ing$/.test(w.lower) && governing.some((g) => ['is', 'are', "'s", "'re"].includes(g.lower)) && !step.passive) return 'pending';
    return 'done';
  }

  /** A step noun with no in-force verb: done when a verb makes it ("announced the proscription of"), else no claim. */
  private nounMode(step: StepMention, clause: Clause): Mode {
    const before = this.governing(step, clause);
    // "would support the order", "welcomed the move": a reference to a step says something only when it puts
    // the step in force, or when the authority is to make it ("is expected to announce the step").
    if (STEP_REFERENCES.has(this.words[step.at]!.lower)) {
      const verb = before.find((g) => g.pos === 'VERB');
      const planned = before.some((g) => PLANNED.has(g.lemma) || PLANNED.has(g.lower));
      return verb && MAKES.has(verb.lemma) && planned && !before.some((g) => NEGATION.has(g.lower) || hypothetical(g) || REFUSAL.has(g.lemma))
        ? 'pending'
        : 'none';
    }
    if (before.some((g) => NEGATION.has(g.lower) || hypothetical(g) || REFUSAL.has(g.lemma) || REFUSAL.has(g.lower))) return 'none';
    const verb = before.find((g) => g.pos === 'VERB');
    if (!verb) return 'none';
    if (REQUEST.has(verb.lemma)) return this.requestMode(step, clause);
    if (PLANNED.has(verb.lemma) || (verb.lemma === 'order' && verb.pos === 'VERB') || before.some((g) => PLANNED.has(g.lower) || PLANNED.has(g.lemma)))
      return 'pending';
    return MAKES.has(verb.lemma) ? 'done' : 'none';
  }

  /**
   * A request is a step under way when an authority makes it of itself or of its own bodies
   * ("the prosecutor general asked the Supreme Court to lift the ban"); one state asking
   * another, or anyone else asking, is not the step of the state asked.
   */
  private requestMode(step: StepMention, clause: Clause): Mode {
    const before = this.mentioned.filter((m) => m.authority !== null && m.last < step.at && this.inClause(clause, m.first));
    if (before.length === 0) return 'none';
    const countries = new Set(before.map((m) => m.authority));
    // "France asked that X be added to the EU terrorist list": a request of the list's keeper.
    const keeper = this.listKeeper(
      step,
      this.mentioned.filter((m) => m.authority !== null && this.inClause(clause, m.first)),
    );
    if (keeper) countries.add(keeper.authority);
    return countries.size === 1 ? 'pending' : 'none';
  }

  /**
   * The words that govern a step: auxiliaries, negation and the verbs or nouns it hangs from
   * ("declined to", "plans to"). The scan goes past an authority that is the object of a verb
   * ("urged Ottawa to list", "demanded that Ottawa delist") and stops at its subject.
   */
  private governing(step: StepMention, clause: Clause): Word[] {
    this.addressed = false;
    const out: Word[] = [];
    for (let k = step.at - 1; k >= clause.from && out.length < 14; k--) {
      if (!this.inClause(clause, k)) continue;
      const w = this.words[k]!;
      const mention = this.mentionAt(k);
      if (mention !== null) {
        if (mention.authority === null) continue;
        k = mention.first;
        if (!this.isAddressee(mention)) break;
        this.addressed = true;
        continue;
      }
      if (w.text === ',' || w.text === '(' || w.text === '—') {
        if (step.noun) break;
        continue;
      }
      if (w.lower === 'that' && w.pos !== 'DET') {
        const asker = this.words[k - 1];
        if (asker && (REFUSAL.has(asker.lemma) || REQUEST.has(asker.lemma) || PLANNED.has(asker.lemma) || asker.lemma === 'order')) continue;
        break;
      }
      if (['as', 'after', 'before', 'when', 'since', 'because'].includes(w.lower) && w.pos !== 'DET' && w.pos !== 'PRON') break;
      if (w.lower === 'and' || w.lower === 'or') continue;
      if (w.pos === 'VERB' && REPORTING.has(w.lemma) && !step.noun) break;
      out.push(w);
      const governs = PLANNED.has(w.lemma) || REFUSAL.has(w.lemma) || REQUEST.has(w.lemma) || DECIDING.has(w.lemma) || w.lemma === 'order';
      // A verb ends the group unless it is itself governed ("to announce", "is expected to").
      const left = this.words[k - 1];
      const governed = left !== undefined && (left.lower === 'to' || left.pos === 'AUX' || left.pos === 'PART' || left.pos === 'ADV');
      if (w.pos === 'VERB' && !['to', 'of'].includes(this.words[k + 1]?.lower ?? '') && !BE.has(w.lower) && out.length > 1 && !governs && !governed) break;
    }
    return out;
  }

  /** Whether an authority is the object of the verb before it ("urged Ottawa", "called on Britain", "a request from Bangladesh"). */
  private isAddressee(m: Mentioned): boolean {
    let k = m.first - 1;
    while (k >= 0 && (this.words[k]!.pos === 'DET' || this.words[k]!.pos === 'ADJ')) k--;
    const w = this.words[k];
    if (!w) return false;
    if (w.pos === 'VERB' && !BE.has(w.lower)) return true;
    if (w.lower === 'by' && this.words[k - 1]?.pos === 'VERB') return true; // "were urged by Washington to list"
    return ['on', 'from', 'upon'].includes(w.lower) && ['VERB', 'NOUN', 'ADJ'].includes(this.words[k - 1]?.pos ?? '');
  }

  /**
   * Whether a negation stands before the step in its clause, since the last "that" or reporting
   * verb: "did not approve the proposal to add X" gives no step, however far the negation is.
   */
  private negatedBefore(step: StepMention, clause: Clause): boolean {
    for (let k = step.at - 1; k >= clause.from; k--) {
      if (!this.inClause(clause, k)) continue;
      const w = this.words[k]!;
      if (w.lower === 'that' && w.pos !== 'DET') return false;
      if (w.pos === 'VERB' && REPORTING.has(w.lemma)) return false;
      // "Not a single Gulf state has listed X, and the EU has removed it": the negation is the other clause's.
      if (['and', 'but'].includes(w.lower) && this.words[k - 1]?.text === ',') return false;
      const mention = this.mentionAt(k);
      if (mention !== null && mention.authority !== null && !step.passive) {
        // The step's subject: a negation before it counts only when it opens the subject ("Neither X nor Y has").
        let first = mention.first;
        while (first > 0 && ([',', 'and', 'or', 'nor', 'the'].includes(this.words[first - 1]!.lower) || this.mentionAt(first - 1)?.authority)) first--;
        // "asked whether Britain would proscribe", "Had Canada listed X in 2019, ...": a question or a counterfactual.
        const opener = this.words[first - 1];
        if (first === clause.from && ['had', 'were', 'should'].includes(this.words[first]?.lower ?? '')) return true;
        if (opener && ['whether', 'if'].includes(opener.lower)) return true;
        if (this.words[clause.from]?.lower === 'had' && first === clause.from + 1) return true;
        return this.words.slice(Math.max(0, first - 1), mention.first).some((x) => NEGATION.has(x.lower));
      }
      if (NEGATION.has(w.lower)) return true;
    }
    return false;
  }

  /**
   * Whether quoted words stand between a step and its subject: "Britain had "no current plans" to
   * ban them" is governed by the quote, which is left out, so nothing can be said of the step.
   */
  private quoteGoverns(step: StepMention, clause: Clause): boolean {
    const subject = this.mentioned.filter((m) => m.authority !== null && m.last < step.at && this.inClause(clause, m.first)).pop();
    const from = subject ? this.words[subject.last]!.end : this.words[clause.from]!.start;
    const to = this.words[step.at]!.start;
    return from < to && this.original.slice(from, to) !== this.text.slice(from, to);
  }

  /** The in-force predicate a step noun is the subject of, with whether it is in the present ("takes effect"). */
  private inForceAfter(step: StepMention, clause: Clause): { at: number; present: boolean } | null {
    const from = this.words[step.at]!.start;
    const to = clause.to < this.words.length ? this.words[clause.to]!.start : this.text.length;
    const region = this.text.slice(from, to);
    IN_FORCE.lastIndex = 0;
    const m = IN_FORCE.exec(region);
    const inRelative = clause.antecedent === null ? this.relativeInForce(step) : null;
    if (!m) return inRelative;
    const at = this.words.findIndex((w) => w.start >= from + m.index);
    if (at < 0 || !this.inClause(clause, at)) return inRelative;
    // The noun must be the subject: no verb of another subject stands between ("amended the listing to cover ..., with the change taking effect").
    // (An aside between commas does not count: "Britain's ban on X, a network that officials say recruits online, came into force".)
    const between = this.words.slice(step.at + 1, at);
    const commas = between.flatMap((w, k) => (w.text === ',' ? [k] : []));
    const aside = (k: number) => commas.length >= 2 && k > commas[0]! && k < commas[commas.length - 1]!;
    // Not a verb of another subject: a name's word ("the Levant Fund"), "asset-freeze", "the order proscribing X", "was notified and".
    const verbOf = (w: Word, k: number) =>
      w.pos === 'VERB' &&
      !BE.has(w.lower) &&
      /^\p{Ll}/u.test(w.text) &&
      between[k - 1]?.text !== '-' &&
      !/ing$/.test(w.lower) &&
      !BE.has(between[k - 1]?.lower ?? '');
    if (between.some((w, k) => verbOf(w, k) && !aside(k) && this.inClause(clause, step.at + 1 + k))) return inRelative;
    return { at, present: /^(takes|comes|enters|goes|becomes|is|are|with effect|effective)/i.test(m[0]) };
  }

  /** "the ban on X, which came into force on Friday": an in-force relative clause on the noun. */
  private relativeInForce(step: StepMention): { at: number; present: boolean } | null {
    for (const clause of this.clauses) {
      if (clause.antecedent === null || clause.from <= step.at) continue;
      const between = this.words.slice(step.at + 1, clause.from - 1);
      // The relative clause must hang from the noun's own phrase: "the ban on X, which came into force".
      if (between.length > 8 || between.some((w) => w.pos === 'VERB' || w.pos === 'AUX')) continue;
      const span = this.clauseText(clause);
      IN_FORCE.lastIndex = 0;
      const m = IN_FORCE.exec(span);
      if (m) return { at: clause.from, present: /^(takes|comes|enters|goes|becomes|is|are)/i.test(m[0]) };
    }
    return null;
  }

  /** "The designation was revoked", "Its proscription will be lifted": a passive whose subject is a step already told. */
  private subjectIsDefiniteStep(step: StepMention, clause: Clause): boolean {
    const from = this.subjectStart(clause, step.at);
    for (let k = from; k < step.at; k++) {
      const w = this.words[k]!;
      const noun = baseOf(w.lemma) in STEP_NOUNS || baseOf(w.lower) in STEP_NOUNS || STEP_REFERENCES.has(w.lower);
      if (noun && this.words.slice(from, k).some((d) => ['the', 'its', 'their', 'this', 'that'].includes(d.lower))) return true;
    }
    return false;
  }

  /** "lift the terrorist label", "revoke the designation": a verb whose object is a step already told. */
  private objectIsDefiniteStep(step: StepMention, clause: Clause, next: number): boolean {
    const end = this.phraseEnd(clause, step.at + 1, next);
    for (let k = step.at + 1; k < end; k++) {
      const w = this.words[k]!;
      const noun = baseOf(w.lemma) in STEP_NOUNS || baseOf(w.lower) in STEP_NOUNS || w.lower === 'label' || w.lower === 'status';
      if (noun && this.words.slice(step.at + 1, k).some((d) => ['the', 'its', 'their', 'this', 'that'].includes(d.lower))) return true;
    }
    return false;
  }

  private refersToStep(step: StepMention, clause: Clause): boolean {
    if (this.context.steps.length === 0 && this.made.length === 0) return false;
    const before = this.words[step.at - 1];
    if (!before || !['the', 'this', 'that', 'its', 'their'].includes(before.lower)) return false;
    return this.inClause(clause, step.at);
  }

  private clauseText(clause: Clause): string {
    const words = this.words.slice(clause.from, clause.to).filter((_, k) => this.inClause(clause, clause.from + k));
    return words.map((w) => w.text).join(' ');
  }

  private mentionAt(i: number): Mentioned | null {
    return this.mentionOfWord[i] ?? null;
  }

  /** The organisations a step is about: its object, its passive subject, the noun's "of X", or what a reference stands for. */
  private targetsOf(step: StepMention, clause: Clause, next: number): string[] {
    const regions: [number, number][] = [];
    if (step.noun) {
      regions.push([this.nounPhraseStart(clause, step.at), step.at]);
      // A gerund takes its object as a verb does: "proposed listing the X", "a decree designating the X".
      const object = this.words[step.at + 1];
      if (object && (object.pos === 'DET' || object.pos === 'PROPN' || this.mentionAt(step.at + 1) !== null))
        regions.push([step.at + 1, this.phraseEnd(clause, step.at + 1, next)]);
      const after = this.words[step.at + 1]?.lower;
      if (after && ['of', 'on', 'against', 'for'].includes(after) && this.namesDirectly(step.at + 2))
        regions.push([step.at + 1, this.phraseEnd(clause, step.at + 2, next)]);
    } else if (step.passive) {
      if (clause.antecedent !== null && clause.from >= step.at - 3) regions.push([clause.antecedent, clause.antecedent + 1]);
      else regions.push([this.subjectStart(clause, step.at), step.at]);
      // "the ban on X was lifted": the noun's object.
    } else {
      const end = this.phraseEnd(clause, step.at + 1, next);
      // "lifted a ban on the sale of firecrackers in Delhi": the entity is the ban's own object, or none.
      const noun = this.words.slice(step.at + 1, Math.min(end, step.at + 5)).findIndex((w) => baseOf(w.lemma) in STEP_NOUNS || baseOf(w.lower) in STEP_NOUNS);
      const at = step.at + 1 + noun;
      const preposition = this.words[at + 1]?.lower;
      if (noun >= 0 && preposition && ['on', 'of', 'against'].includes(preposition) && !this.namesDirectly(at + 2)) regions.push([step.at + 1, at]);
      else if (noun < 0 && !this.objectNamed(step.at + 1))
        regions.push([step.at + 1, step.at + 1]); // "banned rallies by the Front"
      else regions.push([step.at + 1, end]);
    }
    const found: string[] = [];
    for (const [from, to] of regions) {
      for (const m of this.mentioned) {
        if (
          m.first >= from &&
          m.last < to &&
          m.mention.kind === 'organisation' &&
          !this.modifiesNoun(m) &&
          !this.ofMembers(m, from) &&
          (this.inClause(clause, m.first) || (clause.antecedent !== null && m.first === from))
        )
          found.push(m.mention.entityId);
      }
    }
    // An organisation an antecedent names: "X, which was banned", "X, which Canada banned" (the antecedent may end the name).
    if (found.length === 0 && (step.passive || this.objectGap(step, clause)) && clause.antecedent !== null) {
      const m = this.mentioned.find((x) => x.last === clause.antecedent && x.mention.kind === 'organisation');
      if (m) found.push(m.mention.entityId);
    }
    if (found.length > 0) return [...new Set(found)];
    for (const [from, to] of regions) {
      if (this.hasOrganisationReference(from, to)) {
        const referent = this.nearestOrganisationBefore(from) ?? this.context.organisations[this.context.organisations.length - 1];
        if (referent !== undefined) return [this.referTo(referent)];
      }
      const ids: string[] = [];
      for (const name of findOrganisationNames(this.words, from, to, (k) => this.mentionAt(k) !== null)) {
        const id = entityId(name.name);
        const known = this.entity(id) ?? this.discovered.get(id);
        if (known && known.kind !== 'organisation') continue;
        // A name seen before with aliases it did not have ("... (HDN)") gains them.
        const fresh = name.aliases.filter((a) => !known || (a !== known.name && !known.aliases.includes(a)));
        if (!known || fresh.length > 0)
          this.discovered.set(id, { id, name: known?.name ?? name.name, kind: 'organisation', aliases: known ? fresh : name.aliases, partOf: null });
        this.named.push({ at: name.at, id });
        ids.push(id);
      }
      if (ids.length > 0) return ids;
    }
    return [];
  }

  /**
   * "X, which Canada banned in 2019": a relative clause whose "which" is the step's object, the
   * clause's own subject standing between it and the verb, and no object after the verb.
   */
  private objectGap(step: StepMention, clause: Clause): boolean {
    if (step.noun || clause.antecedent === null || !['which', 'that', 'whom'].includes(this.words[clause.from - 1]?.lower ?? '')) return false;
    const subject = this.words.slice(clause.from, step.at);
    if (!subject.some((w) => w.pos === 'PROPN' || w.pos === 'NOUN' || w.pos === 'PRON')) return false;
    // Nothing the verb could take as its object: a preposition, an adverb, a date, the clause's end.
    const next = this.words[step.at + 1];
    return (
      next === undefined ||
      step.at + 1 >= clause.to ||
      ['ADP', 'ADV', 'PUNCT', 'SCONJ', 'CCONJ', 'NUM', 'PART'].includes(next.pos) ||
      ['last', 'this', 'next', 'earlier'].includes(next.lower)
    );
  }

  /**
   * Whether the phrase at `k` is a name or a reference to one, not a common noun: "the ban on
   * the Front" is about the Front, "the ban on fishing in Lake Naivasha" is not about the lake.
   */
  private namesDirectly(k: number): boolean {
    while (this.words[k] && ['the', 'a', 'an', 'its', 'their', 'his', 'her'].includes(this.words[k]!.lower)) k++;
    const w = this.words[k];
    if (!w) return false;
    // "the rescission of the designation of X": through the inner step to its own object.
    if ((baseOf(w.lemma) in STEP_NOUNS || baseOf(w.lower) in STEP_NOUNS) && ['of', 'on', 'against'].includes(this.words[k + 1]?.lower ?? ''))
      return this.namesDirectly(k + 2);
    if (this.mentionAt(k) !== null || /^\p{Lu}/u.test(w.text)) return true;
    if (PRONOUN_ORGANISATION.has(w.lower) || ORGANISATION_REFERENCES.has(w.lower)) return true;
    // "the ban on the related group": one modifier before the reference noun.
    return ORGANISATION_REFERENCES.has(this.words[k + 1]?.lower ?? '') && w.pos === 'ADJ';
  }

  /**
   * Whether a verb's object is a name, a reference or a number of them ("the Front", "the
   * money-transfer company", "two of its affiliates"), not a thing of theirs ("rallies by the Front").
   */
  private objectNamed(k: number): boolean {
    while (this.words[k] && ['the', 'a', 'an', 'its', 'their', 'his', 'her', 'both', 'all'].includes(this.words[k]!.lower)) k++;
    for (let n = 0; n < 5 && this.words[k + n]; n++) {
      const w = this.words[k + n]!;
      if (this.mentionAt(k + n) !== null || /^\p{Lu}/u.test(w.text) || w.pos === 'NUM' || w.pos === 'PRON') return true;
      if (ORGANISATION_REFERENCES.has(w.lower)) return true;
      // "its regional offshoot, the Sturmkreis Nord": the name follows in apposition.
      if (w.text === ',')
        return (
          this.objectNamed(k + n + 1) &&
          /^\p{Lu}/u.test(this.words[k + n + 1]?.text === 'the' ? (this.words[k + n + 2]?.text ?? '') : (this.words[k + n + 1]?.text ?? ''))
        );
      if (!['NOUN', 'ADJ', 'PUNCT', 'VERB'].includes(w.pos) || (w.pos === 'PUNCT' && w.text !== '-')) return false;
    }
    return false;
  }

  /**
   * "sanctioned Ali Musa, a commander of the Front", "designated three leaders of the Front",
   * "listed the Red Hand, an offshoot of the Front": the name completes a noun for its people, or
   * an apposition that describes the object; the step is about them.
   */
  private ofMembers(m: Mentioned, from: number): boolean {
    let k = m.first - 1;
    while (k >= from && ['the', 'its', 'their'].includes(this.words[k]!.lower)) k--;
    if (k <= from || this.words[k]!.lower !== 'of') return false;
    if (MEMBER_NOUNS.has(this.words[k - 1]!.lower)) return true;
    // "the Red Hand Brigade, a splinter of the Front": the name describes the object in apposition,
    // a noun phrase after a comma that opens with "a", "an" or "the".
    let c = k - 1;
    while (c > from && ['NOUN', 'ADJ', 'PROPN', 'PART'].includes(this.words[c]!.pos) && !['a', 'an', 'the', 'its'].includes(this.words[c]!.lower)) c--;
    return c > from && ['a', 'an', 'the', 'its'].includes(this.words[c]!.lower) && this.words[c - 1]!.text === ',' && c - 1 > from;
  }

  /** "a Foo Front leader", "the Foo Front's newspaper": the name qualifies another noun, which is what the step is about. */
  private modifiesNoun(m: Mentioned): boolean {
    const next = this.words[m.last + 1];
    if (!next) return false;
    if (/^['’]s$/.test(next.text)) {
      // "the Front's chief recruiter": its people.
      if (this.words.slice(m.last + 2, m.last + 5).some((w) => MEMBER_NOUNS.has(w.lower))) return true;
      return (
        this.words[m.last + 2]?.pos === 'NOUN' &&
        !ORGANISATION_REFERENCES.has(this.words[m.last + 2]!.lower) &&
        !(baseOf(this.words[m.last + 2]!.lower) in STEP_NOUNS)
      );
    }
    return (
      next.pos === 'NOUN' &&
      /^\p{Ll}/u.test(next.text) &&
      !ORGANISATION_REFERENCES.has(next.lower) &&
      !(baseOf(next.lower) in STEP_NOUNS) &&
      !LIST_WORDS.has(next.lower)
    );
  }

  /** An organisation a reference stands for; one only seen as a name so far becomes an entity now. */
  private referTo(id: string): string {
    const candidate = this.context.candidates.get(id) ?? this.sentenceCandidates.get(id);
    if (!this.entity(id) && candidate) this.discovered.set(id, candidate);
    return id;
  }

  private nearestOrganisationBefore(i: number): string | null {
    const before = [
      ...this.mentioned.filter((m) => m.last < i && m.mention.kind === 'organisation').map((m) => ({ at: m.first, id: m.mention.entityId })),
      ...this.named.filter((n) => n.at < i),
    ].sort((a, b) => a.at - b.at);
    return before.length > 0 ? before[before.length - 1]!.id : null;
  }

  private hasOrganisationReference(from: number, to: number): boolean {
    for (let k = Math.max(0, from); k < to; k++) {
      const w = this.words[k]!;
      if (PRONOUN_ORGANISATION.has(w.lower)) return true;
      // "the group", "the money-transfer company": a common noun, not a word of a name ("the Peasant Front").
      if (/^['’]s$/.test(this.words[k + 1]?.text ?? '')) continue; // "the group's Vienna chapter": another entity
      if (ORGANISATION_REFERENCES.has(w.text) && this.words.slice(Math.max(from, k - 4), k).some((d) => ['the', 'this', 'that'].includes(d.lower))) {
        const between = this.words.slice(Math.max(from, k - 4), k);
        if (!between.some((d) => /^\p{Lu}/u.test(d.text) && d.lower !== 'the')) return true;
      }
    }
    return false;
  }

  /** Where a noun phrase ending at `i` starts: its determiner, possessive and modifiers. */
  private nounPhraseStart(clause: Clause, i: number): number {
    let k = i - 1;
    while (k >= clause.from && this.inClause(clause, k)) {
      const w = this.words[k]!;
      if (['DET', 'ADJ', 'PROPN', 'NOUN', 'PART', 'NUM'].includes(w.pos) || this.mentionAt(k) !== null || w.text === '-') k--;
      else break;
    }
    return k + 1;
  }

  /** The passive subject of the step at `i`: back to the verb or "that" that opens the clause. */
  private subjectStart(clause: Clause, i: number): number {
    let k = i - 1;
    while (k >= clause.from) {
      const w = this.words[k]!;
      if (!this.inClause(clause, k)) {
        k--; // "X, founded in 2011 by army officers, was designated": past the aside to its subject
        continue;
      }
      const hyphenated = this.words[k - 1]?.text === '-'; // "the Iranian-backed Front"
      if (
        this.mentionAt(k) === null &&
        ((w.pos === 'VERB' && !hyphenated && !BE.has(w.lower) && !BE.has(w.lemma)) ||
          w.lower === 'that' ||
          (w.lower === 'and' && this.words[k - 1]?.text === ','))
      )
        break;
      k--;
    }
    return k + 1;
  }

  /** Where an object phrase from `from` ends: at the next step, clause end, exception or new predicate. */
  private phraseEnd(clause: Clause, from: number, next: number): number {
    for (let k = from; k < Math.min(next, clause.to); k++) {
      const w = this.words[k]!;
      if (this.mentionAt(k) !== null) continue;
      if (
        (w.lower === 'as' && k > from) ||
        EXCEPT.has(w.lower) ||
        (w.lower === 'but' && this.words[k + 1]?.lower === 'not') ||
        (w.lower === 'other' && this.words[k + 1]?.lower === 'than')
      )
        return k;
      // A capitalised "Watch" is a word of a name; "the related group" a modifier.
      if ((w.pos === 'VERB' || w.pos === 'AUX') && k > from && !/^\p{Lu}/u.test(w.text) && this.words[k - 1]?.pos !== 'DET') return k;
      if (w.text === ',' && this.words[k + 1] && ['leaving', 'keeping', 'while', 'but', 'and'].includes(this.words[k + 1]!.lower)) return k;
    }
    return Math.min(next, clause.to);
  }

  /** The authorities that take a step: its subject, the agent of a passive ("by X", "in X"), a possessive, or a reference. */
  private authoritiesOf(step: StepMention, clause: Clause, previous: number | null): string[] {
    this.guessedAuthority = false;
    const inClause = this.mentioned.filter(
      (m) => m.authority !== null && (this.inClause(clause, m.first) || (clause.antecedent !== null && m.last === clause.antecedent)),
    );
    const agent = inClause.filter((m) => {
      if (m.first <= step.at) return false;
      const preposition = this.words[m.first - 1]?.lower === 'the' ? (this.words[m.first - 2]?.lower ?? '') : (this.words[m.first - 1]?.lower ?? '');
      // "banned in Britain" names the authority; "banned after attacks in Uganda" does not.
      const near = step.noun ? (this.inForceAfter(step, clause)?.at ?? step.at) : step.at;
      if (preposition === 'by' || preposition === 'under') return true;
      const between = this.words.slice(near + 1, m.first);
      return (
        preposition === 'in' &&
        m.first > near &&
        between.length <= 8 &&
        !between.some((w) => w.text === ',' || ['after', 'following', 'for', 'over', 'during', 'since'].includes(w.lower))
      );
    });
    // "banned by Canada and Australia": the authorities joined to the agent are agents too; in "by Britain, France said", France has a verb of its own.
    const conjuncts = inClause.filter((m) => agent.includes(m) || !['VERB', 'AUX'].includes(this.words[m.last + 1]?.pos ?? ''));
    if ((step.passive || step.noun) && agent.length > 0) return this.group(agent.slice(0, 1), conjuncts);
    // "Kenya said X was added to the EU terrorist list": a passive's list names who took the step.
    const keeper = this.listKeeper(step, inClause);
    if (keeper && step.passive) return [this.countryOf(keeper)];
    // "the lifting of Egypt's ban on X": the possessive inside the noun's phrase.
    if (step.noun) {
      const owner = inClause.find((m) => m.first > step.at && m.first <= step.at + 3 && /^['’]s$/.test(this.words[m.last + 1]?.text ?? ''));
      if (owner && !inClause.some((m) => m.last < step.at && m.last >= this.nounPhraseStart(clause, step.at) - 1)) return [this.countryOf(owner)];
    }
    const before = inClause.filter((m) => {
      if (m.last >= step.at) return false;
      // "Britain and France, unlike Germany, have banned X": the authority set apart is not a subject.
      if (['unlike', 'except', 'besides', 'excluding'].includes(this.words[m.first - 1]?.lower ?? '')) return false;
      // "The Iranian-backed Front was banned": a passive's subject names whom, not who; only "Kenya's ban was lifted" says who.
      const inSubject =
        step.passive && !LAPSE_VERBS.has(baseOf(this.words[step.at]!.lemma)) && clause.antecedent === null && m.first >= this.subjectStart(clause, step.at);
      if (inSubject && !/^['’]s$/.test(this.words[m.last + 1]?.text ?? '')) return false;
      // "Uganda said the ruling took effect": the reporter, not the step's subject.
      return !(step.noun && this.words.slice(m.last + 1, step.at).some((w) => (w.pos === 'VERB' && REPORTING.has(w.lemma)) || w.lower === 'that'));
    });
    const stepBefore = previous ?? -1;
    const own = before.filter((m) => m.first > stepBefore);
    const subject = own.length > 0 ? own : before;
    if (subject.length > 0) {
      if (step.noun) {
        const adjacent = subject.filter((m) => m.last >= this.nounPhraseStart(clause, step.at) - 1);
        if (adjacent.length > 0) return this.group([adjacent[adjacent.length - 1]!], subject);
      }
      return this.group([subject[subject.length - 1]!], subject);
    }
    if (clause.antecedent !== null) {
      const main = this.mentioned.filter((m) => m.authority !== null && m.last < clause.from);
      if (main.length > 0) return [main[main.length - 1]!.authority!];
    }
    // "Ottawa removed X from the UN sanctions list" names its subject first; with none, the list's keeper.
    if (keeper) return [this.countryOf(keeper)];
    // "it" or "the government" as the subject: the authority named before.
    this.guessedAuthority = true;
    const opener = this.words.slice(clause.from, step.at).find((w) => AUTHORITY_REFERENCES.has(w.lower));
    if (opener && !step.passive) {
      const earlier = this.mentioned.filter((m) => m.authority !== null && m.last < step.at);
      if (earlier.length > 0) return [earlier[earlier.length - 1]!.authority!];
      if (this.context.authority !== null) return [this.context.authority];
    }
    // "Kenya said the group was banned", "..., the Council said", "according to the ministry": the reporting authority.
    const reporter = this.mentioned.find(
      (m) =>
        m.authority !== null &&
        (this.words.slice(m.last + 1, m.last + 6).some((w) => w.pos === 'VERB' && REPORTING.has(w.lemma)) ||
          (this.words[m.first - 1]?.lower === 'to' && this.words[m.first - 2]?.lower === 'according') ||
          (this.words[m.first - 1]?.pos === 'DET' && this.words[m.first - 2]?.lower === 'to' && this.words[m.first - 3]?.lower === 'according')),
    );
    if (reporter) return [this.countryOf(reporter)];
    return this.context.voice !== null ? [this.context.voice] : [];
  }

  /**
   * The authority whose list the step puts its entity on or takes it off, named in the list's
   * own phrase: "removed from the European Union's terrorist list", "added to the UN sanctions list".
   */
  private listKeeper(step: StepMention, inClause: Mentioned[]): Mentioned | undefined {
    return inClause.find((m) => m.first > step.at && this.opensListPhrase(m));
  }

  /** Whether a mention is the keeper (a possessive or a modifier) of a list noun after a preposition ("to the EU terrorist list"). */
  private opensListPhrase(m: Mentioned): boolean {
    let k = m.first - 1;
    while (k >= 0 && ['DET', 'ADJ'].includes(this.words[k]!.pos)) k--;
    if (!['to', 'on', 'onto', 'in', 'from', 'off'].includes(this.words[k]?.lower ?? '')) return false;
    const possessive = /^['’]s$/.test(this.words[m.last + 1]?.text ?? '');
    // "Russia's register", "the EU's consolidated terrorist list"; "the US terror blacklist", "the British proscribed list".
    // A country as a bare modifier of "sanctions list" is whom the sanctions are on ("the Russia sanctions list"):
    // it keeps the list only as an international body does, or where the list is one of terrorists.
    const keeps = possessive || (m.authority !== null && isInternationalBody(m.authority));
    for (let j = m.last + (possessive ? 2 : 1); j <= m.last + 4; j++) {
      const w = this.words[j];
      if (w && LIST_WORDS.has(w.lower))
        return keeps || this.words.slice(m.last + 1, j).some((b) => TERROR_WORDS.test(b.lower) && !/^sanctions?$/.test(b.lower));
      if (!w || !['ADJ', 'NOUN', 'PROPN', 'VERB'].includes(w.pos)) return false;
    }
    return false;
  }

  /** The authority at `lead` with those joined to it by "and" or commas ("Canada and Australia listed"), each body as its country. */
  private group(lead: Mentioned[], all: Mentioned[]): string[] {
    const chosen = [lead[0]!];
    const index = all.indexOf(lead[0]!);
    for (let i = index - 1; i >= 0; i--) {
      const between = this.text.slice(all[i]!.mention.end, chosen[0]!.mention.start);
      if (/^\s*(?:,|and|, and|&|as well as)\s*(?:the\s+)?$/i.test(between)) chosen.unshift(all[i]!);
      else if (/^\s*(?:'s|’s)?\s*$/i.test(between) && this.entity(chosen[0]!.mention.entityId)?.partOf) {
        // "Kenya's Supreme Court": the country named with the body.
        chosen[0] = all[i]!;
      } else break;
    }
    for (let i = index + 1; i < all.length; i++) {
      const between = this.text.slice(chosen[chosen.length - 1]!.mention.end, all[i]!.mention.start);
      if (/^\s*(?:,|and|, and|&)\s*(?:the\s+)?$/i.test(between)) chosen.push(all[i]!);
      else break;
    }
    return [...new Set(chosen.map((m) => this.countryOf(m)))];
  }

  /** A body's country, or a country named right beside a body ("the Kenyan interior ministry", "Supreme Court of Pakistan"). */
  private countryOf(m: Mentioned): string {
    const body = this.entity(m.mention.entityId);
    if (body?.partOf) {
      const beside = this.mentioned.find(
        (o) =>
          o !== m &&
          o.authority !== null &&
          !this.entity(o.mention.entityId)?.partOf &&
          (o.last === m.first - 1 || o.last === m.first - 2 || o.first === m.last + 2),
      );
      if (beside) return beside.authority!;
    }
    return m.authority!;
  }

  /**
   * The words a verb step's date may stand in: from its subject (or the "and" after the step
   * before it) to the next step or the next verb of another predicate ("..., and police searched
   * properties on Thursday").
   */
  private predicateSpan(step: StepMention, clause: Clause, previous: number | null, next: number | null): [number, number] {
    let from = clause.from;
    if (previous !== null) {
      from = previous + 1;
      for (let k = step.at - 1; k > previous; k--) {
        if (['and', 'but', ','].includes(this.words[k]!.lower)) {
          from = k;
          break;
        }
      }
    }
    let to = next ?? clause.to;
    for (let k = step.at + 1; k < to; k++) {
      const w = this.words[k]!;
      if (!this.inClause(clause, k)) continue;
      const following = this.words[k + 1];
      // ", saying ...", ", citing ...", "and police searched ...", "that it had ...": another predicate.
      const participle = w.text === ',' && following !== undefined && following.pos === 'VERB' && /ing$|ed$/.test(following.lower);
      const coordinated = ['and', 'but'].includes(w.lower) && this.words.slice(k + 1, k + 5).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
      const subordinate = w.pos === 'SCONJ' && w.lower !== 'as' && this.words.slice(k + 1, k + 5).some((x) => x.pos === 'VERB' || x.pos === 'AUX');
      if (participle || coordinated || subordinate) {
        to = k;
        break;
      }
    }
    return [from, to];
  }

  /** The date a clause gives after "with effect from", "effective", "takes effect on". */
  private inForceDateIn(clause: Clause): PartialDate | null {
    for (const d of this.dates) {
      const k = this.words.findIndex((w) => w.end > d.start);
      if (k < 0 || !this.inClause(clause, k)) continue;
      if (/(effect|force|effective|as of)\W+(?:\w+\W+){0,3}$/i.test(this.text.slice(Math.max(0, d.start - 40), d.start))) return d.date;
    }
    return null;
  }

  /**
   * Whether the date at word `k` dates a report of the step rather than the step: "Latvia said on
   * Wednesday it would lift the ban in November" lifts it in November.
   */
  private datesReport(k: number, step: StepMention): boolean {
    if (k >= step.at) return false;
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const w = this.words[j]!;
      if (w.pos === 'VERB' && REPORTING.has(w.lemma)) return true;
      if (w.pos !== 'ADP' && w.pos !== 'ADV') return false;
    }
    return false;
  }

  /** The date of a step: the in-force date in its clause, else the date of its clause nearest the step. */
  private dateOf(step: StepMention, clause: Clause, previous: number | null = null, next: number | null = null): PartialDate | null {
    const [from, to] = step.noun ? [clause.from, clause.to] : this.predicateSpan(step, clause, previous, next);
    const inClause = this.dates.filter((d) => {
      const k = this.words.findIndex((w) => w.end > d.start);
      // "a 2019 arson attack", "the original 2019 listing": a year that qualifies a noun dates that noun, not the step.
      const qualifier = ['a', 'an', 'the', 'its', 'their', 'his', 'her'].includes(this.words[k - 1]?.lower ?? '');
      return k >= from && k < to && this.inClause(clause, k) && !qualifier && !this.datesReport(k, step);
    });
    const relative = this.clauses.filter((c) => c.antecedent !== null && c.antecedent >= step.at - 1 && c.antecedent <= step.at + 6);
    const candidates = [...inClause];
    if (step.noun) {
      for (const c of relative) {
        for (const d of this.dates) {
          const k = this.words.findIndex((w) => w.end > d.start);
          if (k >= c.from && k < c.to) candidates.push(d);
        }
      }
    }
    if (candidates.length === 0) return null;
    const inForce = candidates.find((d) => {
      const before = this.text.slice(Math.max(0, d.start - 40), d.start);
      return /(effect|force|effective|from|published|gazetted|as of)\W+(?:\w+\W+){0,3}$/i.test(before);
    });
    return (inForce ?? candidates.sort((a, b) => Math.abs(a.start - this.words[step.at]!.start) - Math.abs(b.start - this.words[step.at]!.start))[0]!).date;
  }
}

/** A modal of mere possibility ("may list", "could ban") or a condition ("if", "whether"); not the month "May". */
function hypothetical(w: Word): boolean {
  return HYPOTHETICAL.has(w.lower) && (w.pos === 'AUX' || w.pos === 'SCONJ' || w.pos === 'VERB' || w.text === w.lower);
}

/** Whether a word could name a step at all: a word of the vocabulary, a reference to a step, or a pronoun. */
function mayBeStep(w: Word, base: string): boolean {
  if (base in LIST_VERBS || base in REMOVE_VERBS || base in STEP_NOUNS || LAPSE_VERBS.has(base)) return true;
  const lower = baseOf(w.lower);
  return lower in STEP_NOUNS || lower in LIST_VERBS || lower in REMOVE_VERBS || STEP_REFERENCES.has(w.lower) || w.pos === 'PRON';
}

/** The authority an entity speaks for: itself if it is one, its country if it is a body of one. */
export function authorityOf(entity: (id: string) => Entity | undefined, id: string): string | null {
  let current = entity(id);
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.partOf === null) return current.kind === 'authority' ? current.id : null;
    current = entity(current.partOf);
  }
  return null;
}
