import type { SourceRegistry } from '../answer/sources.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { ListLinks } from '../index/listLinks.js';
import type { DesignationList, ListEntry } from '../knowledge/lists/types.js';
import type { ListReplacement } from '../store/listVersions.js';
import type { ListChange } from './types.js';

/**
 * What each newer list changed against the version current before the window: entries added,
 * removed, or changed (dates, names, programmes), keyed by the list's reference. With topics,
 * only entries that are one of the topics (linked as answers link them; a removed entry as the
 * old version's); a topic that is an authority keeps the changes of its lists.
 */
export function listChanges(kb: KnowledgeBase, replaced: ListReplacement[], topics: string[], sources: SourceRegistry): ListChange[] {
  const changes: ListChange[] = [];
  for (const { path, before } of replaced) {
    const list = kb.list(path);
    if (list === undefined) continue;
    const old = new Map(before.entries.map((e) => [e.ref, e]));
    const now = new Map(list.entries.map((e) => [e.ref, e]));
    const found: { entry: ListEntry; change: ListChange['change']; details: string[] }[] = [];
    for (const entry of list.entries) {
      const was = old.get(entry.ref);
      if (was === undefined) found.push({ entry, change: 'added', details: [] });
      else {
        const details = differences(was, entry);
        if (details.length > 0) found.push({ entry, change: 'changed', details });
      }
    }
    const removed = before.entries.filter((entry) => !now.has(entry.ref));
    for (const entry of removed) found.push({ entry, change: 'removed', details: [] });
    const onTopic = topicTest(kb, list, removed, topics);
    for (const { entry, change, details } of found) {
      const entity = onTopic(entry);
      if (entity === undefined) continue;
      changes.push({ list: sources.cite([list])[0]!, listTitle: list.title, ref: entry.ref, name: entry.names[0]!, entity, change, details });
    }
  }
  return changes;
}

/**
 * Which entity an entry is (null for none known), or undefined when it is off the topics: an
 * entry is on them when it is a topic, or when its list is kept by an authority that is one.
 */
function topicTest(kb: KnowledgeBase, list: DesignationList, removed: ListEntry[], topics: string[]): (entry: ListEntry) => string | null | undefined {
  // The current entries as answers link them (worked out once per list version); the entries the
  // newer list no longer has, with the same names and threshold.
  const gone = new ListLinks([{ ...list, entries: removed }], kb.matcher.all());
  const entityOf = new Map<string, string>();
  for (const entity of kb.matcher.all()) {
    for (const match of [
      ...kb
        .listLinks()
        .linksOf(entity.id)
        .filter((m) => m.list === list),
      ...gone.linksOf(entity.id),
    ])
      if (!entityOf.has(match.entry.ref)) entityOf.set(match.entry.ref, entity.id);
  }
  const wanted = new Set(topics);
  return (entry) => {
    const id = entityOf.get(entry.ref) ?? null;
    const onTopic = wanted.size === 0 || (id !== null && wanted.has(id)) || wanted.has(kb.listAuthority(entry) ?? '');
    return onTopic ? (id === null ? null : kb.entity(id)!.name) : undefined;
  };
}

/** What changed in an entry between two versions, in fixed words. */
function differences(was: ListEntry, now: ListEntry): string[] {
  const details: string[] = [];
  if (was.listedOn !== now.listedOn) details.push(`listing date ${was.listedOn ?? 'none'} → ${now.listedOn ?? 'none'}`);
  if (was.endedOn !== now.endedOn) details.push(`end date ${was.endedOn ?? 'none'} → ${now.endedOn ?? 'none'}`);
  const added = now.names.filter((n) => !was.names.includes(n));
  const dropped = was.names.filter((n) => !now.names.includes(n));
  if (added.length > 0) details.push(`names added: ${added.join('; ')}`);
  if (dropped.length > 0) details.push(`names dropped: ${dropped.join('; ')}`);
  const programs = (e: ListEntry) => e.programs.join('; ');
  if (programs(was) !== programs(now)) details.push(`programmes ${programs(was) || 'none'} → ${programs(now) || 'none'}`);
  return details;
}
