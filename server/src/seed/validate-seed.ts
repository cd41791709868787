/** Validates a whole seed folder and reports every problem, located by file, line and column. */
import { checkIdentifiers, readReferenceRegister } from './reference-register.ts';
import { checkReferences } from './check-references.ts';
import { readHeldTexts } from './held-texts.ts';
import { readSeedDir } from './read-seed-dir.ts';
import {
  checkSeedFile,
  type CheckedRecord,
  type SeedClaim,
  type SeedNode,
  type SeedSource,
} from './seed-records.ts';
import { sortSeedProblems, type SeedProblem } from './seed-problem.ts';

/** The records of a seed that passed every check. */
export interface ValidSeed {
  readonly sources: readonly SeedSource[];
  readonly nodes: readonly SeedNode[];
  readonly claims: readonly SeedClaim[];
}

/** What validation found. `seed` is only complete when `errorCount` is 0. */
export interface SeedValidation {
  readonly dir: string;
  readonly problems: readonly SeedProblem[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly seed: ValidSeed;
}

/** Reads and checks every file under `dir`: YAML syntax, schema, domain rules and cross-references. */
export async function validateSeed(dir: string): Promise<SeedValidation> {
  const seedDir = await readSeedDir(dir);
  const problems: SeedProblem[] = [...seedDir.problems];
  const sources: CheckedRecord<SeedSource>[] = [];
  const nodes: CheckedRecord<SeedNode>[] = [];
  const claims: CheckedRecord<SeedClaim>[] = [];
  for (const seedFile of seedDir.files) {
    const checked = checkSeedFile(seedFile);
    sources.push(...checked.sources);
    nodes.push(...checked.nodes);
    claims.push(...checked.claims);
    problems.push(...checked.problems);
  }
  const textNames = sources.flatMap((record) => (record.value?.heldText ? [record.value.heldText] : []));
  const texts = await readHeldTexts(seedDir.dir, textNames);
  const claimsComplete = seedDir.files.every((file) => file.role !== 'claims' || Array.isArray(file.data));
  problems.push(...checkReferences({ sources, nodes, claims, claimsComplete }, texts));
  problems.push(...checkIdentifiers(sources, nodes, await readReferenceRegister(seedDir.dir)));
  const sorted = sortSeedProblems(problems);
  return {
    dir: seedDir.dir,
    problems: sorted,
    errorCount: sorted.filter((problem) => problem.severity === 'error').length,
    warningCount: sorted.filter((problem) => problem.severity === 'warning').length,
    seed: { sources: valuesOf(sources), nodes: valuesOf(nodes), claims: valuesOf(claims) },
  };
}

function valuesOf<T>(records: readonly CheckedRecord<T>[]): T[] {
  return records.flatMap((record) => (record.value === null ? [] : [record.value]));
}
