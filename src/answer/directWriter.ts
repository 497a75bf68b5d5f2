import type { Sentence } from '../extract/extractArticle.js';
import { ORGANISATION_REFERENCES } from '../extract/cues.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import type { Entity } from '../knowledge/types.js';
import type { Pair } from './pairs.js';
import { periodWords, type Period } from './period.js';
import { PerVersion } from './perVersion.js';
import { citationMarkers, type SourceRegistry } from './sources.js';
import { kindOf, partiesNamed, type HistoryStep, type Kind, type Step } from './steps.js';
import type { DirectAnswer, DirectFact, DirectPart, QuestionForm, SourceId } from './types.js';

/** Steps of one pair that an answer states. */
export interface Stated {
  pair: Pair;
  steps: HistoryStep[];
}

/** What a question asked that no source reports, for the sentence that says so. */
export interface Unreported {
  /** The authorities asked about; none: any authority (any country, with `countriesOnly`). */
  authorities: string[];
  countriesOnly: boolean;
  /** The entities asked about; none: any organisation. */
  targets: string[];
  kind: Kind;
  /** Asked where things stand now ("still lists"). */
  now: boolean;
  period: Period | null;
}

/** The sentences a direct answer's facts rest on (which join the timeline), and the ones that tell its steps best alone (which lead the summary). */
export interface Written {
  direct: DirectAnswer;
  evidence: Sentence[];
  lead: Sentence[];
}

/** Names that read with "the" however the sources spell them (the United States, the European Union). */
const DEFINITE =
  /^(?:United|European|Democratic|Republic|Kingdom|Netherlands|Philippines|Gambia|Bahamas|Maldives|Comoros|Seychelles|Czech|Central African|Dominican|Marshall|Solomon)\b|\b(?:Council|Committee|Office|Department|Ministry|Court|Union|Nations|States|Islands|Emirates|Commission|Organi[sz]ation|League|Treaty)\b/;
/** How many sentences are read to see how sources write a name. */
const NAME_SAMPLE = 200;
/** Each entity's name as prose uses it, worked out once per version of the knowledge base. */
const proseNames = new PerVersion<string>();

/**
 * Writes a direct answer: its parts (each fact a step in fixed words, with its citations and the
 * sentence it rests on) and its text, which joins a pair's steps ("Russia listed the Taliban in
 * 2003 [1] and removed it on 2025-04-17 [2]") and several authorities' steps ("Russia removed
 * the Taliban on ..., Kazakhstan in 2023 [3] and ...").
 */
export class DirectWriter {
  private readonly parts: DirectPart[] = [];
  private readonly pieces: string[] = [];
  private readonly evidence: Sentence[] = [];
  private readonly lead: Sentence[] = [];

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly sources: SourceRegistry,
    /** Whether the other dates reports give a step are told too (the question asks when). */
    private readonly otherDates: boolean,
  ) {}

  /** Fixed words that state no fact: "Yes.", "The latest step reported:". */
  say(text: string): void {
    this.parts.push({ text, evidence: null, citations: [], fact: null });
    this.pieces.push(text);
  }

  /**
   * Steps in words. One step each reads as one sentence, clauses sharing what they have in common
   * with the one before ("Russia removed the Taliban on ..., Kazakhstan in 2023 [2]"; "Canada
   * listed the Iron Legion on ... and the Mireth People's Army on ..."); several steps of one
   * authority as a sentence of their own.
   */
  tell(items: Stated[]): void {
    if (items.length === 0) return;
    if (items.every((item) => item.steps.length === 1 && !this.datedOtherwise(item.steps[0]!))) {
      const clauses = items.map(({ pair, steps: [step] }, i) => {
        const previous = items[i - 1];
        const sameVerb = previous !== undefined && verbOf(kindOf(previous.steps[0]!)) === verbOf(kindOf(step!));
        const date = `${datePhrase(step!)} ${citationMarkers(this.fact(pair, step!))}`;
        if (sameVerb && previous.pair.targetId === pair.targetId) return `${this.name(pair.authorityId)} ${date}`;
        if (sameVerb && previous.pair.authorityId === pair.authorityId) return `${this.name(pair.targetId)} ${date}`;
        return `${this.name(pair.authorityId)} ${verbOf(kindOf(step!))} ${this.name(pair.targetId)} ${date}`;
      });
      this.pieces.push(`${this.opening(series(clauses))}.`);
      return;
    }
    for (const { pair, steps } of items) {
      const clauses = steps.map((step, i) => {
        const cites = citationMarkers(this.fact(pair, step));
        const object = i === 0 ? this.name(pair.targetId) : 'it';
        const others = this.datedOtherwise(step) ? step.otherDates.filter((o) => o.told.claim.date !== null) : [];
        const also = others.map((other) => `${other.told.claim.date} ${citationMarkers(this.fact(pair, other))}`);
        return `${verbOf(kindOf(step))} ${object} ${datePhrase(step)} ${cites}${also.length > 0 ? ` (also reported as ${series(also)})` : ''}`;
      });
      this.pieces.push(`${this.opening(this.name(pair.authorityId))} ${series(clauses)}.`);
    }
  }

  /** "(3 more authorities: see the status lines)". */
  more(count: number, what: 'authorities' | 'entities'): void {
    if (count <= 0) return;
    const noun = count === 1 ? (what === 'authorities' ? 'authority' : 'entity') : what;
    this.say(`(${count} more ${noun}: see the status lines)`);
  }

  /** "No source in the knowledge base says Russia removed the Taliban in 2020." */
  noSource(asked: Unreported): void {
    const anyone = asked.countriesOnly ? 'any country' : 'any authority';
    const who =
      asked.authorities.length === 0
        ? anyone
        : series(
            asked.authorities.map((id) => this.name(id)),
            'or',
          );
    const what =
      asked.targets.length === 0
        ? 'any organisation'
        : series(
            asked.targets.map((id) => this.name(id)),
            'or',
          );
    const verb = asked.now && asked.kind.state === 'listed' ? 'still lists' : verbOf(asked.kind);
    this.say(`No source in the knowledge base says ${who} ${verb} ${what}${asked.period ? ` ${periodWords(asked.period)}` : ''}.`);
  }

  /** "No source in the knowledge base reports a designation step on the Taliban since 2026-11-25." */
  noStep(targets: string[], period: Period | null): void {
    this.say(
      `No source in the knowledge base reports a designation step on ${series(targets.map((id) => this.name(id)))}${period ? ` ${periodWords(period)}` : ''}.`,
    );
  }

  /** The nearest step to what was asked, as a sentence after a colon: of the pairs asked about, or of the entity with any authority. */
  nearest(stated: Stated, ofAnyAuthority: string[] | null): void {
    this.say(ofAnyAuthority ? `The latest step any source reports on ${series(ofAnyAuthority.map((id) => this.name(id)))}:` : 'The latest step reported:');
    this.tell([stated]);
  }

  /** "Since 2024:", "In 2024:", "From 2023 to 2024:", "Up to 2023:". */
  period(period: Period): void {
    this.say(`${capital(periodWords(period))}:`);
  }

  finish(form: QuestionForm, found: boolean): Written {
    return { direct: { form, found, text: this.pieces.join(' '), parts: this.parts }, evidence: this.evidence, lead: this.lead };
  }

  private datedOtherwise(step: HistoryStep): boolean {
    return this.otherDates && step.otherDates.some((o) => o.told.claim.date !== null);
  }

  /** The first words of a sentence: capitalised, unless they follow a colon ("The latest step reported: the ..."). */
  private opening(text: string): string {
    return this.pieces[this.pieces.length - 1]?.endsWith(':') ? text : capital(text);
  }

  /** Records a step as a fact part, and returns its citations. */
  private fact(pair: Pair, step: Step): SourceId[] {
    const { claim, sentence } = step.told;
    const citations = this.sources.cite([sentence.article, ...step.agreeing]);
    const fact: DirectFact = {
      authority: this.kb.entity(pair.authorityId)!.name,
      entity: this.kb.entity(pair.targetId)!.name,
      state: claim.state,
      ...(claim.toward ? { toward: claim.toward } : {}),
      date: claim.date,
    };
    const text = `${capital(this.name(pair.authorityId))} ${verbOf(kindOf(step))} ${this.name(pair.targetId)} ${datePhrase(step)}`;
    this.parts.push({ text, evidence: sentence.text, citations, fact });
    if (!this.evidence.includes(sentence)) this.evidence.push(sentence);
    const alone = tellsAlone(step);
    if (alone && !this.lead.includes(alone)) this.lead.push(alone);
    return citations;
  }

  /**
   * An entity's name as prose uses it: "the Taliban" where the sources write "the Taliban",
   * "Hamas" where they write "Hamas"; a country's or a body's as its name takes it (the United
   * States, the European Union).
   */
  private name(id: string): string {
    return proseNames.get(this.kb, id, () => {
      const entity = this.kb.entity(id)!;
      return definite(entity, this.sentencesNaming(id)) ? `the ${entity.name}` : entity.name;
    });
  }

  private sentencesNaming(id: string): Sentence[] {
    const sentences: Sentence[] = [];
    for (const key of this.kb.claimPairs(id)) {
      for (const { sentence } of this.kb.claimsOfPair(key)) {
        sentences.push(sentence);
        if (sentences.length >= NAME_SAMPLE) return sentences;
      }
    }
    return sentences;
  }
}

/** The words of each kind of step, as a step ("removed") and as a move toward one ("moved to remove"). */
function verbOf(kind: Kind): string {
  if (kind.state !== 'pending') return kind.state;
  return kind.toward === 'listed' ? 'moved to list' : 'moved to remove';
}

/** When a step happened, in words; a move no source dates is placed by the day it was reported. */
function datePhrase(step: Step): string {
  const { date, state } = step.told.claim;
  const reported = step.told.sentence.article.published;
  if (date === null) return state === 'pending' && reported !== null ? `(reported ${reported}; no source gives the date)` : '(no source gives the date)';
  return date.length === 10 ? `on ${date}` : `in ${date}`;
}

/** Whether sources write "the" before an organisation's name; a country's or a body's article belongs to its name. */
function definite(entity: Entity, sentences: Sentence[]): boolean {
  // Sources drop a country's article where its name is an adjective ("European Union governments").
  if (entity.kind === 'authority') return DEFINITE.test(entity.name);
  let uses = 0;
  let withThe = 0;
  for (const { text } of sentences) {
    for (let at = text.indexOf(entity.name); at >= 0; at = text.indexOf(entity.name, at + entity.name.length)) {
      uses++;
      if (/\bthe\s$/i.test(text.slice(Math.max(0, at - 4), at))) withThe++;
    }
  }
  if (uses > 0) return withThe * 2 >= uses;
  const last = entity.name.split(/\s+/).pop()!.toLowerCase();
  return entity.name.includes(' ') && ORGANISATION_REFERENCES.has(last);
}

/**
 * The report of a step that reads best on its own: quotable, naming the entity and an authority
 * ("Russia's Supreme Court has removed the Taliban ..." rather than "The move, announced on
 * Thursday, ..."), the report that dates it best where it does.
 */
function tellsAlone(step: Step): Sentence | null {
  let best: { sentence: Sentence; score: number } | null = null;
  for (const report of [step.told, ...step.reports]) {
    // The most a report can score: nothing after it is better.
    if (best !== null && best.score >= 3.5) break;
    if (!report.sentence.quotable) continue;
    const { entity, authority } = partiesNamed(report);
    const score = (entity ? 2 : 0) + (authority ? 1 : 0) + (report.sentence === step.told.sentence ? 0.5 : 0);
    if (best === null || score > best.score) best = { sentence: report.sentence, score };
  }
  return best?.sentence ?? null;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c" (or "a or b"). */
function series(items: string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
