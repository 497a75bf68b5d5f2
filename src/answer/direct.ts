import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { DirectWriter, type Stated, type Unreported, type Written } from './directWriter.js';
import { latestOf, pairsOf, standing, type Pair } from './pairs.js';
import { inPeriod } from './period.js';
import type { Question } from './question.js';
import type { SourceRegistry } from './sources.js';
import { byDate, happenedAt, isOfKind, kindOf, type HistoryStep, type Kind, type Step } from './steps.js';

/** At most this many authorities (or entities) are named in one direct answer; the status lines list them all. */
const MAX_NAMED = 5;
/** A "what changed" answer without a period gives the latest steps, this many. */
const LATEST_STEPS = 3;

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
export function directAnswer(kb: KnowledgeBase, question: Question, sources: SourceRegistry): Written {
  const writer = new DirectWriter(kb, sources, question.form === 'when' || (question.form === 'yes-no' && !question.now));
  const kind: Kind = question.move ? { state: 'pending', toward: question.step ?? 'removed' } : { state: question.step ?? 'listed' };
  const pairs = pairsOf(kb, question);
  const context: Context = { kb, writer, question, kind, pairs };
  const found = {
    when: () => answerWhen(context),
    'yes-no': () => (question.now ? (kind.state === 'pending' ? answerMoving(context) : answerNow(context)) : answerEver(context)),
    who: () => answerWho(context),
    changed: () => answerChanged(context),
  }[question.form]();
  return writer.finish(question.form, found);
}

interface Context {
  kb: KnowledgeBase;
  writer: DirectWriter;
  question: Question;
  kind: Kind;
  pairs: Pair[];
}

/** The steps of a pair that answer the question: of its kind, and in its period where it gives one. */
function asked({ question, kind }: Context, pair: Pair): HistoryStep[] {
  const period = question.period;
  return pair.steps.filter((s) => isOfKind(s, kind) && (period === null || (s.told.claim.date !== null && inPeriod(s.told.claim.date, period))));
}

/** The pairs with steps that answer the question, with those steps; and the pairs with none. */
function split(context: Context): { answered: Stated[]; missing: Pair[] } {
  const answered = context.pairs.map((pair) => ({ pair, steps: asked(context, pair) })).filter((a) => a.steps.length > 0);
  return { answered, missing: context.pairs.filter((p) => !answered.some((a) => a.pair === p)) };
}

/** The steps asked about, then the pair's latest step where it came after them and is of another kind (it undid them). */
function withLatest(pair: Pair, steps: HistoryStep[]): HistoryStep[] {
  const latest = latestOf(pair);
  const last = steps[steps.length - 1];
  if (!latest || !last || latest === last || isOfKind(latest, kindOf(last))) return steps;
  return pair.steps.indexOf(latest) > pair.steps.indexOf(last) ? [...steps, latest] : steps;
}

/** "when did A list E": the steps of that kind, then the later step that undid them. */
function answerWhen(context: Context): boolean {
  const { writer, pairs } = context;
  const { answered, missing } = split(context);
  if (answered.length === 0) {
    reportNone(context, pairs);
    return false;
  }
  answered.sort((a, b) => byDate(a.steps[0]!, b.steps[0]!));
  writer.tell(answered.slice(0, MAX_NAMED).map(({ pair, steps }) => ({ pair, steps: withLatest(pair, steps) })));
  writer.more(answered.length - MAX_NAMED, 'authorities');
  // Authorities the question names that no source says took the step: said so in one sentence.
  if (context.question.authorities.length > 0 && missing.length > 0) writer.noSource(unreported(context, missing));
  return true;
}

/** "has A removed E", "did A ban E in 2020": whether a source reports the step, ever or in the period. */
function answerEver(context: Context): boolean {
  const { writer, question, pairs } = context;
  const { answered, missing } = split(context);
  if (answered.length === 0) {
    reportNone(context, pairs);
    return false;
  }
  if (question.authorities.length === 0 || missing.length === 0) writer.say('Yes.');
  const shown =
    question.authorities.length > 0 ? answered : answered.slice(0, MAX_NAMED).map(({ pair, steps }) => ({ pair, steps: [steps[steps.length - 1]!] }));
  writer.tell(shown.map(({ pair, steps }) => ({ pair, steps: withLatest(pair, steps) })));
  writer.more(answered.length - shown.length, 'authorities');
  if (question.authorities.length > 0 && missing.length > 0) writer.noSource(unreported(context, missing));
  return true;
}

/** "is E still listed", "does A ban E": where the pairs stand now, by the latest step the sources report. */
function answerNow(context: Context): boolean {
  const { writer, question, kind, pairs } = context;
  const standings = pairs.map((pair) => ({ pair, ...standing(pair) })).filter((s) => s.step !== null);
  const yes = standings.filter((s) => isOfKind(s.step!, kind));
  const no = standings.filter((s) => !isOfKind(s.step!, kind));
  const stated = (list: typeof standings, withMoves: boolean): Stated[] =>
    [...list].sort((a, b) => byDate(a.step!, b.step!, true)).map((s) => ({ pair: s.pair, steps: withMoves ? [s.step!, ...s.moves] : [s.step!] }));
  if (question.authorities.length > 0) {
    const missing = pairs.filter((p) => !standings.some((s) => s.pair === p));
    if (standings.length === 0) {
      reportNone(context, pairs);
      return false;
    }
    if (standings.length === pairs.length && (yes.length === 0 || no.length === 0)) writer.say(yes.length > 0 ? 'Yes.' : 'No.');
    writer.tell(stated([...yes, ...no], true));
    if (missing.length > 0) writer.noSource(unreported(context, missing));
    return true;
  }
  if (yes.length === 0) {
    reportNone(context, pairs, stated(no, false).slice(0, MAX_NAMED));
    return false;
  }
  writer.say('Yes.');
  writer.tell(stated(yes, false).slice(0, MAX_NAMED));
  writer.tell(stated(no, false).slice(0, Math.max(0, MAX_NAMED - yes.length)));
  writer.more(yes.length + no.length - MAX_NAMED, 'authorities');
  return true;
}

/** "is A moving to remove E": yes where the latest step is that move; where the step was taken since, the move and the step. */
function answerMoving(context: Context): boolean {
  const { writer, pairs } = context;
  const stated: Stated[] = [];
  for (const pair of pairs) {
    const moves = asked(context, pair);
    const move = moves[moves.length - 1];
    if (move) stated.push({ pair, steps: withLatest(pair, [move]) });
  }
  if (stated.length === 0) {
    reportNone(context, pairs);
    return false;
  }
  if (pairs.length === 1 && stated.every((s) => s.steps.length === 1)) writer.say('Yes.');
  writer.tell(stated.slice(0, MAX_NAMED));
  writer.more(stated.length - MAX_NAMED, 'authorities');
  return true;
}

/** "who listed E", "which countries list E", "who asked for E's removal", "which groups has A banned": each with its step and date. */
function answerWho(context: Context): boolean {
  const { writer, question, kind, pairs } = context;
  const found: Stated[] = [];
  for (const pair of pairs) {
    if (question.now && kind.state !== 'pending') {
      const { step } = standing(pair);
      if (step && isOfKind(step, kind)) found.push({ pair, steps: [step] });
    } else {
      const steps = asked(context, pair);
      // What became of a step since ("listed it in 2003 and removed it on ...") is part of who did it.
      if (steps.length > 0) found.push({ pair, steps: withLatest(pair, [steps[steps.length - 1]!]) });
    }
  }
  if (found.length === 0) {
    reportNone(context, pairs);
    return false;
  }
  found.sort((a, b) => byDate(a.steps[0]!, b.steps[0]!, true));
  writer.tell(found.slice(0, MAX_NAMED));
  writer.more(found.length - MAX_NAMED, question.targets.length === 0 ? 'entities' : 'authorities');
  return true;
}

/** "what changed for E since D": the dated steps of the period, oldest first; without a period, the latest steps. */
function answerChanged(context: Context): boolean {
  const { writer, question, pairs } = context;
  const period = question.period;
  const all = pairs.flatMap((pair) => pair.steps.map((step) => ({ pair, step })));
  // A step no source dates cannot be placed in a period (its status line gives it); a move no source dates is placed when it was reported.
  const when = (step: Step) => step.told.claim.date ?? (step.told.claim.state === 'pending' ? step.told.sentence.article.published : null);
  const dated = all.filter(({ step }) => {
    const at = when(step);
    return at !== null && (period === null || inPeriod(at, period));
  });
  const ordered = dated.sort((a, b) => happenedAt(a.step).localeCompare(happenedAt(b.step)));
  const shown = ordered.slice(-(period === null ? LATEST_STEPS : MAX_NAMED));
  const about = question.targets.length > 0 ? question.targets : question.authorities;
  if (shown.length === 0) {
    writer.noStep(about, period);
    const latest = all.sort((a, b) => happenedAt(a.step).localeCompare(happenedAt(b.step))).pop();
    if (latest) writer.nearest({ pair: latest.pair, steps: [latest.step] }, null);
    return false;
  }
  if (period !== null) writer.period(period);
  else writer.say(shown.length === 1 ? 'The latest step reported:' : 'The latest steps reported:');
  for (const { pair, step } of shown) writer.tell([{ pair, steps: [step] }]);
  const earlier = ordered.length - shown.length;
  if (earlier > 0) writer.say(`(${earlier} earlier ${earlier === 1 ? 'step' : 'steps'}: see the timeline)`);
  return true;
}

/** What the question asked of these pairs, for the sentence that says no source reports it. */
function unreported({ question, kind }: Context, pairs: Pair[]): Unreported {
  const authorities = question.authorities.length > 0 ? [...new Set(pairs.map((p) => p.authorityId))] : [];
  return { authorities, countriesOnly: question.countriesOnly, targets: question.targets, kind, now: question.now, period: question.period };
}

/**
 * Says that no source reports what was asked, then the nearest thing the sources do report: the
 * given steps; or a move toward the step asked about; or the latest step of the pairs asked about,
 * failing those of the entity with any authority.
 */
function reportNone(context: Context, pairs: Pair[], instead: Stated[] = []): void {
  const { kb, writer, question, kind } = context;
  writer.noSource(unreported(context, pairs));
  if (instead.length > 0) {
    writer.tell(instead);
    return;
  }
  const withSteps = pairs.filter((p) => p.steps.length > 0);
  if (withSteps.length === 1 && kind.state !== 'pending') {
    const move = [...withSteps[0]!.steps].reverse().find((s) => isOfKind(s, { state: 'pending', toward: kind.state as 'listed' | 'removed' }));
    if (move && question.period === null) {
      writer.tell([{ pair: withSteps[0]!, steps: [move] }]);
      return;
    }
  }
  const ofAny = withSteps.length === 0 && question.targets.length > 0;
  const candidates = ofAny ? pairsOf(kb, { targets: question.targets, authorities: [], countriesOnly: false }) : withSteps;
  let nearest: Stated | null = null;
  for (const pair of candidates) {
    const step = latestOf(pair);
    if (step && (nearest === null || happenedAt(step) > happenedAt(nearest.steps[0]!))) nearest = { pair, steps: [step] };
  }
  if (nearest) writer.nearest(nearest, ofAny ? question.targets : null);
}
