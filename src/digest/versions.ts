import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import type { Article } from '../knowledge/types.js';
import type { ArticleVersion } from '../store/articleLedger.js';

/**
 * A short fingerprint of a sentence, the same wherever whitespace differs: what lets a digest
 * tell the sentences an edit added from those the earlier version already had.
 *
 * @example
 * sentenceKey('The  Taliban were\nlisted.') === sentenceKey('The Taliban were listed.') // true
 */
export function sentenceKey(text: string): string {
  return createHash('sha1').update(text.replace(/\s+/g, ' ').trim()).digest('base64url').slice(0, 12);
}

/** The ledger entries of articles as the knowledge base read them. */
export function articleVersions(kb: KnowledgeBase, articles: Article[]): ArticleVersion[] {
  return articles.map((a) => ({ path: a.path, hash: a.hash, sentences: kb.sentencesOf(a.path).map((s) => sentenceKey(s.text)) }));
}
