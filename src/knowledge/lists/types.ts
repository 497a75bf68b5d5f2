import type { PartialDate } from '../partialDate.js';

/** The published formats read from `lists/` in the knowledge folder (see README, "Official lists"). */
export type ListFormat = 'un-xml' | 'ofac-csv' | 'opensanctions-ftm' | 'uk-csv';

/** One entry of an official list: a person or organisation, as the list gives it. */
export interface ListEntry {
  /** The list's own reference: `QDe.004` (UN), `SDN-6636` (OFAC), `AQD0001` (UK), the entity id (OpenSanctions). */
  ref: string;
  /** The primary name first, then the aliases, as the list writes them. */
  names: string[];
  kind: 'organisation' | 'person' | 'other';
  /** Who keeps the list, as the list names it ("UN Security Council", "Office of Foreign Assets Control"). */
  authority: string;
  programs: string[];
  /** When the list says the entry was listed, and when it ended (a delisting, an expiry), as precisely as it says. */
  listedOn: PartialDate | null;
  endedOn: PartialDate | null;
  /** Where the list points for this entry, if anywhere. */
  url: string | null;
}

/** One official list as read from one file (or, for OFAC's CSV, one set of files). */
export interface DesignationList {
  /** The list's main file, relative to the knowledge folder: its identity. */
  path: string;
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
