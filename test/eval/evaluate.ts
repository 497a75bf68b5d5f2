/**
 * `npm run eval`: the quality of claims, dates and answers on labelled sets written for it.
 *
 * - test/eval/claims.yml: sentences, each with the claims a careful reader takes from it and its
 *   dated events. Every item is read as a one-article knowledge base (its `before` sentences
 *   first), with only the organisations it lists configured, through the real extraction.
 * - test/eval/corpora/: folders of articles with the answers expected for some queries, read
 *   through `answerQuery`, the same path as `ask --format json`.
 * - test/questions.yml: the seed knowledge's own questions.
 * - test/eval/directQuestions.yml: questions about designations with the facts their direct answer
 *   must state, over the seeds and the corpora; and questions made from the world of a generated
 *   knowledge base (bench/generateKnowledge.ts), checked against that world's truth.
 * - test/eval/listNames.yml and test/eval/lists/: official lists (see ./officialLists.ts).
 *
 * Prints precision and recall of claims, date accuracy, and each per category; `--json` prints
 * the figures as JSON; `--verbose` lists every miss. Exits 1 when a target is missed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { generateKnowledgeBase, worldDesignations, type GenerateOptions, type WorldDesignation } from '../../bench/generateKnowledge.js';
import { answerQuery } from '../../src/answer/answer.js';
import type { Answer, DirectFact } from '../../src/answer/types.js';
import { compatible } from '../../src/knowledge/partialDate.js';
import { evidenceProblems } from '../support/directEvidence.js';
import { scoreListAnswers, scoreListNames } from './officialLists.js';
import { KnowledgeBase } from '../../src/index/knowledgeBase.js';
import { entityId } from '../../src/knowledge/entities.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import type { Article, Entity } from '../../src/knowledge/types.js';

interface ExpectedClaim {
  authority: string;
  entity: string;
  state: 'listed' | 'removed' | 'pending';
  toward?: 'listed' | 'removed';
  date: string | null;
}

interface Item {
  id: string;
  category: string;
  published: string | null;
  entities?: string[];
  before?: string[];
  text: string;
  claims: ExpectedClaim[];
  events: string[];
  future?: boolean;
}

interface Tally {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  datesRight: number;
  datesCompared: number;
  eventsRight: number;
  eventItems: number;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const verbose = process.argv.includes('--verbose');
const misses: string[] = [];

/** Whether a name the labels give names the entity: its name or an alias, ignoring case, "the" and punctuation. */
function names(entity: Entity | undefined, label: string): boolean {
  if (!entity) return false;
  const key = (s: string) => entityId(s.replace(/^the\s+/i, ''));
  return [entity.name, ...entity.aliases].some((n) => key(n) === key(label)) || entity.id === key(label);
}

function emptyTally(): Tally {
  return { truePositive: 0, falsePositive: 0, falseNegative: 0, datesRight: 0, datesCompared: 0, eventsRight: 0, eventItems: 0 };
}

function scoreItem(item: Item, tally: Tally, futureViolations: string[]): void {
  const configured: Entity[] = (item.entities ?? []).map((name) => ({ id: entityId(name), name, kind: 'organisation', aliases: [], partOf: null }));
  const article: Article = {
    path: `${item.id}.md`,
    title: item.id,
    outlet: null,
    url: null,
    published: item.published === null ? null : String(item.published),
    paragraphs: [...(item.before ?? []), item.text],
    hash: item.id,
  };
  const kb = new KnowledgeBase(configured, [article]);
  const sentences = kb.sentencesOf(article.path).filter((s) => item.text.includes(s.text));
  const found = sentences.flatMap((s) => s.claims);
  const unmatched = [...found];
  for (const expected of item.claims) {
    const at = unmatched.findIndex(
      (c) =>
        names(kb.entity(c.authorityId), expected.authority) &&
        names(kb.entity(c.targetId), expected.entity) &&
        c.state === expected.state &&
        (c.state !== 'pending' || c.toward === expected.toward),
    );
    if (at < 0) {
      tally.falseNegative++;
      misses.push(`${item.id} missed ${expected.authority} ${expected.state}${expected.toward ? `→${expected.toward}` : ''} ${expected.entity}: ${item.text}`);
      continue;
    }
    const [claim] = unmatched.splice(at, 1);
    tally.truePositive++;
    tally.datesCompared++;
    if ((claim!.date ?? null) === (expected.date === null ? null : String(expected.date))) tally.datesRight++;
    else misses.push(`${item.id} date ${claim!.date} for ${expected.date}: ${item.text}`);
  }
  for (const extra of unmatched) {
    tally.falsePositive++;
    misses.push(
      `${item.id} WRONG ${kb.entity(extra.authorityId)?.name} ${extra.state}${extra.toward ? `→${extra.toward}` : ''} ${kb.entity(extra.targetId)?.name}: ${item.text}`,
    );
  }
  const dates = sentences.flatMap((s) => s.dates.map((d) => d.date));
  const expectedDates = (item.events ?? []).map(String);
  if (dates.length > 0 || expectedDates.length > 0) {
    tally.eventItems++;
    if ([...dates].sort().join() === [...expectedDates].sort().join()) tally.eventsRight++;
    else misses.push(`${item.id} events [${dates.join(', ')}] for [${expectedDates.join(', ')}]: ${item.text}`);
  }
  if (item.future && item.published !== null && dates.some((d) => d < String(item.published).slice(0, d.length))) futureViolations.push(item.id);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const fixed = (n: number) => n.toFixed(3);

function figures(t: Tally) {
  return {
    precision: ratio(t.truePositive, t.truePositive + t.falsePositive),
    recall: ratio(t.truePositive, t.truePositive + t.falseNegative),
    claimDates: ratio(t.datesRight, t.datesCompared),
    events: ratio(t.eventsRight, t.eventItems),
    claims: t.truePositive + t.falseNegative,
  };
}

interface CorpusQuery {
  query: string;
  status?: ExpectedClaim[];
  absent?: string[];
  timeline_dates?: string[];
  conflict?: string[];
}

async function scoreCorpora(): Promise<{ lines: Tally; checks: { passed: number; total: number } }> {
  const expected = parse(readFileSync(here('./corpora/expected.yml'), 'utf8')) as Record<string, CorpusQuery[]>;
  const lines = emptyTally();
  const checks = { passed: 0, total: 0 };
  const check = (ok: boolean, what: string) => {
    checks.total++;
    if (ok) checks.passed++;
    else misses.push(what);
  };
  for (const [folder, queries] of Object.entries(expected)) {
    const kb = KnowledgeBase.fromKnowledge(await loadKnowledge(here(`./corpora/${folder}`)));
    for (const q of queries) {
      const answer = answerQuery(kb, q.query);
      const entityOf = (name: string) => kb.matcher.findInQuery(name)[0]?.entityId;
      const unmatched = [...answer.status];
      for (const line of q.status ?? []) {
        const at = unmatched.findIndex((s) => {
          const authority = entityOf(s.authority);
          return (
            names(kb.entity(authority ?? ''), line.authority) &&
            names(kb.entity(entityOf(s.entity) ?? ''), line.entity) &&
            s.state === line.state &&
            (s.state !== 'pending' || s.toward === line.toward)
          );
        });
        if (at < 0) {
          lines.falseNegative++;
          misses.push(`${folder} "${q.query}" missed line ${line.authority} ${line.state} ${line.entity} ${line.date}`);
          continue;
        }
        const [found] = unmatched.splice(at, 1);
        lines.truePositive++;
        lines.datesCompared++;
        if (found!.date === (line.date === null ? null : String(line.date))) lines.datesRight++;
        else misses.push(`${folder} "${q.query}" line ${line.authority} dated ${found!.date} for ${line.date}`);
      }
      const about = new Set((q.status ?? []).map((l) => entityId(l.entity)));
      for (const extra of unmatched) {
        if (about.size > 0 && !about.has(entityOf(extra.entity) ?? '')) continue; // a line about another entity of the answer
        lines.falsePositive++;
        misses.push(`${folder} "${q.query}" WRONG line ${extra.authority} ${extra.state} ${extra.entity} ${extra.date}: ${extra.text}`);
      }
      for (const authority of q.absent ?? [])
        check(!answer.status.some((s) => names(kb.entity(entityOf(s.authority) ?? ''), authority)), `${folder} "${q.query}" has a line for ${authority}`);
      for (const date of q.timeline_dates ?? [])
        check(
          answer.timeline.some((t) => t.date === String(date)),
          `${folder} "${q.query}" timeline lacks ${date}`,
        );
      if (q.conflict) {
        const values = q.conflict.map(String);
        check(
          answer.conflicts.some((c) => values.every((v) => c.values.some((x) => x.value.includes(v)))),
          `${folder} "${q.query}" no conflict of ${values.join(' / ')}`,
        );
      }
    }
  }
  return { lines, checks };
}

interface SeedQuestion {
  query: string;
  status?: Record<string, string>;
  timeline_dates?: string[];
  conflict?: string;
}

async function scoreSeeds(): Promise<{ passed: number; total: number }> {
  const questions = parse(readFileSync(here('../questions.yml'), 'utf8')) as SeedQuestion[];
  const kb = KnowledgeBase.fromKnowledge(await loadKnowledge(here('../../knowledge')));
  const result = { passed: 0, total: 0 };
  for (const q of questions) {
    const answer = answerQuery(kb, q.query);
    const checks = [
      ...Object.entries(q.status ?? {}).map(([authority, state]) => answer.status.some((s) => s.authority === authority && s.state === state)),
      ...(q.timeline_dates ?? []).map((d) => answer.timeline.some((t) => t.date === d)),
      ...(q.conflict ? [answer.conflicts.some((c) => c.values.some((v) => v.value === q.conflict))] : []),
    ];
    for (const ok of checks) {
      result.total++;
      if (ok) result.passed++;
      else misses.push(`seeds "${q.query}" fails a check`);
    }
  }
  return result;
}

/** The day the question set is asked on: "this week" and "this year" are counted from it. */
const ASKED_ON = new Date('2026-12-02T12:00:00Z');

interface DirectQuestion {
  q: string;
  about?: string;
  form: 'when' | 'yes-no' | 'who' | 'changed' | 'none';
  found?: boolean;
  facts?: string[];
  also?: string[];
  first?: string;
}

interface ExpectedFact {
  authority: string;
  entity: string | null;
  state: 'listed' | 'removed' | 'pending';
  toward?: 'listed' | 'removed';
  /** null: undated; '?': any date. */
  date: string | null;
}

interface DirectTally {
  exact: number;
  total: number;
  /** Facts whose evidence is not verbatim in a cited source, or does not carry the fact. */
  unsupported: number;
  facts: number;
  /** Generated world only: stated facts the world contradicts. */
  untrue: number;
}

function readFact(text: string, about: string | undefined): ExpectedFact {
  const match = /^(.+?): (listed|removed|pending-listed|pending-removed) (\S+)(?: @ (.+))?$/.exec(text);
  if (!match) throw new Error(`directQuestions.yml: cannot read the fact "${text}"`);
  const [, authority, state, date, entity] = match;
  const pending = state!.startsWith('pending-');
  return {
    authority: authority!,
    entity: entity ?? about ?? null,
    state: pending ? 'pending' : (state as 'listed' | 'removed'),
    ...(pending ? { toward: state!.slice('pending-'.length) as 'listed' | 'removed' } : {}),
    date: date === 'undated' ? null : date!,
  };
}

function factMatches(kb: KnowledgeBase, stated: DirectFact, expected: ExpectedFact): boolean {
  return (
    names(kb.entity(entityId(stated.authority)), expected.authority) &&
    (expected.entity === null || names(kb.entity(entityId(stated.entity)), expected.entity)) &&
    stated.state === expected.state &&
    stated.toward === expected.toward &&
    (expected.date === '?' || stated.date === expected.date)
  );
}

function statedFacts(answer: Answer): DirectFact[] {
  return (answer.direct?.parts ?? []).flatMap((p) => (p.fact ? [p.fact] : []));
}

async function scoreDirect(): Promise<DirectTally> {
  const sets = parse(readFileSync(here('./directQuestions.yml'), 'utf8')) as Record<string, DirectQuestion[]>;
  const tally: DirectTally = { exact: 0, total: 0, unsupported: 0, facts: 0, untrue: 0 };
  for (const [folder, questions] of Object.entries(sets)) {
    const dir = folder === 'knowledge' ? here('../../knowledge') : here(`./corpora/${folder}`);
    const kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
    for (const q of questions) {
      const answer = answerQuery(kb, q.q, { now: ASKED_ON });
      tally.total++;
      tally.facts += statedFacts(answer).length;
      for (const problem of evidenceProblems(kb, dir, answer)) {
        tally.unsupported++;
        misses.push(`direct ${folder} "${q.q}" UNSUPPORTED ${problem}`);
      }
      const wrong = directMiss(kb, q, answer);
      if (wrong === null) tally.exact++;
      else misses.push(`direct ${folder} "${q.q}" ${wrong}: ${answer.direct?.text ?? '(no direct answer)'}`);
    }
  }
  await scoreGenerated(tally);
  return tally;
}

/** Why a direct answer is not the expected one, or null when it is exact. */
function directMiss(kb: KnowledgeBase, q: DirectQuestion, answer: Answer): string | null {
  const direct = answer.direct;
  if (q.form === 'none') return direct === null ? null : 'answered a plain query directly';
  if (direct === null) return 'no direct answer';
  if (direct.form !== q.form) return `form ${direct.form} for ${q.form}`;
  if (direct.found !== (q.found ?? true)) return direct.found ? 'found what no source says' : 'said no source says';
  const required = (q.facts ?? []).map((f) => readFact(f, q.about));
  const allowed = [...required, ...(q.also ?? []).map((f) => readFact(f, q.about))];
  const stated = statedFacts(answer);
  const missing = required.find((e) => !stated.some((s) => factMatches(kb, s, e)));
  if (missing) return `lacks ${missing.authority} ${missing.state} ${missing.date ?? 'undated'}`;
  // A fact the answer adds may be undated where a source dates it: less than the sources say, not wrong.
  const extra = stated.find((s) => !allowed.some((e) => factMatches(kb, s, e) || (s.date === null && factMatches(kb, s, { ...e, date: '?' }))));
  if (extra) return `states ${extra.authority} ${extra.state}${extra.toward ? `→${extra.toward}` : ''} ${extra.entity} ${extra.date ?? 'undated'}`;
  if (q.first && !(stated[0] && factMatches(kb, stated[0], readFact(q.first, q.about)))) return `first states ${stated[0]?.state} ${stated[0]?.date}`;
  return null;
}

/** A generated knowledge base whose world is known: its questions are made from that world, and checked against it. */
const GENERATED: GenerateOptions = { articles: 300, seed: 11 };

async function scoreGenerated(tally: DirectTally): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'direct-eval-'));
  try {
    const { popular } = await generateKnowledgeBase(dir, GENERATED);
    const kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
    const world = worldDesignations(GENERATED);
    const authorities = [...new Set(world.map((d) => d.authority))];
    const organisations = popular.filter((name) => world.some((d) => d.organisation === name)).slice(0, 3);
    const questions: { q: string; organisation: string; authority: string; state: 'listed' | 'removed'; found: boolean }[] = [];
    for (const organisation of organisations) {
      const designations = world.filter((d) => d.organisation === organisation);
      for (const d of designations.slice(0, 10)) {
        questions.push({ q: `when did ${d.authority} list ${organisation}?`, organisation, authority: d.authority, state: 'listed', found: true });
        questions.push({
          q: `has ${d.authority} removed ${organisation}?`,
          organisation,
          authority: d.authority,
          state: 'removed',
          found: d.removal !== undefined,
        });
      }
      for (const authority of authorities.filter((a) => !designations.some((d) => d.authority === a)).slice(0, 3)) {
        questions.push({ q: `has ${authority} listed ${organisation}?`, organisation, authority, state: 'listed', found: false });
      }
    }
    for (const g of questions) {
      const answer = answerQuery(kb, g.q, { now: ASKED_ON });
      tally.total++;
      const stated = statedFacts(answer);
      tally.facts += stated.length;
      for (const problem of evidenceProblems(kb, dir, answer)) {
        tally.unsupported++;
        misses.push(`direct generated "${g.q}" UNSUPPORTED ${problem}`);
      }
      const untrue = stated.filter((f) => !trueInWorld(world, f));
      tally.untrue += untrue.length;
      for (const f of untrue) misses.push(`direct generated "${g.q}" UNTRUE ${f.authority} ${f.state} ${f.entity} ${f.date ?? 'undated'}`);
      const asked = stated.some((f) => f.authority === g.authority && f.entity === g.organisation && f.state === g.state);
      const right = answer.direct !== null && answer.direct.found === g.found && untrue.length === 0 && (!g.found || asked);
      if (right) tally.exact++;
      else misses.push(`direct generated "${g.q}" expected ${g.found ? g.state : 'no source says'}: ${answer.direct?.text ?? '(no direct answer)'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether the generated world has the step: the authority's designation of the entity, on a date the fact's date agrees with. */
function trueInWorld(world: WorldDesignation[], fact: DirectFact): boolean {
  const d = world.find((w) => w.organisation === fact.entity && w.authority === fact.authority);
  if (!d) return false;
  const on = (day: string | undefined) => day !== undefined && (fact.date === null || compatible(fact.date, day));
  if (fact.state === 'listed') return on(d.listed);
  if (fact.state === 'removed') return on(d.removal);
  return fact.toward === 'removed' && (on(d.intent) || on(d.petition));
}

async function main(): Promise<void> {
  const items = parse(readFileSync(here('./claims.yml'), 'utf8')) as Item[];
  const overall = emptyTally();
  const byCategory = new Map<string, Tally>();
  const futureViolations: string[] = [];
  for (const item of items) {
    const tally = byCategory.get(item.category) ?? emptyTally();
    byCategory.set(item.category, tally);
    const before = { ...tally };
    scoreItem(item, tally, futureViolations);
    for (const key of Object.keys(overall) as (keyof Tally)[]) overall[key] += tally[key] - before[key];
  }
  const corpora = await scoreCorpora();
  const seeds = await scoreSeeds();
  const direct = await scoreDirect();
  const listNames = scoreListNames(misses);
  const listAnswers = await scoreListAnswers(misses);
  const linkFigures = (t: { truePositive: number; falsePositive: number; falseNegative: number }) => ({
    precision: ratio(t.truePositive, t.truePositive + t.falsePositive),
    recall: ratio(t.truePositive, t.truePositive + t.falseNegative),
  });
  const names = linkFigures(listNames);
  const listLines = linkFigures(listAnswers);

  const total = figures(overall);
  const lines = figures(corpora.lines);
  const targets = [
    { name: 'claim precision >= 0.98', met: total.precision >= 0.98 },
    { name: 'claim recall >= 0.90', met: total.recall >= 0.9 },
    { name: 'date accuracy >= 0.95 (events and claim dates)', met: total.events >= 0.95 && total.claimDates >= 0.95 },
    { name: 'no future-tense event dated before publication', met: futureViolations.length === 0 },
    { name: 'status line precision >= 0.98 on the corpora', met: lines.precision >= 0.98 },
    { name: 'every seed question check passes', met: seeds.passed === seeds.total },
    { name: 'direct answers exact >= 0.95', met: ratio(direct.exact, direct.total) >= 0.95 },
    { name: 'every direct answer fact is verbatim in, and carried by, a cited source', met: direct.unsupported === 0 },
    { name: 'no direct answer fact the generated world contradicts', met: direct.untrue === 0 },
    { name: 'list name links precision >= 0.98 (a wrong link is a wrong status line)', met: names.precision >= 0.98 },
    { name: 'list name links recall >= 0.85', met: names.recall >= 0.85 },
    { name: 'list lines precision 1.000 and recall >= 0.90 beside the news corpus', met: listLines.precision === 1 && listLines.recall >= 0.9 },
    {
      name: 'every expected list-against-news conflict reported, and no other',
      met: listAnswers.conflictsFound === listAnswers.conflictsExpected && listAnswers.conflictsUnexpected === 0,
    },
  ];
  if (process.argv.includes('--json')) {
    const perCategory = Object.fromEntries([...byCategory].map(([c, t]) => [c, figures(t)]));
    console.log(
      JSON.stringify(
        {
          sentences: items.length,
          overall: total,
          perCategory,
          futureViolations,
          corpora: { lines, checks: corpora.checks },
          seeds,
          direct,
          lists: { names: { ...listNames, ...names }, answers: { ...listAnswers, ...listLines } },
          targets,
        },
        null,
        2,
      ),
    );
  } else {
    console.log(`Claims in ${items.length} labelled sentences (test/eval/claims.yml)\n`);
    console.log('| category | claims | precision | recall | claim dates | event dates |');
    console.log('|---|---:|---:|---:|---:|---:|');
    const row = (name: string, f: ReturnType<typeof figures>) =>
      console.log(`| ${name} | ${f.claims} | ${fixed(f.precision)} | ${fixed(f.recall)} | ${fixed(f.claimDates)} | ${fixed(f.events)} |`);
    for (const [category, tally] of [...byCategory].sort((a, b) => a[0].localeCompare(b[0]))) row(category, figures(tally));
    row('**all**', total);
    console.log(
      `\nFuture-tense events dated before publication: ${futureViolations.length}${futureViolations.length ? ` (${futureViolations.join(', ')})` : ''}`,
    );
    console.log(
      `\nStatus lines in the corpora (test/eval/corpora): precision ${fixed(lines.precision)}, recall ${fixed(lines.recall)}, dates ${fixed(lines.claimDates)}; other checks ${corpora.checks.passed}/${corpora.checks.total}`,
    );
    console.log(`Seed questions (test/questions.yml): ${seeds.passed}/${seeds.total} checks`);
    console.log(
      `Direct answers (test/eval/directQuestions.yml and a generated world): ${direct.exact}/${direct.total} exact (${fixed(ratio(direct.exact, direct.total))}); ` +
        `${direct.facts} facts stated, ${direct.unsupported} not carried by their cited evidence, ${direct.untrue} untrue in the generated world\n`,
    );
    console.log(
      `Official lists: name links over ${listNames.pairs} labelled pairs (test/eval/listNames.yml) precision ${fixed(names.precision)}, recall ${fixed(names.recall)}; ` +
        `list lines beside the news corpus (test/eval/lists) precision ${fixed(listLines.precision)}, recall ${fixed(listLines.recall)}, ` +
        `${listAnswers.datesRight}/${listAnswers.truePositive} read right; conflicts ${listAnswers.conflictsFound}/${listAnswers.conflictsExpected} found, ` +
        `${listAnswers.conflictsUnexpected} unexpected; other checks ${listAnswers.checks.passed}/${listAnswers.checks.total}\n`,
    );
    for (const t of targets) console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.name}`);
    if (verbose) console.log(`\n${misses.join('\n')}`);
  }
  process.exitCode = targets.every((t) => t.met) ? 0 : 1;
}

await main();
