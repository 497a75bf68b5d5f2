import { countryNamed } from '../authorities.js';
import { BLOC_CODES, DATASET_AUTHORITIES, PUBLISHING_BODIES } from './publishers.js';

/** A body's name folded for comparison: accents, case, dashes (a non-breaking hyphen too), "&" and spacing aside. */
export function foldBody(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\u2010-\u2015\u2212-]/g, '-')
    .replace(/[^a-z0-9-]+/g, ' ')
    .trim();
}

let bodies: Map<string, string> | undefined;
let families: [string, string][] | undefined;

/**
 * The authority a body publishes for, by the table of publishing bodies, its name read without a
 * closing parenthesis ("Office of Foreign Assets Control (OFAC)"); null for a body it does not know.
 */
function bodyAuthority(name: string): string | null {
  if (bodies === undefined) {
    bodies = new Map(PUBLISHING_BODIES.flatMap((b) => b.names.map((n) => [foldBody(n), b.authority] as const)));
    families = PUBLISHING_BODIES.flatMap((b) => (b.prefixes ?? []).map((p) => [foldBody(p), b.authority] as [string, string]));
  }
  const folded = foldBody(name.replace(/\s*\([^()]*\)\s*$/, ''));
  return bodies.get(folded) ?? families!.find(([prefix]) => folded.startsWith(prefix))?.[1] ?? null;
}

/** Where a sanction says it comes from: the bodies it names, the countries it gives, its dataset. */
export interface SanctionSource {
  bodies: string[];
  countries: string[];
  dataset: string | null;
}

/**
 * The authority, as the news names it, that a sanction is of: a body it names that the table of
 * publishing bodies knows; else the country it gives (ISO codes, and OpenSanctions' `eu`); else
 * its dataset's publisher. Null when none is known: the caller keeps the body's own name.
 */
export function resolveAuthority(source: SanctionSource): string | null {
  for (const body of source.bodies) {
    const authority = bodyAuthority(body);
    if (authority !== null) return authority;
  }
  for (const code of source.countries) {
    const authority = own(BLOC_CODES, code.toLowerCase()) ?? countryNamed(code);
    if (authority !== null) return authority;
  }
  return source.dataset === null ? null : own(DATASET_AUTHORITIES, source.dataset);
}

/** A table's own entry for a key read from a file, never one it inherits ("constructor", "__proto__"). */
const own = (table: Record<string, string>, key: string): string | null => (Object.hasOwn(table, key) ? table[key]! : null);
