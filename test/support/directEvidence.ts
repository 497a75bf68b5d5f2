/**
 * What every direct answer must hold to, whoever wrote the knowledge: each fact cites a source,
 * its evidence is verbatim in a cited source's file, and that sentence carries the very step the
 * fact states (authority, entity, state, date; a scheduled step whose day has come is the step). Shared by the tests and `npm run eval`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../../src/answer/types.js';
import { asOfToday, type KnowledgeBase } from '../../src/index/knowledgeBase.js';
import { entityId } from '../../src/knowledge/entities.js';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const today = new Date().toISOString().slice(0, 10);

/** The problems of a direct answer's facts, one line each; none when every fact rests on its evidence. */
export function evidenceProblems(kb: KnowledgeBase, folder: string, answer: Answer): string[] {
  const problems: string[] = [];
  for (const part of answer.direct?.parts ?? []) {
    if (part.fact === null) {
      if (part.evidence !== null || part.citations.length > 0) problems.push(`"${part.text}" states no fact but cites`);
      continue;
    }
    const cited = part.citations.map((id) => answer.sources.find((s) => s.id === id));
    if (part.evidence === null || cited.length === 0 || cited.some((s) => s === undefined)) {
      problems.push(`"${part.text}" has no evidence or cites no known source`);
      continue;
    }
    const evidence = normalise(part.evidence);
    const inFile = cited.filter((s) => normalise(readFileSync(join(folder, s!.path), 'utf8')).includes(evidence));
    if (inFile.length === 0) problems.push(`"${part.text}": evidence is in no cited file: ${evidence}`);
    const { fact } = part;
    const carries = cited.some((s) =>
      kb
        .sentencesOf(s!.path)
        .some(
          (sentence) =>
            sentence.text === part.evidence &&
            sentence.claims.some((written) =>
              [asOfToday(written, today)].some(
                (c) =>
                  c.authorityId === entityId(fact.authority) &&
                  c.targetId === entityId(fact.entity) &&
                  c.state === fact.state &&
                  c.toward === fact.toward &&
                  c.date === fact.date,
              ),
            ),
        ),
    );
    if (!carries)
      problems.push(`"${part.text}": no cited sentence "${evidence}" says ${fact.authority} ${fact.state} ${fact.entity} ${fact.date ?? 'undated'}`);
  }
  return problems;
}
