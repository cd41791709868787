/**
 * Serves the built web explorer (web/dist) at `/`: files as they are, and index.html for paths
 * without an extension (the explorer's own routes). Without a build, a short page pointing at /graphql.
 * Text files (scripts, styles, HTML, JSON, SVG) go gzipped to clients that accept it: the explorer's
 * first screen is ~900 KB of JavaScript as built and ~260 KB gzipped.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { acceptsGzip, MIN_COMPRESSED_BYTES } from './compression.ts';
import { sendGraphQLError } from './json-response.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Types worth compressing; images, fonts and the like are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.txt', '.svg', '.wasm']);

const gzip = promisify(zlib.gzip);

/**
 * Gzipped copies of served files, made once per file version (path, size and mtime) at the highest
 * level: built files never change while they are served, so the cost is paid once.
 */
const gzipped = new Map<string, { readonly version: string; readonly body: Promise<Buffer> }>();

function gzippedCopy(file: string, stat: fs.Stats): Promise<Buffer> {
  const version = `${stat.size}:${stat.mtimeMs}`;
  const kept = gzipped.get(file);
  if (kept?.version === version) return kept.body;
  const body = fs.promises.readFile(file).then((plain) => gzip(plain, { level: 9 }));
  gzipped.set(file, { version, body });
  // A failed read is not kept, so the next request tries again.
  body.catch(() => gzipped.delete(file));
  return body;
}

/** Shown at `/` until the web explorer is built. */
export const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>FibroGraph</title></head>
<body>
<h1>FibroGraph</h1>
<p>A knowledge graph of fibromyalgia theories. The web explorer is not built yet;
the GraphQL API is at <a href="/graphql">/graphql</a>
(POST JSON, or GET for queries), and its health at <a href="/healthz">/healthz</a>.</p>
</body>
</html>
`;

/** Serves GET/HEAD `pathname` from `webDir` (null: no explorer, the placeholder page at `/`). */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  webDir: string | null,
): Promise<void> {
  const root = webDir === null ? null : path.resolve(webDir);
  const index = root === null ? null : path.join(root, 'index.html');
  if (root === null || index === null || !isFile(index)) {
    if (pathname === '/' || pathname === '/index.html') {
      sendText(res, 200, PLACEHOLDER_PAGE, CONTENT_TYPES['.html'], 'no-cache');
    } else {
      sendGraphQLError(res, 404, 'NOT_FOUND', `Nothing at ${pathname}`);
    }
    return;
  }
  const file = resolveInside(root, pathname);
  if (file !== null && isFile(file)) {
    await sendFile(req, res, file, pathname.startsWith('/assets/'));
  } else if (file !== null && path.extname(file) === '') {
    // A page of its own (/graphiql → graphiql.html), else one of the explorer's routes.
    const page = `${file}.html`;
    await sendFile(req, res, isFile(page) ? page : index, false);
  } else {
    sendGraphQLError(res, 404, 'NOT_FOUND', `Nothing at ${pathname}`);
  }
}

/** The file `pathname` names under `root`, or null when it is malformed or escapes `root`. */
function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative === '' ? path.join(root, 'index.html') : file;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean) {
  const extension = path.extname(file).toLowerCase();
  const type = CONTENT_TYPES[extension] ?? 'application/octet-stream';
  const stat = fs.statSync(file);
  const headers = {
    'content-type': type,
    // Vite fingerprints everything under assets/; the rest (index.html) must be revalidated.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  const compressible = COMPRESSIBLE.has(extension) && stat.size >= MIN_COMPRESSED_BYTES;
  if (compressible && acceptsGzip(req.headers['accept-encoding'])) {
    const body = await gzippedCopy(file, stat);
    res.writeHead(200, {
      ...headers,
      'content-encoding': 'gzip',
      'content-length': String(body.length),
      vary: 'accept-encoding',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-length': String(stat.size),
    ...(compressible ? { vary: 'accept-encoding' } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(fs.createReadStream(file), res);
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  type: string | undefined,
  cache: string,
) {
  res.writeHead(status, {
    'content-type': type ?? 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': cache,
  });
  res.end(text);
}
