/** `npm start`'s entry point really starts: spawns server/src/main.ts, waits for /healthz, then SIGTERM. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { packageVersion } from '../../server/src/http/index.ts';
import { spawnServer } from '../support/spawned-server.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it('starts, seeds an empty store, serves /healthz, and exits cleanly on SIGTERM', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-main-'));
  dirs.push(dataDir);
  const server = await spawnServer({ FIBROGRAPH_DATA_DIR: dataDir });
  try {
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, store: 'embedded', version: packageVersion() });
    expect(health['nodes']).toBeGreaterThan(100);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    const messages = server.logs().map((line) => line['msg']);
    expect(messages).toEqual(expect.arrayContaining(['seeded the empty store', 'request', 'stopped']));
  } finally {
    server.child.kill('SIGKILL');
  }
}, 60_000);
