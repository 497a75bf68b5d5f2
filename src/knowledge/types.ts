import type { PartialDate } from './partialDate.js';

/** One news article as read from the knowledge folder. */
export interface Article {
  /** Path relative to the knowledge folder, with forward slashes: the article's identity. */
  path: string;
  title: string;
  outlet: string | null;
  url: string | null;
  published: PartialDate | null;
  /** The body with front matter removed, as paragraphs of whitespace-normalised text. */
  paragraphs: string[];
  /** SHA-256 of the raw file, to tell a changed file from an unchanged one. */
  hash: string;
}

export type EntityKind = 'organisation' | 'person' | 'authority' | 'place';

export interface Entity {
  /** Stable token derived from the name, used in the index (`taliban`, `islamicstatekhorasanprovince`). */
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** For a body of an authority (a court, a ministry): the id of the authority it belongs to. */
  partOf: string | null;
  /** Official list entries an editor confirmed are this entity (`list_ids` in entities.yml), by the list's reference. */
  listIds?: string[];
  /** Entries an editor rejected as this entity, however well their names match (`not_list_ids`). */
  notListIds?: string[];
}

/** A knowledge file that could not be used, or was used with a caveat. */
export interface KnowledgeProblem {
  path: string;
  message: string;
  /** `skipped`: the file serves nothing. `warning`: it serves, but something in it was ignored. */
  severity: 'skipped' | 'warning';
}
