import type { Sentence } from '../extract/extractArticle.js';
import type { Figure } from '../extract/figures.js';
import { compatible } from '../knowledge/partialDate.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import type { SourceRegistry } from './sources.js';
import type { Conflict } from './types.js';

interface Report {
  figure: Figure;
  sentence: Sentence;
  places: string[];
}

const LABEL: Record<Figure['kind'], string> = { killed: 'Death toll', injured: 'Number injured' };

/**
 * Where sources report the same figure differently: casualty figures of one kind, in the same
 * place, on dates that agree. Each conflict lists every value with the sources that give it.
 */
export function findConflicts(kb: KnowledgeBase, sentences: Sentence[], sources: SourceRegistry): Conflict[] {
  const reports: Report[] = [];
  for (const sentence of sentences) {
    const places = [...new Set(sentence.entities.filter((m) => m.kind === 'place').map((m) => m.entityId))];
    for (const figure of sentence.figures) if (places.length > 0) reports.push({ figure, sentence, places });
  }

  const groups: Report[][] = [];
  for (const report of reports) {
    const group = groups.find((g) => g.every((other) => sameFact(other, report)));
    if (group) group.push(report);
    else groups.push([report]);
  }

  const conflicts: Conflict[] = [];
  for (const group of groups) {
    if (new Set(group.map((r) => r.figure.value)).size < 2 || new Set(group.map((r) => r.sentence.article)).size < 2) continue;
    group.sort((a, b) => (a.sentence.article.published ?? '').localeCompare(b.sentence.article.published ?? ''));
    const values = [...new Set(group.map((r) => r.figure.value))].map((value) => ({
      value,
      citations: sources.cite(group.filter((r) => r.figure.value === value).map((r) => r.sentence.article)),
    }));
    const place = group[0]!.places.filter((p) => group.every((r) => r.places.includes(p))).map((id) => kb.entity(id)!.name);
    const date = group.map((r) => r.sentence.eventDate).filter((d): d is string => d !== null).sort((a, b) => b.length - a.length)[0];
    conflicts.push({ about: `${LABEL[group[0]!.figure.kind]} in ${place.join(', ')}${date ? `, ${date}` : ''}`, values });
  }
  return conflicts;
}

function sameFact(a: Report, b: Report): boolean {
  if (a.figure.kind !== b.figure.kind || !a.places.some((p) => b.places.includes(p))) return false;
  const [da, db] = [a.sentence.eventDate, b.sentence.eventDate];
  return da === null || db === null || compatible(da, db);
}
