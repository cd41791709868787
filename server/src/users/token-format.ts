/**
 * The bearer token format: `fg_<id>_<secret>`. The id (16 hex characters, 64 random bits) is public:
 * it names the token in listings and revocations and lets authentication find the one stored hash
 * to check. The secret (43 base64url characters, 256 random bits) is never stored.
 */
import { randomBytes } from 'node:crypto';

/** A token split into its public id and its secret. */
export interface TokenParts {
  readonly id: string;
  readonly secret: string;
}

const TOKEN_PATTERN = /^fg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const ID_PATTERN = /^(?:fg_)?([0-9a-f]{16})(?:_[A-Za-z0-9_-]{43})?$/;

/** A new random token. */
export function generateToken(): TokenParts & { readonly token: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `fg_${id}_${secret}` };
}

/** Splits a bearer token into id and secret, or returns null when it is not shaped like one. */
export function parseToken(token: string): TokenParts | null {
  const match = TOKEN_PATTERN.exec(token);
  return match?.[1] !== undefined && match[2] !== undefined ? { id: match[1], secret: match[2] } : null;
}

/** The token id named by an id, by `fg_<id>`, or by a whole token; null when it is none of these. */
export function tokenIdOf(idOrPrefix: string): string | null {
  return ID_PATTERN.exec(idOrPrefix.trim())?.[1] ?? null;
}
