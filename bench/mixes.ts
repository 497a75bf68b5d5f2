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

/** Questions a desk types that name no entity: about steps, courts, bans and attacks in general. */
export const FREE_TEXT = [
  'who removed the group from the list',
  'what did the court decide about the ban last year',
  'which countries designated the movement as a terrorist organisation',
  'when was the ban lifted',
  'who asked the supreme court to lift the ban',
  'what sanctions were imposed on the network',
  'how many people were killed in the attack',
  'why was the group delisted',
  'which groups were added to the terrorist list this year',
  'has the designation been revoked',
  'who is the leader of the militia',
  'what did the foreign ministry say about the terrorist status',
  'which authorities still list the organisation',
  'when did the government announce it would drop the designation',
  'what happened after the group was banned',
  'latest designations and removals',
  'terrorist list changes',
  'court ruling on the terrorist designation appeal',
  'who was sanctioned by the treasury',
  'the prosecutor general asked to overturn the ban on the movement',
];

/**
 * Names with one typing mistake, as people type them: two neighbouring letters of the name's
 * longest word swapped, at a place fixed by the word, so every run asks the same.
 */
export function misspelt(names: string[]): string[] {
  return names.flatMap((name) => {
    const words = name.split(' ');
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length < 5) return [];
    const at = 1 + (longest.length % (longest.length - 2));
    const swapped = longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2);
    return swapped === longest ? [] : [words.map((w) => (w === longest ? swapped : w)).join(' ')];
  });
}

export interface Latency {
  queries: number;
  p50: number;
  p99: number;
  max: number;
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
