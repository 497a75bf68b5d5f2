/** The two query mixes of the benchmark, and the figures it reports for them. */

/** The signing secret of the benchmark's apps and of the requests the load test signs. */
export const BENCH_SECRET = 'bench-signing-secret-0123456789';

/** How often each popular entity is asked in the repeated mix. */
const REPEATS = 30;

/** The popular entities asked over and over, in turn: what a desk asks all day. */
export function popularStream(popular: string[]): string[] {
  return Array.from({ length: REPEATS }, () => popular).flat();
}

/**
 * Questions as people type them about designations, one of each form per organisation, asked of
 * the popular organisations and authorities in turn: when, yes or no, who, what changed, and a
 * question that is a plain query.
 */
export function questionStream(organisations: string[], authorities: string[]): string[] {
  return organisations.flatMap((o, i) => {
    const a = authorities[i % authorities.length]!;
    return [
      `when did ${a} list ${o}?`,
      `has ${a} removed ${o}?`,
      `which countries removed ${o}?`,
      `is ${o} still listed?`,
      `what changed for ${o} since 2024?`,
      `who listed ${o}?`,
      `why did ${a} ban ${o}?`,
    ];
  });
}

export interface Latency {
  queries: number;
  p50: number;
  p99: number;
  rawP50: number;
  rawP99: number;
  /** Answer time over raw MiniSearch.search time. */
  ratioP50: number;
  ratioP99: number;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
