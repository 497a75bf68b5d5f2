import type { Article } from '../knowledge/types.js';
import { findDates, type DateMention } from './dates.js';
import type { EntityMatcher, EntityMention } from './entityMatcher.js';
import { findFigures, type Figure } from './figures.js';
import type { PartialDate } from './partialDate.js';
import { isQuotable, splitSentences } from './sentences.js';
import { findStatusClaims, type StatusClaim } from './status.js';
import { contentStems } from './tokens.js';

/** A sentence of an article with everything the answering core reads from it. */
export interface Sentence {
  article: Article;
  /** Order of the sentence in its article, from 0. */
  position: number;
  text: string;
  /** Whether it can be quoted alone in an answer (not a headline, caption or fragment). */
  quotable: boolean;
  stems: Set<string>;
  entities: EntityMention[];
  dates: DateMention[];
  /**
   * When the event it reports happened: its own first date, or the date the next sentence
   * gives it ("... has removed the Taliban. The move, announced on Thursday, ...").
   */
  eventDate: PartialDate | null;
  claims: StatusClaim[];
  figures: Figure[];
}

/** A paragraph-sized run of sentences: the unit the search index holds. */
export interface Passage {
  /** `path#n`, unique in the knowledge base. */
  id: string;
  article: Article;
  text: string;
  sentences: Sentence[];
  entityIds: string[];
}

/** Passages grow by whole sentences up to about this many words; a longer paragraph is split. */
const PASSAGE_WORDS = 120;
/** A sentence that opens like this reports on the one before it, and may date it. */
const FOLLOW_ON = /^(the|this|that) (move|decision|ruling|step|announcement|change|verdict|order|designation|removal)\b/i;

/**
 * Reads one article into passages and annotated sentences. Depends only on the article and
 * the entity list, so a changed file is re-extracted alone.
 */
export function extractArticle(article: Article, matcher: EntityMatcher): Passage[] {
  const passages: Passage[] = [];
  const entity = (id: string) => matcher.entity(id);
  let position = 0;
  let previousTargets: string[] = [];

  article.paragraphs.forEach((paragraph) => {
    const sentences: Sentence[] = splitSentences(paragraph).map(({ text }) => {
      const entities = matcher.find(text);
      const dates = findDates(text, article.published);
      const sentence: Sentence = {
        article,
        position: position++,
        text,
        quotable: isQuotable(text),
        stems: contentStems(text),
        entities,
        dates,
        eventDate: dates[0]?.date ?? null,
        claims: findStatusClaims(text, entities, entity, previousTargets),
        figures: findFigures(text),
      };
      const targets = [...new Set(entities.filter((m) => m.kind === 'organisation').map((m) => m.entityId))];
      if (targets.length > 0) previousTargets = targets;
      return sentence;
    });
    sentences.forEach((sentence, i) => {
      const next = sentences[i + 1];
      if (sentence.eventDate === null && next && FOLLOW_ON.test(next.text)) sentence.eventDate = next.eventDate;
    });
    for (const group of groupByLength(sentences)) {
      passages.push({
        id: `${article.path}#${passages.length}`,
        article,
        text: group.map((s) => s.text).join(' '),
        sentences: group,
        entityIds: [...new Set(group.flatMap((s) => s.entities.map((m) => m.entityId)))],
      });
    }
  });
  return passages;
}

function groupByLength(sentences: Sentence[]): Sentence[][] {
  const groups: Sentence[][] = [];
  let current: Sentence[] = [];
  let words = 0;
  for (const sentence of sentences) {
    const length = sentence.text.split(/\s+/).length;
    if (current.length > 0 && words + length > PASSAGE_WORDS) {
      groups.push(current);
      current = [];
      words = 0;
    }
    current.push(sentence);
    words += length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
