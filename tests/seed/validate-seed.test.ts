/**
 * The seed validator: the shipped seed is valid, and every broken fixture (tests/fixtures/seeds/broken,
 * each laid over tests/fixtures/seeds/mini) reports exactly the problems its `# expect:` comments name,
 * in the right file and on the right line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSeedProblem } from '../../server/src/seed/seed-problem.ts';
import { validateSeed, type SeedValidation } from '../../server/src/seed/validate-seed.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(repo, 'tests/fixtures/seeds');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-seed-'));
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const brokenCases = fs
  .readdirSync(path.join(fixtures, 'broken'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('the shipped seed', () => {
  it('validates with no errors and no warnings', async () => {
    const validation = await validateSeed(path.join(repo, 'seed'));
    expect(validation.problems.map((problem) => formatSeedProblem(problem, repo))).toEqual([]);
    expect(validation.seed.sources.length).toBeGreaterThanOrEqual(4);
    expect(validation.seed.nodes.length).toBeGreaterThanOrEqual(10);
    expect(validation.seed.claims.length).toBeGreaterThanOrEqual(10);
  });
});

describe('the mini fixture', () => {
  it('is valid, so every problem in a broken case comes from its overlay', async () => {
    const validation = await validateSeed(path.join(fixtures, 'mini'));
    expect(validation.problems).toEqual([]);
  });
});

describe('the register of checked identifiers (REFERENCES.md)', () => {
  const withIdentifiers = (register: string | null): string => {
    const dir = overlay(`register-${register === null ? 'none' : register.length}`);
    const sources = fs.readFileSync(path.join(dir, 'sources.yaml'), 'utf8');
    fs.writeFileSync(
      path.join(dir, 'sources.yaml'),
      sources.replace('  authors: [Doe J]\n', "  authors: [Doe J]\n  doi: 10.1000/made-up\n  pmid: '123'\n"),
    );
    if (register !== null) fs.writeFileSync(path.join(dir, 'REFERENCES.md'), register);
    return dir;
  };

  it('refuses an identifier no row lists, at the field that holds it', async () => {
    const dir = withIdentifiers(null);
    const validation = await validateSeed(dir);
    expect(validation.errorCount).toBe(2);
    expect(validation.problems.map((p) => [p.code, p.field])).toEqual([
      ['unregistered-identifier', 'doi'],
      ['unregistered-identifier', 'pmid'],
    ]);
    expect(validation.problems[0]?.message).toContain('DOI:10.1000/made-up is not listed in REFERENCES.md');
  });

  it('accepts listed identifiers and warns about a row nothing uses', async () => {
    const dir = withIdentifiers(
      [
        '# Identifiers',
        '',
        '| identifier | used by | checked against |',
        '| --- | --- | --- |',
        '| `DOI:10.1000/made-up` | source:mini-paper | a stored copy |',
        '| `PMID:123` | source:mini-paper | a stored copy |',
        '| `HP:0000001` | nothing | a stored copy |',
        '',
      ].join('\n'),
    );
    const validation = await validateSeed(dir);
    expect(validation.errorCount).toBe(0);
    expect(located(validation, dir)).toEqual(['REFERENCES.md:7 unused-reference']);
  });
});

describe.each(brokenCases)('broken seed "%s"', (name) => {
  it('reports exactly the expected problems, each with its file and line', async () => {
    const dir = overlay(name, path.join(fixtures, 'broken', name));
    const validation = await validateSeed(dir);
    expect(validation.errorCount).toBeGreaterThan(0);
    expect(located(validation, dir)).toEqual(expectedProblems(dir));
  });
});

describe('problem reports', () => {
  it('reports several problems in one file, not just the first', async () => {
    const dir = overlay('schema-violation', path.join(fixtures, 'broken', 'schema-violation'));
    const validation = await validateSeed(dir);
    const inClaims = validation.problems.filter((problem) => problem.file.endsWith('claims/mini.yaml'));
    expect(inClaims.length).toBeGreaterThanOrEqual(3);
  });

  it('formats as file:line:column, the field and the message', async () => {
    const dir = overlay('format', path.join(fixtures, 'broken', 'non-verbatim-quote'));
    const [first] = (await validateSeed(dir)).problems;
    expect(first && formatSeedProblem(first, dir)).toBe(
      'claims/mini.yaml:6:14  evidence[0].quote: not found verbatim in texts/mini-post.txt (it differs only in quotation marks, dashes or spacing: copy it character for character from the file)',
    );
  });

  // Written here rather than as a fixture file because the formatter cannot parse broken YAML.
  it('reports YAML syntax errors (a duplicate key) with their line and still checks the other files', async () => {
    const dir = overlay('yaml-syntax');
    fs.writeFileSync(
      path.join(dir, 'nodes/theory.yaml'),
      '- id: theory:alpha\n  name: Alpha\n  name: Again\n  summary: S.\n',
    );
    const validation = await validateSeed(dir);
    const syntax = validation.problems.filter((problem) => problem.code === 'yaml-syntax');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax.every((problem) => problem.file.endsWith('nodes/theory.yaml') && problem.line === 3)).toBe(
      true,
    );
    // The claims still cite theory:alpha, which the broken file no longer defines.
    expect(validation.problems.some((problem) => problem.code === 'dangling-reference')).toBe(true);
  });

  it('reports a missing seed folder and a missing sources.yaml', async () => {
    const missing = await validateSeed(path.join(tmp, 'no-such-folder'));
    expect(missing.problems.map((problem) => problem.code)).toEqual(['missing-file']);
    const dir = overlay('no-sources');
    fs.rmSync(path.join(dir, 'sources.yaml'));
    const validation = await validateSeed(dir);
    expect(
      validation.problems.some(
        (problem) => problem.code === 'missing-file' && problem.file.endsWith('sources.yaml'),
      ),
    ).toBe(true);
  });
});

/** A copy of the mini seed with the case's files laid over it. */
function overlay(name: string, caseDir?: string): string {
  const dir = path.join(tmp, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(fixtures, 'mini'), dir, { recursive: true });
  if (caseDir) fs.cpSync(caseDir, dir, { recursive: true });
  return dir;
}

/** `file:line code` for every problem validation reported. */
function located(validation: SeedValidation, dir: string): string[] {
  return validation.problems
    .map((problem) => `${path.relative(dir, problem.file)}:${problem.line} ${problem.code}`)
    .sort();
}

/** `file:line code` for every `# expect: code[, code]` comment in the case's YAML files. */
function expectedProblems(dir: string): string[] {
  const expected: string[] = [];
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.yaml')) continue;
    fs.readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const codes = /# expect: (.+)$/.exec(line)?.[1];
        for (const code of codes?.split(',') ?? []) expected.push(`${file}:${index + 1} ${code.trim()}`);
      });
  }
  return expected.sort();
}
