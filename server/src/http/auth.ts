/**
 * Sign-in at the edge: `Authorization: Bearer <token>` becomes the GraphQL viewer. A header that is
 * present but malformed or invalid is refused (401), never silently treated as anonymous.
 */
import type { Viewer } from '../graphql/index.ts';
import { SignInRefusedError } from '../users/sign-in-guard.ts';
import type { UserStore } from '../users/user-store.ts';

/** Who a request comes from, or why it is refused. */
export type Authentication =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'viewer'; readonly viewer: Viewer }
  | {
      readonly kind: 'refused';
      readonly status: 401 | 429 | 503;
      readonly code: 'UNAUTHENTICATED' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE';
      readonly message: string;
      /** For 429: when to try again. */
      readonly retryAfterSeconds?: number;
      /** Why storage failed, for the log (never sent to the client). */
      readonly cause?: unknown;
    };

// RFC 6750 b64token, case-insensitive scheme.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Authenticates the `Authorization` header (absent: anonymous). `client` is the remote address,
 * which the user store throttles after repeated failures.
 */
export async function authenticateRequest(
  authorization: string | undefined,
  users: Pick<UserStore, 'authenticate'>,
  client?: string,
): Promise<Authentication> {
  if (authorization === undefined) return { kind: 'anonymous' };
  const token = BEARER.exec(authorization)?.[1];
  if (token === undefined) return unauthenticated('The Authorization header must be "Bearer <token>"');
  try {
    const user = await users.authenticate(token, client);
    return user === null ? unauthenticated('Invalid or revoked token') : { kind: 'viewer', viewer: user };
  } catch (cause) {
    if (cause instanceof SignInRefusedError) {
      return {
        kind: 'refused',
        status: 429,
        code: 'RATE_LIMITED',
        message: cause.message,
        retryAfterSeconds: cause.retryAfterSeconds,
      };
    }
    return {
      kind: 'refused',
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'Sign-in is unavailable right now; try again later',
      cause,
    };
  }
}

function unauthenticated(message: string): Authentication {
  return { kind: 'refused', status: 401, code: 'UNAUTHENTICATED', message };
}
