/**
 * Acknowledged writes survive `kill -9`: a child process writes to an embedded store and reports
 * each acknowledged write; we kill it mid-stream and reopen the store from the same files.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it('keeps every acknowledged write after the writer is killed with SIGKILL', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-crash-'));
  dirs.push(dataDir);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/write-loop.ts'), dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const acknowledged: { nodes: string[]; claims: string[] } = { nodes: [], claims: [] };
  const killed = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => {
      resolve();
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [kind, id] = line.split(' ');
      if (id === undefined) return;
      (kind === 'node' ? acknowledged.nodes : acknowledged.claims).push(id);
      // Kill mid-stream, between an acknowledged node and its claim when the timing allows.
      if (acknowledged.nodes.length === 300) child.kill('SIGKILL');
    });
  });
  await killed;
  expect(child.signalCode).toBe('SIGKILL');
  expect(acknowledged.nodes.length).toBeGreaterThanOrEqual(300);

  const store = await openEmbeddedStore({ dataDir });
  try {
    const found = await store.getNodes(acknowledged.nodes);
    expect(found.map((node) => node.id)).toEqual(acknowledged.nodes);
    const claims = await store.getClaims(acknowledged.claims);
    expect(claims.map((claim) => claim.id)).toEqual(acknowledged.claims);
    for (const claim of claims) expect(claim.evidence).toHaveLength(1);
    // Nothing half-written: every stored claim is whole and its history entry exists.
    const stats = await store.stats();
    expect(stats.evidence).toBe(stats.claims);
    expect(stats.changes).toBe(stats.nodes + stats.claims);
    // The reopened store takes writes again.
    await expect(
      store.createNode({ kind: 'symptom', name: 'After the crash' }, { actor: 'test' }),
    ).resolves.toMatchObject({ version: 1 });
  } finally {
    await store.close();
  }
});

it('refuses a second process on the same data directory with a clear error', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-lock-'));
  dirs.push(dataDir);
  const first = await openEmbeddedStore({ dataDir });
  try {
    const script = `import { openEmbeddedStore } from ${JSON.stringify(path.resolve('server/src/store/embedded/embedded-store.ts'))};
      try { await openEmbeddedStore({ dataDir: ${JSON.stringify(dataDir)} }); console.log('opened'); }
      catch (error) { console.log(error.code + ' ' + error.message); }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    expect(output).toMatch(/^STORE_UNAVAILABLE .*in use by another FibroGraph process/);
  } finally {
    await first.close();
  }
});
