/** Saved web pages and PDFs: articles whose text is extracted from the file. */
const DOCUMENT = /\.(html?|pdf)$/i;

/** Whether a path names a web page or a PDF, read as an article. */
export const isDocumentPath = (path: string) => DOCUMENT.test(path);

/**
 * A document's file may be this many times larger than an article's text limit: a page's markup
 * or a PDF's fonts and images are most of its bytes.
 */
export const DOCUMENT_BYTES_FACTOR = 32;
