import { getDocumentProxy, getMeta } from 'unpdf';
import { contentHash, type ParsedArticle, UnusableFileError } from '../parseArticle.js';
import { leadingDate, type PartialDate } from '../partialDate.js';
import { datelineDate, mastheadDate } from './dateLine.js';
import { type PdfPage, pdfLines, pdfParagraphs } from './pdfLayout.js';

/** A PDF longer than this is no article (a gazette volume, a report): reading it would hold up everything else. */
const MAX_PAGES = 200;

/**
 * An official PDF (a notice, a gazette page) as an article: its pages' text by pdf.js (through
 * unpdf), in reading order, without running headers and footers, paragraphs joined again and words
 * hyphenated at line ends repaired. The title is the document's own, else its first line; the date
 * is its masthead's or dateline's, else the document's creation date. A PDF with no text (a scan)
 * is refused.
 */
export async function parsePdfArticle(path: string, bytes: Buffer): Promise<ParsedArticle> {
  let pages: PdfPage[];
  let info: Record<string, unknown>;
  let document: Awaited<ReturnType<typeof getDocumentProxy>> | null = null;
  try {
    document = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: true, verbosity: 0 });
    if (document.numPages > MAX_PAGES) throw new Error(`it has ${document.numPages} pages, more than the ${MAX_PAGES} an article may have`);
    info = ((await getMeta(document)).info ?? {}) as Record<string, unknown>;
    pages = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      pages.push({
        width,
        height,
        items: content.items.flatMap((item) =>
          'str' in item ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }] : [],
        ),
      });
    }
  } catch (error) {
    throw new UnusableFileError(`is not a PDF that can be read: ${(error as Error).message}`);
  } finally {
    await document?.destroy();
  }
  const lines = pdfLines(pages);
  const paragraphs = pdfParagraphs(lines);
  if (paragraphs.join('').length < 20) throw new UnusableFileError('holds no text (a scanned PDF needs OCR first)');
  const first = lines.flat()[0]?.text ?? '';
  const title = typeof info.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : paragraphs[0]!;
  return {
    article: { path, title, outlet: null, url: null, published: dateOf(first, lines, info), paragraphs, hash: contentHash(bytes) },
    warnings: [],
  };
}

/** The date of the masthead (the first line), else of a dateline, else the PDF's creation date (`D:20260211...`). */
function dateOf(first: string, lines: { text: string }[][], info: Record<string, unknown>): PartialDate | null {
  const written =
    mastheadDate(first) ??
    lines
      .flat()
      .map((l) => datelineDate(l.text))
      .find((d) => d !== null) ??
    null;
  if (written !== null) return written;
  const created = typeof info.CreationDate === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(info.CreationDate) : null;
  return created ? leadingDate(`${created[1]}-${created[2]}-${created[3]}`) : null;
}
