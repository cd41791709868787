/**
 * Serves the built web explorer (web/dist) at `/`: files as they are, and index.html for paths
 * without an extension (the explorer's own routes). Without a build, a short page pointing at /graphql.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
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
  '.wasm': 'application/wasm',
};

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
    await sendFile(req, res, index, false);
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
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-length': String(fs.statSync(file).size),
    // Vite fingerprints everything under assets/; the rest (index.html) must be revalidated.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
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
