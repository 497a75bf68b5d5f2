/** A run of text on a PDF page, where pdf.js puts it (points from the bottom left). */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PlacedText[];
}

interface Line {
  text: string;
  x: number;
  y: number;
  width: number;
  column: number;
}

/** Lines within this many points of each other's baseline are one line. */
const SAME_LINE = 2;
/** The top and bottom share of a page where running headers and footers are looked for. */
const MARGIN_SHARE = 0.12;
/** A gap between lines this many times the usual one starts a paragraph. */
const PARAGRAPH_GAP = 1.5;

/**
 * The text of a PDF's pages as lines in reading order: each page's columns one after the other
 * (a gazette's two columns), without the running headers and footers that repeat on every page
 * ("Federal Register / Vol. 91, No. 29", "Page 1 of 2"). The first line left is the document's
 * masthead or title.
 */
export function pdfLines(pages: PdfPage[]): Line[][] {
  const lines = pages.map(linesOf);
  const running = runningLines(pages, lines);
  return lines.map((page, p) => page.filter((line) => !running.has(key(line.text)) || !inMargin(line, pages[p]!)));
}

/**
 * Lines joined into paragraphs: a paragraph ends at a wider gap, at a change of column or page
 * after a finished sentence, after a heading (a line in capitals or title case that ends no
 * sentence) or a short last line; a word hyphenated at a line's end is joined again.
 */
export function pdfParagraphs(pages: Line[][]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let previous: Line | null = null;
  for (const page of pages) {
    const gap = usualGap(page);
    const widest = new Map<number, number>();
    for (const line of page) widest.set(line.column, Math.max(widest.get(line.column) ?? 0, line.width));
    for (const line of page) {
      const breaks =
        previous === null ||
        (previous.column === line.column && previous.y - line.y > gap * PARAGRAPH_GAP) ||
        (previous.column !== line.column && /[.!?:]$/.test(previous.text)) ||
        (/^[\p{Lu}[(“"]/u.test(line.text) &&
          (heading(previous.text) || (previous.width < 0.7 * (widest.get(previous.column) ?? 0) && !/[,;-]$/.test(previous.text))));
      if (breaks && current !== '') {
        paragraphs.push(current);
        current = '';
      }
      current = join(current, line.text);
      previous = line;
    }
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}

/** Two lines of one paragraph: a word split by a hyphen at the line's end ("deter-" "mine") is one word again. */
function join(text: string, line: string): string {
  if (text === '') return line;
  if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line)) return text.slice(0, -1) + line;
  return `${text} ${line}`;
}

/** A line that heads what follows: it ends no sentence, and opens with a word in capitals or is in title case. */
function heading(text: string): boolean {
  if (/[.!?,;:-]$/.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  if (/^\p{Lu}{4,}\b/u.test(text)) return true;
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.7 * words.length;
}

/** A page's runs as lines: grouped by column and baseline, in reading order. */
function linesOf(page: PdfPage): Line[] {
  const items = page.items.filter((item) => item.text.trim() !== '');
  const middle = page.width / 2;
  // Two columns where several runs start past the middle beside runs that start before it, and no
  // run below the masthead crosses the gutter between them (pdf.js splits a line of one column at
  // every change of font).
  const right = items.filter((item) => item.x >= middle - 10);
  const body = (item: PlacedText) => item.y < page.height * (1 - MARGIN_SHARE) && item.y > page.height * MARGIN_SHARE;
  const crossing = items.some((item) => body(item) && item.x < middle - 10 && item.x + item.width > middle + 10);
  const twoColumns = right.length >= 3 && items.length - right.length >= 3 && !crossing;
  const columnOf = (item: PlacedText) => (twoColumns && item.x >= middle - 10 ? 1 : 0);
  const sorted = [...items].sort((a, b) => columnOf(a) - columnOf(b) || b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const last = lines.at(-1);
    const column = columnOf(item);
    if (last && last.column === column && Math.abs(last.y - item.y) <= SAME_LINE) {
      const space = item.x > last.x + last.width + 0.5 && !/\s$/.test(last.text) ? ' ' : '';
      last.text = (last.text + space + item.text).replace(/\s+/g, ' ');
      last.width = item.x + item.width - last.x;
    } else lines.push({ text: item.text.replace(/\s+/g, ' ').trim(), x: item.x, y: item.y, width: item.width, column });
  }
  for (const line of lines) line.text = line.text.trim();
  return lines;
}

/** Lines, digits aside, that stand in a page's top or bottom margin on more than one page; page numbers on any. */
function runningLines(pages: PdfPage[], lines: Line[][]): Set<string> {
  const seen = new Map<string, number>();
  lines.forEach((page, p) => {
    for (const line of page) if (inMargin(line, pages[p]!)) seen.set(key(line.text), (seen.get(key(line.text)) ?? 0) + 1);
  });
  const running = new Set([...seen].filter(([, count]) => count > 1).map(([text]) => text));
  for (const text of seen.keys()) if (/^(page )?# ?(of #)?$/.test(text)) running.add(text);
  return running;
}

const key = (text: string) => text.toLowerCase().replace(/\d+/g, '#');

function inMargin(line: Line, page: PdfPage): boolean {
  return line.y > page.height * (1 - MARGIN_SHARE) || line.y < page.height * MARGIN_SHARE;
}

/** The usual gap between a column's consecutive lines: the median. */
function usualGap(lines: Line[]): number {
  const gaps = lines
    .slice(1)
    .map((line, i) => (line.column === lines[i]!.column ? lines[i]!.y - line.y : 0))
    .filter((gap) => gap > 0)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? Number.POSITIVE_INFINITY;
}
