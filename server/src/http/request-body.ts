/** Reads a request body up to a size cap, and parses JSON bodies. */
import type { IncomingMessage } from 'node:http';

/** A body read in full, or the news that it was over the cap. */
export type BodyRead = { readonly kind: 'read'; readonly text: string } | { readonly kind: 'too-large' };

/** Reads the body; stops reading (and says so) once it passes `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.pause();
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      resolve({ kind: 'read', text: Buffer.concat(chunks).toString('utf8') });
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client closed the connection before sending the whole body'));
    });
  });
}

/** What a POST body holds for GraphQL. */
export type ParsedBody =
  | { readonly kind: 'json'; readonly value: unknown }
  /** Not JSON: handed to Apollo without a body, which refuses it (CSRF or "invalid Content-Type"). */
  | { readonly kind: 'not-json' }
  | { readonly kind: 'invalid-json' }
  | { readonly kind: 'unsupported-charset'; readonly charset: string };

/** Parses `text` as JSON when `contentType` is `application/json` (UTF-8). */
export function parseBody(contentType: string | undefined, text: string): ParsedBody {
  const [essence = '', ...params] = (contentType ?? '').split(';');
  if (essence.trim().toLowerCase() !== 'application/json') return { kind: 'not-json' };
  for (const param of params) {
    const [name = '', value = ''] = param.split('=');
    const charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
    if (name.trim().toLowerCase() === 'charset' && charset !== 'utf-8' && charset !== 'utf8') {
      return { kind: 'unsupported-charset', charset };
    }
  }
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid-json' };
  }
}
