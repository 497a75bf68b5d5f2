import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FUNCTION_WORDS } from './stopWords.js';
import type { Entity, KnowledgeProblem } from './types.js';

/** The file at the knowledge folder's root that lists entities and their aliases. */
export const ENTITIES_FILE = 'entities.yml';

const entrySchema = z.object({
  name: z.string().trim().min(1),
  kind: z.enum(['organisation', 'person', 'authority', 'place']).default('organisation'),
  aliases: z
    .array(z.union([z.string(), z.number()]).transform(String))
    .nullish()
    .transform((v) => v ?? []),
  part_of: z.string().trim().min(1).nullish(),
  list_ids: z.array(z.union([z.string(), z.number()]).transform((v) => String(v).trim())).nullish(),
  not_list_ids: z.array(z.union([z.string(), z.number()]).transform((v) => String(v).trim())).nullish(),
});

/** The token an entity is indexed under: its name in lower-case letters and digits only. */
export function entityId(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Why a name or alias cannot name an entity, or null when it can. Such a word would match
 * ordinary text ("a", "the", "of", "2003", "al") and make claims about sentences that are about
 * something else. An acronym in capitals ("IS", "US") is a name.
 */
export function unusableName(name: string): string | null {
  if ([...name].length === 1) return 'a single character';
  if (/^\d+(?:[.,]\d+)*$/.test(name)) return 'a bare number';
  if (name !== name.toUpperCase() && FUNCTION_WORDS.has(name.toLowerCase())) return 'a common English word';
  if (/^\p{Ll}{1,2}$/u.test(name)) return 'a lowercase word of fewer than three letters';
  // Answers mark citations as [1]: a name with brackets could pass for one.
  if (/[[\]]/.test(name)) return 'written with square brackets, which answers use for citations';
  return null;
}

/**
 * Reads entities.yml. An entry that is not usable is reported and left out; the others serve.
 *
 * @example
 * parseEntities('- name: Taliban\n  aliases: [Taleban]\n')
 * // => { entities: [{ id: 'taliban', name: 'Taliban', kind: 'organisation', aliases: ['Taleban'], partOf: null }], problems: [] }
 */
export function parseEntities(text: string): { entities: Entity[]; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const message = `not valid YAML: ${(error as Error).message.split('\n')[0]}`;
    return { entities: [], problems: [{ path: ENTITIES_FILE, message, severity: 'skipped' }] };
  }
  if (data == null) return { entities: [], problems };
  if (!Array.isArray(data)) {
    const message = 'must be a YAML list of entries with a name and aliases';
    return { entities: [], problems: [{ path: ENTITIES_FILE, message, severity: 'skipped' }] };
  }

  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  data.forEach((raw, i) => {
    const result = entrySchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const where = issue.path.length > 0 ? ` field "${issue.path.join('.')}"` : '';
      problems.push({ path: ENTITIES_FILE, message: `entry ${i + 1}${where}: ${issue.message}; entry ignored`, severity: 'warning' });
      return;
    }
    const { name, kind, aliases: given, part_of, list_ids, not_list_ids } = result.data;
    const unusable = unusableName(name);
    if (unusable !== null) {
      problems.push({
        path: ENTITIES_FILE,
        message: `entry ${i + 1} ("${name}"): the name is ${unusable}, which would match ordinary text; entry ignored`,
        severity: 'warning',
      });
      return;
    }
    const aliases = given.filter((alias) => {
      const why = unusableName(alias.trim());
      if (why !== null && alias.trim() !== '') {
        problems.push({
          path: ENTITIES_FILE,
          message: `entry ${i + 1} ("${name}"): the alias "${alias.trim()}" is ${why}, which would match ordinary text; alias ignored`,
          severity: 'warning',
        });
      }
      return why === null;
    });
    const id = entityId(name);
    if (id === '' || byId.has(id)) {
      problems.push({ path: ENTITIES_FILE, message: `entry ${i + 1} ("${name}") repeats another entry's name; entry ignored`, severity: 'warning' });
      return;
    }
    const entity: Entity = {
      id,
      name,
      kind,
      aliases: [...new Set(aliases.map((a) => a.trim()).filter((a) => a !== '' && a !== name))],
      partOf: part_of ? entityId(part_of) : null,
      ...(list_ids?.length ? { listIds: list_ids } : {}),
      ...(not_list_ids?.length ? { notListIds: not_list_ids } : {}),
    };
    byId.set(id, entity);
    entities.push(entity);
  });

  for (const entity of entities) {
    if (entity.partOf !== null && !byId.has(entity.partOf)) {
      problems.push({ path: ENTITIES_FILE, message: `"${entity.name}" is part_of an entity that is not listed; treated as independent`, severity: 'warning' });
      entity.partOf = null;
    }
  }
  return { entities, problems };
}
