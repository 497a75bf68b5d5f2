import type { PackedIndex } from './packIndex.js';
import type { PassageColumns } from './packPassages.js';

export const sum = (values: ArrayLike<number>) => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
};

/**
 * What is inconsistent in a snapshot's packed passages and index, or null when every count
 * agrees and every reference points at something that is there. A snapshot that reads but does
 * not add up (a bug, a disk that returned other bytes) would crash at start or fail every question.
 */
export function snapshotProblem(passages: PassageColumns, index: PackedIndex, rankings: [string, Int32Array][]): string | null {
  return passages.problem() ?? indexProblem(index, passages.passageCount) ?? rankingsProblem(rankings, passages.passageCount);
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
  const documents = new Uint8Array(Math.max(0, index.nextId));
  for (let d = 0; d < index.shortIds.length; d++) {
    const id = index.shortIds[d]!;
    if (id < 0 || id >= documents.length) return 'the index documents do not add up';
    documents[id] = 1;
  }
  for (let i = 0; i < index.postingDocs.length; i++) if (documents[index.postingDocs[i]!] !== 1) return 'the index points at a document that is not there';
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
