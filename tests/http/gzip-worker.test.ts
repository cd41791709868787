/**
 * The gzip worker: the worker does the compressing, answers round-trip byte for byte (multi-byte text
 * included), many at once come back to the right callers, and when the worker dies, throws or is
 * closed every answer is still compressed without it, with the failure reported once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createGzipper, type Gzipper } from '../../server/src/http/compression.ts';

/** Text like an answer, different for each `n`, with characters outside ASCII. */
function answerText(n: number): string {
  const nodes = Array.from({ length: 60 }, (_, i) => ({
    id: `symptom:s-${n}-${i}`,
    name: `Kälteschmerz ${i} – ${n}`,
  }));
  return JSON.stringify({ data: { neighborhood: { nodes } } });
}

const gunzip = (gzipped: Buffer): string => zlib.gunzipSync(gzipped).toString('utf8');

const opened: Gzipper[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((gzipper) => gzipper.close()));
});

function open(...args: Parameters<typeof createGzipper>): Gzipper {
  const gzipper = createGzipper(...args);
  opened.push(gzipper);
  return gzipper;
}

describe('gzip worker', () => {
  it('compresses many answers at once, each to its own caller', async () => {
    const failures: Error[] = [];
    const gzipper = open((error) => failures.push(error));
    const texts = Array.from({ length: 200 }, (_, n) => answerText(n));
    const gzipped = await Promise.all(texts.map((text) => gzipper.gzip(text)));
    expect(gzipped.map(gunzip)).toEqual(texts);
    for (const body of gzipped) expect(body.length).toBeLessThan(Buffer.byteLength(texts[0] ?? '') / 2);
    expect(failures).toEqual([]);
  });

  it('compresses on the worker, not without it', async () => {
    // A worker program that marks what it compresses: the mark can only come from the worker.
    const marking = `
      const { parentPort } = require('node:worker_threads');
      const zlib = require('node:zlib');
      parentPort.on('message', ({ id, text, level }) => {
        const gzipped = new Uint8Array(zlib.gzipSync(Buffer.from('worker:' + text), { level }));
        parentPort.postMessage({ id, gzipped }, [gzipped.buffer]);
      });`;
    const gzipper = open(() => {}, marking);
    const texts = Array.from({ length: 5 }, (_, n) => answerText(n));
    const gzipped = await Promise.all(texts.map((text) => gzipper.gzip(text)));
    expect(gzipped.map(gunzip)).toEqual(texts.map((text) => `worker:${text}`));
  });

  it('finishes what a throwing worker owed, reports once, and survives a reporter that throws', async () => {
    let reports = 0;
    const throwing = `
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', () => { throw new Error('deflate exploded'); });`;
    const gzipper = open(() => {
      reports += 1;
      throw new Error('the log is broken too');
    }, throwing);
    const texts = Array.from({ length: 10 }, (_, n) => answerText(n));
    const owed = await Promise.all(texts.map((text) => gzipper.gzip(text)));
    expect(owed.map(gunzip)).toEqual(texts);
    expect(gunzip(await gzipper.gzip(answerText(42)))).toBe(answerText(42));
    await sleep(50);
    expect(reports).toBe(1);
  });

  it('finishes what a dying worker owed without it and reports the death once', async () => {
    const failures: Error[] = [];
    // A worker that exits as it starts stands in for one that crashes.
    const gzipper = open((error) => failures.push(error), 'process.exit(3)');
    const texts = Array.from({ length: 20 }, (_, n) => answerText(n));
    const owed = await Promise.all(texts.map((text) => gzipper.gzip(text)));
    expect(owed.map(gunzip)).toEqual(texts);
    const later = await gzipper.gzip(answerText(99));
    expect(gunzip(later)).toBe(answerText(99));
    expect(failures.map((error) => error.message)).toEqual(['the gzip worker stopped (exit code 3)']);
  });

  it('keeps compressing after close, and close is safe to repeat', async () => {
    const failures: Error[] = [];
    const gzipper = open((error) => failures.push(error));
    const before = gzipper.gzip(answerText(1));
    await gzipper.close();
    await gzipper.close();
    expect(gunzip(await before)).toBe(answerText(1));
    expect(gunzip(await gzipper.gzip(answerText(2)))).toBe(answerText(2));
    await sleep(50);
    expect(failures).toEqual([]);
  });
});
