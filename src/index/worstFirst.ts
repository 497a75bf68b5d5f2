export interface TopResult {
  id: string;
  score: number;
}

/**
 * A bounded binary heap whose root is the worst result kept: a lower score, or on an equal score
 * the greater id. An id is looked up only to break a tie.
 */
export class WorstFirst {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly idOf: (shortId: number) => string,
  ) {}

  offer(shortId: number, score: number): void {
    if (this.limit <= 0) return;
    if (this.ids.length < this.limit) {
      this.ids.push(shortId);
      this.scores.push(score);
      this.up(this.ids.length - 1);
      return;
    }
    if (!this.worse(0, shortId, score)) return;
    this.ids[0] = shortId;
    this.scores[0] = score;
    this.down(0);
  }

  /** The kept results, best first. */
  drain(): TopResult[] {
    return this.ids.map((shortId, i) => ({ id: this.idOf(shortId), score: this.scores[i]! })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  }

  /** Whether the kept result at `i` is worse than the result (shortId, score). */
  private worse(i: number, shortId: number, score: number): boolean {
    if (this.scores[i]! !== score) return this.scores[i]! < score;
    return this.idOf(this.ids[i]!) > this.idOf(shortId);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, this.ids[parent]!, this.scores[parent]!)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.ids.length && this.worse(left, this.ids[worst]!, this.scores[worst]!)) worst = left;
      if (right < this.ids.length && this.worse(right, this.ids[worst]!, this.scores[worst]!)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
  }
}
