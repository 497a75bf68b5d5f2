import type { Sentence } from '../extract/extractArticle.js';
import { ORGANISATION_REFERENCES } from '../extract/vocabulary.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { isInternationalBody } from '../knowledge/authorities.js';
import type { PartialDate } from '../knowledge/partialDate.js';
import type { Entity } from '../knowledge/types.js';
import type { Question } from './question.js';
import type { SourceRegistry } from './sources.js';
import { cachedStep } from './statusLines.js';
import { historyOf, sameStep, type HistoryStep, type Step } from './steps.js';
import type { DirectAnswer, DirectFact, DirectPart, SourceId } from './types.js';

/** At most this many authorities (or entities) are named in one direct answer; the status lines list them all. */
const MAX_NAMED = 5;
/** A "what changed" answer without a period gives the latest steps, this many. */
const LATEST_STEPS = 3;

/** The direct answer, the sentences its facts rest on (which join the timeline), and the ones that tell its steps best alone (which lead the summary). */
export interface Directed {
  direct: DirectAnswer;
  evidence: Sentence[];
  lead: Sentence[];
}

/** What one authority did on one entity, as the sources tell it. */
interface Pair {
  targetId: string;
  authorityId: string;
  steps: HistoryStep[];
}

/** Steps of one pair that the answer states, before they are put in words. */
interface Told {
  pair: Pair;
  steps: HistoryStep[];
}

type Kind = { state: 'listed' | 'removed' | 'pending'; toward?: 'listed' | 'removed' };

/**
 * Answers a question about designations in one or two sentences assembled from the steps the
 * sources report (the steps status lines and the timeline show), each fact citing the sources of
 * its step, with the sentence it rests on as evidence. Where no source reports what was asked, it
 * says so and gives the nearest step it has.
 *
 * @example
 * directAnswer(kb, readQuestion(kb, analyzeQuery('has russia removed the taliban?', kb.matcher), now)!, sources).direct.text
 * // => 'Yes. Russia removed the Taliban on 2025-04-17 [1].'
 */
export function directAnswer(kb: KnowledgeBase, question: Question, sources: SourceRegistry): Directed {
  const writer = new Writer(kb, sources, question.form === 'when' || (question.form === 'yes-no' && !question.now));
  const kind: Kind = question.move ? { state: 'pending', toward: question.step ?? 'removed' } : { state: question.step ?? 'listed' };
  const pairs = pairsOf(kb, question);
  const found = {
    when: () => answerWhen(writer, question, pairs, kind),
    'yes-no': () => (question.now ? answerNow(writer, question, pairs, kind) : answerEver(writer, question, pairs, kind)),
    who: () => answerWho(writer, question, pairs, kind),
    changed: () => answerChanged(writer, question, pairs),
  }[question.form]();
  return writer.finish(question.form, found);
}

/** The pairs a question is about: its entities with its authorities, or with every authority the sources name. */
function pairsOf(kb: KnowledgeBase, question: Question): Pair[] {
  const keys = new Set<string>();
  if (question.targets.length > 0) {
    for (const target of question.targets) {
      if (question.authorities.length > 0) question.authorities.forEach((a) => keys.add(`${target} ${a}`));
      else kb.claimPairs(target).filter((p) => p.startsWith(`${target} `)).forEach((p) => keys.add(p));
    }
  } else {
    for (const authority of question.authorities) kb.claimPairs(authority).filter((p) => p.endsWith(` ${authority}`)).forEach((p) => keys.add(p));
  }
  const pairs: Pair[] = [];
  for (const key of keys) {
    const [targetId, authorityId] = key.split(' ') as [string, string];
    if (question.countriesOnly && isInternationalBody(authorityId)) continue;
    pairs.push({ targetId, authorityId, steps: stepsOf(kb, key) });
  }
  return pairs;
}

/** Histories of the whole knowledge base by pair, for the version they were read from. */
const histories = new WeakMap<KnowledgeBase, { version: number; steps: Map<string, HistoryStep[]> }>();

/** A pair's history, its latest step told as its status line tells it; read once per version of the knowledge base. */
function stepsOf(kb: KnowledgeBase, key: string): HistoryStep[] {
  let cache = histories.get(kb);
  if (cache?.version !== kb.version) {
    cache = { version: kb.version, steps: new Map() };
    histories.set(kb, cache);
  }
  let steps = cache.steps.get(key);
  if (steps === undefined) cache.steps.set(key, (steps = readHistory(kb, key)));
  return steps;
}

function readHistory(kb: KnowledgeBase, key: string): HistoryStep[] {
  const steps = historyOf(kb.claimsOfPair(key));
  const latest = cachedStep(kb, key);
  if (latest === null) return steps;
  for (let i = steps.length - 1; i >= 0; i--) {
    if (sameStep(steps[i]!, latest)) {
      steps[i] = { ...latest, otherDates: steps[i]!.otherDates };
      break;
    }
  }
  return steps;
}

function matches(step: Step, kind: Kind): boolean {
  return step.told.claim.state === kind.state && (kind.state !== 'pending' || step.told.claim.toward === kind.toward);
}

/** Where a pair stands: its latest step that is not a move, and the moves after it. */
function standing(pair: Pair): { step: HistoryStep | null; moves: HistoryStep[] } {
  for (let i = pair.steps.length - 1; i >= 0; i--) {
    if (pair.steps[i]!.told.claim.state !== 'pending') return { step: pair.steps[i]!, moves: pair.steps.slice(i + 1) };
  }
  return { step: null, moves: pair.steps };
}

function latestOf(pair: Pair): HistoryStep | undefined {
  return pair.steps[pair.steps.length - 1];
}

/** The date a step happened, or was first reported, for ordering and for periods. */
function whenOf(step: Step): string {
  return step.told.claim.date ?? step.told.sentence.article.published ?? '';
}

/** "when did A list E": the steps of that kind, then the latest step where it came after. */
function answerWhen(writer: Writer, question: Question, pairs: Pair[], kind: Kind): boolean {
  const asked = pairs
    .map((pair) => ({ pair, steps: pair.steps.filter((s) => matches(s, kind)) }))
    .filter((a) => a.steps.length > 0)
    .sort((a, b) => byDate(a.steps[0]!, b.steps[0]!));
  if (asked.length === 0) {
    writer.noSource(question, kind, pairs);
    return false;
  }
  writer.tell(asked.slice(0, MAX_NAMED).map(({ pair, steps }) => ({ pair, steps: withLatest(pair, steps) })));
  writer.more(asked.length - MAX_NAMED, 'authorities');
  return true;
}

/** Oldest first, steps no source dates last. */
function byDate(a: Step, b: Step): number {
  const da = a.told.claim.date;
  const db = b.told.claim.date;
  if (da === null || db === null) return da === db ? 0 : da === null ? 1 : -1;
  return da.localeCompare(db);
}

/** The steps asked about, then the pair's latest step where it is later and of another kind. */
function withLatest(pair: Pair, steps: HistoryStep[]): HistoryStep[] {
  const latest = latestOf(pair);
  const last = steps[steps.length - 1];
  return latest && last && latest !== last && !matches(latest, kindOf(last)) && pair.steps.indexOf(latest) > pair.steps.indexOf(last) ? [...steps, latest] : steps;
}

function kindOf(step: Step): Kind {
  return step.told.claim.toward ? { state: step.told.claim.state, toward: step.told.claim.toward } : { state: step.told.claim.state };
}

/** "has A removed E", "did A ban E": whether a source reports the step, ever. */
function answerEver(writer: Writer, question: Question, pairs: Pair[], kind: Kind): boolean {
  const asked = pairs.filter((p) => p.steps.some((s) => matches(s, kind)));
  if (question.authorities.length > 0) {
    if (asked.length === pairs.length) writer.say('Yes.');
    // The authorities that took the step, in one sentence; then each that no source says did.
    writer.tell(asked.map((pair) => ({ pair, steps: withLatest(pair, pair.steps.filter((s) => matches(s, kind))) })));
    for (const pair of pairs.filter((p) => !asked.includes(p))) writer.noSource(question, kind, [pair]);
    return asked.length > 0;
  }
  if (asked.length === 0) {
    writer.noSource(question, kind, pairs);
    return false;
  }
  writer.say('Yes.');
  writer.tell(asked.slice(0, MAX_NAMED).map((pair) => ({ pair, steps: withLatest(pair, [[...pair.steps].reverse().find((s) => matches(s, kind))!]) })));
  writer.more(asked.length - MAX_NAMED, 'authorities');
  return true;
}

/** "is E still listed", "does A ban E": where the pairs stand now, as the latest sources tell it. */
function answerNow(writer: Writer, question: Question, pairs: Pair[], kind: Kind): boolean {
  if (kind.state === 'pending') return answerMoving(writer, question, pairs, kind);
  if (question.authorities.length > 0) {
    let found = false;
    for (const pair of pairs) {
      const { step, moves } = standing(pair);
      if (step === null) {
        writer.noSource(question, kind, [pair]);
        continue;
      }
      found = true;
      if (pairs.length === 1) writer.say(matches(step, kind) ? 'Yes.' : 'No.');
      writer.tell([{ pair, steps: [step, ...moves] }]);
    }
    return found;
  }
  const standings = pairs.map((pair) => ({ pair, ...standing(pair) })).filter((s) => s.step !== null);
  const yes = standings.filter((s) => matches(s.step!, kind));
  const no = standings.filter((s) => !matches(s.step!, kind));
  if (yes.length === 0) {
    writer.noSource(question, kind, pairs);
    if (no.length > 0) writer.tell(newestFirst(no).slice(0, MAX_NAMED).map((s) => ({ pair: s.pair, steps: [s.step!] })));
    return false;
  }
  writer.say('Yes.');
  writer.tell(newestFirst(yes).slice(0, MAX_NAMED).map((s) => ({ pair: s.pair, steps: [s.step!] })));
  writer.tell(newestFirst(no).slice(0, Math.max(0, MAX_NAMED - yes.length)).map((s) => ({ pair: s.pair, steps: [s.step!] })));
  writer.more(yes.length + no.length - MAX_NAMED, 'authorities');
  return true;
}

/**
 * "is A moving to remove E": yes where the latest step is that move; where the step has been
 * taken since, the move and the step.
 */
function answerMoving(writer: Writer, question: Question, pairs: Pair[], kind: Kind): boolean {
  const told: Told[] = [];
  for (const pair of pairs) {
    const latest = latestOf(pair);
    const move = [...pair.steps].reverse().find((s) => matches(s, kind));
    if (latest && move) told.push({ pair, steps: latest === move ? [move] : withLatest(pair, [move]) });
  }
  if (told.length === 0) {
    writer.noSource(question, kind, pairs);
    return false;
  }
  const moving = told.every((t) => t.steps.length === 1);
  if (pairs.length === 1 && moving) writer.say('Yes.');
  writer.tell(told.slice(0, MAX_NAMED));
  writer.more(told.length - MAX_NAMED, 'authorities');
  return true;
}

/** Newest first, steps no source dates last. */
function newestFirst<T extends { step: Step | null }>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    const da = a.step!.told.claim.date;
    const db = b.step!.told.claim.date;
    return da === null || db === null ? (da === db ? 0 : da === null ? 1 : -1) : db.localeCompare(da);
  });
}

/** "who listed E", "which countries list E", "who asked for E's removal": the authorities, each with its step and date. */
function answerWho(writer: Writer, question: Question, pairs: Pair[], kind: Kind): boolean {
  const told: { pair: Pair; step: Step }[] = [];
  for (const pair of pairs) {
    if (question.now && kind.state !== 'pending') {
      const { step } = standing(pair);
      if (step && matches(step, kind)) told.push({ pair, step });
    } else {
      const step = [...pair.steps].reverse().find((s) => matches(s, kind));
      if (step) told.push({ pair, step });
    }
  }
  if (told.length === 0) {
    writer.noSource(question, kind, pairs);
    return false;
  }
  // What became of a step since ("listed in 2003 and removed it on ...") is part of who did it.
  writer.tell(newestFirst(told).slice(0, MAX_NAMED).map(({ pair, step }) => ({ pair, steps: withLatest(pair, [step as HistoryStep]) })));
  writer.more(told.length - MAX_NAMED, question.targets.length === 0 ? 'entities' : 'authorities');
  return true;
}

/** "what changed for E since D": the steps reported in the period, oldest first; without one, the latest steps. */
function answerChanged(writer: Writer, question: Question, pairs: Pair[]): boolean {
  const all = pairs.flatMap((pair) => pair.steps.map((step) => ({ pair, step: step as HistoryStep })));
  const since = question.since;
  // A step no source dates cannot be placed in a period: its status line gives it.
  const dated = all.filter(({ step }) => step.told.claim.date !== null);
  const inPeriod = since === null ? dated : dated.filter(({ step }) => whenOf(step) >= since.slice(0, whenOf(step).length));
  const ordered = inPeriod.sort((a, b) => whenOf(a.step).localeCompare(whenOf(b.step)));
  const shown = ordered.slice(-(since === null ? LATEST_STEPS : MAX_NAMED));
  if (shown.length === 0) {
    writer.say(
      all.length === 0
        ? `No source in the knowledge base reports a designation step on ${writer.subjectOf(question)}.`
        : `No source in the knowledge base reports a designation step on ${writer.subjectOf(question)} since ${since}.`,
    );
    const latest = all.sort((a, b) => whenOf(a.step).localeCompare(whenOf(b.step))).pop();
    if (latest) {
      writer.say('The latest step reported:');
        writer.tell([{ pair: latest.pair, steps: [latest.step] }]);
    }
    return false;
  }
  if (since !== null) writer.say(`Since ${since}:`);
  else writer.say(shown.length === 1 ? 'The latest step reported:' : 'The latest steps reported:');
  for (const { pair, step } of shown) writer.tell([{ pair, steps: [step] }]);
  if (ordered.length > shown.length) writer.say(`(${ordered.length - shown.length} earlier ${ordered.length - shown.length === 1 ? 'step' : 'steps'}: see the timeline)`);
  return true;
}

/** The words of each state, as a step ("removed") and as a move toward it ("moved to remove"). */
function verbOf(kind: Kind): string {
  if (kind.state !== 'pending') return kind.state;
  return kind.toward === 'listed' ? 'moved to list' : 'moved to remove';
}

function datePhrase(date: PartialDate | null): string {
  if (date === null) return '(no source gives the date)';
  return date.length === 10 ? `on ${date}` : `in ${date}`;
}

/** Names that read with "the" however the sources spell them (the United States, the European Union). */
const DEFINITE = /^(?:United|European|Democratic|Republic|Kingdom|Netherlands|Philippines|Gambia|Bahamas|Maldives|Comoros|Seychelles|Czech|Central African|Dominican|Marshall|Solomon)\b|\b(?:Council|Committee|Office|Department|Ministry|Court|Union|Nations|States|Islands|Emirates|Commission|Organi[sz]ation|League|Treaty)\b/;

/**
 * Assembles the parts of a direct answer and their text. Each fact part states one step in
 * fixed words; the text joins a pair's steps ("listed the Taliban in 2003 [1] and removed it on
 * 2025-04-17 [2]") and several authorities' same step ("Russia ..., Kazakhstan in 2023 [3] and
 * Kyrgyzstan ...").
 */
class Writer {
  private readonly parts: DirectPart[] = [];
  private readonly pieces: string[] = [];
  private readonly evidence: Sentence[] = [];
  private readonly lead: Sentence[] = [];
  private readonly names = new Map<string, string>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly sources: SourceRegistry,
    /** Whether a step that reports date otherwise is told with those dates too (asked when it happened). */
    private readonly datesDiffer: boolean,
  ) {}

  say(text: string): void {
    this.parts.push({ text, evidence: null, citations: [], fact: null });
    this.pieces.push(text);
  }

  /**
   * Steps in words: one step per authority reads as one sentence ("Russia removed the Taliban on
   * 2025-04-17 [1], Kazakhstan in 2023 [2] and ..."); several steps of one authority as a
   * sentence of their own ("Russia listed the Taliban in 2003 [3] and removed it on ...").
   */
  tell(items: Told[]): void {
    if (items.length === 0) return;
    if (items.every((item) => item.steps.length === 1 && (!this.datesDiffer || item.steps[0]!.otherDates.length === 0))) {
      // Clauses share what they have in common with the one before: "Russia removed the Taliban on ..., Kazakhstan in 2023";
      // "Canada listed the Iron Legion on ... and the Mireth People's Army on ...".
      const clauses = items.map(({ pair, steps: [step] }, i) => {
        const previous = items[i - 1];
        const sameVerb = previous !== undefined && verbOf(kindOf(previous.steps[0]!)) === verbOf(kindOf(step!));
        const date = `${datePhrase(step!.told.claim.date)} ${this.cite(this.fact(pair, step!))}`;
        if (sameVerb && previous.pair.targetId === pair.targetId) return `${this.name(pair.authorityId)} ${date}`;
        if (sameVerb && previous.pair.authorityId === pair.authorityId) return `${this.name(pair.targetId)} ${date}`;
        return `${this.name(pair.authorityId)} ${verbOf(kindOf(step!))} ${this.name(pair.targetId)} ${date}`;
      });
      this.pieces.push(`${this.opening(series(clauses))}.`);
      return;
    }
    for (const { pair, steps } of items) {
      const clauses = steps.map((step, i) => {
        const cites = this.fact(pair, step);
        const object = i === 0 ? this.name(pair.targetId) : 'it';
        const others = this.datesDiffer ? step.otherDates.map((other) => `${other.told.claim.date ?? 'undated'} ${this.cite(this.fact(pair, other))}`) : [];
        const differ = others.length > 0 ? ` (another report dates it ${series(others)})` : '';
        return `${verbOf(kindOf(step))} ${object} ${datePhrase(step.told.claim.date)} ${this.cite(cites)}${differ}`;
      });
      this.pieces.push(`${this.opening(this.name(pair.authorityId))} ${series(clauses)}.`);
    }
  }

  /** The first words of a sentence: capitalised, unless they follow a colon ("The latest step reported: the ..."). */
  private opening(text: string): string {
    return this.pieces[this.pieces.length - 1]?.endsWith(':') ? text : capital(text);
  }

  more(count: number, what: 'authorities' | 'entities'): void {
    if (count > 0) this.say(`(${count} more ${count === 1 ? (what === 'authorities' ? 'authority' : 'entity') : what}: see the status lines)`);
  }

  /** "No source in the knowledge base says Russia removed the Taliban.", then the nearest step the sources report. */
  noSource(question: Question, kind: Kind, pairs: Pair[]): void {
    const who = question.authorities.length === 0 ? 'any authority' : pairs.length === 1 ? this.name(pairs[0]!.authorityId) : 'these authorities';
    const what = question.now && kind.state === 'listed' ? `still lists ${this.subjectOf(question)}` : `${verbOf(kind)} ${this.subjectOf(question)}`;
    this.say(`No source in the knowledge base says ${who} ${what}.`);
    const withSteps = pairs.filter((p) => p.steps.length > 0);
    if (withSteps.length === 1 && kind.state !== 'pending') {
      // A move toward the step asked about is the nearest thing to it.
      const pair = withSteps[0]!;
      const move = [...pair.steps].reverse().find((s) => s.told.claim.state === 'pending' && s.told.claim.toward === kind.state);
      if (move) {
        this.tell([{ pair, steps: [move] }]);
        return;
      }
    }
    const nearest = this.nearest(question, withSteps);
    if (nearest) {
      this.say(withSteps.length > 0 ? 'The latest step reported:' : `The latest step any source reports on ${this.subjectOf(question)}:`);
      this.tell([nearest]);
    }
  }

  /** The latest step of the pairs asked about, or failing those, of the entity with any authority. */
  private nearest(question: Question, pairs: Pair[]): Told | null {
    let candidates = pairs;
    if (candidates.length === 0 && question.targets.length > 0) {
      candidates = question.targets.flatMap((target) =>
        this.kb.claimPairs(target).filter((p) => p.startsWith(`${target} `)).map((key) => {
          const [targetId, authorityId] = key.split(' ') as [string, string];
          return { targetId, authorityId, steps: stepsOf(this.kb, key) };
        }),
      );
    }
    let best: Told | null = null;
    for (const pair of candidates) {
      const step = latestOf(pair);
      if (step && (best === null || whenOf(step) > whenOf(best.steps[0]!))) best = { pair, steps: [step] };
    }
    return best;
  }

  /** What the question is about, in words: "the Taliban", or the authority for a question about its list. */
  subjectOf(question: Question): string {
    const ids = question.targets.length > 0 ? question.targets : question.authorities;
    return series(ids.map((id) => this.name(id)));
  }

  finish(form: Question['form'], found: boolean): Directed {
    return { direct: { form, found, text: this.pieces.join(' '), parts: this.parts }, evidence: this.evidence, lead: this.lead };
  }

  /** Records a step as a fact part, and returns its citations. */
  private fact(pair: Pair, step: Step): SourceId[] {
    const { claim, sentence } = step.told;
    const citations = this.sources.cite([sentence.article, ...step.agreeing]);
    const fact: DirectFact = {
      authority: this.kb.entity(pair.authorityId)!.name,
      entity: this.kb.entity(pair.targetId)!.name,
      state: claim.state,
      ...(claim.toward ? { toward: claim.toward } : {}),
      date: claim.date,
    };
    const text = `${capital(this.name(pair.authorityId))} ${verbOf(kindOf(step))} ${this.name(pair.targetId)} ${datePhrase(claim.date)}`;
    this.parts.push({ text, evidence: sentence.text, citations, fact });
    if (!this.evidence.includes(sentence)) this.evidence.push(sentence);
    const alone = tellsAlone(step, pair);
    if (alone && !this.lead.includes(alone)) this.lead.push(alone);
    return citations;
  }

  private cite(ids: SourceId[]): string {
    return ids.map((id) => `[${id}]`).join('');
  }

  /**
   * An entity's name as prose uses it: "the Taliban" where the sources write "the Taliban",
   * "Hamas" where they write "Hamas"; names of a kind that take "the" (the United States, the
   * Kharsan Valley Front) where the sources do not show.
   */
  private name(id: string): string {
    const known = this.names.get(id);
    if (known !== undefined) return known;
    const entity = this.kb.entity(id)!;
    const prose = definite(entity, this.sentencesNaming(id)) ? `the ${entity.name}` : entity.name;
    this.names.set(id, prose);
    return prose;
  }

  private sentencesNaming(id: string): Sentence[] {
    const sentences: Sentence[] = [];
    for (const key of this.kb.claimPairs(id)) {
      for (const { sentence } of this.kb.claimsOfPair(key)) {
        sentences.push(sentence);
        if (sentences.length >= 200) return sentences;
      }
    }
    return sentences;
  }
}

/** Whether sources write "the" before the name; failing any use of it, whether names of its kind take one. */
function definite(entity: Entity, sentences: Sentence[]): boolean {
  let uses = 0;
  let withThe = 0;
  for (const { text } of sentences) {
    for (let at = text.indexOf(entity.name); at >= 0; at = text.indexOf(entity.name, at + entity.name.length)) {
      uses++;
      if (/\bthe\s$/i.test(text.slice(Math.max(0, at - 4), at))) withThe++;
    }
  }
  // A country's or a body's article belongs to its name; sources drop it where the name is an adjective ("European Union governments").
  if (entity.kind === 'authority') return DEFINITE.test(entity.name);
  if (uses > 0) return withThe * 2 >= uses;
  const last = entity.name.split(/\s+/).pop()!.toLowerCase();
  return entity.name.includes(' ') && ORGANISATION_REFERENCES.has(last);
}

/**
 * The report of a step that reads best on its own: quotable, naming the entity and the
 * authority ("Russia's Supreme Court has removed the Taliban ..." rather than "The move, announced
 * on Thursday, ..."), the report that dates it best when it does.
 */
function tellsAlone(step: Step, pair: Pair): Sentence | null {
  let best: { sentence: Sentence; score: number } | null = null;
  for (const { sentence } of [step.told, ...step.reports]) {
    if (!sentence.quotable) continue;
    const ids = new Set(sentence.entities.map((m) => m.entityId));
    const score = (ids.has(pair.targetId) ? 2 : 0) + (ids.has(pair.authorityId) || sentence.entities.some((m) => m.kind === 'authority') ? 1 : 0) + (sentence === step.told.sentence ? 0.5 : 0);
    if (best === null || score > best.score) best = { sentence, score };
  }
  return best?.sentence ?? null;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
function series(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
