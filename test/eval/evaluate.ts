/**
 * `npm run eval`: the quality of claims, dates and answers on labelled sets written for it.
 *
 * - test/eval/claims.yml: sentences, each with the claims a careful reader takes from it and its
 *   dated events. Every item is read as a one-article knowledge base (its `before` sentences
 *   first), with only the organisations it lists configured, through the real extraction.
 * - test/eval/corpora/: folders of articles with the answers expected for some queries, read
 *   through `answerQuery`, the same path as `ask --format json`.
 * - test/questions.yml: the seed knowledge's own questions.
 *
 * Prints precision and recall of claims, date accuracy, and each per category; `--json` prints
 * the figures as JSON; `--verbose` lists every miss. Exits 1 when a target is missed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { answerQuery } from '../../src/answer/answer.js';
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
    misses.push(`${item.id} WRONG ${kb.entity(extra.authorityId)?.name} ${extra.state}${extra.toward ? `→${extra.toward}` : ''} ${kb.entity(extra.targetId)?.name}: ${item.text}`);
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
          return names(kb.entity(authority ?? ''), line.authority) && names(kb.entity(entityOf(s.entity) ?? ''), line.entity) && s.state === line.state && (s.state !== 'pending' || s.toward === line.toward);
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
      for (const authority of q.absent ?? []) check(!answer.status.some((s) => names(kb.entity(entityOf(s.authority) ?? ''), authority)), `${folder} "${q.query}" has a line for ${authority}`);
      for (const date of q.timeline_dates ?? []) check(answer.timeline.some((t) => t.date === String(date)), `${folder} "${q.query}" timeline lacks ${date}`);
      if (q.conflict) {
        const values = q.conflict.map(String);
        check(answer.conflicts.some((c) => values.every((v) => c.values.some((x) => x.value.includes(v)))), `${folder} "${q.query}" no conflict of ${values.join(' / ')}`);
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

  const total = figures(overall);
  const lines = figures(corpora.lines);
  const targets = [
    { name: 'claim precision >= 0.98', met: total.precision >= 0.98 },
    { name: 'claim recall >= 0.90', met: total.recall >= 0.9 },
    { name: 'date accuracy >= 0.95 (events and claim dates)', met: total.events >= 0.95 && total.claimDates >= 0.95 },
    { name: 'no future-tense event dated before publication', met: futureViolations.length === 0 },
    { name: 'status line precision >= 0.98 on the corpora', met: lines.precision >= 0.98 },
    { name: 'every seed question check passes', met: seeds.passed === seeds.total },
  ];
  if (process.argv.includes('--json')) {
    const perCategory = Object.fromEntries([...byCategory].map(([c, t]) => [c, figures(t)]));
    console.log(JSON.stringify({ sentences: items.length, overall: total, perCategory, futureViolations, corpora: { lines, checks: corpora.checks }, seeds, targets }, null, 2));
  } else {
    console.log(`Claims in ${items.length} labelled sentences (test/eval/claims.yml)\n`);
    console.log('| category | claims | precision | recall | claim dates | event dates |');
    console.log('|---|---:|---:|---:|---:|---:|');
    const row = (name: string, f: ReturnType<typeof figures>) => console.log(`| ${name} | ${f.claims} | ${fixed(f.precision)} | ${fixed(f.recall)} | ${fixed(f.claimDates)} | ${fixed(f.events)} |`);
    for (const [category, tally] of [...byCategory].sort((a, b) => a[0].localeCompare(b[0]))) row(category, figures(tally));
    row('**all**', total);
    console.log(`\nFuture-tense events dated before publication: ${futureViolations.length}${futureViolations.length ? ` (${futureViolations.join(', ')})` : ''}`);
    console.log(`\nStatus lines in the corpora (test/eval/corpora): precision ${fixed(lines.precision)}, recall ${fixed(lines.recall)}, dates ${fixed(lines.claimDates)}; other checks ${corpora.checks.passed}/${corpora.checks.total}`);
    console.log(`Seed questions (test/questions.yml): ${seeds.passed}/${seeds.total} checks\n`);
    for (const t of targets) console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.name}`);
    if (verbose) console.log(`\n${misses.join('\n')}`);
  }
  process.exitCode = targets.every((t) => t.met) ? 0 : 1;
}

await main();
