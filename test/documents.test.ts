import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { parseHtmlArticle } from '../src/knowledge/documents/htmlArticle.js';
import { parsePdfArticle } from '../src/knowledge/documents/pdfArticle.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { knowledgeFolder } from './support/listFolder.js';
import { SEED_DIR } from './support/seedKnowledge.js';

const FIXTURES = new URL('fixtures/', import.meta.url).pathname;
const ROOT = new URL('..', import.meta.url).pathname;
const bytes = (path: string) => readFileSync(join(FIXTURES, path));

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** What each page shape must give: its metadata, and its text exactly, paragraph by paragraph. */
const PAGES = {
  'news-jsonld.html': {
    title: 'Canada lists the Grey Meridian Front as a terrorist entity',
    outlet: 'Northern Ledger',
    url: 'https://ledger.example/world/2026/03/05/canada-lists-grey-meridian-front',
    published: '2026-03-05',
    paragraphs: [
      'Canada listed the Grey Meridian Front as a terrorist entity under the Criminal Code on 5 March 2026, the Minister of Public Safety said in Ottawa.',
      "The listing freezes the group's assets in Canada and makes it a crime to knowingly provide it with property or services.",
      'The Grey Meridian Front, which claimed a bombing in Ghent in 2019, was listed by the European Union the same year.',
      'Officials said the decision followed a review that began in 2025.',
    ],
  },
  'government-press.html': {
    title: 'Terrorist Designation of the Kharsan Valley Front',
    outlet: 'United States Department of State',
    url: 'https://state.example/terrorist-designation-of-the-kharsan-valley-front/',
    published: '2026-02-12',
    paragraphs: [
      'The Department of State is designating the Kharsan Valley Front as a Specially Designated Global Terrorist under Executive Order 13224.',
      'The Kharsan Valley Front has claimed attacks on border posts since 2021, including an attack that killed 14 people in 2024.',
      "As a result of today's action, all property and interests in property of the Kharsan Valley Front that are subject to U.S. jurisdiction are blocked.",
      'Petitions for removal from the list may be made to the Department of State.',
    ],
  },
  'no-metadata.html': {
    title: 'Statement on the Harbour Lions',
    outlet: null,
    url: null,
    // From its dateline, "Published 14 May 2025".
    published: '2025-05-14',
    paragraphs: [
      'The Ministry of the Interior removed the Harbour Lions from its list of banned organisations on 12 May 2025, after a court found no evidence of armed activity since 2019.',
      'The group had been banned in 2016.',
      'The ministry said the decision could be reviewed if new evidence emerged.',
    ],
  },
};

describe('saved web pages', () => {
  it.each(Object.entries(PAGES))('reads %s: the main text only, title, outlet, url and date from its metadata', (file, expected) => {
    const { article } = parseHtmlArticle(`pages/${file}`, bytes(`pages/${file}`));
    expect({ title: article.title, outlet: article.outlet, url: article.url, published: article.published, paragraphs: article.paragraphs }).toEqual(expected);
    // Banners, navigation, share rows, captions, related links, tags and comments stay out.
    expect(article.paragraphs.join(' ')).not.toMatch(/cookies|Share on|Photo:|Related stories|Comments|food exports|Tags:|Skip to content|Privacy/);
  });

  it('keeps the names a page lists, and a page whose body is called "no-sidebar"', () => {
    const page = Buffer.from(
      '<html><head><title>Designations</title></head><body class="no-sidebar post-has-tags"><main><p>The Ministry designated the following groups as terrorist organisations on 3 March 2026:</p><ul><li>Kharsan Valley Front</li><li>Harbour Lions</li></ul><p>The designations take effect at once, the ministry said in its statement.</p></main></body></html>',
    );
    const { article } = parseHtmlArticle('pages/list.html', page);
    expect(article.paragraphs).toEqual([
      'The Ministry designated the following groups as terrorist organisations on 3 March 2026:',
      'Kharsan Valley Front',
      'Harbour Lions',
      'The designations take effect at once, the ministry said in its statement.',
    ]);
  });

  it('reads a page in the charset it declares', () => {
    const page = Buffer.from(
      '<html><head><meta charset="iso-8859-1"><title>Fr\xf6nt</title></head><body><p>The ministry banned the Gr\xfcne Fr\xf6nt on 3 March 2026, officials said in a statement.</p></body></html>',
      'latin1',
    );
    expect(parseHtmlArticle('pages/latin.html', page).article.paragraphs).toEqual([
      'The ministry banned the Grüne Frönt on 3 March 2026, officials said in a statement.',
    ]);
  });

  it('runs no script a page holds', () => {
    const page = Buffer.from(
      '<html><head><title>A page</title><script>globalThis.ran = true</script></head><body><p>The ministry listed the group on 3 March 2026, officials said in a statement.</p><img src=x onerror="globalThis.ran = true"></body></html>',
    );
    parseHtmlArticle('pages/scripted.html', page);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });
});

describe('PDFs', () => {
  it('reads a Federal Register notice: running header and footer out, a word hyphenated at a line end whole, the dateline as its date', async () => {
    const { article } = await parsePdfArticle('pdf/notice.pdf', bytes('pdf/federal-register-notice.pdf'));
    expect(article.title).toBe('Designation of the Kharsan Valley Front');
    expect(article.published).toBe('2026-02-10');
    const text = article.paragraphs.join('\n');
    expect(text).toContain('I hereby determine that the Kharsan Valley Front poses a significant risk');
    expect(text).toContain('The designation takes effect on publication.');
    expect(text).not.toMatch(/Federal Register \/ Vol|Page \d of 2|deter- mine|desig- nation/);
    expect(article.paragraphs).toContain('Designation of the Kharsan Valley Front as a Specially Designated Global Terrorist');
  });

  it('reads one column whose lines pdf.js splits at a change of font as one column', async () => {
    const { article } = await parsePdfArticle('pdf/order.pdf', bytes('pdf/one-column-mixed-runs.pdf'));
    expect(article.paragraphs).toEqual([
      'The Ministry of the Interior designated the Harbour Lions as a banned group on 3 March 2025, after a review that began in 2024 and found new evidence of armed activity. The group may appeal to the Supreme Court within a month.',
    ]);
  });

  it('reads a two-column gazette page a column at a time, dated by its masthead', async () => {
    const { article } = await parsePdfArticle('pdf/gazette.pdf', bytes('pdf/gazette-two-columns.pdf'));
    expect(article.published).toBe('2025-03-14');
    expect(article.paragraphs).toEqual([
      'OFFICIAL GAZETTE No. 42 of 14 March 2025',
      'ORDER No. 118 on the list of banned organisations',
      'The Ministry of the Interior adds the Harbour Lions to the list of banned organisations with effect from 14 March 2025.',
      'ORDER No. 119 on fishing quotas',
      'The quota for the northern bay is raised by a tenth for the season that begins on 1 April 2025, the Ministry of Fisheries said.',
    ]);
  });
});

describe('pages and PDFs in the knowledge folder', () => {
  async function withDocuments(): Promise<KnowledgeBase> {
    const dir = knowledgeFolder({ 'pages/broken.pdf': '%PDF-1.4 this is not a PDF', 'pages/empty.html': '<html><body><nav>Home</nav></body></html>' });
    folders.push(dir);
    cpSync(SEED_DIR, dir, { recursive: true });
    for (const file of Object.keys(PAGES)) cpSync(join(FIXTURES, 'pages', file), join(dir, 'pages', file));
    cpSync(join(FIXTURES, 'pdf', 'gazette-two-columns.pdf'), join(dir, 'pages', 'gazette.pdf'));
    cpSync(join(FIXTURES, 'pdf', 'scanned-no-text.pdf'), join(dir, 'pages', 'scanned.pdf'));
    return KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
  }

  it('answers from them, quoting their extracted text verbatim and citing the page', async () => {
    const kb = await withDocuments();
    const answer = answerQuery(kb, 'harbour lions');
    const quoted = answer.summary.map((s) => s.text);
    expect(quoted).toContain(PAGES['no-metadata.html'].paragraphs[0]);
    expect(quoted).toContain('The Ministry of the Interior adds the Harbour Lions to the list of banned organisations with effect from 14 March 2025.');
    const cited = answer.sources.map((s) => s.path);
    expect(cited).toEqual(expect.arrayContaining(['pages/no-metadata.html', 'pages/gazette.pdf']));
    // Every quoted sentence is in the text the file gave.
    for (const sentence of answer.summary) {
      const article = kb.article(answer.sources.find((s) => s.id === sentence.citations[0])!.path)!;
      expect(article.paragraphs.join(' ')).toContain(sentence.text);
    }
  });

  it('reports a file with no usable text by name and skips it', async () => {
    const kb = await withDocuments();
    const skipped = kb.problems.filter((p) => p.severity === 'skipped').map((p) => [p.path, p.message]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        ['pages/broken.pdf', expect.stringMatching(/^is not a PDF that can be read/)],
        ['pages/empty.html', expect.stringMatching(/holds no text that reads as an article/)],
        ['pages/scanned.pdf', expect.stringMatching(/holds no text \(a scanned PDF needs OCR first\)/)],
      ]),
    );
    expect(kb.article('pages/scanned.pdf')).toBeUndefined();
  });

  it('says that nothing matches a query no text is about, instead of quoting a sentence with a word like it', async () => {
    const kb = await withDocuments();
    const answer = answerQuery(kb, 'foo');
    expect(answer.summary).toEqual([]);
  });
});

describe('the extracted text, for a reader to check citations against', () => {
  it('is printed by `ask --text PATH`', async () => {
    const dir = knowledgeFolder({});
    folders.push(dir);
    mkdirSync(join(dir, 'notices'));
    cpSync(join(FIXTURES, 'pdf', 'federal-register-notice.pdf'), join(dir, 'notices', 'notice.pdf'));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--knowledge', dir, ...args], { encoding: 'utf8', cwd: ROOT });
    const shown = run('--text', 'notices/notice.pdf');
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/^Designation of the Kharsan Valley Front\n2026-02-10\n\n/);
    expect(shown.stdout).toContain('I hereby determine that the Kharsan Valley Front');
    const unknown = run('--text', 'notices/other.pdf');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no article "notices\/other\.pdf"/);
  });
});
