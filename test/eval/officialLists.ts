/**
 * The official lists' part of `npm run eval`:
 * - test/eval/listNames.yml: pairs of an entity's names and a list entry's names, labelled as the
 *   same organisation or person or not, linked (or not) through the real matching;
 * - test/eval/lists/: list files written for the evaluation, read beside the news corpus
 *   (test/eval/corpora/news), with the list lines and list-against-news conflicts expected of answers.
 */
import { cpSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { answerQuery } from '../../src/answer/answer.js';
import { ListLinks } from '../../src/index/listLinks.js';
import { KnowledgeBase } from '../../src/index/knowledgeBase.js';
import { entityId } from '../../src/knowledge/entities.js';
import type { DesignationList, ListEntry } from '../../src/knowledge/lists/types.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import type { Entity } from '../../src/knowledge/types.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface NamePair {
  entity: string[];
  kind?: 'organisation' | 'person';
  entry: string[];
  entry_kind?: 'organisation' | 'person';
  same: boolean;
}

/** Links made and missed over labelled pairs: a link of two that are not the same is the worst error. */
export interface LinkTally {
  pairs: number;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export function scoreListNames(misses: string[]): LinkTally {
  const pairs = parse(readFileSync(here('./listNames.yml'), 'utf8')) as NamePair[];
  const tally: LinkTally = { pairs: pairs.length, truePositive: 0, falsePositive: 0, falseNegative: 0 };
  pairs.forEach((pair, i) => {
    const [name, ...aliases] = pair.entity;
    const entity: Entity = { id: entityId(name!), name: name!, kind: pair.kind ?? 'organisation', aliases, partOf: null };
    const entry: ListEntry = {
      ref: `pair-${i + 1}`,
      names: pair.entry,
      kind: pair.entry_kind ?? pair.kind ?? 'organisation',
      authority: 'Evaluation',
      programs: [],
      listedOn: null,
      endedOn: null,
      ended: false,
      url: null,
    };
    const list: DesignationList = {
      path: 'lists/eval',
      file: 'lists/eval',
      source: 'opensanctions-ftm evaluation',
      format: 'opensanctions-ftm',
      title: 'Evaluation',
      date: '2026-12-01',
      datedBy: 'content',
      url: '',
      entries: [entry],
      hash: '',
    };
    const linked = new ListLinks([list], [entity]).linksOf(entity.id).length > 0;
    if (linked && pair.same) tally.truePositive++;
    else if (linked) {
      tally.falsePositive++;
      misses.push(`list names: WRONG link of ${pair.entity[0]} and ${pair.entry[0]}`);
    } else if (pair.same) {
      tally.falseNegative++;
      misses.push(`list names: missed link of ${pair.entity[0]} and ${pair.entry[0]}`);
    }
  });
  return tally;
}

interface ExpectedListQuery {
  query: string;
  lines: { ref: string; authority: string; state: string; date: string | null }[];
  not_linked?: string[];
  candidates?: string[];
  conflicts: string[];
}

/** List lines of answers (as links), and conflicts expected, found, and reported without being expected. */
export interface ListAnswerTally extends LinkTally {
  datesRight: number;
  conflictsExpected: number;
  conflictsFound: number;
  conflictsUnexpected: number;
  checks: { passed: number; total: number };
}

/** Answers over the news corpus with the evaluation's list files beside it. */
export async function scoreListAnswers(misses: string[]): Promise<ListAnswerTally> {
  const expected = parse(readFileSync(here('./lists/expected.yml'), 'utf8')) as ExpectedListQuery[];
  const dir = mkdtempSync(join(tmpdir(), 'designation-eval-lists-'));
  const tally: ListAnswerTally = {
    pairs: 0,
    truePositive: 0,
    falsePositive: 0,
    falseNegative: 0,
    datesRight: 0,
    conflictsExpected: 0,
    conflictsFound: 0,
    conflictsUnexpected: 0,
    checks: { passed: 0, total: 0 },
  };
  try {
    cpSync(here('./corpora/news'), dir, { recursive: true });
    cpSync(here('./lists'), join(dir, 'lists'), { recursive: true });
    rmSync(join(dir, 'lists/expected.yml'));
    // OFAC's CSV carries no date: it is dated by its file, here after every article of the corpus.
    for (const file of ['sdn.csv', 'alt.csv']) utimesSync(join(dir, 'lists/ofac', file), new Date('2026-11-30T12:00:00Z'), new Date('2026-11-30T12:00:00Z'));
    const kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
    for (const q of expected) {
      const answer = answerQuery(kb, q.query);
      const lines = answer.status.filter((s) => s.source === 'list');
      tally.pairs += q.lines.length;
      for (const want of q.lines) {
        const found = lines.find((l) => l.entry?.ref === want.ref);
        if (!found) {
          tally.falseNegative++;
          misses.push(`lists "${q.query}": missed the line of ${want.ref}`);
          continue;
        }
        tally.truePositive++;
        const right = found.authority === want.authority && found.state === want.state && found.date === want.date;
        if (right) tally.datesRight++;
        else misses.push(`lists "${q.query}": ${want.ref} reads ${found.authority} ${found.state} ${found.date}`);
      }
      for (const extra of lines.filter((l) => !q.lines.some((w) => w.ref === l.entry?.ref))) {
        tally.falsePositive++;
        misses.push(`lists "${q.query}": WRONG line ${extra.entry?.ref} "${extra.text}"`);
      }
      const check = (ok: boolean, what: string) => {
        tally.checks.total++;
        if (ok) tally.checks.passed++;
        else misses.push(`lists "${q.query}": ${what}`);
      };
      for (const ref of q.candidates ?? [])
        check(
          answer.candidates.some((c) => c.ref === ref),
          `no candidate ${ref}`,
        );
      for (const ref of q.not_linked ?? []) check(!lines.some((l) => l.entry?.ref === ref), `linked ${ref}`);
      const listConflicts = answer.conflicts.filter((c) =>
        c.values.some((v) => v.citations.some((id) => answer.sources.find((s) => s.id === id)?.kind === 'list')),
      );
      tally.conflictsExpected += q.conflicts.length;
      for (const about of q.conflicts) {
        if (listConflicts.some((c) => c.about === about)) tally.conflictsFound++;
        else misses.push(`lists "${q.query}": no conflict "${about}"`);
      }
      for (const c of listConflicts.filter((c) => !q.conflicts.includes(c.about))) {
        tally.conflictsUnexpected++;
        misses.push(`lists "${q.query}": UNEXPECTED conflict "${c.about}": ${c.values.map((v) => v.value).join(' / ')}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return tally;
}
