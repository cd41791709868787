/** Reads the server's settings from environment variables (the composition root passes them on). */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { storeConfigFromEnv, type StoreConfig } from '../store/open-store.ts';
import { DEFAULT_RESPONSE_CACHE_MB, type AppOptions } from './create-app.ts';
import type { ReviewPolicy } from '../graphql/context.ts';
import { silentLog, stdoutLog, type Log } from './request-log.ts';

/** Everything `npm start` needs besides the open stores. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly store: StoreConfig;
  /** The seed loaded into an empty store on first start. */
  readonly seedDir: string;
  readonly app: Omit<AppOptions, 'store' | 'users'> & { readonly log: Log };
}

const REPO_ROOT = new URL('../../../', import.meta.url);

/**
 * PORT (4000), HOST (127.0.0.1), FIBROGRAPH_REQUIRE_AUTH_FOR_READS=1, FIBROGRAPH_INTROSPECTION=0,
 * NODE_ENV=development (stack traces), FIBROGRAPH_QUIET=1 (no logs), FIBROGRAPH_SEED_DIR (./seed),
 * FIBROGRAPH_WEB_DIR (./web/dist), FIBROGRAPH_RESPONSE_CACHE_MB (64; 0 turns the cache off),
 * FIBROGRAPH_MUTATIONS_PER_MINUTE (60 per editor; across every replica on Neo4j), FIBROGRAPH_REVIEW
 * (`required`, the default: editors propose and another editor approves; `off`: editors publish
 * directly, for a single curator), and the store's own
 * variables (see open-store.ts).
 */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: portOf(env['PORT']),
    host: env['HOST']?.trim() || '127.0.0.1',
    store: storeConfigFromEnv(env),
    seedDir: env['FIBROGRAPH_SEED_DIR'] ?? fileURLToPath(new URL('seed', REPO_ROOT)),
    app: {
      version: packageVersion(),
      webDir: env['FIBROGRAPH_WEB_DIR'] ?? fileURLToPath(new URL('web/dist', REPO_ROOT)),
      requireAuthForReads: env['FIBROGRAPH_REQUIRE_AUTH_FOR_READS'] === '1',
      introspection: env['FIBROGRAPH_INTROSPECTION'] !== '0',
      development: env['NODE_ENV'] === 'development',
      responseCacheMb: cacheMbOf(env['FIBROGRAPH_RESPONSE_CACHE_MB']),
      limits: mutationLimitOf(env['FIBROGRAPH_MUTATIONS_PER_MINUTE']),
      reviewPolicy: reviewPolicyOf(env['FIBROGRAPH_REVIEW']),
      log: env['FIBROGRAPH_QUIET'] === '1' ? silentLog : stdoutLog,
    },
  };
}

function portOf(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 4000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(value)}`);
  }
  return port;
}

function mutationLimitOf(value: string | undefined): { mutationsPerMinute?: number } {
  if (value === undefined || value.trim() === '') return {};
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(
      `FIBROGRAPH_MUTATIONS_PER_MINUTE must be a whole number of changes, 1 or more, not ${JSON.stringify(value)}`,
    );
  }
  return { mutationsPerMinute: limit };
}

function reviewPolicyOf(value: string | undefined): ReviewPolicy {
  const policy = value?.trim() ?? '';
  if (policy === '') return 'required';
  if (policy === 'required' || policy === 'off') return policy;
  throw new Error(`FIBROGRAPH_REVIEW must be "required" or "off", not ${JSON.stringify(value)}`);
}

function cacheMbOf(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RESPONSE_CACHE_MB;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb < 0) {
    throw new Error(
      `FIBROGRAPH_RESPONSE_CACHE_MB must be a number of megabytes, 0 or more, not ${JSON.stringify(value)}`,
    );
  }
  return mb;
}

/** The version in the root package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(new URL('package.json', REPO_ROOT), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
