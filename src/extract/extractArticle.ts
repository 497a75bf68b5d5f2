import { authorityOf } from '../knowledge/authorities.js';
import { entityId } from '../knowledge/entities.js';
import type { PartialDate } from '../knowledge/partialDate.js';
import type { Article, Entity } from '../knowledge/types.js';
import { findClaims } from './claims/read.js';
import type { Rejection } from './claims/rule.js';
import { ALIAS_OPENER, COUNTRY_LIST, FOLLOW_ON, GOVERNMENT_OUTLET } from './cues.js';
import { findDates, type DateMention } from './dates.js';
import type { EntityMatcher, EntityMention } from './entityMatcher.js';
import { findFigures, type Figure } from './figures.js';
import { namesAlsoKnownAs, organisationLikeNames, type OrganisationLikeName } from './organisations.js';
import { isQuotable, splitSentences } from './sentences.js';
import { contentStems } from './tokens.js';
import type { Claim, ReferenceContext } from './types.js';

/** A sentence of an article with everything the answering core reads from it. */
export interface Sentence {
  article: Article;
  /** Order of the sentence in its article, from 0. */
  position: number;
  text: string;
  /** Whether it can be quoted alone in an answer (not a headline, caption or fragment). */
  quotable: boolean;
  /** The stems of its content words (worked out when first read). */
  readonly stems: Set<string>;
  entities: EntityMention[];
  dates: DateMention[];
  /**
   * When the event it reports happened: its own first date, or the date the next sentence
   * gives it ("... has removed the Taliban. The move, announced on Thursday, ...").
   */
  eventDate: PartialDate | null;
  claims: Claim[];
  figures: Figure[];
}

/**
 * A sentence as extraction and a snapshot make it. Its stems are worked out from its text when
 * first compared: most sentences never are, and a set of strings for each of hundreds of
 * thousands of sentences is a fifth of the memory a large knowledge base takes.
 */
export class ExtractedSentence implements Sentence {
  article: Article;
  position: number;
  text: string;
  quotable: boolean;
  entities: EntityMention[];
  dates: DateMention[];
  eventDate: PartialDate | null;
  claims: Claim[];
  figures: Figure[];
  private stemsRead: Set<string> | null = null;

  constructor(fields: Omit<Sentence, 'stems'>) {
    this.article = fields.article;
    this.position = fields.position;
    this.text = fields.text;
    this.quotable = fields.quotable;
    this.entities = fields.entities;
    this.dates = fields.dates;
    this.eventDate = fields.eventDate;
    this.claims = fields.claims;
    this.figures = fields.figures;
  }

  get stems(): Set<string> {
    return (this.stemsRead ??= contentStems(this.text));
  }
}

/** A paragraph-sized run of sentences: the unit the search index holds. */
export interface Passage {
  /** `path#n`, unique in the knowledge base. */
  id: string;
  article: Article;
  sentences: Sentence[];
  entityIds: string[];
}

export interface ExtractedArticle {
  passages: Passage[];
  /** Organisations the article designates, lists or removes that the matcher did not know (now added to it). */
  discovered: Entity[];
}

export interface ExtractOptions {
  /** Told of the steps each sentence names but makes no claim of, and the rule that stopped each (for `ask --explain`). */
  onRejected: ((sentence: string, rejected: Rejection[]) => void) | null;
}

const EXTRACT_DEFAULTS: ExtractOptions = { onRejected: null };

/** Passages grow by whole sentences up to about this many words; a longer paragraph is split. */
const PASSAGE_WORDS = 120;

/**
 * Reads one article into passages and annotated sentences. Depends only on the article and
 * the entities the matcher knows; an organisation the article designates that it does not know
 * is added to the matcher, so later articles and queries find it by name and alias.
 */
export function extractArticle(article: Article, matcher: EntityMatcher, options: Partial<ExtractOptions> = {}): ExtractedArticle {
  const { onRejected } = { ...EXTRACT_DEFAULTS, ...options };
  const entity = (id: string) => matcher.entity(id);
  const voice = publisherOf(article, matcher);
  const context: ReferenceContext = {
    organisations: [],
    authority: voice,
    steps: [],
    voice,
    candidates: new Map(),
    published: article.published,
    countryList: false,
  };
  const discovered: Entity[] = [];
  let position = 0;

  const paragraphs = article.paragraphs.map((paragraph) => {
    const sentences: Sentence[] = splitSentences(paragraph).map(({ text }) => {
      const entities = matcher.find(text);
      const dates = findDates(text, article.published);
      const names = organisationLikeNames(text);
      const found = findClaims(text, entities, dates, entity, context, names);
      if (onRejected && found.rejected.length > 0) onRejected(text, found.rejected);
      found.discovered.push(...aliasesGiven(text, entities, matcher, found.discovered, names));
      for (const organisation of found.discovered) {
        matcher.add(organisation);
        discovered.push(organisation);
      }
      const sentence = new ExtractedSentence({
        article,
        position: position++,
        text,
        quotable: isQuotable(text),
        entities: found.discovered.length > 0 ? matcher.find(text) : entities,
        dates,
        eventDate: dates[0]?.date ?? null,
        claims: found.claims,
        figures: findFigures(text),
      });
      remember(context, sentence, matcher, names);
      return sentence;
    });
    sentences.forEach((sentence, i) => {
      const next = sentences[i + 1];
      if (sentence.eventDate === null && next && FOLLOW_ON.test(next.text)) sentence.eventDate = next.eventDate;
    });
    return sentences;
  });
  // Sentences read before an organisation was found name it too.
  if (discovered.length > 0) for (const s of paragraphs.flat()) s.entities = matcher.find(s.text);

  const passages: Passage[] = [];
  for (const sentences of paragraphs) {
    for (const group of groupByLength(sentences)) {
      passages.push({
        id: `${article.path}#${passages.length}`,
        article,
        sentences: group,
        entityIds: passageEntityIds(group),
      });
    }
  }
  return { passages, discovered };
}

/**
 * The entities a passage is about: those its sentences name, and those their claims are
 * about, since a sentence that refers back to an entity ("the designation took effect") is
 * about it too.
 */
export function passageEntityIds(sentences: Sentence[]): string[] {
  return [...new Set(sentences.flatMap((s) => [...s.entities.map((m) => m.entityId), ...s.claims.flatMap((c) => [c.targetId, c.authorityId])]))];
}

/**
 * The authority that publishes an article, when its outlet is one: a body ("Public Safety Canada",
 * "U.S. Department of State"), an authority's own name ("Council of the European Union"), or a
 * government ("Australian Government, Department of Home Affairs"). A newspaper named after a place
 * ("The Washington Post", "The Times of India") speaks for nobody.
 */
function publisherOf(article: Article, matcher: EntityMatcher): string | null {
  const outlet = (article.outlet ?? '').replace(/^the\s+/i, '').trim();
  for (const mention of matcher.find(outlet)) {
    const entity = matcher.entity(mention.entityId);
    const id = authorityOf((key) => matcher.entity(key), mention.entityId);
    if (id === null || !entity) continue;
    const whole = mention.start === 0 && mention.end === outlet.length;
    if (whole || entity.partOf !== null || GOVERNMENT_OUTLET.test(outlet)) return id;
  }
  return null;
}

/**
 * Names an "also known as" list gives an organisation the sentence names ("the Velmora Relief
 * Foundation (VRF), also known as the Velmora Charitable Trust"), as more names for it.
 */
function aliasesGiven(text: string, mentions: EntityMention[], matcher: EntityMatcher, found: Entity[], names: OrganisationLikeName[]): Entity[] {
  if (text.search(ALIAS_OPENER) < 0) return [];
  const more: Entity[] = [];
  const named: { id: string; end: number; candidate?: { name: string; aliases: string[] } }[] = [
    ...mentions.filter((m) => m.kind === 'organisation').map((m) => ({ id: m.entityId, end: m.end })),
    ...names.map((c) => ({ id: entityId(c.name), end: c.start + text.slice(c.start).indexOf(c.name) + c.name.length, candidate: c })),
  ];
  for (const name of named) {
    const aliases = namesAlsoKnownAs(text, name.end);
    if (aliases.length === 0) continue;
    const known = matcher.entity(name.id) ?? found.find((e) => e.id === name.id);
    const fresh = aliases.filter((a) => !known || (a !== known.name && !known.aliases.includes(a)));
    if (fresh.length === 0) continue;
    if (known && known.kind !== 'organisation') continue;
    const candidate = name.candidate;
    more.push({
      id: name.id,
      name: known?.name ?? candidate?.name ?? name.id,
      kind: 'organisation',
      aliases: [...(candidate?.aliases ?? []), ...fresh],
      partOf: null,
    });
  }
  return more;
}

/** What a sentence leaves for the references of the next: its organisations, authority and claims. */
function remember(context: ReferenceContext, sentence: Sentence, matcher: EntityMatcher, names: OrganisationLikeName[]): void {
  const named = sentence.entities.filter((m) => m.kind === 'organisation').map((m) => ({ at: m.start, id: m.entityId }));
  for (const candidate of names) {
    const id = entityId(candidate.name);
    if (matcher.entity(id) && matcher.entity(id)!.kind !== 'organisation') continue;
    if (!matcher.entity(id)) context.candidates.set(id, { id, name: candidate.name, kind: 'organisation', aliases: candidate.aliases, partOf: null });
    if (!named.some((n) => n.id === id)) named.push({ at: candidate.start, id });
  }
  const organisations = named.sort((a, b) => a.at - b.at).map((n) => n.id);
  const claimed = sentence.claims.map((c) => c.targetId);
  if (organisations.length > 0 || claimed.length > 0) context.organisations = [...new Set([...organisations, ...claimed])];
  const authority = sentence.entities.find((m) => matcher.entity(m.entityId)?.kind === 'authority');
  if (authority) context.authority = authorityOf((id) => matcher.entity(id), authority.entityId) ?? context.authority;
  if (sentence.claims.length > 0) context.steps = sentence.claims;
  context.countryList ||= COUNTRY_LIST.test(sentence.text);
}

function groupByLength(sentences: Sentence[]): Sentence[][] {
  const groups: Sentence[][] = [];
  let current: Sentence[] = [];
  let words = 0;
  for (const sentence of sentences) {
    const length = sentence.text.split(/\s+/).length;
    if (current.length > 0 && words + length > PASSAGE_WORDS) {
      groups.push(current);
      current = [];
      words = 0;
    }
    current.push(sentence);
    words += length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
