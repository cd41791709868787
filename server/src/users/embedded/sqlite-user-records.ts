/**
 * Users for the embedded store: `<dataDir>/users.sqlite`, a SQLite file of its own. The graph's file
 * is locked exclusively by the process serving it; this one uses normal WAL locking, so the CLI can
 * add or revoke users while the server runs. The file is created readable by its owner only.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AlreadyExistsError, FibroGraphError } from '../../domain/errors.ts';
import type { StoredToken, TokenRecord, UserRecord, UserRecords } from '../user-records.ts';
import type { RevokedToken, TokenSummary, User, UserRole } from '../user-store.ts';
import { openSqliteDatabase } from '../../store/embedded/sqlite-database.ts';

/** The users file's name inside a data directory. */
export const USERS_FILE = 'users.sqlite';

const SCHEMA_VERSION = 1;

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
  created_at TEXT NOT NULL
) STRICT;

-- hash is scrypt$N$r$p$salt$key; the token's secret is never stored.
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS api_tokens_by_user ON api_tokens (user_name);
`;

interface UserRow {
  name: string;
  role: UserRole;
  created_at: string;
}

interface TokenRow {
  id: string;
  user_name: string;
  created_at: string;
  last_used_at: string | null;
}

/** Opens (creating if needed) `<dataDir>/users.sqlite`. */
export function openSqliteUserRecords(dataDir: string): UserRecords {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, USERS_FILE);
  // Create it owner-only before SQLite does; SQLite gives its -wal and -shm files the same mode.
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  const db = openSqliteDatabase(file, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
    return new SqliteUserRecords(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database, file: string): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      db.exec(SCHEMA_SQL);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    } else if (version !== SCHEMA_VERSION) {
      throw new FibroGraphError(
        'STORE_UNAVAILABLE',
        `${file} has schema version ${version}; this FibroGraph expects ${SCHEMA_VERSION}`,
      );
    }
  }).immediate();
}

class SqliteUserRecords implements UserRecords {
  private closed = false;
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      getUser: db.prepare<[string], UserRow>('SELECT name, role, created_at FROM users WHERE name = ?'),
      insertUser: db.prepare<[string, string, string]>(
        'INSERT INTO users (name, role, created_at) VALUES (?, ?, ?)',
      ),
      insertToken: db.prepare<[string, string, string, string]>(
        'INSERT INTO api_tokens (id, user_name, hash, created_at) VALUES (?, ?, ?, ?)',
      ),
      findToken: db.prepare<[string], TokenRow & { hash: string; role: UserRole }>(
        `SELECT t.id, t.user_name, t.hash, t.created_at, t.last_used_at, u.role
         FROM api_tokens t JOIN users u ON u.name = t.user_name WHERE t.id = ?`,
      ),
      allUsers: db.prepare<[], UserRow>('SELECT name, role, created_at FROM users ORDER BY name'),
      allTokens: db.prepare<[], TokenRow>(
        'SELECT id, user_name, created_at, last_used_at FROM api_tokens ORDER BY created_at, id',
      ),
      deleteToken: db.prepare<[string], { user_name: string }>(
        'DELETE FROM api_tokens WHERE id = ? RETURNING user_name',
      ),
      deleteUserTokens: db.prepare<[string], { id: string }>(
        'DELETE FROM api_tokens WHERE user_name = ? RETURNING id',
      ),
      touchToken: db.prepare<[string, string]>('UPDATE api_tokens SET last_used_at = ? WHERE id = ?'),
    };
  }

  insertUser(user: User, token: StoredToken): Promise<void> {
    return this.run(() => {
      this.db
        .transaction(() => {
          if (this.statements.getUser.get(user.name) !== undefined) {
            throw new AlreadyExistsError(user.name, `user "${user.name}" already exists`);
          }
          this.statements.insertUser.run(user.name, user.role, user.createdAt);
          this.statements.insertToken.run(token.id, user.name, token.hash, token.createdAt);
        })
        .immediate();
    });
  }

  insertToken(name: string, token: StoredToken): Promise<User | null> {
    return this.run(() =>
      this.db
        .transaction(() => {
          const row = this.statements.getUser.get(name);
          if (row === undefined) return null;
          this.statements.insertToken.run(token.id, name, token.hash, token.createdAt);
          return userOf(row);
        })
        .immediate(),
    );
  }

  findToken(id: string): Promise<TokenRecord | null> {
    return this.run(() => {
      const row = this.statements.findToken.get(id);
      return row === undefined
        ? null
        : { id: row.id, hash: row.hash, lastUsedAt: row.last_used_at, name: row.user_name, role: row.role };
    });
  }

  listUsers(): Promise<UserRecord[]> {
    return this.run(() =>
      this.db.transaction(() => {
        const tokens = new Map<string, TokenSummary[]>();
        for (const row of this.statements.allTokens.all()) {
          const list = tokens.get(row.user_name) ?? [];
          list.push({ id: row.id, createdAt: row.created_at, lastUsedAt: row.last_used_at });
          tokens.set(row.user_name, list);
        }
        return this.statements.allUsers
          .all()
          .map((row) => ({ ...userOf(row), tokens: tokens.get(row.name) ?? [] }));
      })(),
    );
  }

  deleteToken(id: string): Promise<RevokedToken | null> {
    return this.run(() => {
      const row = this.statements.deleteToken.get(id);
      return row === undefined ? null : { tokenId: id, name: row.user_name };
    });
  }

  deleteUserTokens(name: string): Promise<string[] | null> {
    return this.run(() =>
      this.db
        .transaction(() => {
          if (this.statements.getUser.get(name) === undefined) return null;
          return this.statements.deleteUserTokens
            .all(name)
            .map((row) => row.id)
            .sort();
        })
        .immediate(),
    );
  }

  touchToken(id: string, at: string): Promise<void> {
    return this.run(() => {
      this.statements.touchToken.run(at, id);
    });
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.db.close();
    }
    return Promise.resolve();
  }

  private run<T>(work: () => T): Promise<T> {
    try {
      if (this.closed) throw new FibroGraphError('STORE_UNAVAILABLE', 'the user store is closed');
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(translate(error));
    }
  }
}

function userOf(row: UserRow): User {
  return { name: row.name, role: row.role, createdAt: row.created_at };
}

/** SQLite's "busy" (another process held the write lock past the timeout) becomes STORE_UNAVAILABLE. */
function translate(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
    return new FibroGraphError('STORE_UNAVAILABLE', `the users file is busy: ${error.message}`);
  }
  return error;
}
