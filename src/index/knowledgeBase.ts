import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { EntityMatcher } from '../extract/entityMatcher.js';
import { extractArticle, type Passage, type Sentence } from '../extract/extractArticle.js';
import type { Claim } from '../extract/types.js';
import { authorityOf } from '../knowledge/authorities.js';
import { withBuiltInAuthorities } from '../knowledge/authorities.js';
import { compareDates, type PartialDate } from '../knowledge/partialDate.js';
import type { Knowledge } from '../knowledge/loadKnowledge.js';
import type { DesignationList, ListEntry } from '../knowledge/lists/types.js';
import type { Article, Entity, KnowledgeProblem } from '../knowledge/types.js';
import { ListLinks } from './listLinks.js';
import { BUILD_SLICE_MS, buildInWorkers } from './parallelBuild.js';
import type { PackedIndex } from './packIndex.js';
import { SearchIndex } from './searchIndex.js';

export interface ClaimInSentence {
  claim: Claim;
  sentence: Sentence;
}

/**
 * A claim as answers read it: a scheduled step (decided, in force on a day after its article)
 * whose day has come is the step itself, dated that day; the sentence keeps the claim as written.
 */
export function asOfToday(claim: Claim, today: string): Claim {
  if (!claim.scheduled || claim.date === null || claim.date > today) return claim;
  return { authorityId: claim.authorityId, targetId: claim.targetId, state: claim.toward!, date: claim.date, why: [...claim.why, 'scheduled-day-passed'] };
}

export interface BuildOptions {
  /** Threads that extract articles in a full build; one extracts them on the build's own thread. */
  workers: number;
  /** Fewer articles than this are extracted on the build's own thread: starting workers would cost more. */
  parallelFrom: number;
}

export const BUILD_DEFAULTS: BuildOptions = { workers: availableParallelism(), parallelFrom: 200 };

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
  /** Designation claims by "target authority" pair, then by article path; and the pairs each entity is in. */
  private readonly claimsByPair = new Map<string, Map<string, ClaimInSentence[]>>();
  private readonly pairsOf = new Map<string, Set<string>>();
  private readonly problemsByPath = new Map<string, KnowledgeProblem[]>();
  private readonly figures = new Map<string, Sentence[]>();
  /** Organisations no configuration lists, found as the entity of a designation step in an article. */
  private readonly discovered = new Map<string, Entity>();
  /** Which organisations each article found, by path. */
  private readonly discoveredIn = new Map<string, string[]>();
  private changes = 0;
  /** For each "target authority" pair, the version in which its claims last changed. */
  private readonly pairChanges = new Map<string, number>();
  private coverageCache: { version: number; coverage: Coverage } | null = null;
  /** The official lists by path, and a count of their changes. */
  private readonly listMap = new Map<string, DesignationList>();
  private listVersion = 0;
  private linksCache: { key: string; links: ListLinks } | null = null;
  private copiesCache: { version: number; serving: DesignationList[]; superseded: Map<DesignationList, DesignationList> } | null = null;
  /** Authorities of list entries, from the names lists give them ("UN Security Council"), by that name. */
  private readonly listAuthorities = new Map<string, string | null>();
  private fingerprintCache: { version: number; value: string } | null = null;

  constructor(
    readonly entities: Entity[],
    articles: Article[],
    problems: KnowledgeProblem[] = [],
    lists: DesignationList[] = [],
  ) {
    this.matcher = new EntityMatcher(withBuiltInAuthorities(entities));
    for (const article of articles) this.upsert(article);
    for (const list of lists) this.setList(list);
    for (const problem of problems) this.problemsByPath.set(problem.path, [...(this.problemsByPath.get(problem.path) ?? []), problem]);
  }

  /** Files skipped or used with a caveat, as last read; and each list a newer copy supersedes. */
  get problems(): KnowledgeProblem[] {
    const superseded = [...this.copies().superseded].map(
      ([old, by]): KnowledgeProblem => ({
        path: old.path,
        message: `is superseded by ${by.path}, a newer copy of the same list (${by.date} against ${old.date}): only the digest compares with it`,
        severity: 'warning',
      }),
    );
    return [...[...this.problemsByPath.values()].flat(), ...superseded];
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

  /**
   * What the articles are, in 12 hex digits: the same files give the same fingerprint in any
   * process and after a restart, unlike `version`. Recorded with a feedback report.
   */
  fingerprint(): string {
    if (this.fingerprintCache?.version !== this.changes) {
      const hash = createHash('sha256');
      for (const a of [...this.articles].sort((x, y) => (x.path < y.path ? -1 : 1))) hash.update(`${a.path}\0${a.hash}\n`);
      this.fingerprintCache = { version: this.changes, value: hash.digest('hex').slice(0, 12) };
    }
    return this.fingerprintCache.value;
  }

  static fromKnowledge(knowledge: Knowledge): KnowledgeBase {
    return new KnowledgeBase(knowledge.entities, knowledge.articles, knowledge.problems, knowledge.lists);
  }

  /**
   * fromKnowledge, giving the event loop a turn every BUILD_SLICE_MS: while a whole folder is
   * indexed, the server still answers (the health check, and questions to the knowledge base it replaces).
   */
  static async build(knowledge: Knowledge, options: Partial<BuildOptions> = {}): Promise<KnowledgeBase> {
    const { workers, parallelFrom } = { ...BUILD_DEFAULTS, ...options };
    const kb = new KnowledgeBase(knowledge.entities, [], knowledge.problems, knowledge.lists);
    if (workers > 1 && knowledge.articles.length >= parallelFrom) {
      await buildInWorkers(kb, knowledge.articles, workers);
      return kb;
    }
    let slice = performance.now();
    for (const article of knowledge.articles) {
      kb.upsert(article);
      if (performance.now() - slice < BUILD_SLICE_MS) continue;
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    return kb;
  }

  /**
   * A knowledge base from what a snapshot saved: articles already read into passages, the index
   * over them, and, when saved, the popular entities' rankings and the coverage.
   */
  static restore(
    entities: Entity[],
    extracted: { article: Article; passages: Passage[]; noted: Sentence[] }[],
    index: PackedIndex,
    saved: {
      rankings?: Map<string, Passage[]>;
      coverage?: Coverage;
      problems?: KnowledgeProblem[];
      discovered?: ReturnType<KnowledgeBase['discoveredEntities']>;
    } = {},
  ): KnowledgeBase {
    const kb = new KnowledgeBase(entities, [], saved.problems);
    for (const organisation of saved.discovered?.entities ?? []) {
      kb.discovered.set(organisation.id, organisation);
      kb.matcher.add(organisation);
    }
    for (const [path, ids] of saved.discovered?.foundIn ?? []) kb.discoveredIn.set(path, ids);
    kb.index.restore(
      index,
      extracted.flatMap((e) => e.passages),
    );
    for (const { article, passages, noted } of extracted) kb.track(article, passages, noted);
    for (const [id, ranked] of saved.rankings ?? []) kb.index.restoreRanking(id, ranked);
    if (saved.coverage) kb.coverageCache = { version: kb.changes, coverage: saved.coverage };
    return kb;
  }

  /** What a snapshot saves: every article with its passages (and the sentences of them that restore takes). */
  extracted(): { article: Article; passages: Passage[]; noted: Sentence[] }[] {
    return [...this.articleMap.values()].map((article) => {
      const passages = this.byPath.get(article.path)!;
      return { article, passages, noted: noted(passages) };
    });
  }

  /** The organisations found in articles rather than configured, and which article found each (for a snapshot). */
  discoveredEntities(): { entities: Entity[]; foundIn: [string, string[]][] } {
    return { entities: [...this.discovered.values()].map((e) => this.matcher.entity(e.id) ?? e), foundIn: [...this.discoveredIn] };
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
    const { passages, discovered } = extractArticle(article, this.matcher);
    this.put(article, passages, noted(passages), discovered);
  }

  /**
   * Adds an article another thread extracted (see buildInWorkers) as upsert would have: the
   * organisations it found are added to the matcher, as extraction adds them.
   */
  place(extracted: { article: Article; passages: Passage[]; noted: Sentence[]; discovered: Entity[] }): void {
    for (const organisation of extracted.discovered) this.matcher.add(organisation);
    this.put(extracted.article, extracted.passages, extracted.noted, extracted.discovered);
  }

  private put(article: Article, passages: Passage[], sentences: Sentence[], discovered: Entity[]): void {
    this.remove(article.path);
    for (const organisation of discovered) this.discovered.set(organisation.id, organisation);
    if (discovered.length > 0)
      this.discoveredIn.set(
        article.path,
        discovered.map((o) => o.id),
      );
    this.track(article, passages, sentences);
    this.index.add(passages);
  }

  /**
   * Holds an article's passages and indexes its claims (not its text: the caller does). `noted`
   * are its sentences with claims or figures, in order: a snapshot's passages make the rest only when read.
   */
  private track(article: Article, passages: Passage[], noted: Sentence[]): void {
    this.byPath.set(article.path, passages);
    this.articleMap.set(article.path, article);
    const withFigures = noted.filter((s) => s.figures.length > 0);
    if (withFigures.length > 0) this.figures.set(article.path, withFigures);
    const today = new Date().toISOString().slice(0, 10);
    for (const sentence of noted) {
      for (const written of sentence.claims) {
        const claim = asOfToday(written, today);
        const pair = `${claim.targetId} ${claim.authorityId}`;
        this.pairChanges.set(pair, this.changes);
        let byPath = this.claimsByPair.get(pair);
        if (!byPath) this.claimsByPair.set(pair, (byPath = new Map()));
        const here = byPath.get(article.path);
        if (here) here.push({ claim, sentence });
        else byPath.set(article.path, [{ claim, sentence }]);
        for (const id of [claim.targetId, claim.authorityId]) this.pairsOf.set(id, (this.pairsOf.get(id) ?? new Set<string>()).add(pair));
      }
    }
  }

  remove(path: string): void {
    // An organisation no remaining article found is not saved again (the matcher keeps its names until a restart).
    const found = this.discoveredIn.get(path) ?? [];
    this.discoveredIn.delete(path);
    const still = new Set([...this.discoveredIn.values()].flat());
    for (const id of found) if (!still.has(id)) this.discovered.delete(id);
    const old = this.byPath.get(path);
    if (old) this.index.remove(old);
    this.byPath.delete(path);
    this.articleMap.delete(path);
    this.figures.delete(path);
    this.changes++;
    if (old?.some((p) => p.sentences.some((s) => s.claims.length > 0))) {
      for (const [pair, byPath] of this.claimsByPair) if (byPath.delete(path)) this.pairChanges.set(pair, this.changes);
    }
  }

  /** Adds an official list, or replaces the list at the same path (a newer file of it). */
  setList(list: DesignationList): void {
    this.listMap.set(list.path, list);
    this.listVersion++;
    this.changes++;
  }

  /** Puts the lists read from one file in place of those it held before (a collection holds one per dataset). */
  setFileLists(file: string, lists: DesignationList[]): void {
    for (const old of this.listMap.values()) if (old.file === file && !lists.some((l) => l.path === old.path)) this.listMap.delete(old.path);
    for (const list of lists) this.listMap.set(list.path, list);
    this.listVersion++;
    this.changes++;
  }

  /** The lists read from one file, serving or superseded. */
  listsOfFile(file: string): DesignationList[] {
    return [...this.listMap.values()].filter((l) => l.file === file);
  }

  /** Takes out the lists a file held. */
  removeFileLists(file: string): void {
    const held = this.listsOfFile(file);
    if (held.length === 0) return;
    for (const list of held) this.listMap.delete(list.path);
    this.listVersion++;
    this.changes++;
  }

  /**
   * The lists answers use: of the copies of one list (the same source, say a browser's second
   * download beside the first), only the newest by its content's date serves.
   */
  get lists(): DesignationList[] {
    return this.copies().serving;
  }

  /** Any list read, serving or superseded, by its path. */
  list(path: string): DesignationList | undefined {
    return this.listMap.get(path);
  }

  /** The paths of the older copies a serving list supersedes: what a digest compares it with when it is new itself. */
  copiesBefore(list: DesignationList): string[] {
    return [...this.copies().superseded].filter(([, by]) => by === list).map(([old]) => old.path);
  }

  /** The serving lists, and each superseded copy with the list that serves for it; worked out once per version of the lists. */
  private copies(): { serving: DesignationList[]; superseded: Map<DesignationList, DesignationList> } {
    if (this.copiesCache?.version !== this.listVersion) {
      const newest = new Map<string, DesignationList>();
      for (const list of this.listMap.values()) {
        const held = newest.get(list.source);
        if (held === undefined || newer(list, held)) newest.set(list.source, list);
      }
      const superseded = new Map<DesignationList, DesignationList>();
      for (const list of this.listMap.values()) if (newest.get(list.source) !== list) superseded.set(list, newest.get(list.source)!);
      this.copiesCache = { version: this.listVersion, serving: [...this.listMap.values()].filter((l) => !superseded.has(l)), superseded };
    }
    return this.copiesCache;
  }

  /**
   * Which entities are which list entries: worked out once per version of the lists, and again
   * for an entity whose names change (an article can bring an organisation's name); never per question.
   */
  listLinks(): ListLinks {
    const key = `${this.listVersion} ${this.matcher.version}`;
    if (this.linksCache?.key !== key) this.linksCache = { key, links: new ListLinks(this.lists, this.matcher.all(), this.linksCache?.links ?? null) };
    return this.linksCache.links;
  }

  /** The authority that keeps a list entry's list, from the name the list gives it; null when it names none known. */
  listAuthority(entry: ListEntry): string | null {
    let id = this.listAuthorities.get(entry.authority);
    if (id === undefined) {
      const named = this.matcher.find(entry.authority).find((m) => authorityOf((key) => this.entity(key), m.entityId) !== null);
      id = named ? authorityOf((key) => this.entity(key), named.entityId) : null;
      this.listAuthorities.set(entry.authority, id);
    }
    return id;
  }

  article(path: string): Article | undefined {
    return this.articleMap.get(path);
  }

  /** The sentences of an article that give figures (casualty counts): what conflicts are found in. */
  sentencesWithFigures(path: string): Sentence[] {
    return this.figures.get(path) ?? [];
  }

  sentencesOf(path: string): Sentence[] {
    return (this.byPath.get(path) ?? []).flatMap((p) => p.sentences);
  }

  /** The "target authority" pairs with designation claims in which the entity is the one listed or the authority listing. */
  claimPairs(id: string): string[] {
    return [...(this.pairsOf.get(id) ?? [])].filter((pair) => (this.claimsByPair.get(pair)?.size ?? 0) > 0);
  }

  /** Every "target authority" pair with designation claims. */
  allClaimPairs(): string[] {
    return [...this.claimsByPair.keys()].filter((pair) => this.claimsByPair.get(pair)!.size > 0);
  }

  /** The version in which a pair's claims last changed: what is worked out from them alone holds until then. */
  pairVersion(pair: string): number {
    return this.pairChanges.get(pair) ?? 0;
  }

  /** Every designation claim of a pair from claimPairs. */
  claimsOfPair(pair: string): ClaimInSentence[] {
    return [...(this.claimsByPair.get(pair)?.values() ?? [])].flat();
  }

  /** What the knowledge base covers; computed once per version. */
  coverage(): Coverage {
    if (this.coverageCache?.version !== this.changes) this.coverageCache = { version: this.changes, coverage: this.computeCoverage() };
    return this.coverageCache.coverage;
  }

  private computeCoverage(): Coverage {
    const articles = this.articles;
    const dates = articles
      .map((a) => a.published)
      .filter((d): d is PartialDate => d !== null)
      .sort(compareDates);
    const articleCount = new Map<string, number>();
    for (const passages of this.byPath.values()) {
      for (const id of new Set(passages.flatMap((p) => p.entityIds))) articleCount.set(id, (articleCount.get(id) ?? 0) + 1);
    }
    return {
      articles: articles.length,
      outlets: [...new Set(articles.map((a) => a.outlet).filter((o): o is string => o !== null))].sort(),
      earliest: dates[0] ?? null,
      latest: dates[dates.length - 1] ?? null,
      entities: [...articleCount.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => this.entity(id)!.name),
    };
  }
}

/** The sentences of passages that the knowledge base indexes, and keeps beside them: those with claims or figures. */
function noted(passages: Passage[]): Sentence[] {
  return passages.flatMap((p) => p.sentences).filter((s) => s.claims.length > 0 || s.figures.length > 0);
}

/**
 * Whether one copy of a list is newer than another: dated later by its content (a date from the
 * file's modification time proves nothing against one), and on the same date, the later path.
 */
function newer(a: DesignationList, b: DesignationList): boolean {
  if (a.datedBy !== b.datedBy) return a.datedBy === 'content';
  const byDate = compareDates(a.date, b.date);
  return byDate !== 0 ? byDate > 0 : a.path > b.path;
}
