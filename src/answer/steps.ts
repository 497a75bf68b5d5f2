import type { DesignationState } from '../extract/types.js';
import type { ClaimInSentence } from '../index/knowledgeBase.js';
import { compatible, type PartialDate } from '../knowledge/partialDate.js';
import type { Article } from '../knowledge/types.js';
import { MAX_CITATIONS } from './sources.js';

/**
 * One designation step of one authority on one entity, as the sources tell it: the claim that
 * tells it best, and the other articles that report the same step.
 */
export interface Step {
  told: ClaimInSentence;
  /** The earliest other articles that agree, at most MAX_CITATIONS - 1. */
  agreeing: Article[];
  /** Every claim that reports the step (the told one among them). */
  reports: ClaimInSentence[];
}

/** On the same date, a later stage of the process is the later news. */
const STAGE: Record<DesignationState, number> = { listed: 0, pending: 1, removed: 2 };

/** What kind of step: a state, and for a move toward one, which. */
export interface Kind {
  state: DesignationState;
  toward?: 'listed' | 'removed';
}

/** When a claim's event happened, or failing that when it was reported: for ordering only. */
function when(c: ClaimInSentence): string {
  return c.claim.date ?? c.sentence.article.published ?? '';
}

/** When a step happened, or failing that when it was first reported: for ordering only. */
export function happenedAt(step: Step): string {
  return when(step.told);
}

export function kindOf(step: Step): Kind {
  const { state, toward } = step.told.claim;
  return toward ? { state, toward } : { state };
}

export function isOfKind(step: Step, kind: Kind): boolean {
  return step.told.claim.state === kind.state && step.told.claim.toward === kind.toward;
}

/** Orders steps by their dates, oldest first (newest first with `newest`); steps no source dates come last either way. */
export function byDate(a: Step, b: Step, newest = false): number {
  const da = a.told.claim.date;
  const db = b.told.claim.date;
  if (da === null || db === null) return da === db ? 0 : da === null ? 1 : -1;
  return newest ? db.localeCompare(da) : da.localeCompare(db);
}

/** Whether claim `a` is later news than `b`: a later event, or on the same date a later stage. */
function later(a: ClaimInSentence, b: ClaimInSentence): boolean {
  const wa = when(a);
  const wb = when(b);
  if (wa !== wb) return wa > wb;
  return STAGE[a.claim.state] !== STAGE[b.claim.state] ? STAGE[a.claim.state] > STAGE[b.claim.state] : earlierInKnowledge(a, b);
}

/**
 * Whether `a` tells a step better than `b`: dated more precisely, then naming the entity and the
 * authority itself (not "the move", "the group"), then quotable alone.
 */
function tellsBetter(a: ClaimInSentence, b: ClaimInSentence): boolean {
  const pa = a.claim.date?.length ?? 0;
  const pb = b.claim.date?.length ?? 0;
  if (pa !== pb) return pa > pb;
  const na = namesParties(a);
  const nb = namesParties(b);
  if (na !== nb) return na > nb;
  const qa = Number(a.sentence.quotable);
  const qb = Number(b.sentence.quotable);
  return qa !== qb ? qa > qb : earlierInKnowledge(a, b);
}

/** Whether a claim's sentence names its entity, and an authority, in words (not "the group", "the move"). */
export function partiesNamed(c: ClaimInSentence): { entity: boolean; authority: boolean } {
  const named = c.sentence.entities;
  return { entity: named.some((m) => m.entityId === c.claim.targetId), authority: named.some((m) => m.kind === 'authority') };
}

function namesParties(c: ClaimInSentence): number {
  const { entity, authority } = partiesNamed(c);
  return Number(entity) + Number(authority);
}

/**
 * A fixed order for claims that tie otherwise (by article path, then place in it), so a line reads
 * the same whatever order articles were read or re-read in: on every replica, after every restart.
 */
function earlierInKnowledge(a: ClaimInSentence, b: ClaimInSentence): boolean {
  const pa = a.sentence.article.path;
  const pb = b.sentence.article.path;
  return pa !== pb ? pa < pb : a.sentence.position < b.sentence.position;
}

/** Whether two claims are of the same step kind: the same state, and for a pending one the same aim. */
function sameKind(a: ClaimInSentence, b: ClaimInSentence): boolean {
  return a.claim.state === b.claim.state && a.claim.toward === b.claim.toward;
}

/**
 * The step that `claims` (all of one kind) tell, in the words of the best of `tellers` (claims
 * of them), citing the earliest other articles whose date agrees.
 */
function stepOf(tellers: ClaimInSentence[], claims: ClaimInSentence[] = tellers): Step {
  let told = tellers[0]!;
  for (const c of tellers) if (tellsBetter(c, told)) told = c;
  const date = told.claim.date;
  const reports = claims.filter((c) => c === told || c.claim.date === null || date === null || compatible(c.claim.date, date));
  const agreeing = new Set(reports.map((c) => c.sentence.article));
  agreeing.delete(told.sentence.article);
  const key = (a: Article) => `${a.published ?? '9999'}\0${a.path}`;
  return { told, agreeing: [...agreeing].sort((a, b) => (key(a) < key(b) ? -1 : 1)).slice(0, MAX_CITATIONS - 1), reports };
}

/**
 * The latest step of one authority on one entity: what its status line says. A pending step that
 * a report shows taken on its date or within it is that step, taken; an undated report of the
 * step ("has already removed") leaves the telling to the report that dates it best.
 */
export function latestStep(claims: ClaimInSentence[]): Step | null {
  if (claims.length === 0) return null;
  const latest = takenStepOf(claims, latestClaim(claims)!);
  // A dated latest claim tells the step itself (an in-force date after the announcement); an
  // undated one leaves it to the report that dates the step best.
  const sameStep = claims.filter((c) => sameKind(c, latest));
  const latestDate = latest.claim.date;
  const tellers = latestDate === null ? sameStep : sameStep.filter((c) => c.claim.date !== null && compatible(c.claim.date, latestDate));
  return stepOf(tellers, sameStep);
}

/** The latest of some claims (the first of those that tie), or undefined where there are none. */
function latestClaim(claims: ClaimInSentence[]): ClaimInSentence | undefined {
  let latest = claims[0];
  for (const c of claims) if (later(c, latest!)) latest = c;
  return latest;
}

/**
 * The claim that tells the latest step, given the latest claim: a pending step that `claims` show
 * taken is the claim that took it; any other claim is itself.
 */
function takenStepOf(claims: ClaimInSentence[], latest: ClaimInSentence): ClaimInSentence {
  let step = latest;
  // "will list it in October", then "listed it on 3 October": the step, taken.
  const pendingDate = step.claim.date;
  if (step.claim.state === 'pending' && pendingDate !== null) {
    const taken = claims.filter((c) => c.claim.state === latest.claim.toward && c.claim.date !== null && c.claim.date.startsWith(pendingDate));
    if (taken.length > 0) step = latestClaim(taken)!;
  }
  // An undated move toward a step already taken ("the decision is expected to be published") is that step.
  if (step.claim.state === 'pending' && step.claim.date === null) {
    const done = latestClaim(claims.filter((c) => c.claim.state !== 'pending'));
    if (done !== undefined && done.claim.state === step.claim.toward) step = done;
  }
  return step;
}

/** A step in an authority's history on an entity, with the reports that date the same step otherwise. */
export interface HistoryStep extends Step {
  /**
   * Other dates reports give the same step (an announcement before the listing took effect, or
   * sources that disagree): a listing followed by a listing, with no removal between them, is one
   * listing, told by the date most reports give.
   */
  otherDates: Step[];
}

/**
 * Every step of one authority on one entity, oldest first: listed in 2003, moved to remove in
 * 2024, removed on 2025-04-17. Reports of one kind whose dates agree are one step, dated as
 * precisely as the most precise of them; an undated report ("is banned in Russia") belongs to
 * the latest step of its kind reported by then, or is a step of its own when there is none.
 */
export function historyOf(claims: ClaimInSentence[]): HistoryStep[] {
  const groups: { date: PartialDate | null; claims: ClaimInSentence[] }[] = [];
  const dated = claims
    .filter((c) => c.claim.date !== null)
    .sort((a, b) => b.claim.date!.length - a.claim.date!.length || (a.claim.date! < b.claim.date! ? 1 : -1));
  for (const c of dated) {
    const home = groups.find((g) => sameKind(g.claims[0]!, c) && compatible(g.date!, c.claim.date!));
    if (home) home.claims.push(c);
    else groups.push({ date: c.claim.date, claims: [c] });
  }
  for (const c of claims.filter((c) => c.claim.date === null)) {
    const kin = groups.filter((g) => sameKind(g.claims[0]!, c)).sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1));
    const published = c.sentence.article.published;
    const byThen = published === null ? [] : kin.filter((g) => g.date !== null && g.date.slice(0, published.length) <= published);
    const home = byThen[byThen.length - 1] ?? kin[0];
    if (home) home.claims.push(c);
    else groups.push({ date: null, claims: [c] });
  }
  const steps = groups.map((g) => stepOf(g.claims)).sort((a, b) => (later(a.told, b.told) ? 1 : later(b.told, a.told) ? -1 : 0));
  // A listing after a listing (or a removal after a removal) is the same step, dated otherwise: the
  // date most reports give leads (on a tie, the later: the step in force). Pending steps are separate
  // moves, but a move toward the state the entity is already in only restates that step.
  const history: HistoryStep[] = [];
  let standing: DesignationState | null = null;
  for (const step of steps) {
    const { state, toward } = step.told.claim;
    if (state === 'pending' && toward === standing) continue;
    if (state !== 'pending') standing = state;
    const previous = history[history.length - 1];
    if (previous && state !== 'pending' && sameKind(previous.told, step.told)) {
      const all = [...previous.otherDates, { told: previous.told, agreeing: previous.agreeing, reports: previous.reports }, step];
      const lead = all.reduce((best, s) => (s.reports.length >= best.reports.length ? s : best));
      history[history.length - 1] = { ...lead, otherDates: all.filter((s) => s !== lead) };
    } else {
      history.push({ ...step, otherDates: [] });
    }
  }
  return history;
}

/** Whether two steps are the same: the same kind and agreeing dates. */
export function sameStep(a: Step, b: Step): boolean {
  const da = a.told.claim.date;
  const db = b.told.claim.date;
  return sameKind(a.told, b.told) && (da === null ? db === null : db !== null && compatible(da, db));
}
