/**
 * Checks that span records and files: unique ids, claim ends that exist with kinds the relation
 * allows, evidence that cites known sources, verbatim quotes, no duplicate claims; and warns about
 * nodes no claim touches and sources no evidence cites.
 */
import { isFibroGraphError } from '../domain/errors.ts';
import { assertRelationAllowed } from '../domain/relations.ts';
import { quoteMismatch, type HeldTexts } from './held-texts.ts';
import { locate, problemAt } from './seed-file.ts';
import type { CheckedRecord, RecordOrigin, SeedClaim, SeedNode, SeedSource } from './seed-records.ts';
import type { SeedProblem } from './seed-problem.ts';

/** Every checked record of the seed. */
export interface SeedRecords {
  readonly sources: readonly CheckedRecord<SeedSource>[];
  readonly nodes: readonly CheckedRecord<SeedNode>[];
  readonly claims: readonly CheckedRecord<SeedClaim>[];
  /** False when a claims file could not be read, so usage warnings would be noise. */
  readonly claimsComplete: boolean;
}

/** Reports every cross-record problem (errors and warnings). */
export function checkReferences(records: SeedRecords, texts: HeldTexts): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const nodes = registerIds<unknown>([...records.sources, ...records.nodes], problems);
  const sources = new Map(records.sources.map((record) => [record.id, record]));
  const triples = new Map<string, RecordOrigin>();
  const claimIds = new Map<string, CheckedRecord<SeedClaim>>();
  for (const record of records.claims) {
    const claim = record.value;
    if (!claim) continue;
    checkEnds(record, claim, nodes, problems);
    if (isNewClaim(record, claim, triples, problems)) registerIds([record], problems, claimIds);
    claim.evidence.forEach((item, index) => {
      checkEvidence(record, index, item, sources.get(item.sourceId), texts, problems);
    });
  }
  for (const record of records.sources) checkHeldText(record, texts, problems);
  if (records.claimsComplete) problems.push(...usageWarnings(records));
  return problems;
}

/** Warnings for nodes no claim touches and sources no evidence cites, counting claims that failed other checks too. */
function usageWarnings(records: SeedRecords): SeedProblem[] {
  const touched = new Set<unknown>();
  const cited = new Set<unknown>();
  for (const { seedFile, index } of records.claims) {
    const raw = (seedFile.data as Record<string, unknown>[])[index];
    touched.add(raw?.['from']).add(raw?.['to']);
    const evidence: unknown = raw?.['evidence'];
    if (!Array.isArray(evidence)) continue;
    for (const item of evidence) cited.add((item as Record<string, unknown> | null)?.['source']);
  }
  return [
    ...records.sources
      .filter((record) => record.id !== null && !cited.has(record.id))
      .map((record) => warning(record, 'uncited-source', 'no evidence cites this source')),
    ...records.nodes
      .filter((record) => record.id !== null && !touched.has(record.id))
      .map((record) => warning(record, 'unused-node', 'no claim touches this node')),
  ];
}

function registerIds<T>(
  records: readonly CheckedRecord<T>[],
  problems: SeedProblem[],
  seen = new Map<string, CheckedRecord<T>>(),
): Map<string, CheckedRecord<T>> {
  for (const record of records) {
    if (record.id === null) continue;
    const first = seen.get(record.id);
    if (first) {
      const at = locate(first.seedFile, [first.index, 'id']);
      problems.push(
        problemAt(
          record.seedFile,
          [record.index, 'id'],
          'duplicate-id',
          `duplicate id "${record.id}" (first defined at ${first.seedFile.relativePath}:${at.line})`,
        ),
      );
    } else {
      seen.set(record.id, record);
    }
  }
  return seen;
}

function checkEnds(
  record: CheckedRecord<SeedClaim>,
  claim: SeedClaim,
  nodes: ReadonlyMap<string, CheckedRecord<unknown>>,
  problems: SeedProblem[],
): void {
  const from = nodes.get(claim.from);
  const to = nodes.get(claim.to);
  if (!from)
    problems.push(
      problemAt(
        record.seedFile,
        [record.index, 'from'],
        'dangling-reference',
        `node "${claim.from}" is not defined in nodes/`,
      ),
    );
  if (!to)
    problems.push(
      problemAt(
        record.seedFile,
        [record.index, 'to'],
        'dangling-reference',
        `node "${claim.to}" is not defined in nodes/`,
      ),
    );
  if (!from?.kind || !to?.kind) return;
  try {
    assertRelationAllowed(claim.relation, from.kind, to.kind);
  } catch (error) {
    if (!isFibroGraphError(error)) throw error;
    problems.push(
      problemAt(
        record.seedFile,
        [record.index, 'relation'],
        'relation-not-allowed',
        error.message.replace(/^relation: /, ''),
      ),
    );
  }
}

/** False (with a problem) when an earlier claim already links the same nodes with the same relation. */
function isNewClaim(
  record: CheckedRecord<SeedClaim>,
  claim: SeedClaim,
  triples: Map<string, RecordOrigin>,
  problems: SeedProblem[],
): boolean {
  const triple = `${claim.from} ${claim.relation} ${claim.to}`;
  const first = triples.get(triple);
  if (!first) {
    triples.set(triple, record);
    return true;
  }
  const at = locate(first.seedFile, [first.index]);
  problems.push(
    problemAt(
      record.seedFile,
      [record.index],
      'duplicate-claim',
      `a claim ${triple} already exists at ${first.seedFile.relativePath}:${at.line}; add this evidence to it instead`,
    ),
  );
  return false;
}

function checkEvidence(
  record: CheckedRecord<SeedClaim>,
  index: number,
  item: SeedClaim['evidence'][number],
  source: CheckedRecord<SeedSource> | undefined,
  texts: HeldTexts,
  problems: SeedProblem[],
): void {
  const at = (field: string) => [record.index, 'evidence', index, field];
  if (!source) {
    problems.push(
      problemAt(
        record.seedFile,
        at('source'),
        'dangling-reference',
        `source "${item.sourceId}" is not defined in sources.yaml`,
      ),
    );
    return;
  }
  if (item.quote === null || !source.value) return;
  const heldText = source.value.heldText;
  if (heldText === null) {
    problems.push(
      problemAt(
        record.seedFile,
        at('quote'),
        'quote-without-held-text',
        `"${item.sourceId}" has no heldText, so a quote cannot be checked; record a curator's note instead`,
      ),
    );
    return;
  }
  const text = texts.get(heldText);
  if (text === null || text === undefined) return;
  const mismatch = quoteMismatch(item.quote, text, heldText);
  if (mismatch !== null)
    problems.push(problemAt(record.seedFile, at('quote'), 'quote-not-verbatim', mismatch));
}

function checkHeldText(record: CheckedRecord<SeedSource>, texts: HeldTexts, problems: SeedProblem[]): void {
  const heldText = record.value?.heldText;
  if (heldText === null || heldText === undefined || texts.get(heldText) !== null) return;
  problems.push(
    problemAt(
      record.seedFile,
      [record.index, 'heldText'],
      'held-text-missing',
      `${heldText} does not exist in the seed folder`,
    ),
  );
}

function warning(record: RecordOrigin, code: SeedProblem['code'], message: string): SeedProblem {
  return { ...problemAt(record.seedFile, [record.index, 'id'], code, message), severity: 'warning' };
}
