/**
 * Users for the Neo4j store: `(:User {name, role, createdAt})-[:HAS_TOKEN]->(:ApiToken {id, hash,
 * createdAt, lastUsedAt})`, unique on `User.name` and `ApiToken.id` (cypher/schema/06-user-constraints.cypher).
 * Runs the named queries in cypher/queries through the Neo4j store's CypherRunner, on its own driver.
 */
import { AlreadyExistsError } from '../../domain/errors.ts';
import { CypherRunner, type Neo4jConfig, type Row } from '../../store/neo4j/cypher-runner.ts';
import { rateWindowWait, takeRateSlot } from '../../store/neo4j/neo4j-reads.ts';
import type { SharedFailureWindows } from '../sign-in-guard.ts';
import { isUserRole, type RevokedToken, type TokenSummary, type User, type UserRole } from '../user-store.ts';
import type { StoredToken, TokenRecord, UserRecord, UserRecords } from '../user-records.ts';

/** Longer than any shared window (the longest, reports, is an hour); older windows are forgotten. */
const RATE_WINDOW_RETENTION_MS = 24 * 3_600_000;

/**
 * Connects to Neo4j (applying the schema, user constraints included) and returns the user records.
 * Opening also forgets shared rate windows unused for a day: each replica start sweeps once.
 */
export async function openNeo4jUserRecords(config: Neo4jConfig): Promise<UserRecords> {
  const runner = await CypherRunner.open(config);
  try {
    await runner.write((tx) => tx.run('prune-rate-windows', { olderThanMs: RATE_WINDOW_RETENTION_MS }));
  } catch (error) {
    await runner.close();
    throw error;
  }
  return new Neo4jUserRecords(runner);
}

class Neo4jUserRecords implements UserRecords {
  constructor(private readonly runner: CypherRunner) {}

  // Failed sign-ins counted in the database (the :RateWindow nodes rate limits use), so the
  // throttle holds whichever replica an attempt lands on.
  readonly sharedFailureWindows: SharedFailureWindows = {
    record: async (key, max, windowMs) => {
      await takeRateSlot(this.runner, key, max, windowMs);
    },
    retryAfterMs: (key, max, windowMs) => rateWindowWait(this.runner, key, max, windowMs),
  };

  async insertUser(user: User, token: StoredToken): Promise<void> {
    try {
      await this.runner.write((tx) =>
        tx.run('create-user', { ...user, tokenId: token.id, hash: token.hash, createdAt: token.createdAt }),
      );
    } catch (error) {
      if (error instanceof AlreadyExistsError) {
        throw new AlreadyExistsError(user.name, `user "${user.name}" already exists`);
      }
      throw error;
    }
  }

  async insertToken(name: string, token: StoredToken): Promise<User | null> {
    const [row] = await this.runner.write((tx) =>
      tx.run('add-user-token', { name, tokenId: token.id, hash: token.hash, createdAt: token.createdAt }),
    );
    return row === undefined ? null : userOf(row);
  }

  async findToken(id: string): Promise<TokenRecord | null> {
    const [row] = await this.runner.read((tx) => tx.run('find-user-token', { tokenId: id }));
    if (row === undefined) return null;
    return {
      id: text(row['id']),
      hash: text(row['hash']),
      lastUsedAt: textOrNull(row['lastUsedAt']),
      name: text(row['name']),
      role: role(row['role']),
    };
  }

  async listUsers(): Promise<UserRecord[]> {
    const rows = await this.runner.read((tx) => tx.run('list-users'));
    return rows.map((row) => ({ ...userOf(row), tokens: tokensOf(row['tokens']) }));
  }

  async deleteToken(id: string): Promise<RevokedToken | null> {
    const [row] = await this.runner.write((tx) => tx.run('revoke-user-token', { tokenId: id }));
    return row === undefined ? null : { tokenId: text(row['tokenId']), name: text(row['name']) };
  }

  async deleteUserTokens(name: string): Promise<string[] | null> {
    const [row] = await this.runner.write((tx) => tx.run('revoke-user-tokens', { name }));
    if (row === undefined) return null;
    const ids = row['tokenIds'];
    return Array.isArray(ids) ? ids.map(text).sort() : [];
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.runner.write((tx) => tx.run('touch-user-token', { tokenId: id, at }));
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}

function userOf(row: Row): User {
  return { name: text(row['name']), role: role(row['role']), createdAt: text(row['createdAt']) };
}

function tokensOf(value: unknown): TokenSummary[] {
  if (!Array.isArray(value)) return [];
  return value.map((token: Readonly<Record<string, unknown>>) => ({
    id: text(token['id']),
    createdAt: text(token['createdAt']),
    lastUsedAt: textOrNull(token['lastUsedAt']),
  }));
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected a string from Neo4j, got ${typeof value}`);
  return value;
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : text(value);
}

function role(value: unknown): UserRole {
  if (!isUserRole(value)) throw new Error(`unknown role ${JSON.stringify(value)} stored in Neo4j`);
  return value;
}
