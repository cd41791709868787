/** The UserStore contract against the embedded adapter (`users.sqlite` in a temporary data directory), plus its file layout. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';
import { openSqliteUserRecords } from '../../server/src/users/embedded/sqlite-user-records.ts';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import { createUserStore } from '../../server/src/users/token-user-store.ts';
import { describeUserStoreContract } from './user-store-contract.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-users-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describeUserStoreContract('embedded', () => {
  const dataDir = tempDir();
  const file = path.join(dataDir, 'users.sqlite');
  return Promise.resolve({
    open: (options) => openUserStore({ kind: 'embedded', dataDir }, options),
    // The raw bytes of the database and its write-ahead log, where an uncheckpointed write would be.
    storedText: () =>
      Promise.resolve(
        ['', '-wal']
          .map((suffix) => `${file}${suffix}`)
          .filter((name) => fs.existsSync(name))
          .map((name) => fs.readFileSync(name).toString('latin1'))
          .join('\n'),
      ),
    storedHashes: () => {
      const db = new Database(file, { fileMustExist: true });
      try {
        return Promise.resolve(
          db
            .prepare<[], { hash: string }>('SELECT hash FROM api_tokens')
            .all()
            .map((row) => row.hash),
        );
      } finally {
        db.close();
      }
    },
    dispose: () => Promise.resolve(),
  });
});

describe('embedded users file', () => {
  it('lives in its own owner-only file, usable while the graph store holds its exclusive lock', async () => {
    const dataDir = tempDir();
    const graph = await openEmbeddedStore({ dataDir });
    try {
      const users = await openUserStore({ kind: 'embedded', dataDir });
      const { token } = await users.addUser('ada', 'editor');
      await users.close();
      expect(fs.existsSync(path.join(dataDir, 'users.sqlite'))).toBe(true);
      if (process.platform !== 'win32') {
        expect(fs.statSync(path.join(dataDir, 'users.sqlite')).mode & 0o777).toBe(0o600);
      }
      // Another "process" (a second connection) adds a token while the first store is open.
      const server = await openUserStore({ kind: 'embedded', dataDir });
      const cli = await openUserStore({ kind: 'embedded', dataDir });
      const second = await cli.issueToken('ada');
      await cli.close();
      expect(await server.authenticate(token)).toEqual({ name: 'ada', role: 'editor' });
      expect(await server.authenticate(second.token)).toEqual({ name: 'ada', role: 'editor' });
      await server.close();
      expect((await graph.stats()).nodes).toBe(0);
    } finally {
      await graph.close();
    }
  });

  it('refuses a users file from a newer FibroGraph', async () => {
    const dataDir = tempDir();
    await (await openUserStore({ kind: 'embedded', dataDir })).close();
    const db = new Database(path.join(dataDir, 'users.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    await expect(openUserStore({ kind: 'embedded', dataDir })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
  });
});

describe('authentication cost', () => {
  it('shares one lookup among concurrent requests; a cached token then costs one record read (to see revocations), not a verify', async () => {
    const records = openSqliteUserRecords(tempDir());
    let lookups = 0;
    const counted = Object.create(records) as typeof records;
    counted.findToken = (id) => {
      lookups += 1;
      return records.findToken(id);
    };
    const users = createUserStore(counted);
    try {
      const { token } = await users.addUser('ada', 'editor');
      const results = await Promise.all(Array.from({ length: 20 }, () => users.authenticate(token)));
      expect(results.every((result) => result?.name === 'ada')).toBe(true);
      expect(lookups).toBe(1);
      expect(await users.authenticate(token)).toEqual({ name: 'ada', role: 'editor' });
      expect(lookups).toBe(2);
      // Malformed tokens never reach storage.
      expect(await users.authenticate('fg_nonsense')).toBeNull();
      expect(lookups).toBe(2);
    } finally {
      await users.close();
    }
  });
});
