/**
 * Scoring of claims on labelled sets, for `npm run eval`: sentence files (each item read as a
 * one-article knowledge base through the real extraction) and corpora of whole articles (answered
 * through `answerQuery`, the path of `ask --format json`). The development set and the held-out
 * test set are scored the same way, apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { answerQuery } from '../../src/answer/answer.js';
import { KnowledgeBase } from '../../src/index/knowledgeBase.js';
import { entityId } from '../../src/knowledge/entities.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import type { Article, Entity } from '../../src/knowledge/types.js';

export interface ExpectedClaim {
  authority: string;
  entity: string;
  state: 'listed' | 'removed' | 'pending';
  toward?: 'listed' | 'removed';
  date: string | null;
}

/** A labelled sentence (see test/eval/heldout/README.md for the format). */
export interface SentenceItem {
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

export interface Tally {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  datesRight: number;
  datesCompared: number;
  eventsRight: number;
  eventItems: number;
}

export interface Figures {
  precision: number;
  recall: number;
  claimDates: number;
  events: number;
  claims: number;
}

export const emptyTally = (): Tally => ({
  truePositive: 0,
  falsePositive: 0,
  falseNegative: 0,
  datesRight: 0,
  datesCompared: 0,
  eventsRight: 0,
  eventItems: 0,
});
export const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function figures(t: Tally): Figures {
  return {
    precision: ratio(t.truePositive, t.truePositive + t.falsePositive),
    recall: ratio(t.truePositive, t.truePositive + t.falseNegative),
    claimDates: ratio(t.datesRight, t.datesCompared),
    events: ratio(t.eventsRight, t.eventItems),
    claims: t.truePositive + t.falseNegative,
  };
}

/** Whether a name the labels give names the entity: its name or an alias, ignoring case, "the" and punctuation. */
export function names(entity: Entity | undefined, label: string): boolean {
  if (!entity) return false;
  const key = (s: string) => entityId(s.replace(/^the\s+/i, ''));
  return [entity.name, ...entity.aliases].some((n) => key(n) === key(label)) || entity.id === key(label);
}

/** The items of sentence files: one file, or every `.yml` file of a folder. */
export function readSentences(path: string): SentenceItem[] {
  const files = path.endsWith('.yml')
    ? [path]
    : readdirSync(path)
        .filter((f) => f.endsWith('.yml'))
        .map((f) => join(path, f));
  return files.flatMap((file) => parse(readFileSync(file, 'utf8')) as SentenceItem[]);
}

function scoreItem(item: SentenceItem, tally: Tally, misses: string[]): boolean {
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
  const unmatched = sentences.flatMap((s) => s.claims);
  const said = (c: { state: string; toward?: string }) => `${c.state}${c.toward ? `→${c.toward}` : ''}`;
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
      misses.push(`${item.id} missed ${expected.authority} ${said(expected)} ${expected.entity}: ${item.text}`);
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
      `${item.id} WRONG ${kb.entity(extra.authorityId)?.name} ${said(extra)} ${kb.entity(extra.targetId)?.name} [${extra.why.join(' ')}]: ${item.text}`,
    );
  }
  // A sentence's events are the distinct dates it names, as the timeline shows them.
  const dates = [...new Set(sentences.flatMap((s) => s.dates.map((d) => d.date)))].sort();
  const expectedDates = [...new Set((item.events ?? []).map(String))].sort();
  if (dates.length > 0 || expectedDates.length > 0) {
    tally.eventItems++;
    if (dates.join() === expectedDates.join()) tally.eventsRight++;
    else misses.push(`${item.id} events [${dates.join(', ')}] for [${expectedDates.join(', ')}]: ${item.text}`);
  }
  // A stamp or dateline is when the text was written, not a time it speaks of.
  const spokenOf = sentences.flatMap((s) => s.dates.filter((d) => !d.stamp).map((d) => d.date));
  return !(item.future && item.published !== null && spokenOf.some((d) => d < String(item.published).slice(0, d.length)));
}

export interface SentenceScore {
  sentences: number;
  overall: Tally;
  byCategory: Map<string, Tally>;
  /** Items that speak of the future with a date before publication. */
  futureViolations: string[];
}

/** Claims, claim dates and event dates over labelled sentences, overall and per category. */
export function scoreSentences(items: SentenceItem[], misses: string[]): SentenceScore {
  const overall = emptyTally();
  const byCategory = new Map<string, Tally>();
  const futureViolations: string[] = [];
  for (const item of items) {
    const tally = byCategory.get(item.category) ?? emptyTally();
    byCategory.set(item.category, tally);
    const before = { ...tally };
    if (!scoreItem(item, tally, misses)) futureViolations.push(item.id);
    for (const key of Object.keys(overall) as (keyof Tally)[]) overall[key] += tally[key] - before[key];
  }
  return { sentences: items.length, overall, byCategory, futureViolations };
}

interface CorpusQuery {
  query: string;
  status?: ExpectedClaim[];
  absent?: string[];
  timeline_dates?: string[];
  conflict?: string[];
}

export interface CorpusScore {
  lines: Tally;
  checks: { passed: number; total: number };
}

/**
 * Status lines, absent authorities, timeline dates and conflicts of the queries of `expected.yml`
 * in `dir`, each folder beside it read as a knowledge base of its own.
 */
export async function scoreCorpora(dir: string, misses: string[]): Promise<CorpusScore> {
  const expected = parse(readFileSync(join(dir, 'expected.yml'), 'utf8')) as Record<string, CorpusQuery[]>;
  const lines = emptyTally();
  const checks = { passed: 0, total: 0 };
  const check = (ok: boolean, what: string) => {
    checks.total++;
    if (ok) checks.passed++;
    else misses.push(what);
  };
  for (const [folder, queries] of Object.entries(expected)) {
    const kb = KnowledgeBase.fromKnowledge(await loadKnowledge(join(dir, folder)));
    for (const q of queries) {
      const answer = answerQuery(kb, q.query);
      const entityOf = (name: string) => kb.matcher.findInQuery(name)[0]?.entityId;
      const news = answer.status.filter((s) => s.source !== 'list');
      const unmatched = [...news];
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
        check(!news.some((s) => names(kb.entity(entityOf(s.authority) ?? ''), authority)), `${folder} "${q.query}" has a line for ${authority}`);
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
