/**
 * The explorer under test: the real HTTP app serving the built web/dist over a fresh embedded store
 * in a temporary directory, loaded with the repository's seed, plus an editor's and a reader's token.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, seedIfEmpty, silentLog, type App } from '../../server/src/http/index.ts';
import { openStore } from '../../server/src/store/open-store.ts';
import { openUserStore } from '../../server/src/users/open-user-store.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIST = path.join(REPO_ROOT, 'web', 'dist');

/** A running explorer and the tokens to sign in with. */
export interface ExplorerServer {
  readonly url: string;
  readonly editorToken: string;
  readonly readerToken: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

/** Why the explorer cannot be served (web/dist not built), or null. */
export function webBuildMissing(): string | null {
  return fs.existsSync(path.join(WEB_DIST, 'index.html'))
    ? null
    : 'web/dist is not built: run `npm run build:web` (npm test does it first)';
}

/** Options for the explorer under test. */
export interface ExplorerOptions {
  /** Default 'off' (editors publish directly); the review workflow's tests turn it on. */
  readonly reviewPolicy?: 'required' | 'off';
}

export async function startExplorer(options: ExplorerOptions = {}): Promise<ExplorerServer> {
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'fibrograph-e2e-'));
  const config = { kind: 'embedded', dataDir } as const;
  const store = await openStore(config);
  const users = await openUserStore(config);
  await seedIfEmpty(store, path.join(REPO_ROOT, 'seed'), silentLog);
  const editorToken = (await users.addUser('erin-editor', 'editor')).token;
  const readerToken = (await users.addUser('rory-reader', 'reader')).token;
  const adminToken = (await users.addUser('ada-admin', 'admin')).token;
  const app: App = createApp({
    store,
    users,
    version: '0.0.0-e2e',
    log: silentLog,
    webDir: WEB_DIST,
    reviewPolicy: options.reviewPolicy ?? 'off',
  });
  const url = await app.listen(0, '127.0.0.1');
  return {
    url,
    editorToken,
    readerToken,
    adminToken,
    close: async () => {
      await app.close();
      await fsp.rm(dataDir, { recursive: true, force: true });
    },
  };
}
