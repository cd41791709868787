/**
 * The real `fibrograph` bin, spawned as a user would run it, against real stores: the embedded store
 * in a temporary FIBROGRAPH_DATA_DIR, and Neo4j when the global setup provides one.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { wipeNeo4j } from '../support/neo4j-target.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'server/bin/fibrograph.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-cli-'));
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bin from the repository root with a clean store environment plus `env`. */
async function fibrograph(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { NEO4J_URI: _uri, FIBROGRAPH_DATA_DIR: _dir, FIBROGRAPH_DEBUG: _debug, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: repo,
      env: { ...inherited, CI: 'true', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

let dirCount = 0;
/** A fresh, empty embedded data directory. */
function dataDir(): { FIBROGRAPH_DATA_DIR: string } {
  dirCount += 1;
  return { FIBROGRAPH_DATA_DIR: path.join(tmp, `data-${dirCount}`) };
}

describe('help and usage errors', () => {
  it('prints the command list for --help and each command for <command> --help', async () => {
    const overview = await fibrograph(['--help']);
    expect(overview.code).toBe(0);
    for (const name of ['seed', 'validate', 'import', 'export', 'stats', 'release', 'help'])
      expect(overview.stdout).toContain(`  ${name}`);
    const exportHelp = await fibrograph(['export', '--help']);
    expect(exportHelp).toMatchObject({ code: 0 });
    expect(exportHelp.stdout).toContain('Usage: fibrograph export');
    expect((await fibrograph(['help', 'import'])).stdout).toContain('Usage: fibrograph import');
  });

  it('exits 2 naming an unknown command or option, without a stack trace', async () => {
    const command = await fibrograph(['frobnicate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('error: unknown command "frobnicate"');
    const option = await fibrograph(['export', '--colour', 'red']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('error: unknown option "--colour"');
    expect(option.stderr).not.toMatch(/\n\s+at /);
    expect((await fibrograph([])).code).toBe(2);
    expect((await fibrograph(['export', '--format', 'pdf'])).stderr).toContain(
      '--format must be one of json|cyjs|graphml|kgx',
    );
    expect((await fibrograph(['export', '--format', 'kgx'], dataDir())).code).toBe(2);
  });

  it('refuses to import GraphML or KGX with a clear error', async () => {
    const result = await fibrograph(['import', 'graph.tsv', '--format', 'kgx'], dataDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('only json|cyjs can be imported');
  });
});

describe('validate', () => {
  it('passes the shipped seed', async () => {
    const result = await fibrograph(['validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^seed is valid: \d+ sources, \d+ nodes, \d+ claims\n$/);
  });

  it('fails a broken seed with exit code 1, listing every problem as file:line:column', async () => {
    const dir = path.join(tmp, 'broken-seed');
    fs.cpSync(path.join(repo, 'tests/fixtures/seeds/mini'), dir, { recursive: true });
    fs.cpSync(path.join(repo, 'tests/fixtures/seeds/broken/dangling-id'), dir, { recursive: true });
    const result = await fibrograph(['validate', '--dir', dir]);
    expect(result.code).toBe(1);
    const where = path.relative(repo, path.join(dir, 'claims/mini.yaml'));
    expect(result.stdout).toContain(`${where}:3:7  to: node "mechanism:nowhere" is not defined in nodes/`);
    expect(result.stdout).toContain(`${where}:14:15  evidence[0].source:`);
    expect(result.stdout).toContain('seed is invalid: 2 errors, 0 warnings');
  });
});

describe('releases on the embedded store', () => {
  it('freezes numbered releases, lists them, tells what changed and exports one by number', async () => {
    const store = dataDir();
    expect((await fibrograph(['seed', '--dir', 'tests/fixtures/seeds/mini'], store)).code).toBe(0);
    const created = await fibrograph(['release', 'create', 'v1', '--note', 'First.', '--by', 'ada'], store);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^FibroGraph release 1 \(v1\), \d{1,2} \w+ \d{4}\.\n$/);
    expect(created.stderr).toMatch(/release 1 "v1": \d+ nodes, \d+ claims/);
    const taken = await fibrograph(['release', 'create', 'v1'], store);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/a release named "v1" exists/);
    expect((await fibrograph(['release', 'create', 'bad name'], store)).code).toBe(1);

    const before = JSON.parse((await fibrograph(['export'], store)).stdout) as { nodes: { id: string }[] };
    const snapshotFile = path.join(tmp, 'changed.json');
    const changed = JSON.parse((await fibrograph(['export'], store)).stdout) as {
      nodes: { id: string; summary: string }[];
    };
    const first = changed.nodes.find((node) => !node.id.startsWith('source:'));
    if (first === undefined) throw new Error('the mini seed has concept nodes');
    first.summary = 'Changed after v1.';
    fs.writeFileSync(snapshotFile, JSON.stringify(changed));
    expect((await fibrograph(['import', snapshotFile, '--mode', 'upsert'], store)).code).toBe(0);

    const diff = await fibrograph(['release', 'diff', '1'], store);
    expect(diff.stdout).toBe(`~ node ${first.id}: summary\n`);
    expect(diff.stderr).toContain('1 difference(s) from release 1 to the graph now');
    const listed = JSON.parse((await fibrograph(['release', 'list', '--json'], store)).stdout) as unknown[];
    expect(listed).toMatchObject([{ number: 1, name: 'v1', note: 'First.', createdBy: 'ada' }]);

    const exported = await fibrograph(['export', '--release', '1'], store);
    const frozen = JSON.parse(exported.stdout) as {
      nodes: unknown[];
      release: { number: number; name: string };
    };
    expect(frozen.release).toMatchObject({ number: 1, name: 'v1' });
    expect(frozen.nodes).toEqual(before.nodes);
    expect(exported.stderr).toContain('of release 1 (v1)');
    expect((await fibrograph(['export', '--release', '7'], store)).code).toBe(2);
    expect((await fibrograph(['release', 'diff', 'x'], store)).code).toBe(2);
  });
});

describe('seed, export, import and stats on the embedded store', () => {
  const store = dataDir();

  it('seeds idempotently: the second run creates and updates nothing', async () => {
    const first = await fibrograph(['seed'], store);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`using embedded store in ${store.FIBROGRAPH_DATA_DIR}`);
    expect(first.stdout).toMatch(/: [1-9]\d* created, 0 updated, 0 unchanged\n$/);
    const second = await fibrograph(['seed'], store);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/: 0 created, 0 updated, [1-9]\d* unchanged\n$/);
  });

  it('seeds with --if-empty only when the store has no nodes', async () => {
    const fresh = dataDir();
    expect((await fibrograph(['seed', '--if-empty'], fresh)).stdout).toMatch(/: [1-9]\d* created/);
    const again = await fibrograph(['seed', '--if-empty'], fresh);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('the store already has data; --if-empty left it alone\n');
  });

  it('exports json, imports it into a fresh store and exports the identical text', async () => {
    const first = await fibrograph(['export'], store);
    expect(first.code).toBe(0);
    const file = path.join(tmp, 'graph.json');
    fs.writeFileSync(file, first.stdout);
    const fresh = dataDir();
    const imported = await fibrograph(['import', file], fresh);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/\(restore\): [1-9]\d* created, 0 updated, 0 unchanged/);
    expect((await fibrograph(['export'], fresh)).stdout).toBe(first.stdout);
  });

  it('round-trips through cyjs too, and an upsert of the same file changes nothing', async () => {
    const file = path.join(tmp, 'out/graph.cyjs');
    expect((await fibrograph(['export', '--format', 'cyjs', '--out', file], store)).code).toBe(0);
    const fresh = dataDir();
    expect((await fibrograph(['import', file], fresh)).code).toBe(0);
    expect((await fibrograph(['export'], fresh)).stdout).toBe((await fibrograph(['export'], store)).stdout);
    const upsert = await fibrograph(['import', file, '--mode', 'upsert'], fresh);
    expect(upsert.stdout).toMatch(/\(upsert\): 0 created, 0 updated, [1-9]\d* unchanged/);
  });

  it('writes graphml to stdout and kgx into a folder', async () => {
    const graphml = await fibrograph(['export', '--format', 'graphml'], store);
    expect(graphml.stdout).toMatch(/^<\?xml/);
    const dir = path.join(tmp, 'kgx');
    expect((await fibrograph(['export', '--format', 'kgx', '--out', dir], store)).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'nodes.tsv'), 'utf8')).toMatch(/^id\tcategory\tname\t/);
    expect(fs.readFileSync(path.join(dir, 'edges.tsv'), 'utf8')).toMatch(/^id\tsubject\tpredicate\tobject\t/);
  });

  it('prints stats as a table and as JSON', async () => {
    const table = await fibrograph(['stats'], store);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^nodes\s+\d+$/m);
    expect(table.stdout).toMatch(/^contested claims\s+[1-9]\d*$/m);
    expect(table.stdout).toMatch(/^ {4}anecdote\s+\d+$/m);
    expect(table.stdout).toMatch(
      /^ {2}by certainty\n {4}high\s+\d+\n {4}moderate\s+\d+\n {4}low\s+\d+\n {4}very-low\s+\d+\n {4}ungraded\s+\d+$/m,
    );
    const json = JSON.parse((await fibrograph(['stats', '--json'], store)).stdout) as {
      nodes: number;
      claimsByRelation: object;
    };
    expect(json.nodes).toBeGreaterThan(10);
    expect(json.claimsByRelation).toHaveProperty('PROPOSES');
  });

  it('reports bad input as one error line with exit code 1, and the stack only with FIBROGRAPH_DEBUG=1', async () => {
    const missing = await fibrograph(['import', path.join(tmp, 'nope.json')], dataDir());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: file: .*nope\.json does not exist$/m);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const file = path.join(tmp, 'graph.json');
    const notEmpty = await fibrograph(['import', file], store);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/^error: /m);
    const debug = await fibrograph(['import', path.join(tmp, 'nope.json')], {
      ...dataDir(),
      FIBROGRAPH_DEBUG: '1',
    });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

const neo4j = inject('neo4j');

describe.skipIf(neo4j === null)('seed, export and import on Neo4j', () => {
  const env: Record<string, string> =
    neo4j === null
      ? {}
      : {
          NEO4J_URI: neo4j.uri,
          NEO4J_USERNAME: neo4j.username,
          NEO4J_PASSWORD: neo4j.password,
          NEO4J_DATABASE: neo4j.database,
        };
  afterAll(async () => {
    if (neo4j) await wipeNeo4j(neo4j);
  });

  // Each step spawns the CLI, which connects to Neo4j afresh: slower than the embedded store.
  it('seeds idempotently and round-trips an export through a restore', { timeout: 240_000 }, async () => {
    if (!neo4j) return;
    await wipeNeo4j(neo4j);
    const first = await fibrograph(['seed'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('using Neo4j at');
    expect((await fibrograph(['seed'], env)).stdout).toMatch(/: 0 created, 0 updated, [1-9]\d* unchanged\n$/);
    const exported = await fibrograph(['export'], env);
    expect(exported.code).toBe(0);
    const file = path.join(tmp, 'neo4j.json');
    fs.writeFileSync(file, exported.stdout);
    await wipeNeo4j(neo4j);
    expect((await fibrograph(['import', file], env)).code).toBe(0);
    expect((await fibrograph(['export'], env)).stdout).toBe(exported.stdout);
    // The same seed in the embedded store has the same records, apart from timestamps.
    const embedded = dataDir();
    await fibrograph(['seed'], embedded);
    const withoutTimes = (text: string) => text.replace(/"(createdAt|updatedAt)": "[^"]+"/g, '"$1": ""');
    expect(withoutTimes(exported.stdout)).toBe(withoutTimes((await fibrograph(['export'], embedded)).stdout));
  });
});
