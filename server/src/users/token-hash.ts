/**
 * Token hashes: scrypt (N=2^14, r=8, p=1) with a random 16-byte salt per token, stored as
 * `scrypt$<N>$<r>$<p>$<salt base64>$<key base64>` so the cost can be raised later without breaking
 * tokens already issued. Verification runs on the libuv thread pool and compares in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// Refuse stored parameters beyond this (a tampered hash must not make every request allocate gigabytes).
const MAX_N = 2 ** 20;

/** Hashes a token secret for storage. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(secret, salt, KEY_LENGTH, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `secret` hashes to `stored`; false for a mismatch or a hash it cannot read. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const [scheme, n, r, p, salt, key] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((value) => Number.isSafeInteger(value) && value > 0)) return false;
  if (cost.N > MAX_N || cost.r > 32 || cost.p > 16) return false;
  const expected = Buffer.from(key, 'base64');
  if (expected.length === 0) return false;
  const actual = await derive(secret, Buffer.from(salt, 'base64'), expected.length, cost);
  return timingSafeEqual(actual, expected);
}

function derive(
  secret: string,
  salt: Buffer,
  length: number,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is just too small for N=2^14 with headroom.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, length, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
