/**
 * `fibrograph user`, spawned as an admin would run it against an embedded data directory; the tokens
 * it prints are then checked through the embedded UserStore, as the API would check them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import type { UserStore } from '../../server/src/users/user-store.ts';
import { wipeNeo4j } from '../support/neo4j-target.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'server/bin/fibrograph.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-user-cli-'));
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bin with FIBROGRAPH_DATA_DIR set to `dataDir` and no Neo4j. */
async function fibrograph(dataDir: string, args: string[]): Promise<Run> {
  const { NEO4J_URI: _uri, FIBROGRAPH_DEBUG: _debug, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: repo,
      env: { ...inherited, CI: 'true', FIBROGRAPH_DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('fibrograph user', () => {
  const dataDir = path.join(tmp, 'data');
  // Opened like the server opens it, and kept open while the CLI runs beside it.
  let server: UserStore;
  beforeAll(async () => {
    server = await openUserStore({ kind: 'embedded', dataDir }, { cacheTtlMs: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('adds a user, printing the token once on stdout and the warning on stderr', async () => {
    const added = await fibrograph(dataDir, ['user', 'add', 'ada', '--role', 'editor']);
    expect(added).toMatchObject({ code: 0 });
    const token = added.stdout.trim();
    expect(token).toMatch(/^fg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(added.stderr).toContain('will not be shown again');
    expect(added.stderr).toContain('added user "ada" with role editor');
    expect(await server.authenticate(token)).toEqual({ name: 'ada', role: 'editor' });

    const list = await fibrograph(dataDir, ['user', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ada\s+editor\s+.*\s[0-9a-f]{16}\s+/m);
    expect(list.stdout).not.toContain(token);
    const json = JSON.parse((await fibrograph(dataDir, ['user', 'list', '--json'])).stdout) as unknown;
    expect(json).toEqual([
      expect.objectContaining({
        name: 'ada',
        role: 'editor',
        tokens: [expect.objectContaining({ id: token.slice(3, 19) })],
      }),
    ]);
  });

  it('issues another token and revokes by id and by user', async () => {
    const added = await fibrograph(dataDir, ['user', 'add', 'bob', '--role', 'reader']);
    const first = added.stdout.trim();
    const issued = await fibrograph(dataDir, ['user', 'token', 'bob']);
    expect(issued.code).toBe(0);
    expect(issued.stderr).toContain('will not be shown again');
    const second = issued.stdout.trim();
    expect(second).not.toBe(first);
    expect(await server.authenticate(second)).toEqual({ name: 'bob', role: 'reader' });

    const revoked = await fibrograph(dataDir, ['user', 'revoke', first.slice(3, 19)]);
    expect(revoked).toMatchObject({ code: 0 });
    expect(revoked.stdout).toContain(`revoked token ${first.slice(3, 19)} of user "bob"`);
    expect(await server.authenticate(first)).toBeNull();
    expect(await server.authenticate(second)).toEqual({ name: 'bob', role: 'reader' });

    const all = await fibrograph(dataDir, ['user', 'revoke', '--user', 'bob']);
    expect(all).toMatchObject({ code: 0 });
    expect(all.stdout).toContain('revoked 1 token of user "bob"');
    expect(await server.authenticate(second)).toBeNull();
  });

  it('fails clearly: exit 1 for refused input, 2 for a wrong command line', async () => {
    const cases: [string[], number, string][] = [
      [['user', 'add', 'ada', '--role', 'admin'], 1, 'user "ada" already exists'],
      [['user', 'add', 'Ada!', '--role', 'admin'], 1, 'error: name:'],
      [['user', 'add', 'eve'], 2, 'needs --role reader|editor|admin'],
      [['user', 'add', 'eve', '--role', 'owner'], 2, '--role must be one of reader|editor|admin'],
      [['user', 'add', '--role', 'admin'], 2, 'needs a user NAME'],
      [['user', 'token', 'nobody'], 1, 'user "nobody" does not exist'],
      [['user', 'revoke', '0123456789abcdef'], 1, 'token "0123456789abcdef" does not exist'],
      [['user', 'revoke', 'nonsense'], 1, 'tokenId:'],
      [['user', 'revoke'], 2, 'needs a TOKEN_ID or --user NAME'],
      [['user', 'revoke', '0123456789abcdef', '--user', 'ada'], 2, 'not both'],
      [['user', 'list', '--role', 'admin'], 2, 'does not apply'],
      [['user', 'frobnicate'], 2, 'unknown action "frobnicate"'],
      [['user'], 2, 'needs an action'],
    ];
    for (const [args, code, message] of cases) {
      const result = await fibrograph(dataDir, args);
      expect({ args, code: result.code }).toEqual({ args, code });
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    }
  });

  it('has help, and is listed in the command overview', async () => {
    const help = await fibrograph(dataDir, ['user', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: fibrograph user <action>');
    expect(help.stdout).toContain('revoke --user NAME');
    expect((await fibrograph(dataDir, ['help', 'user'])).stdout).toContain('Usage: fibrograph user');
    expect((await fibrograph(dataDir, ['--help'])).stdout).toMatch(/^ {2}user\s+add users/m);
  });
});

const target = inject('neo4j');

describe.skipIf(target === null)('fibrograph user with NEO4J_URI', () => {
  it('adds a user in Neo4j whose printed token authenticates through the Neo4j UserStore', async () => {
    if (target === null) throw new Error('unreachable: skipped without Neo4j');
    await wipeNeo4j(target);
    const { FIBROGRAPH_DATA_DIR: _dir, FIBROGRAPH_DEBUG: _debug, ...inherited } = process.env;
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [bin, 'user', 'add', 'ada', '--role', 'admin'],
      {
        cwd: repo,
        env: {
          ...inherited,
          CI: 'true',
          NEO4J_URI: target.uri,
          NEO4J_USERNAME: target.username,
          NEO4J_PASSWORD: target.password,
          NEO4J_DATABASE: target.database,
        },
      },
    );
    expect(stderr).toContain('using users in Neo4j');
    const users = await openUserStore({ kind: 'neo4j', ...target });
    try {
      expect(await users.authenticate(stdout.trim())).toEqual({ name: 'ada', role: 'admin' });
    } finally {
      await users.close();
      await wipeNeo4j(target);
    }
  });
});
