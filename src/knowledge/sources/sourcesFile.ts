import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** The file in the knowledge folder that names the feeds and lists the desk follows. */
export const SOURCES_FILE = 'sources.yml';

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address');

const schema = z
  .object({
    feeds: z.array(z.object({ url: httpUrl, outlet: z.string().trim().min(1).optional() }).strict()).default([]),
    lists: z
      .array(
        z
          .object({
            url: httpUrl,
            name: z
              .string()
              .trim()
              .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens (it names a folder under lists/)'),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** The feeds and lists of `sources.yml`. */
export type Sources = z.infer<typeof schema>;

/** `sources.yml`'s text as sources, or what is wrong with it, in one line per problem. */
export function parseSources(text: string): { sources: Sources; problems: string[] } {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    return { sources: { feeds: [], lists: [] }, problems: [`is not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const result = schema.safeParse(data);
  if (!result.success)
    return { sources: { feeds: [], lists: [] }, problems: result.error.issues.map((i) => `${i.path.join('.') || 'the file'}: ${i.message}`) };
  const names = result.data.lists.map((l) => l.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  return { sources: result.data, problems: twice.map((n) => `lists: the name "${n}" is given twice`) };
}
