/**
 * What a UserStore adapter persists: users and token hashes, nothing else. Hashing, caching and
 * validation live in `token-user-store.ts`, shared by every adapter, so adapters only translate.
 */
import type { SharedFailureWindows } from './sign-in-guard.ts';
import type { RevokedToken, TokenSummary, User, UserRole } from './user-store.ts';

/** A token as stored: its public id and the scrypt hash of its secret. */
export interface StoredToken {
  readonly id: string;
  readonly hash: string;
  readonly createdAt: string;
}

/** A stored token with the user it belongs to, for authentication. */
export interface TokenRecord {
  readonly id: string;
  readonly hash: string;
  readonly lastUsedAt: string | null;
  readonly name: string;
  readonly role: UserRole;
}

/** A user and their tokens (oldest first), for listings. */
export interface UserRecord extends User {
  readonly tokens: readonly TokenSummary[];
}

/** The storage half of a UserStore. Inputs arrive validated. */
export interface UserRecords {
  /** Stores a user with a first token; throws AlreadyExistsError when the name is taken. */
  insertUser(user: User, token: StoredToken): Promise<void>;
  /** Stores another token for a user; resolves to the user, or null when there is no such user. */
  insertToken(name: string, token: StoredToken): Promise<User | null>;
  findToken(id: string): Promise<TokenRecord | null>;
  /** Every user sorted by name. */
  listUsers(): Promise<UserRecord[]>;
  /** Deletes a token; null when there was none with that id. */
  deleteToken(id: string): Promise<RevokedToken | null>;
  /** Deletes every token of a user and returns their ids; null when there is no such user. */
  deleteUserTokens(name: string): Promise<string[] | null>;
  /** Records when a token was last used; a no-op for a token that is gone. */
  touchToken(id: string, at: string): Promise<void>;
  /**
   * Present when several API processes may share the records (Neo4j): failed sign-ins counted in the
   * database, so the throttle holds across replicas. One process keeps them in memory.
   */
  readonly sharedFailureWindows?: SharedFailureWindows;
  close(): Promise<void>;
}
