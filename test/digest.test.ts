import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKnowledgeBase } from '../bench/generateKnowledge.js';
import { buildDigest } from '../src/digest/buildDigest.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { LIMITS } from '../src/render/blocks.js';
import { renderDigestBlocks } from '../src/render/digestBlocks.js';
import { renderDigestText } from '../src/render/digestText.js';
import type { Seen } from '../src/store/articleLedger.js';
import { normalise, SEED_DIR, seedKnowledgeBase } from './support/seedKnowledge.js';

const OLD = '2026-11-01T00:00:00.000Z';
const NEW = '2026-11-20T00:00:00.000Z';
const WINDOW = { since: '2026-11-10T00:00:00.000Z', until: '2026-11-21T00:00:00.000Z' };

/** Every article first seen at OLD, except those `fresh` picks, first seen at NEW. */
function seenAt(kb: KnowledgeBase, fresh: (path: string) => boolean): Map<string, Seen> {
  return new Map(kb.articles.map((a) => [a.path, { added: fresh(a.path) ? NEW : OLD, changed: fresh(a.path) ? NEW : OLD, known: new Set<string>() }]));
}

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await seedKnowledgeBase();
});

const ruling = (path: string) => path.includes('2025-04-17');

describe('what a digest holds', () => {
  it('reports the status change and the events only the new article brings, verbatim and cited', () => {
    const digest = buildDigest(kb, seenAt(kb, ruling), WINDOW);
    expect(digest.statusChanges.map((c) => [c.line.authority, c.line.entity, c.line.state, c.line.date, c.before])).toEqual([
      ['Russia', 'Taliban', 'removed', '2025-04-17', { state: 'pending', toward: 'removed', date: null }],
    ]);
    const events = digest.events.map((e) => e.text).join('\n');
    expect(events).toMatch(/Oleg Nefedov/);
    expect(events).not.toMatch(/trusted ally/); // the ruling repeats it, but an older article reported it first
    expect(digest.events.map((e) => e.date)).toEqual([...digest.events.map((e) => e.date)].sort().reverse());
    for (const item of [...digest.events, ...digest.statusChanges.map((c) => c.line)]) {
      const texts = item.citations.map((id) => normalise(readFileSync(join(SEED_DIR, digest.sources.find((s) => s.id === id)!.path), 'utf8')));
      expect(
        texts.some((text) => text.includes(normalise(item.text))),
        item.text,
      ).toBe(true);
    }
    const rulingSource = digest.sources.find((s) => ruling(s.path))!;
    expect(digest.articles).toEqual([{ source: rulingSource.id, kind: 'new' }]);
  });

  it('is empty when nothing arrived in the window, and the renderers say "nothing new"', () => {
    const digest = buildDigest(
      kb,
      seenAt(kb, () => false),
      WINDOW,
    );
    expect(digest).toMatchObject({ statusChanges: [], events: [], articles: [] });
    expect(renderDigestText(digest)).toMatch(/Nothing new/);
    expect(JSON.stringify(renderDigestBlocks(digest, { timeZone: 'UTC', label: 'Daily digest' }))).toMatch(/Nothing new/);
  });

  it('keeps to its topics', () => {
    const isk = kb.matcher.findInQuery('IS-K')[0]!.entityId;
    const all = buildDigest(
      kb,
      seenAt(kb, () => true),
      WINDOW,
    );
    const digest = buildDigest(
      kb,
      seenAt(kb, () => true),
      { ...WINDOW, topics: [isk] },
    );
    expect(digest.topics).toEqual(['Islamic State – Khorasan Province']);
    expect(digest.events.length).toBeGreaterThan(0);
    expect(digest.events.length).toBeLessThan(all.events.length);
    for (const event of digest.events) expect(event.text).toMatch(/IS-K|Islamic State|ISIS/);
    // The seeds' status changes are all the Taliban's: a digest on IS-K leaves them out, one on the Taliban keeps each.
    expect(all.statusChanges.length).toBeGreaterThan(0);
    expect(digest.statusChanges).toEqual([]);
    const taliban = kb.matcher.findInQuery('taliban')[0]!.entityId;
    const onTaliban = buildDigest(
      kb,
      seenAt(kb, () => true),
      { ...WINDOW, topics: [taliban] },
    );
    expect(onTaliban.statusChanges.map((c) => c.line.entity)).toEqual(all.statusChanges.map(() => 'Taliban'));
  });

  it('calls an article first seen earlier and changed in the window an update', () => {
    const seen = seenAt(kb, () => false);
    const path = kb.articles.find((a) => ruling(a.path))!.path;
    seen.set(path, { added: OLD, changed: NEW, known: new Set<string>() });
    expect(buildDigest(kb, seen, WINDOW).articles.map((a) => a.kind)).toEqual(['updated']);
  });
});

describe('a digest in Slack', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'designation-digest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('escapes article text: no broadcast, no mention, no forged link', async () => {
    const kbDir = join(dir, 'hostile');
    cpSync(SEED_DIR, kbDir, { recursive: true });
    writeFileSync(
      join(kbDir, 'articles', 'hostile.md'),
      '---\ntitle: "<!channel> Kazakhstan <https://evil.example|removes> @here"\npublished: "2026-11-02"\n---\n\n' +
        'Kazakhstan removed the Taliban from its list on 1 November 2026 <!everyone> <@U123> <https://evil.example|official>.\n',
    );
    const hostile = KnowledgeBase.fromKnowledge(await loadKnowledge(kbDir));
    const digest = buildDigest(
      hostile,
      seenAt(hostile, (p) => p.endsWith('hostile.md')),
      WINDOW,
    );
    expect(digest.events.length + digest.statusChanges.length).toBeGreaterThan(0);
    const shown = JSON.stringify(renderDigestBlocks(digest, { timeZone: 'UTC', label: 'Daily digest' }));
    expect(shown).not.toMatch(/<!channel>|<!everyone>|<@U123>|<https:\/\/evil/);
    expect(shown).not.toMatch(/@here/);
    expect(shown).toMatch(/&lt;!channel&gt;/);
  });

  it("stays within Slack's limits for a large window, saying how much it left out", async () => {
    const kbDir = join(dir, 'generated');
    mkdirSync(kbDir);
    await generateKnowledgeBase(kbDir, { articles: 300, entities: 60 });
    const big = KnowledgeBase.fromKnowledge(await loadKnowledge(kbDir));
    const digest = buildDigest(
      big,
      seenAt(big, () => true),
      WINDOW,
    );
    expect(digest.omitted.articles).toBeGreaterThan(0);
    const payload = renderDigestBlocks(digest, { timeZone: 'Europe/Berlin', label: 'Weekly digest' });
    expect(payload.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const block of payload.blocks) {
      if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
    }
    expect(JSON.stringify(payload)).toMatch(new RegExp(`and ${digest.omitted.articles} more articles`));
    expect(normalise(payload.text).length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });
});
