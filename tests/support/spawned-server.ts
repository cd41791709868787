/**
 * `npm start`'s entry point (server/src/main.ts) spawned as a real process, for tests that need the
 * whole server as a user runs it: it waits for the "listening" log line and collects the JSON logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A running server process. */
export interface SpawnedServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Every JSON log line so far. */
  logs(): Record<string, unknown>[];
  /** Sends SIGTERM and resolves with how the process ended. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the server on a free loopback port with `env` on top of a store-free copy of this process's. */
export async function spawnServer(env: NodeJS.ProcessEnv): Promise<SpawnedServer> {
  const { NEO4J_URI: _uri, FIBROGRAPH_DATA_DIR: _dir, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const logs = (): Record<string, unknown>[] => logLines(stdout);
  try {
    const url = await waitFor(
      () => {
        const listening = logs().find((line) => line['msg'] === 'listening');
        return typeof listening?.['url'] === 'string' ? listening['url'] : null;
      },
      () => `a "listening" line (stderr: ${stderr})`,
    );
    return {
      url,
      child,
      logs,
      stop: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        return exited;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

function logLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function waitFor<T>(probe: () => T | null, what: () => string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
