import { ExtractedSentence, passageEntityIds, type Passage, type Sentence } from '../extract/extractArticle.js';
import type { DateMention } from '../extract/dates.js';
import type { EntityMention } from '../extract/entityMatcher.js';
import type { Figure } from '../extract/figures.js';
import type { Claim } from '../extract/types.js';
import type { Article } from '../knowledge/types.js';

type Extracted = { article: Article; passages: Passage[] }[];

/**
 * Articles read into passages, column by column: numbers in typed arrays, the few dates,
 * claims and figures only where a sentence has them. A snapshot in this form is read several
 * times faster than the same objects serialized one by one.
 */
export interface PackedPassages {
  articles: Article[];
  passagesPerArticle: Int32Array;
  sentencesPerPassage: Int32Array;
  text: string[];
  position: Int32Array;
  quotable: Uint8Array;
  eventDate: (string | null)[];
  mentionsPerSentence: Int32Array;
  /** Index into `entityIds` and `entityKinds`. */
  mentionEntity: Int32Array;
  mentionStart: Int32Array;
  mentionEnd: Int32Array;
  entityIds: string[];
  entityKinds: EntityMention['kind'][];
  /** Sentence index → its dates, claims, figures (only sentences that have any). */
  dates: Map<number, DateMention[]>;
  claims: Map<number, Claim[]>;
  figures: Map<number, Figure[]>;
}

export function packPassages(extracted: Extracted): PackedPassages {
  const sentences = extracted.flatMap((e) => e.passages.flatMap((p) => p.sentences));
  const mentions = sentences.flatMap((s) => s.entities);
  const entityIndex = new Map<string, number>();
  const entityIds: string[] = [];
  const entityKinds: EntityMention['kind'][] = [];
  const sparse = <T>(pick: (s: Sentence) => T[]) => new Map(sentences.map((s, i) => [i, pick(s)] as const).filter(([, v]) => v.length > 0));
  return {
    articles: extracted.map((e) => e.article),
    passagesPerArticle: Int32Array.from(extracted, (e) => e.passages.length),
    sentencesPerPassage: Int32Array.from(
      extracted.flatMap((e) => e.passages),
      (p) => p.sentences.length,
    ),
    text: sentences.map((s) => s.text),
    position: Int32Array.from(sentences, (s) => s.position),
    quotable: Uint8Array.from(sentences, (s) => Number(s.quotable)),
    eventDate: sentences.map((s) => s.eventDate),
    mentionsPerSentence: Int32Array.from(sentences, (s) => s.entities.length),
    mentionEntity: Int32Array.from(mentions, (m) => {
      const key = `${m.entityId}\0${m.kind}`;
      let index = entityIndex.get(key);
      if (index === undefined) {
        entityIndex.set(key, (index = entityIds.length));
        entityIds.push(m.entityId);
        entityKinds.push(m.kind);
      }
      return index;
    }),
    mentionStart: Int32Array.from(mentions, (m) => m.start),
    mentionEnd: Int32Array.from(mentions, (m) => m.end),
    entityIds,
    entityKinds,
    dates: sparse((s) => s.dates),
    claims: sparse((s) => s.claims),
    figures: sparse((s) => s.figures),
  };
}

/** The articles and passages packPassages packed, as extractArticle made them. */
export function unpackPassages(packed: PackedPassages): Extracted {
  let passageIndex = 0;
  let sentenceIndex = 0;
  let mentionIndex = 0;
  return packed.articles.map((article, a) => {
    const passages: Passage[] = [];
    for (let p = 0; p < packed.passagesPerArticle[a]!; p++) {
      const sentences: Sentence[] = [];
      for (let n = packed.sentencesPerPassage[passageIndex++]!; n > 0; n--) {
        const i = sentenceIndex++;
        const entities: EntityMention[] = [];
        for (let m = packed.mentionsPerSentence[i]!; m > 0; m--, mentionIndex++) {
          const e = packed.mentionEntity[mentionIndex]!;
          entities.push({
            entityId: packed.entityIds[e]!,
            kind: packed.entityKinds[e]!,
            start: packed.mentionStart[mentionIndex]!,
            end: packed.mentionEnd[mentionIndex]!,
          });
        }
        sentences.push(
          new ExtractedSentence({
            article,
            position: packed.position[i]!,
            text: packed.text[i]!,
            quotable: packed.quotable[i] === 1,
            entities,
            dates: packed.dates.get(i) ?? [],
            eventDate: packed.eventDate[i]!,
            claims: packed.claims.get(i) ?? [],
            figures: packed.figures.get(i) ?? [],
          }),
        );
      }
      passages.push({
        id: `${article.path}#${passages.length}`,
        article,
        sentences,
        entityIds: passageEntityIds(sentences),
      });
    }
    return { article, passages };
  });
}
