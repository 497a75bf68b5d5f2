import type { Passage, Sentence } from '../extract/extractArticle.js';
import type { DateMention } from '../extract/dates.js';
import type { EntityMention } from '../extract/entityMatcher.js';
import type { Figure } from '../extract/figures.js';
import { contentStems } from '../extract/tokens.js';
import type { Claim } from '../extract/types.js';
import type { Article } from '../knowledge/types.js';
import { sum } from './checkSnapshot.js';
import type { Column, ColumnFile, StringColumn } from './columnFile.js';

type Extracted = { article: Article; passages: Passage[] }[];
/** An article restored, with its sentences that have claims or figures (see KnowledgeBase.restore). */
type Restored = { article: Article; passages: Passage[]; noted: Sentence[] }[];

/** An article's fields but its paragraphs, which are in the text column. */
export type ArticleRecord = Omit<Article, 'paragraphs'>;

/**
 * Articles read into passages, as columns: each article's text once (its paragraphs end to end,
 * and a sentence is a range of it), every number in a typed array, strings in tables, and a
 * sentence's dates, claims and figures as one JSON text, for the sentences that have any.
 */
export function packPassages(extracted: Extracted): { articles: ArticleRecord[]; columns: Record<string, Column> } {
  const writer = new ColumnWriter();
  for (const { article, passages } of extracted) writer.article(article, passages);
  return { articles: extracted.map(({ article: { paragraphs: _, ...record } }) => record), columns: writer.columns() };
}

/** The columns of packPassages, filled an article at a time. */
class ColumnWriter {
  private readonly texts: string[] = [];
  private readonly numbers = {
    paragraphLengths: [] as number[],
    paragraphsPerArticle: [] as number[],
    passagesPerArticle: [] as number[],
    sentencesPerPassage: [] as number[],
    passageEntityCount: [] as number[],
    passageEntity: [] as number[],
    start: [] as number[],
    end: [] as number[],
    position: [] as number[],
    eventDate: [] as number[],
    mentionsPerSentence: [] as number[],
    mentionEntity: [] as number[],
    mentionStart: [] as number[],
    mentionEnd: [] as number[],
    /** Each sentence's dates, claims and figures: a JSON text in their table, or -1 for none. */
    dateText: [] as number[],
    claimText: [] as number[],
    figureText: [] as number[],
  };
  private readonly quotable: number[] = [];
  private readonly passageEntityIds = new Interned();
  private readonly eventDates = new Interned();
  private readonly mentioned = new Interned();
  private readonly dateTexts: string[] = [];
  private readonly claimTexts: string[] = [];
  private readonly figureTexts: string[] = [];

  article(article: Article, passages: Passage[]): void {
    const n = this.numbers;
    for (const paragraph of article.paragraphs) n.paragraphLengths.push(paragraph.length);
    n.paragraphsPerArticle.push(article.paragraphs.length);
    n.passagesPerArticle.push(passages.length);
    let text = article.paragraphs.join('');
    let cursor = 0;
    for (const passage of passages) {
      n.sentencesPerPassage.push(passage.sentences.length);
      n.passageEntityCount.push(passage.entityIds.length);
      for (const id of passage.entityIds) n.passageEntity.push(this.passageEntityIds.index(id));
      for (const s of passage.sentences) {
        // A sentence is a range of its paragraph; one that is not (none is, as extraction reads them) is kept after the paragraphs.
        let at = text.indexOf(s.text, cursor);
        if (at < 0) {
          at = text.length;
          text += s.text;
        } else cursor = at + s.text.length;
        this.sentence(s, at);
      }
    }
    this.texts.push(text);
  }

  private sentence(s: Sentence, at: number): void {
    const n = this.numbers;
    n.start.push(at);
    n.end.push(at + s.text.length);
    n.position.push(s.position);
    this.quotable.push(Number(s.quotable));
    n.eventDate.push(s.eventDate === null ? -1 : this.eventDates.index(s.eventDate));
    n.mentionsPerSentence.push(s.entities.length);
    for (const m of s.entities) {
      n.mentionEntity.push(this.mentioned.index(`${m.entityId}\0${m.kind}`));
      n.mentionStart.push(m.start);
      n.mentionEnd.push(m.end);
    }
    const json = (values: unknown[], table: string[]) => {
      if (values.length === 0) return -1;
      table.push(JSON.stringify(values));
      return table.length - 1;
    };
    n.dateText.push(json(s.dates, this.dateTexts));
    n.claimText.push(json(s.claims, this.claimTexts));
    n.figureText.push(json(s.figures, this.figureTexts));
  }

  columns(): Record<string, Column> {
    return {
      ...Object.fromEntries(Object.entries(this.numbers).map(([name, values]) => [name, Int32Array.from(values)])),
      quotable: Uint8Array.from(this.quotable),
      texts: this.texts,
      passageEntityIds: this.passageEntityIds.values,
      eventDates: this.eventDates.values,
      mentioned: this.mentioned.values,
      dateTexts: this.dateTexts,
      claimTexts: this.claimTexts,
      figureTexts: this.figureTexts,
    };
  }
}

/** Strings numbered in the order first seen. */
class Interned {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();

  index(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      this.numbers.set(value, (n = this.values.length));
      this.values.push(value);
    }
    return n;
  }
}

/**
 * The passages of a snapshot, held as the columns packPassages wrote, used in place. A passage
 * is an object with its id, article and entities. Its sentences are made when something reads
 * them, and dropped again when nothing holds them (the same objects while anything does); a
 * sentence makes its mentions, dates and figures when they are read. Only the sentences with
 * claims or figures, which the knowledge base indexes, are made at start, with their claims.
 */
export class PassageColumns {
  private readonly texts: StringColumn;
  /** Each article's text, decoded at start. */
  readonly articleText: string[] = [];
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly position: Int32Array;
  readonly quotable: Uint8Array;
  private readonly eventDate: Int32Array;
  private readonly eventDates: string[];
  private readonly mentionsPerSentence: Int32Array;
  private readonly mentionEntity: Int32Array;
  private readonly mentionStart: Int32Array;
  private readonly mentionEnd: Int32Array;
  private readonly mentioned: { entityId: string; kind: EntityMention['kind'] }[];
  private readonly dateText: Int32Array;
  private readonly claimText: Int32Array;
  private readonly figureText: Int32Array;
  private readonly dateTexts: StringColumn;
  private readonly claimTexts: StringColumn;
  private readonly figureTexts: StringColumn;
  private readonly paragraphLengths: Int32Array;
  private readonly paragraphsPerArticle: Int32Array;
  private readonly passagesPerArticle: Int32Array;
  private readonly sentencesPerPassage: Int32Array;
  private readonly passageEntityCount: Int32Array;
  private readonly passageEntity: Int32Array;
  private readonly passageEntityIds: string[];
  /** Where each sentence's mentions begin (one more than there are sentences). */
  private mentionFrom = new Int32Array(0);
  /** Sentences kept for as long as the knowledge base is: those with claims or figures. */
  private readonly kept = new Map<number, Sentence>();

  constructor(
    private readonly records: ArticleRecord[],
    file: ColumnFile,
  ) {
    this.texts = file.strings('texts');
    this.paragraphLengths = file.int32('paragraphLengths');
    this.paragraphsPerArticle = file.int32('paragraphsPerArticle');
    this.passagesPerArticle = file.int32('passagesPerArticle');
    this.sentencesPerPassage = file.int32('sentencesPerPassage');
    this.passageEntityCount = file.int32('passageEntityCount');
    this.passageEntity = file.int32('passageEntity');
    this.passageEntityIds = file.strings('passageEntityIds').all();
    this.start = file.int32('start');
    this.end = file.int32('end');
    this.position = file.int32('position');
    this.quotable = file.uint8('quotable');
    this.eventDate = file.int32('eventDate');
    this.eventDates = file.strings('eventDates').all();
    this.mentionsPerSentence = file.int32('mentionsPerSentence');
    this.mentionEntity = file.int32('mentionEntity');
    this.mentionStart = file.int32('mentionStart');
    this.mentionEnd = file.int32('mentionEnd');
    this.mentioned = file
      .strings('mentioned')
      .all()
      .map((key) => {
        const [entityId, kind] = key.split('\0') as [string, EntityMention['kind']];
        return { entityId, kind };
      });
    this.dateText = file.int32('dateText');
    this.claimText = file.int32('claimText');
    this.figureText = file.int32('figureText');
    this.dateTexts = file.strings('dateTexts');
    this.claimTexts = file.strings('claimTexts');
    this.figureTexts = file.strings('figureTexts');
  }

  get passageCount(): number {
    return this.sentencesPerPassage.length;
  }

  /** What does not add up, or null when every count agrees and every reference points at something there. */
  problem(): string | null {
    return this.countsProblem() ?? this.referencesProblem();
  }

  private countsProblem(): string | null {
    const articles = this.records.length;
    const passages = this.sentencesPerPassage.length;
    const sentences = this.start.length;
    const mentions = this.mentionEntity.length;
    if (this.passagesPerArticle.length !== articles || this.paragraphsPerArticle.length !== articles || this.texts.length !== articles)
      return 'the passage counts do not match the articles';
    if (sum(this.passagesPerArticle) !== passages || this.passageEntityCount.length !== passages) return 'the passages do not add up';
    if (sum(this.paragraphsPerArticle) !== this.paragraphLengths.length) return 'the paragraphs do not add up';
    if (sum(this.sentencesPerPassage) !== sentences) return 'the sentences do not add up';
    const perSentence = [this.end, this.position, this.quotable, this.eventDate, this.mentionsPerSentence, this.dateText, this.claimText, this.figureText];
    if (perSentence.some((column) => column.length !== sentences)) return 'a column of sentences has the wrong length';
    if (sum(this.mentionsPerSentence) !== mentions || this.mentionStart.length !== mentions || this.mentionEnd.length !== mentions)
      return 'the entity mentions do not add up';
    if (sum(this.passageEntityCount) !== this.passageEntity.length) return 'the passage entities do not add up';
    return null;
  }

  private referencesProblem(): string | null {
    const outside = (column: Int32Array, size: number, none = 0) => column.some((v) => v < -none || v >= size);
    if (outside(this.mentionEntity, this.mentioned.length)) return 'a mention names an entity that is not in the table';
    if (outside(this.passageEntity, this.passageEntityIds.length)) return 'a passage names an entity that is not in the table';
    if (
      outside(this.eventDate, this.eventDates.length, 1) ||
      outside(this.dateText, this.dateTexts.length, 1) ||
      outside(this.claimText, this.claimTexts.length, 1) ||
      outside(this.figureText, this.figureTexts.length, 1)
    )
      return 'dates, claims or figures belong to a sentence that is not there';
    if (this.records.some((a) => typeof a?.path !== 'string' || typeof a.hash !== 'string')) return 'an article record is broken';
    let sentence = 0;
    for (let a = 0, passage = 0; a < this.records.length; a++) {
      const length = this.texts.byteLength(a);
      for (let p = this.passagesPerArticle[a]!; p > 0; p--, passage++) {
        for (let n = this.sentencesPerPassage[passage]!; n > 0; n--, sentence++) {
          if (this.start[sentence]! < 0 || this.start[sentence]! > this.end[sentence]! || this.end[sentence]! > length)
            return 'a sentence lies outside its article';
        }
      }
    }
    return null;
  }

  /** The articles with their passages; the sentences with claims or figures made now. */
  extracted(): Restored {
    this.mentionFrom = new Int32Array(this.mentionsPerSentence.length + 1);
    for (let s = 0; s < this.mentionsPerSentence.length; s++) this.mentionFrom[s + 1] = this.mentionFrom[s]! + this.mentionsPerSentence[s]!;
    let paragraph = 0;
    let passage = 0;
    let sentence = 0;
    let entity = 0;
    return this.records.map((record, a) => {
      const text = this.texts.get(a);
      this.articleText.push(text);
      const paragraphs: string[] = [];
      let at = 0;
      for (let n = this.paragraphsPerArticle[a]!; n > 0; n--, paragraph++) {
        paragraphs.push(text.slice(at, at + this.paragraphLengths[paragraph]!));
        at += this.paragraphLengths[paragraph]!;
      }
      const article: Article = { ...record, paragraphs };
      const passages: Passage[] = [];
      const noted: Sentence[] = [];
      for (let p = 0; p < this.passagesPerArticle[a]!; p++, passage++) {
        const entityIds: string[] = [];
        for (let n = this.passageEntityCount[passage]!; n > 0; n--, entity++) entityIds.push(this.passageEntityIds[this.passageEntity[entity]!]!);
        const count = this.sentencesPerPassage[passage]!;
        passages.push(new ColumnPassage(`${article.path}#${p}`, article, entityIds, this, a, sentence, count));
        for (let s = sentence; s < sentence + count; s++) {
          if (this.claimText[s]! < 0 && this.figureText[s]! < 0) continue;
          const kept = new ColumnSentence(this, s, a, article);
          this.kept.set(s, kept);
          noted.push(kept);
        }
        sentence += count;
      }
      return { article, passages, noted };
    });
  }

  /** Sentence `s` of article `a`: the kept object, or a new one. */
  sentence(s: number, a: number, article: Article): Sentence {
    return this.kept.get(s) ?? new ColumnSentence(this, s, a, article);
  }

  mentions(s: number): EntityMention[] {
    const entities: EntityMention[] = [];
    for (let m = this.mentionFrom[s]!; m < this.mentionFrom[s + 1]!; m++) {
      const { entityId, kind } = this.mentioned[this.mentionEntity[m]!]!;
      entities.push({ entityId, kind, start: this.mentionStart[m]!, end: this.mentionEnd[m]! });
    }
    return entities;
  }

  eventDateOf(s: number): string | null {
    const date = this.eventDate[s]!;
    return date < 0 ? null : this.eventDates[date]!;
  }

  dates(s: number): DateMention[] {
    return parsed(this.dateTexts, this.dateText[s]!);
  }

  claims(s: number): Claim[] {
    return parsed(this.claimTexts, this.claimText[s]!);
  }

  figures(s: number): Figure[] {
    return parsed(this.figureTexts, this.figureText[s]!);
  }
}

function parsed<T>(table: StringColumn, entry: number): T[] {
  return entry < 0 ? [] : (JSON.parse(table.get(entry)) as T[]);
}

/**
 * A sentence of a snapshot: its place and quotability read from the columns, its text a slice of
 * its article's, its claims made at once (every sentence with any is made at start), and its
 * mentions, dates, figures and stems when first read.
 */
class ColumnSentence implements Sentence {
  readonly claims: Claim[];
  private entitiesRead: EntityMention[] | null = null;
  private datesRead: DateMention[] | null = null;
  private figuresRead: Figure[] | null = null;
  private stemsRead: Set<string> | null = null;
  private textRead: string | null = null;

  constructor(
    private readonly columns: PassageColumns,
    private readonly s: number,
    private readonly a: number,
    readonly article: Article,
  ) {
    this.claims = columns.claims(s);
  }

  get position(): number {
    return this.columns.position[this.s]!;
  }
  get text(): string {
    return (this.textRead ??= this.columns.articleText[this.a]!.slice(this.columns.start[this.s]!, this.columns.end[this.s]!));
  }
  get quotable(): boolean {
    return this.columns.quotable[this.s] === 1;
  }
  get eventDate(): string | null {
    return this.columns.eventDateOf(this.s);
  }
  get entities(): EntityMention[] {
    return (this.entitiesRead ??= this.columns.mentions(this.s));
  }
  get dates(): DateMention[] {
    return (this.datesRead ??= this.columns.dates(this.s));
  }
  get figures(): Figure[] {
    return (this.figuresRead ??= this.columns.figures(this.s));
  }
  get stems(): Set<string> {
    return (this.stemsRead ??= contentStems(this.text));
  }
}

/** A passage of a snapshot: its sentences are made from the columns when read (see PassageColumns). */
class ColumnPassage implements Passage {
  private made: WeakRef<Sentence[]> | null = null;

  constructor(
    readonly id: string,
    readonly article: Article,
    readonly entityIds: string[],
    private readonly columns: PassageColumns,
    private readonly articleNumber: number,
    private readonly first: number,
    private readonly count: number,
  ) {}

  get sentences(): Sentence[] {
    let sentences = this.made?.deref();
    if (sentences === undefined) {
      sentences = [];
      for (let s = this.first; s < this.first + this.count; s++) sentences.push(this.columns.sentence(s, this.articleNumber, this.article));
      this.made = new WeakRef(sentences);
    }
    return sentences;
  }
}
