/**
 * The UserStore port: who may use the API and with which role. Users sign in with bearer tokens
 * (`fg_<id>_<secret>`, see README.md); only a scrypt hash of each token is stored. The embedded and
 * Neo4j adapters both pass tests/users. Add exports here with intention.
 */

/** Every role, weakest first: readers read, editors also write the graph, admins also manage users. */
export const USER_ROLES = ['reader', 'editor', 'admin'] as const;

/** What a user may do. */
export type UserRole = (typeof USER_ROLES)[number];

/** A user as stored, without any token material. */
export interface User {
  readonly name: string;
  readonly role: UserRole;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
}

/** One active token of a user; never its secret or its hash. */
export interface TokenSummary {
  /** The public id: the `<id>` in `fg_<id>_<secret>`. */
  readonly id: string;
  readonly createdAt: string;
  /** When the token last authenticated a request, to the minute; null if never. */
  readonly lastUsedAt: string | null;
}

/** A user with their active tokens, for listings. */
export interface UserSummary extends User {
  /** Active tokens, oldest first. */
  readonly tokens: readonly TokenSummary[];
  /** The latest `lastUsedAt` of any token; null if none was ever used. */
  readonly lastUsedAt: string | null;
}

/** A freshly issued token. `token` is the bearer secret: show it once, it cannot be read back. */
export interface IssuedToken {
  readonly user: User;
  readonly tokenId: string;
  readonly token: string;
}

/** Who a valid bearer token belongs to. */
export interface AuthenticatedUser {
  readonly name: string;
  readonly role: UserRole;
}

/** A revoked token and whose it was. */
export interface RevokedToken {
  readonly tokenId: string;
  readonly name: string;
}

/** The port. All methods are async; writes resolve only after the change is durable. */
export interface UserStore {
  /** Creates a user and their first token. Throws ValidationError (`name`, `role`) or AlreadyExistsError. */
  addUser(name: string, role: UserRole): Promise<IssuedToken>;
  /** Every user, sorted by name. */
  listUsers(): Promise<UserSummary[]>;
  /** Issues an additional token for an existing user. Throws NotFoundError for an unknown user. */
  issueToken(name: string): Promise<IssuedToken>;
  /**
   * Revokes one token, named by its id, by `fg_<id>`, or by the whole token. Throws NotFoundError
   * when no active token has that id. Effective at once, in every process sharing the storage.
   */
  revokeToken(tokenIdOrPrefix: string): Promise<RevokedToken>;
  /** Revokes every token of a user (the user stays, and can be issued new tokens); returns the revoked ids. */
  revokeUser(name: string): Promise<RevokedToken[]>;
  /**
   * The user a bearer token belongs to, or null for a malformed, unknown, wrong or revoked token.
   * Revocation by any process applies to the next call. `client` (an address) is throttled with the
   * token id after repeated failures: those calls, and calls while verifications are queued full,
   * throw SignInRefusedError instead of checking the secret.
   */
  authenticate(bearerToken: string, client?: string): Promise<AuthenticatedUser | null>;
  /** Waits for pending bookkeeping writes and releases the database; later calls fail with STORE_UNAVAILABLE. */
  close(): Promise<void>;
}

/** True when `value` is a role. */
export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}

/** True when `role` grants at least what `required` grants (reader < editor < admin). */
export function roleAllows(role: UserRole, required: UserRole): boolean {
  return USER_ROLES.indexOf(role) >= USER_ROLES.indexOf(required);
}
