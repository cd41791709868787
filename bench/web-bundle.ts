/**
 * Target (b): the JavaScript a first visit downloads before the explorer can start. Read from the
 * built web/dist: the entry module of index.html, every `modulepreload` link, and everything those
 * import statically; lazily imported chunks (the editor) are reported apart. Each file is gzipped at
 * level 9 and the sizes summed, as a server with static gzip would send them.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The reported budget: initial JavaScript, gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 350_000;

/** Why a file is in the initial set: the entry, a preload link, or imported by one of them. */
export type InitialRole = 'entry' | 'modulepreload' | 'static import';

/** One JavaScript file and its sizes. */
export interface BundleFile {
  readonly file: string;
  readonly role: InitialRole | 'lazy';
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Everything `measureBundle` found. */
export interface BundleFigures {
  readonly distDir: string;
  readonly initial: readonly BundleFile[];
  readonly initialGzipBytes: number;
  readonly initialBytes: number;
  /** Chunks only ever reached through `import()` (the editor), with their own static imports. */
  readonly lazy: readonly BundleFile[];
  /** Stylesheets index.html links (not JavaScript, not in the budget; for information). */
  readonly css: readonly BundleFile[];
  readonly budgetBytes: number;
}

// Minified ES modules: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`;
// rolldown quotes specifiers with backticks as often as with double quotes.
const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]([^"'`\s]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`\s]+\.js)["'`]\s*\)/g;

/** Measures the initial and lazy JavaScript of the build in `distDir`. */
export function measureBundle(distDir: string): BundleFigures {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const initialRoles = new Map<string, InitialRole>();
  for (const src of attributeValues(html, 'script', 'src', (tag) => /type=["']module["']/.test(tag)))
    initialRoles.set(distPath(distDir, '/', src), 'entry');
  for (const href of attributeValues(html, 'link', 'href', (tag) => /rel=["']modulepreload["']/.test(tag))) {
    const file = distPath(distDir, '/', href);
    if (!initialRoles.has(file)) initialRoles.set(file, 'modulepreload');
  }
  if (initialRoles.size === 0) throw new Error(`${distDir}/index.html has no module script`);

  // Static closure of the initial files; dynamic imports seen on the way are the lazy roots.
  const lazyRoots = new Set<string>();
  const pending = [...initialRoles.keys()];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    const { staticImports, dynamicImports } = importsOf(distDir, file);
    for (const imported of staticImports) {
      if (initialRoles.has(imported)) continue;
      initialRoles.set(imported, 'static import');
      pending.push(imported);
    }
    for (const imported of dynamicImports) lazyRoots.add(imported);
  }
  const lazyFiles = new Set<string>();
  const lazyPending = [...lazyRoots].filter((file) => !initialRoles.has(file));
  for (let file = lazyPending.pop(); file !== undefined; file = lazyPending.pop()) {
    if (lazyFiles.has(file) || initialRoles.has(file)) continue;
    lazyFiles.add(file);
    const { staticImports, dynamicImports } = importsOf(distDir, file);
    lazyPending.push(...staticImports, ...dynamicImports);
  }

  const initial = [...initialRoles].map(([file, role]) => sized(distDir, file, role));
  const css = attributeValues(html, 'link', 'href', (tag) => /rel=["']stylesheet["']/.test(tag)).map((href) =>
    sized(distDir, distPath(distDir, '/', href), 'static import'),
  );
  return {
    distDir,
    initial,
    initialGzipBytes: initial.reduce((sum, file) => sum + file.gzipBytes, 0),
    initialBytes: initial.reduce((sum, file) => sum + file.bytes, 0),
    lazy: [...lazyFiles].sort().map((file) => sized(distDir, file, 'lazy')),
    css,
    budgetBytes: INITIAL_JS_BUDGET_BYTES,
  };
}

/** Values of `attribute` on every `<tag …>` of `html` that `accept` lets through. */
function attributeValues(
  html: string,
  tag: string,
  attribute: string,
  accept: (openingTag: string) => boolean,
): string[] {
  const values: string[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'gi'))) {
    const openingTag = match[0];
    const value = new RegExp(`\\b${attribute}=["']([^"']+)["']`, 'i').exec(openingTag)?.[1];
    if (value !== undefined && accept(openingTag)) values.push(value);
  }
  return values;
}

/** The static and dynamic import specifiers of a built module, as dist-relative paths. */
function importsOf(distDir: string, file: string): { staticImports: string[]; dynamicImports: string[] } {
  const source = fs.readFileSync(path.join(distDir, file), 'utf8');
  const from = `/${path.posix.dirname(file)}/`;
  const resolve = (specifier: string): string => distPath(distDir, from, specifier);
  return {
    staticImports: [...source.matchAll(STATIC_IMPORT)].map((match) => resolve(match[1] ?? '')),
    dynamicImports: [...source.matchAll(DYNAMIC_IMPORT)].map((match) => resolve(match[1] ?? '')),
  };
}

/** A URL in the page (absolute, or relative to `fromDir`) as a path relative to `distDir`; it must exist. */
function distPath(distDir: string, fromDir: string, url: string): string {
  const pathname = new URL(url, `http://dist${fromDir}`).pathname;
  const relative = pathname.replace(/^\/+/, '');
  if (!fs.existsSync(path.join(distDir, relative)))
    throw new Error(`${url} (from ${fromDir}) is not in ${distDir}`);
  return relative;
}

function sized(distDir: string, file: string, role: BundleFile['role']): BundleFile {
  const content = fs.readFileSync(path.join(distDir, file));
  return {
    file,
    role,
    bytes: content.length,
    gzipBytes: zlib.gzipSync(content, { level: 9 }).length,
  };
}
