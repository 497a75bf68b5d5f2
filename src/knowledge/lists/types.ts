import type { PartialDate } from '../partialDate.js';

/** The published formats read from `lists/` in the knowledge folder (see README, "Official lists"). */
export type ListFormat = 'un-xml' | 'ofac-csv' | 'opensanctions-ftm' | 'uk-csv';

/** One entry of an official list: a person or organisation, as the list gives it. */
export interface ListEntry {
  /** The list's own reference: `QDe.004` (UN), `SDN-6636` (OFAC), `AQD0001` (UK), the target's id (OpenSanctions: unique in each dataset's list). */
  ref: string;
  /** The primary name first, then the aliases, as the list writes them. */
  names: string[];
  kind: 'organisation' | 'person' | 'other';
  /**
   * Who keeps the list: as the list names it ("UN Security Council", "Office of Foreign Assets
   * Control"), or, for OpenSanctions, the authority its publishing body resolves to ("European Union").
   */
  authority: string;
  programs: string[];
  /** When the list says the entry was listed, and when it ended (a delisting, an expiry), as precisely as it says. */
  listedOn: PartialDate | null;
  endedOn: PartialDate | null;
  /** Whether the list says the entry ended: by an end date (`endedOn`), or by a status that gives none. */
  ended: boolean;
  /** Where the list points for this entry, if anywhere. */
  url: string | null;
  /** Where an OpenSanctions entry comes from, as the export gives it. */
  provenance?: Provenance;
}

/** An OpenSanctions entry's origins: the bodies that published it, every listing date, and what OpenSanctions says of its target. */
export interface Provenance {
  /** The publishing bodies, as the sanctions name them. */
  bodies: string[];
  /** Every listing date the sanctions give, earliest first. */
  listingDates: PartialDate[];
  /** One object for all the entries of one target. */
  target: TargetProvenance;
}

export interface TargetProvenance {
  /** The ids the target was merged from, and the datasets it is in. */
  referents: string[];
  datasets: string[];
  /** When OpenSanctions first and last saw the target at its sources, and last saw it change. */
  firstSeen: string | null;
  lastSeen: string | null;
  lastChange: string | null;
}

/** One official list as read from one file (or, for OFAC's CSV, one set of files), or one dataset of a collection file. */
export interface DesignationList {
  /** The list's identity: its main file, relative to the knowledge folder; `<file>#<dataset>` for a dataset of a file that holds several. */
  path: string;
  /** The file it was read from. */
  file: string;
  /** What copies of one list share (format and source): two files with the same are one list, and the newer serves. */
  source: string;
  format: ListFormat;
  /** The list's name, as its publisher calls it. */
  title: string;
  /** The list's own date: from its content where it carries one, else the file's modification time (see `datedBy`). */
  date: PartialDate;
  datedBy: 'content' | 'file';
  /** Where the list can be downloaded. */
  url: string;
  entries: ListEntry[];
  /** SHA-256 of the file(s) read: tells a new version from the same one. */
  hash: string;
}

/** A list file that cannot be read as its format says. */
export class ListFormatError extends Error {}
