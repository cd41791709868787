/**
 * The seed's register of checked identifiers (`REFERENCES.md`): every DOI, PubMed id and ontology id
 * in the seed must have a row saying where it was checked, so nobody can slip in an identifier from
 * memory. A table row whose first cell is an identifier in backticks counts; everything else in the
 * file is prose for people.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { problemAt } from './seed-file.ts';
import type { SeedProblem } from './seed-problem.ts';
import type { CheckedRecord, SeedNode, SeedSource } from './seed-records.ts';

/** The register's file name, in the seed folder. */
export const REFERENCES_FILE = 'REFERENCES.md';

/** The identifiers the register lists, each with its 1-based line; null when the file is missing. */
export interface ReferenceRegister {
  readonly file: string;
  readonly lines: ReadonlyMap<string, number>;
}

/** Reads `REFERENCES.md` from the seed folder; a missing file gives a register with no rows. */
export async function readReferenceRegister(dir: string): Promise<ReferenceRegister> {
  const file = path.join(dir, REFERENCES_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file, lines: new Map() };
    throw error;
  }
  const lines = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    if (match?.[1] !== undefined && !lines.has(match[1])) lines.set(match[1], index + 1);
  });
  return { file, lines };
}

/**
 * Errors for identifiers the register does not list (at the field that holds them) and warnings for
 * rows nothing uses any more (at the row).
 */
export function checkIdentifiers(
  sources: readonly CheckedRecord<SeedSource>[],
  nodes: readonly CheckedRecord<SeedNode>[],
  register: ReferenceRegister,
): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const used = new Set<string>();
  const check = (record: CheckedRecord<unknown>, field: (string | number)[], identifier: string) => {
    used.add(identifier);
    if (register.lines.has(identifier)) return;
    problems.push(
      problemAt(
        record.seedFile,
        [record.index, ...field],
        'unregistered-identifier',
        `${identifier} is not listed in ${REFERENCES_FILE}: check it against the domain notes or a stored copy, then add a row saying where`,
      ),
    );
  };
  for (const record of sources) {
    const source = record.value;
    if (!source) continue;
    if (source.doi) check(record, ['doi'], `DOI:${source.doi}`);
    if (source.pmid) check(record, ['pmid'], `PMID:${source.pmid}`);
    source.xrefs.forEach((xref, index) => {
      check(record, ['xrefs', index], xref);
    });
  }
  for (const record of nodes) {
    record.value?.xrefs.forEach((xref, index) => {
      check(record, ['xrefs', index], xref);
    });
  }
  for (const [identifier, line] of register.lines) {
    if (used.has(identifier)) continue;
    problems.push({
      severity: 'warning',
      code: 'unused-reference',
      file: register.file,
      line,
      column: 1,
      field: '',
      message: `${identifier} is listed but no source or node uses it`,
    });
  }
  return problems;
}
