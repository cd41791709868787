/**
 * Checks and normalises untrusted input (from the API, seed files or imports) into clean records.
 * Each check names the offending field; nothing here touches a store.
 */
import { createHash } from 'node:crypto';
import {
  APPRAISING_LEVELS,
  CERTAINTIES,
  EVIDENCE_CONCERNS,
  isCertainty,
  isEvidenceConcern,
  isRatingUpFactor,
  POOLED_DESIGNS,
  RATING_UP_FACTORS,
  RECOMMENDATION_BASES,
  RECOMMENDATION_DIRECTIONS,
  RECOMMENDATION_STRENGTHS,
  type Certainty,
  type PooledDesign,
  type Recommendation,
} from './certainty.ts';
import { ValidationError } from './errors.ts';
import { isEvidenceLevel, isStance } from './evidence-levels.ts';
import { assertNodeId, claimIdFor, isClaimId, isEvidenceId, nodeIdFor } from './ids.ts';
import type {
  ClaimInput,
  ClaimPatch,
  EvidenceInput,
  NodeInput,
  NodePatch,
  SourceInput,
  SourcePatch,
} from './inputs.ts';
import {
  isConceptKind,
  isQuestionStatus,
  isSourceKind,
  QUESTION_STATUSES,
  type ConceptKind,
} from './kinds.ts';
import type { Evidence, EvidenceAppraisal, QuestionFields, SourceFields } from './model.ts';
import { isRelation, type Relation } from './relations.ts';

/** Length limits, generous for real content and small enough to keep hostile input cheap. */
export const LIMITS = {
  name: 200,
  summary: 4000,
  alias: 200,
  aliases: 50,
  xrefs: 50,
  quote: 5000,
  note: 5000,
  locator: 200,
  title: 500,
  decisiveObservation: 2000,
  authors: 100,
  evidencePerClaim: 200,
  actor: 100,
} as const;

// Control characters other than tab and newline never belong in graph text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const CURIE = /^[A-Za-z][A-Za-z0-9._-]*:\S+$/;
const DOI = /^10\.\d{4,9}\/\S+$/;
const PMID = /^\d{1,9}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A concept node's editable content after normalisation; the question fields only for questions. */
export interface NodeContent extends Partial<QuestionFields> {
  readonly name: string;
  readonly summary: string;
  readonly aliases: readonly string[];
  readonly xrefs: readonly string[];
}

const NODE_FIELDS = ['name', 'summary', 'aliases', 'xrefs', 'status', 'decisiveObservation'];

/** Validates a new concept node; returns its id, kind and clean content. */
export function checkNodeInput(input: NodeInput): { id: string; kind: NodeInput['kind'] } & NodeContent {
  assertKnownFields('node', input, ['id', 'kind', ...NODE_FIELDS]);
  if (!isConceptKind(input.kind)) {
    throw new ValidationError('kind', `unknown node kind ${JSON.stringify(input.kind)}`);
  }
  const name = checkLine('name', input.name, LIMITS.name);
  const id = input.id ?? nodeIdFor(input.kind, name);
  assertNodeId('id', id, input.kind);
  return { id, kind: input.kind, ...checkNodeContent(input.kind, name, input) };
}

/** Applies a patch to a concept node's content and validates the result. */
export function applyNodePatch(kind: ConceptKind, current: NodeContent, patch: NodePatch): NodeContent {
  assertKnownFields('patch', patch, NODE_FIELDS);
  const name = patch.name === undefined ? current.name : checkLine('name', patch.name, LIMITS.name);
  return checkNodeContent(kind, name, { ...current, ...stripUndefined(patch) });
}

/** A source's editable content after normalisation. */
export type SourceContent = NodeContent & SourceFields;

/** Validates a new source; returns its id and clean content. */
export function checkSourceInput(input: SourceInput): { id: string } & SourceContent {
  assertKnownFields('source', input, SOURCE_FIELDS);
  const content = checkSourceContent(input);
  const id = input.id ?? nodeIdFor('source', content.name);
  assertNodeId('id', id, 'source');
  return { id, ...content };
}

/** Applies a patch to a source and validates the result. */
export function applySourcePatch(current: SourceContent, patch: SourcePatch): SourceContent {
  assertKnownFields(
    'patch',
    patch,
    SOURCE_FIELDS.filter((field) => field !== 'id'),
  );
  return checkSourceContent({ ...current, ...stripUndefined(patch) });
}

/**
 * How strictly evidence is checked. New evidence must give the reason for every rating
 * (`ratingNote`); evidence already in a graph (an export being imported, a release being read, a
 * revert restoring a past version) keeps the notes it was written with, since older versions did
 * not ask for one.
 */
export interface EvidenceChecks {
  readonly requireRatingReasons: boolean;
}

/** The checks for new evidence. */
export const NEW_EVIDENCE: EvidenceChecks = { requireRatingReasons: true };

/** The checks for evidence a graph already held. */
export const EXISTING_EVIDENCE: EvidenceChecks = { requireRatingReasons: false };

/** Validates a new evidence item for `claimId`; fills in a content-derived id when none is given. */
export function checkEvidenceInput(
  field: string,
  input: EvidenceInput,
  claimId: string,
  checks: EvidenceChecks = NEW_EVIDENCE,
): Evidence {
  assertKnownFields(field, input, [
    'id',
    'sourceId',
    'quote',
    'note',
    'locator',
    'stance',
    'level',
    'unverified',
    ...APPRAISAL_FIELDS,
  ]);
  assertNodeId(`${field}.sourceId`, input.sourceId, 'source');
  if (!isStance(input.stance)) {
    throw new ValidationError(
      `${field}.stance`,
      `must be "supports" or "disputes", not ${JSON.stringify(input.stance)}`,
    );
  }
  if (!isEvidenceLevel(input.level)) {
    throw new ValidationError(`${field}.level`, `unknown evidence level ${JSON.stringify(input.level)}`);
  }
  const quote = checkOptionalText(`${field}.quote`, input.quote, LIMITS.quote);
  const note = checkOptionalText(`${field}.note`, input.note, LIMITS.note);
  if (quote === null && note === null) {
    throw new ValidationError(field, "needs a verbatim quote, a curator's note, or both");
  }
  const locator = checkOptionalLine(`${field}.locator`, input.locator, LIMITS.locator);
  if (input.unverified !== undefined && typeof input.unverified !== 'boolean') {
    throw new ValidationError(`${field}.unverified`, 'must be true or false');
  }
  const content = {
    sourceId: input.sourceId,
    quote,
    note,
    locator,
    stance: input.stance,
    level: input.level,
  };
  const id = input.id ?? evidenceIdFor(claimId, content);
  if (!isEvidenceId(id))
    throw new ValidationError(`${field}.id`, `${JSON.stringify(id)} is not an evidence id (evidence:slug)`);
  return { id, ...content, unverified: input.unverified ?? false, ...checkAppraisal(field, input, checks) };
}

const APPRAISAL_FIELDS = [
  'design',
  'participants',
  'population',
  'funding',
  'concerns',
  'ratingUp',
  'ratingNote',
  'studyId',
  'pooledDesign',
  'recommendation',
  'reportedCertainty',
  'domainsAssessed',
];

/** Validates the optional study context and rating of an evidence item whose stance and level are valid. */
function checkAppraisal(field: string, input: EvidenceInput, checks: EvidenceChecks): EvidenceAppraisal {
  const participants = input.participants ?? null;
  if (participants !== null && (!Number.isSafeInteger(participants) || participants < 1)) {
    throw new ValidationError(`${field}.participants`, 'must be a whole number of people, at least 1');
  }
  const concerns = checkChoices(`${field}.concerns`, input.concerns, EVIDENCE_CONCERNS, isEvidenceConcern);
  const ratingUp = checkChoices(`${field}.ratingUp`, input.ratingUp, RATING_UP_FACTORS, isRatingUpFactor);
  const ratingNote = checkOptionalText(`${field}.ratingNote`, input.ratingNote, LIMITS.note);
  // GRADE asks for the reason behind every rating down or up; certainty.ts trusts the flags.
  if (checks.requireRatingReasons && (concerns.length > 0 || ratingUp.length > 0) && ratingNote === null) {
    throw new ValidationError(
      `${field}.ratingNote`,
      'is required when concerns or ratingUp are given: say why, quoting or pointing to the source',
    );
  }
  const reportedCertainty = checkReportedCertainty(`${field}.reportedCertainty`, input);
  const domainsAssessed = input.domainsAssessed ?? false;
  if (typeof domainsAssessed !== 'boolean') {
    throw new ValidationError(`${field}.domainsAssessed`, 'must be true or false');
  }
  if (domainsAssessed && reportedCertainty !== null) {
    throw new ValidationError(
      `${field}.domainsAssessed`,
      "is the curator's own appraisal; an item with the source's reportedCertainty is appraised already",
    );
  }
  if (domainsAssessed && ratingNote === null) {
    throw new ValidationError(
      `${field}.ratingNote`,
      'is required with domainsAssessed: say how the domains were judged',
    );
  }
  if (reportedCertainty !== null) {
    // The source's rating weighs GRADE's domains for its own question; only how far that question is
    // from this claim (indirectness) is the curator's to add.
    if (concerns.some((concern) => concern !== 'indirect') || ratingUp.length > 0) {
      throw new ValidationError(
        `${field}.reportedCertainty`,
        "already weighs GRADE's domains: beside the source's own rating only the concern indirect may be given",
      );
    }
    if (ratingNote === null) {
      throw new ValidationError(
        `${field}.ratingNote`,
        "is required with reportedCertainty: quote the source's rating",
      );
    }
  }
  return {
    design: checkOptionalLine(`${field}.design`, input.design, LIMITS.locator),
    participants,
    population: checkOptionalLine(`${field}.population`, input.population, LIMITS.title),
    funding: checkOptionalLine(`${field}.funding`, input.funding, LIMITS.title),
    concerns,
    ratingUp,
    ratingNote,
    studyId: checkOptionalLine(`${field}.studyId`, input.studyId, LIMITS.locator),
    pooledDesign: checkPooledDesign(`${field}.pooledDesign`, input),
    recommendation: checkRecommendation(`${field}.recommendation`, input),
    reportedCertainty,
    domainsAssessed,
  };
}

/** Only a review or guideline rates a body of evidence itself. */
function checkReportedCertainty(field: string, input: EvidenceInput): Certainty | null {
  const value = input.reportedCertainty ?? null;
  if (value === null) return null;
  if (!APPRAISING_LEVELS.includes(input.level)) {
    throw new ValidationError(
      field,
      `belongs only to ${APPRAISING_LEVELS.join(' or ')} evidence, not ${input.level}`,
    );
  }
  if (!isCertainty(value)) {
    throw new ValidationError(
      field,
      `must be one of ${CERTAINTIES.join(', ')}, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** A list of values from a fixed vocabulary, each once, stored in the vocabulary's order. */
function checkChoices<T extends string>(
  field: string,
  value: unknown,
  vocabulary: readonly T[],
  isChoice: (value: unknown) => value is T,
): T[] {
  const chosen = checkList(field, value, vocabulary.length, (at, item) => {
    if (!isChoice(item)) {
      throw new ValidationError(at, `must be one of ${vocabulary.join(', ')}, not ${JSON.stringify(item)}`);
    }
    return item;
  });
  if (new Set(chosen).size !== chosen.length) throw new ValidationError(field, 'lists a value twice');
  // Stored in a fixed order, so the same choices always compare equal.
  return vocabulary.filter((choice) => chosen.includes(choice));
}

/** Only a systematic review pools studies; its grade starts at their design. */
function checkPooledDesign(field: string, input: EvidenceInput): PooledDesign | null {
  const value = input.pooledDesign ?? null;
  if (value === null) return null;
  if (input.level !== 'systematic-review') {
    throw new ValidationError(field, `belongs only to systematic-review evidence, not ${input.level}`);
  }
  if (!(POOLED_DESIGNS as readonly unknown[]).includes(value)) {
    throw new ValidationError(
      field,
      `must be one of ${POOLED_DESIGNS.join(', ')}, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Only a guideline recommends; a recommendation against a therapy disputes the claim that it helps. */
function checkRecommendation(field: string, input: EvidenceInput): Recommendation | null {
  const value: unknown = input.recommendation ?? null;
  if (value === null) return null;
  if (input.level !== 'guideline') {
    throw new ValidationError(field, `belongs only to guideline evidence, not ${input.level}`);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(field, 'must be an object with strength, direction and evidenceBasis');
  }
  assertKnownFields(field, value, ['strength', 'direction', 'evidenceBasis']);
  const { strength, direction, evidenceBasis } = value as Record<string, unknown>;
  const choose = <T extends string>(name: string, got: unknown, vocabulary: readonly T[]): T => {
    if (!(vocabulary as readonly unknown[]).includes(got)) {
      throw new ValidationError(
        `${field}.${name}`,
        `must be one of ${vocabulary.join(', ')}, not ${JSON.stringify(got)}`,
      );
    }
    return got as T;
  };
  const recommendation: Recommendation = {
    // Null: the guideline rated no strength (an overarching principle, or a guideline before GRADE).
    strength:
      strength === null || strength === undefined
        ? null
        : choose('strength', strength, RECOMMENDATION_STRENGTHS),
    direction: choose('direction', direction, RECOMMENDATION_DIRECTIONS),
    evidenceBasis: choose('evidenceBasis', evidenceBasis, RECOMMENDATION_BASES),
  };
  const expected = recommendation.direction === 'for' ? 'supports' : 'disputes';
  if (input.stance !== expected) {
    throw new ValidationError(
      `${field}.direction`,
      `a recommendation ${recommendation.direction} the therapy must have stance "${expected}", not "${input.stance}"`,
    );
  }
  return recommendation;
}

/** Validates a new claim (not the existence of its ends, which only a store can check). */
export function checkClaimInput(
  input: ClaimInput,
  checks: EvidenceChecks = NEW_EVIDENCE,
): {
  id: string;
  relation: Relation;
  from: string;
  to: string;
  summary: string | null;
  evidence: Evidence[];
} {
  assertKnownFields('claim', input, ['id', 'relation', 'from', 'to', 'summary', 'evidence']);
  const relation = checkRelation(input.relation);
  assertNodeId('from', input.from);
  assertNodeId('to', input.to);
  if (input.from === input.to) throw new ValidationError('to', 'a claim cannot connect a node to itself');
  const id = input.id ?? claimIdFor(input.from, relation, input.to);
  if (!isClaimId(id)) throw new ValidationError('id', `${JSON.stringify(id)} is not a claim id (claim:slug)`);
  if (!Array.isArray(input.evidence) || input.evidence.length === 0) {
    throw new ValidationError('evidence', 'a claim needs at least one evidence item');
  }
  if (input.evidence.length > LIMITS.evidencePerClaim) {
    throw new ValidationError('evidence', `at most ${LIMITS.evidencePerClaim} evidence items per claim`);
  }
  const evidence = (input.evidence as readonly EvidenceInput[]).map((item, index) =>
    checkEvidenceInput(`evidence[${index}]`, item, id, checks),
  );
  assertUniqueEvidenceIds(evidence);
  const summary = checkOptionalText('summary', input.summary, LIMITS.summary);
  return { id, relation, from: input.from, to: input.to, summary, evidence };
}

/** Validates a claim patch. */
export function checkClaimPatch(patch: ClaimPatch): ClaimPatch {
  assertKnownFields('patch', patch, ['relation', 'summary']);
  return {
    ...(patch.relation === undefined ? {} : { relation: checkRelation(patch.relation) }),
    ...(patch.summary === undefined
      ? {}
      : { summary: checkOptionalText('summary', patch.summary, LIMITS.summary) }),
  };
}

/** Validates an expectedVersion argument. */
export function checkExpectedVersion(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ValidationError('expectedVersion', 'must be a positive integer (the version you last read)');
  }
  return value;
}

/** Validates the actor recorded in history. */
export function checkActor(actor: unknown): string {
  return checkLine('actor', actor, LIMITS.actor);
}

/** Throws when two evidence items of one claim share an id. */
export function assertUniqueEvidenceIds(evidence: readonly Evidence[]): void {
  const seen = new Set<string>();
  for (const item of evidence) {
    if (seen.has(item.id)) {
      throw new ValidationError(
        'evidence',
        `duplicate evidence item "${item.id}" (same source, text, stance and level)`,
      );
    }
    seen.add(item.id);
  }
}

const SOURCE_FIELDS = [
  'id',
  'sourceKind',
  'title',
  'name',
  'summary',
  'aliases',
  'xrefs',
  'authors',
  'year',
  'venue',
  'url',
  'doi',
  'pmid',
  'published',
];

function checkNodeContent(
  kind: ConceptKind | 'source',
  name: string,
  input: {
    summary?: unknown;
    aliases?: unknown;
    xrefs?: unknown;
    status?: unknown;
    decisiveObservation?: unknown;
  },
): NodeContent {
  const summary = checkOptionalText('summary', input.summary, LIMITS.summary) ?? '';
  const aliases = checkList('aliases', input.aliases, LIMITS.aliases, (field, value) =>
    checkLine(field, value, LIMITS.alias),
  ).filter((alias) => alias.toLowerCase() !== name.toLowerCase());
  const xrefs = checkList('xrefs', input.xrefs, LIMITS.xrefs, checkCurie);
  const content = { name, summary, aliases: dedupe(aliases), xrefs: dedupe(xrefs) };
  return kind === 'question'
    ? { ...content, ...checkQuestionFields(input) }
    : refuseQuestionFields(kind, input, content);
}

/** A question's status (default open) and its decisive observation, which it cannot do without. */
function checkQuestionFields(input: { status?: unknown; decisiveObservation?: unknown }): QuestionFields {
  const status = input.status ?? 'open';
  if (!isQuestionStatus(status)) {
    throw new ValidationError(
      'status',
      `must be one of ${QUESTION_STATUSES.join(', ')}, not ${JSON.stringify(status)}`,
    );
  }
  const decisiveObservation = checkOptionalText(
    'decisiveObservation',
    input.decisiveObservation,
    LIMITS.decisiveObservation,
  );
  if (decisiveObservation === null) {
    throw new ValidationError(
      'decisiveObservation',
      'a question needs the observation that would settle it (what to measure, and what each answer would mean)',
    );
  }
  return { status, decisiveObservation };
}

function refuseQuestionFields(
  kind: ConceptKind | 'source',
  input: { status?: unknown; decisiveObservation?: unknown },
  content: NodeContent,
): NodeContent {
  for (const field of ['status', 'decisiveObservation'] as const) {
    if (input[field] !== undefined && input[field] !== null) {
      throw new ValidationError(field, `only a question has a ${field}; this node is a ${kind}`);
    }
  }
  return content;
}

function checkSourceContent(input: SourcePatch): SourceContent {
  if (!isSourceKind(input.sourceKind)) {
    throw new ValidationError('sourceKind', `unknown source kind ${JSON.stringify(input.sourceKind)}`);
  }
  const title = checkLine('title', input.title, LIMITS.title);
  const authors = checkList('authors', input.authors, LIMITS.authors, (field, value) =>
    checkLine(field, value, LIMITS.name),
  );
  const year = checkYear(input.year);
  const name =
    input.name === undefined
      ? shortCitation(authors, year, title)
      : checkLine('name', input.name, LIMITS.name);
  return {
    ...checkNodeContent('source', name, input),
    sourceKind: input.sourceKind,
    title,
    authors,
    year,
    venue: checkOptionalLine('venue', input.venue, LIMITS.title),
    url: checkUrl(input.url),
    doi: checkPattern('doi', input.doi, DOI, 'a DOI such as 10.1016/j.pain.2010.09.030 (no "doi:" prefix)'),
    pmid: checkPattern('pmid', input.pmid, PMID, 'a PubMed id (digits only)'),
    published: checkDate(input.published),
  };
}

/** "Katz et al. 2007", "Clauw 2014", or the title when there are no authors. */
function shortCitation(authors: readonly string[], year: number | null, title: string): string {
  const first = authors[0]?.split(/[\s,]+/)[0];
  const who = first === undefined ? title.slice(0, 80) : authors.length > 1 ? `${first} et al.` : first;
  return year === null ? who : `${who} ${year}`;
}

function checkRelation(value: unknown): Relation {
  if (!isRelation(value)) throw new ValidationError('relation', `unknown relation ${JSON.stringify(value)}`);
  return value;
}

function checkLine(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string');
  const text = value.trim();
  if (text === '') throw new ValidationError(field, 'must not be empty');
  if (text.length > max)
    throw new ValidationError(field, `must be at most ${max} characters (got ${text.length})`);
  if (CONTROL_CHARS.test(text) || /[\n\t]/.test(text)) {
    throw new ValidationError(field, 'must be a single line without control characters');
  }
  return text;
}

function checkOptionalLine(field: string, value: unknown, max: number): string | null {
  if (value === undefined || value === null || value === '') return null;
  return checkLine(field, value, max);
}

/** Free text a person must give (a proposal's comment, a rejection's reason), trimmed. */
export function checkRequiredText(field: string, value: unknown, max: number): string {
  const text = checkOptionalText(field, value, max);
  if (text === null) throw new ValidationError(field, 'is required and must not be empty');
  return text;
}

/** Optional free text (newlines allowed), trimmed; null when absent or blank. */
export function checkOptionalText(field: string, value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ValidationError(field, 'must be a string');
  const text = value.trim();
  if (text === '') return null;
  if (text.length > max)
    throw new ValidationError(field, `must be at most ${max} characters (got ${text.length})`);
  if (CONTROL_CHARS.test(text)) throw new ValidationError(field, 'must not contain control characters');
  return text;
}

function checkList(
  field: string,
  value: unknown,
  max: number,
  check: (field: string, value: unknown) => string,
): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ValidationError(field, 'must be a list');
  if (value.length > max) throw new ValidationError(field, `must have at most ${max} entries`);
  return value.map((item: unknown, index) => check(`${field}[${index}]`, item));
}

function checkCurie(field: string, value: unknown): string {
  const text = checkLine(field, value, LIMITS.alias);
  if (!CURIE.test(text))
    throw new ValidationError(field, `"${text}" is not a CURIE such as HP:0033630 or MESH:D005356`);
  return text;
}

function checkPattern(field: string, value: unknown, pattern: RegExp, what: string): string | null {
  const text = checkOptionalLine(field, value, LIMITS.title);
  if (text !== null && !pattern.test(text)) throw new ValidationError(field, `"${text}" is not ${what}`);
  return text;
}

function checkUrl(value: unknown): string | null {
  const text = checkOptionalLine('url', value, 2000);
  if (text === null) return null;
  let protocol = '';
  try {
    protocol = new URL(text).protocol;
  } catch {
    throw new ValidationError('url', `"${text}" is not a URL`);
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new ValidationError('url', 'must be an http(s) URL');
  return text;
}

function checkYear(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1500 || value > 2100) {
    throw new ValidationError(
      'year',
      `must be a whole year between 1500 and 2100, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function checkDate(value: unknown): string | null {
  const text = checkOptionalLine('published', value, 10);
  if (text === null) return null;
  const parsed = new Date(`${text}T00:00:00Z`);
  if (!ISO_DATE.test(text) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    throw new ValidationError('published', `"${text}" is not a date of the form YYYY-MM-DD`);
  }
  return text;
}

function assertKnownFields(field: string, input: unknown, known: readonly string[]): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError(field, 'must be an object');
  }
  for (const key of Object.keys(input)) {
    if (!known.includes(key))
      throw new ValidationError(`${field}.${key}`, `unknown field (expected one of ${known.join(', ')})`);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function dedupe(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function evidenceIdFor(
  claimId: string,
  content: Pick<Evidence, 'sourceId' | 'quote' | 'note' | 'locator' | 'stance' | 'level'>,
): string {
  const digest = createHash('sha256')
    .update(
      JSON.stringify([
        claimId,
        content.sourceId,
        content.quote,
        content.note,
        content.locator,
        content.stance,
        content.level,
      ]),
    )
    .digest('hex');
  return `evidence:${digest.slice(0, 16)}`;
}
