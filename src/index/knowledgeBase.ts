import { EntityMatcher } from '../extract/entityMatcher.js';
import { extractArticle, type Passage, type Sentence } from '../extract/extractArticle.js';
import type { StatusClaim } from '../extract/status.js';
import { compareDates, type PartialDate } from '../extract/partialDate.js';
import type { Knowledge } from '../knowledge/loadKnowledge.js';
import type { Article, Entity, KnowledgeProblem } from '../knowledge/types.js';
import { SearchIndex } from './searchIndex.js';

export interface ClaimInSentence {
  claim: StatusClaim;
  sentence: Sentence;
}

/** What the knowledge base holds, in figures a person can read. */
export interface Coverage {
  articles: number;
  outlets: string[];
  earliest: PartialDate | null;
  latest: PartialDate | null;
  /** Entity names, those named in most articles first. */
  entities: string[];
}

/**
 * The searchable knowledge: articles read into passages and sentences, and an index over
 * the passages. Articles can be replaced one at a time (see `upsert`) without a rebuild.
 */
export class KnowledgeBase {
  readonly matcher: EntityMatcher;
  readonly index = new SearchIndex();
  private readonly byPath = new Map<string, Passage[]>();
  private readonly articleMap = new Map<string, Article>();
  /** Designation claims by the entity listed and by the authority listing it, then by article path. */
  private readonly claims = new Map<string, Map<string, ClaimInSentence[]>>();
  private readonly problemsByPath = new Map<string, KnowledgeProblem[]>();
  private changes = 0;

  constructor(
    readonly entities: Entity[],
    articles: Article[],
    problems: KnowledgeProblem[] = [],
  ) {
    this.matcher = new EntityMatcher(entities);
    for (const article of articles) this.upsert(article);
    for (const problem of problems) this.problemsByPath.set(problem.path, [...(this.problemsByPath.get(problem.path) ?? []), problem]);
  }

  /** Files skipped or used with a caveat, as last read. */
  get problems(): KnowledgeProblem[] {
    return [...this.problemsByPath.values()].flat();
  }

  /** Replaces what is wrong with one file (an empty list when it is fine now). */
  setProblems(path: string, problems: KnowledgeProblem[]): void {
    if (problems.length > 0) this.problemsByPath.set(path, problems);
    else this.problemsByPath.delete(path);
  }

  /** Goes up with every change to the articles: whatever was computed from an older version is stale. */
  get version(): number {
    return this.changes;
  }

  static fromKnowledge(knowledge: Knowledge): KnowledgeBase {
    return new KnowledgeBase(knowledge.entities, knowledge.articles, knowledge.problems);
  }

  get articles(): Article[] {
    return [...this.articleMap.values()];
  }

  entity(id: string): Entity | undefined {
    return this.matcher.entity(id);
  }

  /** Adds an article, or replaces the article at the same path; only its passages are re-indexed. */
  upsert(article: Article): void {
    // Read the new version before dropping the old, so an article that cannot be read keeps serving.
    const passages = extractArticle(article, this.matcher);
    this.remove(article.path);
    this.byPath.set(article.path, passages);
    this.articleMap.set(article.path, article);
    this.index.add(passages);
    for (const sentence of passages.flatMap((p) => p.sentences)) {
      for (const claim of sentence.claims) {
        for (const id of new Set([claim.targetId, claim.authorityId])) {
          const byPath = this.claims.get(id) ?? new Map<string, ClaimInSentence[]>();
          byPath.set(article.path, [...(byPath.get(article.path) ?? []), { claim, sentence }]);
          this.claims.set(id, byPath);
        }
      }
    }
  }

  remove(path: string): void {
    const old = this.byPath.get(path);
    if (old) this.index.remove(old);
    this.byPath.delete(path);
    this.articleMap.delete(path);
    for (const byPath of this.claims.values()) byPath.delete(path);
    this.changes++;
  }

  article(path: string): Article | undefined {
    return this.articleMap.get(path);
  }

  sentencesOf(path: string): Sentence[] {
    return (this.byPath.get(path) ?? []).flatMap((p) => p.sentences);
  }

  /** Every designation claim in which an entity is the one listed or the authority listing. */
  claimsInvolving(id: string): ClaimInSentence[] {
    return [...(this.claims.get(id)?.values() ?? [])].flat();
  }

  coverage(): Coverage {
    const articles = this.articles;
    const dates = articles.map((a) => a.published).filter((d): d is PartialDate => d !== null).sort(compareDates);
    const articleCount = new Map<string, number>();
    for (const passages of this.byPath.values()) {
      for (const id of new Set(passages.flatMap((p) => p.entityIds))) articleCount.set(id, (articleCount.get(id) ?? 0) + 1);
    }
    return {
      articles: articles.length,
      outlets: [...new Set(articles.map((a) => a.outlet).filter((o): o is string => o !== null))].sort(),
      earliest: dates[0] ?? null,
      latest: dates[dates.length - 1] ?? null,
      entities: [...articleCount.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([id]) => this.entity(id)!.name),
    };
  }
}
