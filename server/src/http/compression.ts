/**
 * gzip for GraphQL answers. A 10k graph's depth-2 neighbourhood is ~58 KB of JSON full of repeated
 * ids, which gzip brings to ~8 KB: less to send, and about seven times more answers fit in the
 * response cache, which keeps them compressed.
 *
 * Answers are compressed on a worker thread. zlib's own asynchronous API does the deflating on libuv's
 * thread pool, but its stream machinery runs on the event loop and cost as much event-loop time as
 * compressing there outright (~75 µs per 50 KB answer, measured with `eventLoopUtilization`); handing
 * the text to a worker costs the event loop ~14 µs. The event loop is what limits a server's reads,
 * so the worker moves the work to a core that is otherwise idle.
 */
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';

/** Smaller bodies are sent as they are: compression would save less than it costs. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Level 1, as nginx defaults to. Measured before the node budget, on a 185 KB neighbourhood: ~0.9 ms
 * for 21 KB, where level 4 took ~1.6 ms for 18 KB and zlib's default 6 ~2.8 ms for 16.5 KB. On two
 * cores the CPU matters more than the last few KB.
 */
const GZIP_LEVEL = 1;

const zlibGzip = promisify(zlib.gzip);

/** gzips text off the event loop. */
export interface Gzipper {
  /** `text` as UTF-8, gzipped. Never fails for want of the worker: without one it uses zlib's own API. */
  gzip(text: string): Promise<Buffer>;
  /** Stops the worker; later calls compress without it. */
  close(): Promise<void>;
}

/**
 * The worker's whole program, as CommonJS source: evaluated, it needs no TypeScript loader, so it runs
 * the same under `tsx` and in any build. The answer is copied into a buffer of its own before it is
 * transferred, because zlib's output may be a view of a larger one.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
parentPort.on('message', ({ id, text, level }) => {
  try {
    const gzipped = new Uint8Array(zlib.gzipSync(Buffer.from(text, 'utf8'), { level }));
    parentPort.postMessage({ id, gzipped }, [gzipped.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

interface WorkerAnswer {
  readonly id: number;
  readonly gzipped?: Uint8Array;
  readonly error?: string;
}

interface Pending {
  readonly text: string;
  readonly resolve: (gzipped: Buffer) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A gzipper backed by one worker thread, started by the first answer it compresses. If the worker
 * fails (cannot start, throws, exits, or sends what cannot be read), the answers it owed and every
 * later one are compressed without it, and `onFailure` hears why once. The worker does not keep the
 * process alive. `workerSource` is the worker's program (tests pass ones that fail or mark answers).
 */
export function createGzipper(
  onFailure: (error: Error) => void = () => {},
  workerSource: string = WORKER_SOURCE,
): Gzipper {
  /** Not started yet, running, or given up (failed or closed: compress without it from then on). */
  let state: 'idle' | Worker | 'stopped' = 'idle';
  const pending = new Map<number, Pending>();
  let nextId = 0;

  /** Stops using the worker and compresses what it still owed without it. */
  const abandon = (): void => {
    state = 'stopped';
    const owed = [...pending.values()];
    pending.clear();
    for (const { text, resolve, reject } of owed) gzipWithoutWorker(text).then(resolve, reject);
  };
  const fail = (error: Error): void => {
    if (state === 'stopped') return;
    // Settle what is owed first: a throwing reporter must not leave answers waiting.
    abandon();
    try {
      onFailure(error);
    } catch {
      // Reporting is best effort; the answers are already taken care of.
    }
  };
  const start = (): Worker => {
    // No `--import tsx` and the like: the worker's program is plain CommonJS, and starts faster bare.
    const worker = new Worker(workerSource, { eval: true, execArgv: [] });
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      const waiting = pending.get(answer.id);
      if (waiting === undefined) return;
      pending.delete(answer.id);
      if (answer.gzipped !== undefined) {
        const { buffer, byteOffset, byteLength } = answer.gzipped;
        waiting.resolve(Buffer.from(buffer, byteOffset, byteLength));
      } else waiting.reject(new Error(`gzip failed: ${answer.error ?? 'unknown error'}`));
    });
    worker.on('error', fail);
    worker.on('messageerror', fail);
    worker.on('exit', (code) => {
      fail(new Error(`the gzip worker stopped (exit code ${code})`));
    });
    return worker;
  };

  return {
    gzip(text) {
      if (state === 'idle') {
        try {
          state = start();
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      }
      if (state === 'idle' || state === 'stopped') return gzipWithoutWorker(text);
      const worker = state;
      const id = nextId;
      nextId += 1;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { text, resolve, reject });
        worker.postMessage({ id, text, level: GZIP_LEVEL });
      });
    },
    async close() {
      const worker = state;
      // Answers already handed over are finished without the worker; the worker is not waited for.
      abandon();
      if (worker !== 'idle' && worker !== 'stopped') await worker.terminate();
    },
  };
}

/** `text` gzipped by zlib's own asynchronous API (the thread pool), for when there is no worker. */
function gzipWithoutWorker(text: string): Promise<Buffer> {
  return zlibGzip(Buffer.from(text, 'utf8'), { level: GZIP_LEVEL });
}

/** True when an Accept-Encoding header accepts gzip (`gzip` or `*` with a non-zero q, RFC 9110 §12.5.3). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let star = false;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (coding.trim() === 'gzip') return accepted;
    if (coding.trim() === '*') star = accepted;
  }
  return star;
}
