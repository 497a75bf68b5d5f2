import type { PackedIndex } from './packIndex.js';
import type { PackedPassages } from './packPassages.js';

const sum = (values: ArrayLike<number>) => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
};

/**
 * What is inconsistent in a snapshot's packed passages and index, or null when every count
 * agrees and every reference points at something that is there. A snapshot that reads but does
 * not add up (a bug, a disk that returned other bytes) would crash at start or fail every question.
 */
export function snapshotProblem(passages: PackedPassages, index: PackedIndex, rankings: [string, Int32Array][]): string | null {
  const passageCount = passages.sentencesPerPassage.length;
  return passageCountsProblem(passages) ?? passageReferencesProblem(passages) ?? indexProblem(index, passageCount) ?? rankingsProblem(rankings, passageCount);
}

/** What does not add up in the packed passages: articles, passages, sentences, mentions and entities. */
function passageCountsProblem(p: PackedPassages): string | null {
  const passageCount = p.sentencesPerPassage.length;
  const sentenceCount = p.text.length;
  const mentionCount = p.mentionEntity.length;
  if (p.passagesPerArticle.length !== p.articles.length) return 'the passage counts do not match the articles';
  if (sum(p.passagesPerArticle) !== passageCount) return 'the passages do not add up';
  if (sum(p.sentencesPerPassage) !== sentenceCount) return 'the sentences do not add up';
  for (const column of [p.position, p.quotable, p.eventDate, p.mentionsPerSentence]) {
    if (column.length !== sentenceCount) return 'a column of sentences has the wrong length';
  }
  if (sum(p.mentionsPerSentence) !== mentionCount || p.mentionStart.length !== mentionCount || p.mentionEnd.length !== mentionCount)
    return 'the entity mentions do not add up';
  if (p.entityIds.length !== p.entityKinds.length) return 'the entity table is broken';
  return null;
}

/** What in the packed passages points at something that is not there, or an article record that is broken. */
function passageReferencesProblem(p: PackedPassages): string | null {
  const sentenceCount = p.text.length;
  const mentionCount = p.mentionEntity.length;
  for (let m = 0; m < mentionCount; m++) {
    if (p.mentionEntity[m]! < 0 || p.mentionEntity[m]! >= p.entityIds.length) return 'a mention names an entity that is not in the table';
  }
  for (const sparse of [p.dates, p.claims, p.figures]) {
    for (const key of sparse.keys())
      if (!Number.isInteger(key) || key < 0 || key >= sentenceCount) return 'dates, claims or figures belong to a sentence that is not there';
  }
  if (p.articles.some((a) => typeof a?.path !== 'string' || typeof a.hash !== 'string' || !Array.isArray(a.paragraphs))) return 'an article record is broken';
  return null;
}

/** What does not add up in the packed index, or between it and the `passageCount` passages. */
function indexProblem(index: PackedIndex, passageCount: number): string | null {
  const fields = Object.keys(index.fieldIds ?? {}).length;
  if (index.ids.length !== index.shortIds.length || index.documentCount !== index.ids.length) return 'the index documents do not add up';
  if (index.fieldLengths.length !== index.shortIds.length * fields) return 'the index field lengths do not add up';
  const entries = sum(index.fieldsPerTerm);
  if (index.terms.length !== index.fieldsPerTerm.length || index.postingField.length !== entries || index.postingCount.length !== entries)
    return 'the index terms do not add up';
  if (sum(index.postingCount) !== index.postingDocs.length || index.postingFreqs.length !== index.postingDocs.length) return 'the index postings do not add up';
  const documents = new Set(index.shortIds);
  for (let i = 0; i < index.postingDocs.length; i++) if (!documents.has(index.postingDocs[i]!)) return 'the index points at a document that is not there';
  if (index.ids.length !== passageCount) return 'the index and the passages hold different numbers of passages';
  return null;
}

/** A saved ranking that points at a passage beyond the `passageCount` there are. */
function rankingsProblem(rankings: [string, Int32Array][], passageCount: number): string | null {
  for (const [, order] of rankings) {
    for (let i = 0; i < order.length; i++) if (order[i]! < 0 || order[i]! >= passageCount) return 'a saved ranking points at a passage that is not there';
  }
  return null;
}
