#!/usr/bin/env node
// Start a real, disposable Neo4j Community server without Docker.
//
// How: Maven resolves org.neo4j:neo4j (pinned in ./pom.xml) and its runtime
// dependencies into a cache dir once; after that we run the server's own main
// class, org.neo4j.server.CommunityEntryPoint, straight off that classpath with
// a generated home dir + neo4j.conf. No tarball, no bin/neo4j script, no Docker.
//
// Library use (test setup):
//   import { startLocalNeo4j } from './scripts/neo4j-local/neo4j-local.mjs';
//   const neo = await startLocalNeo4j();   // { uri, username, password, database, stop, pid }
//   ...; await neo.stop();
//
// CLI use:
//   node scripts/neo4j-local/neo4j-local.mjs start [--port 7687] [--data-dir DIR] [--password X]
//   node scripts/neo4j-local/neo4j-local.mjs fetch
//
// Plain Node ESM with built-ins only, so it runs before `npm install` and in CI.

import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const POM_PATH = path.join(HERE, 'pom.xml');

const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
// neo4j-admin's real main class; the bin/neo4j-admin wrapper (Neo4jAdminCommand)
// only forks a JVM that runs this, so we call it directly.
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';

const MIN_JAVA = 17;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const LOG_TAIL_LINES = 40;
const VERSION_MARKER = '.neo4j-version';

const DEFAULTS = Object.freeze({
  password: 'fibrograph-test',
  heapMb: 512,
  pageCacheMb: 256,
});

/** The single source of truth for the Neo4j version is pom.xml. */
export const NEO4J_VERSION = readPinnedVersion();

// ---------------------------------------------------------------------------
// Prerequisites
// ---------------------------------------------------------------------------

function prereqError(message) {
  const err = new Error(message);
  err.code = 'NEO4J_PREREQ_MISSING';
  return err;
}

function readPinnedVersion() {
  const pom = fs.readFileSync(POM_PATH, 'utf8');
  const match = pom.match(/<neo4j\.version>\s*([^<\s]+)\s*<\/neo4j\.version>/);
  if (!match) throw new Error(`No <neo4j.version> property in ${POM_PATH}`);
  return match[1];
}

/** Honour JAVA_HOME like the real neo4j scripts do; otherwise use PATH. */
function javaBinary() {
  const home = process.env.JAVA_HOME;
  const candidate = home && path.join(home, 'bin', 'java');
  return candidate && fs.existsSync(candidate) ? candidate : 'java';
}

/** Throws NEO4J_PREREQ_MISSING unless a Java 17+ runtime is available. */
function checkJava(java) {
  const res = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (res.error) {
    throw prereqError(
      `Java ${MIN_JAVA}+ is required to run Neo4j but '${java}' could not be run ` +
        `(${res.error.code ?? res.error.message}). Install a JDK/JRE ${MIN_JAVA}+ or set JAVA_HOME.`,
    );
  }
  // `java -version` prints to stderr, e.g. `openjdk version "17.0.15" 2025-04-15` or `"1.8.0_392"`.
  const text = `${res.stderr}${res.stdout}`;
  const m = text.match(/version "(\d+)(?:\.(\d+))?/);
  if (!m) throw prereqError(`Could not parse the Java version from: ${text.trim()}`);
  const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
  if (major < MIN_JAVA) {
    throw prereqError(`Neo4j ${NEO4J_VERSION} needs Java ${MIN_JAVA}+, but '${java}' is Java ${major}.`);
  }
  return major;
}

/** Maven is only needed when the jar cache is cold, so it is checked lazily. */
function checkMaven() {
  const res = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    throw prereqError(
      'Maven (`mvn`) is required once to download the Neo4j jars but was not found on PATH. ' +
        'Install Maven 3.6+, or pre-populate the cache dir (FIBROGRAPH_NEO4J_HOME).',
    );
  }
}

// ---------------------------------------------------------------------------
// Jar cache
// ---------------------------------------------------------------------------

/** Cache root: $FIBROGRAPH_NEO4J_HOME or ~/.cache/fibrograph/neo4j-5.26. */
export function neo4jCacheDir() {
  return (
    process.env.FIBROGRAPH_NEO4J_HOME ||
    path.join(os.homedir(), '.cache', 'fibrograph', `neo4j-${NEO4J_VERSION.split('.').slice(0, 2).join('.')}`)
  );
}

function isResolved(libDir) {
  try {
    return fs.readFileSync(path.join(libDir, VERSION_MARKER), 'utf8').trim() === NEO4J_VERSION;
  } catch {
    return false;
  }
}

/** Runs a command, collecting output; rejects with the output tail on failure. */
function run(cmd, args, { env, log, onSpawn } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn?.(child);
    let output = '';
    const collect = (chunk) => {
      // Maven 3.8 emits bare ANSI resets even in batch mode; drop them.
      const text = stripVTControlCharacters(String(chunk));
      output += text;
      for (const line of text.split('\n')) if (line.trim()) log?.(line);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve(output);
      const tail = output.trim().split('\n').slice(-LOG_TAIL_LINES).join('\n');
      reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${tail}`));
    });
  });
}

/**
 * Makes sure the Neo4j jars are in `<cacheDir>/lib` and returns that dir.
 * Maven writes into a private temp dir which is renamed into place only when
 * complete (marker included), so an interrupted download never looks valid and
 * concurrent first runs (parallel test workers) cannot see a half-filled dir.
 */
export async function resolveNeo4jJars({ cacheDir = neo4jCacheDir(), log } = {}) {
  const libDir = path.join(cacheDir, 'lib');
  if (isResolved(libDir)) return libDir;

  checkMaven();
  await fsp.mkdir(cacheDir, { recursive: true });
  const tmpDir = await fsp.mkdtemp(path.join(cacheDir, 'lib.tmp-'));
  try {
    log?.(`Resolving org.neo4j:neo4j:${NEO4J_VERSION} with Maven into ${libDir} (first run only)...`);
    await run(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        POM_PATH,
        'dependency:copy-dependencies',
        '-Dstyle.color=never',
        `-DoutputDirectory=${tmpDir}`,
        '-DincludeScope=runtime',
      ],
      { log },
    );
    await fsp.writeFile(path.join(tmpDir, VERSION_MARKER), `${NEO4J_VERSION}\n`);
    await fsp.chmod(tmpDir, 0o755); // mkdtemp makes it 0700; the cache may be shared
    await swapIntoPlace(tmpDir, libDir);
  } finally {
    await fsp.rm(tmpDir, { recursive: true, force: true });
  }
  if (!isResolved(libDir)) throw new Error(`Jar resolution finished but ${libDir} is not usable`);
  return libDir;
}

async function swapIntoPlace(tmpDir, libDir) {
  if (isResolved(libDir)) return; // another process won the race; keep theirs
  if (fs.existsSync(libDir)) {
    // Stale jars from another version: move aside first, rename is atomic.
    const old = `${libDir}.old-${process.pid}-${Date.now()}`;
    await fsp.rename(libDir, old).catch(() => {});
    await fsp.rm(old, { recursive: true, force: true });
  }
  try {
    await fsp.rename(tmpDir, libDir);
  } catch (err) {
    if (!isResolved(libDir)) throw err; // lost a race but the winner is fine
  }
}

// ---------------------------------------------------------------------------
// Ports and Bolt readiness
// ---------------------------------------------------------------------------

/** Asks the OS for a free loopback port (tiny race window until Neo4j binds it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Fails fast if a fixed port is taken. Without this, a Bolt server that is
 * already listening there (say, a dev instance) would answer our readiness
 * probe and we would report success while our own JVM dies on "address in use".
 */
function assertPortFree(port, what) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', (err) => {
      const e = new Error(`${what} port 127.0.0.1:${port} is not available (${err.code})`);
      e.code = 'NEO4J_PORT_IN_USE';
      reject(e);
    });
    srv.listen({ host: '127.0.0.1', port }, () => srv.close(() => resolve()));
  });
}

/** A fixed port is checked; 0/undefined means "any free port". */
async function choosePort(requested, what) {
  if (!requested) return freePort();
  await assertPortFree(requested, what);
  return requested;
}

// Bolt handshake: magic preamble, then four 4-byte version proposals
// [reserved, range, minor, major]. 0x00080805 = "5.8 down to 5.0", then 4.4..4.0.
const BOLT_HANDSHAKE = Buffer.from([
  0x60, 0x60, 0xb0, 0x17, 0x00, 0x08, 0x08, 0x05, 0x00, 0x04, 0x04, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00,
]);

/**
 * Resolves with the agreed "major.minor" once a Bolt server answers the
 * handshake with its 4-byte reply; rejects on refusal/timeout. The port only
 * accepts connections after the databases are up, so a reply means "usable".
 */
export function boltHandshake(port, { host = '127.0.0.1', timeoutMs = 2000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let reply = Buffer.alloc(0);
    const done = (err, value) => {
      socket.destroy();
      if (err) reject(err);
      else resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done(new Error('Bolt handshake timed out')));
    socket.on('error', (err) => done(err));
    socket.on('connect', () => socket.write(BOLT_HANDSHAKE));
    socket.on('data', (chunk) => {
      reply = Buffer.concat([reply, chunk]);
      if (reply.length >= 4) done(null, `${reply[3]}.${reply[2]}`);
    });
    socket.on('end', () => done(new Error('Bolt server closed the connection during the handshake')));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Linux: is the socket listening on `port` one of `pid`'s open files? Guards
 * against the free-port race (another process grabbing "our" port between
 * picking and binding it) making a foreign Bolt server look like ours.
 * Returns null where /proc is unavailable (then the handshake alone counts).
 */
function ownsListeningPort(pid, port) {
  try {
    const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
    const inodes = new Set();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      for (const row of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
        const cols = row.trim().split(/\s+/); // sl local rem st ... inode(9)
        if (cols[1]?.endsWith(hexPort) && cols[3] === '0A' /* LISTEN */) inodes.add(`socket:[${cols[9]}]`);
      }
    }
    const fdDir = `/proc/${pid}/fd`;
    return fs.readdirSync(fdDir).some((fd) => {
      try {
        return inodes.has(fs.readlinkSync(path.join(fdDir, fd)));
      } catch {
        return false;
      }
    });
  } catch {
    return null;
  }
}

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

/** Polls the Bolt port until our JVM answers, the JVM dies, or the deadline passes. */
async function waitForBolt(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(
        `Neo4j exited before Bolt became ready (code ${child.exitCode}, signal ${child.signalCode})`,
      );
    }
    try {
      const version = await boltHandshake(port, { timeoutMs: 1000 });
      if (ownsListeningPort(child.pid, port) !== false) return version;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`Neo4j did not answer Bolt on 127.0.0.1:${port} within ${timeoutMs / 1000}s`);
}

// ---------------------------------------------------------------------------
// Home dir and configuration
// ---------------------------------------------------------------------------

const SUBDIRS = ['conf', 'data', 'logs', 'plugins', 'import', 'run', 'licenses'];

async function prepareHome(home) {
  await Promise.all(SUBDIRS.map((d) => fsp.mkdir(path.join(home, d), { recursive: true })));
}

/** Everything Neo4j needs, written fresh on every start (ports may change). */
function buildConfig({ home, port, httpPort, auth, heapMb, pageCacheMb, extra }) {
  const dir = (d) => path.join(home, d);
  const settings = {
    // Loopback only: nothing listens on a routable interface.
    'server.default_listen_address': '127.0.0.1',
    'server.default_advertised_address': '127.0.0.1',
    'server.bolt.enabled': true,
    'server.bolt.listen_address': `127.0.0.1:${port}`,
    'server.bolt.advertised_address': `127.0.0.1:${port}`,
    'server.bolt.tls_level': 'DISABLED',
    'server.http.enabled': httpPort != null,
    ...(httpPort != null && {
      'server.http.listen_address': `127.0.0.1:${httpPort}`,
      'server.http.advertised_address': `127.0.0.1:${httpPort}`,
    }),
    'server.https.enabled': false,

    'dbms.security.auth_enabled': auth,
    // Test passwords need not follow the 8-character production minimum.
    'dbms.security.auth_minimum_password_length': 1,

    // Read by the bootloader only; we pass -Xms/-Xmx ourselves, but keeping them
    // here makes the startup diagnostics in debug.log match reality.
    'server.memory.heap.initial_size': `${heapMb}m`,
    'server.memory.heap.max_size': `${heapMb}m`,
    'server.memory.pagecache.size': `${pageCacheMb}m`,

    // Everything (stores, tx logs, logs, pid file) lives under the home dir.
    'server.directories.data': dir('data'),
    'server.directories.logs': dir('logs'),
    'server.directories.plugins': dir('plugins'),
    'server.directories.import': dir('import'),
    'server.directories.run': dir('run'),
    'server.directories.licenses': dir('licenses'),

    'dbms.usage_report.enabled': false,
    // Bolt's Netty shutdown otherwise waits 5 s + 5 s for idle event loops;
    // a disposable server should stop fast. (Internal keys, valid in 5.26.)
    'internal.server.bolt.thread_pool_shutdown_wait_time': '1s',
    'internal.server.bolt.connection_shutdown_wait_time': '1s',
    ...extra,
  };
  return (
    Object.entries(settings)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n'
  );
}

/**
 * JVM flags from the stock neo4j.conf that matter when the server is launched
 * without the bootloader: without the --add-opens the page cache falls back to
 * slower buffers and native tx-log access fails ("Incorrect file descriptor").
 */
function jvmFlags(heapMb) {
  return [
    `-Xms${heapMb}m`,
    `-Xmx${heapMb}m`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    '-XX:+ExitOnOutOfMemoryError', // a dead test DB beats a wedged one
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  ];
}

function adminEnv(home) {
  return { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') };
}

// A salted hash of the initial password, kept beside the store so a reused
// data dir started with a different password warns instead of failing later
// with a puzzling "unauthorized". Never the password itself.
const PASSWORD_STAMP = '.fibrograph-initial-password.sha256';

function passwordStamp(home, password) {
  return createHash('sha256').update(`fibrograph-neo4j:${home}:${password}`).digest('hex');
}

/**
 * `neo4j-admin dbms set-initial-password` only has an effect before the
 * system database exists, so on a reused data dir the first password sticks.
 */
async function setInitialPassword({ java, libDir, home, password, log, onSpawn }) {
  const stampFile = path.join(home, PASSWORD_STAMP);
  if (fs.existsSync(path.join(home, 'data', 'databases', 'system'))) {
    const stamp = await fsp.readFile(stampFile, 'utf8').catch(() => null);
    if (stamp !== null && stamp.trim() !== passwordStamp(home, password)) {
      process.emitWarning(
        `Neo4j data dir ${home} was created with a different password; ` +
          'the requested password is ignored (delete the dir to reset it).',
        { code: 'NEO4J_PASSWORD_MISMATCH' },
      );
    }
    log?.(`Reusing existing database in ${home}; its password is the one set when it was created.`);
    return;
  }
  await run(
    java,
    [
      '-XX:TieredStopAtLevel=1',
      '-cp',
      path.join(libDir, '*'),
      ADMIN_TOOL,
      'dbms',
      'set-initial-password',
      password,
    ],
    { env: adminEnv(home), onSpawn },
  );
  await fsp.writeFile(stampFile, `${passwordStamp(home, password)}\n`);
}

// ---------------------------------------------------------------------------
// Process lifecycle
// ---------------------------------------------------------------------------

/**
 * Everything to clean up synchronously if this Node process exits: one record
 * per startLocalNeo4j() call, registered before the temp dir is filled, with
 * `child` being whichever JVM currently runs for it (neo4j-admin, then the server).
 */
const live = new Set();
let exitHooksInstalled = false;

function killAllSync() {
  for (const rec of live) {
    // A temp dir is about to be deleted, so no point in a graceful shutdown;
    // a user-supplied data dir gets SIGTERM so the store is closed cleanly.
    if (rec.child && !hasExited(rec.child)) {
      try {
        rec.child.kill(rec.tempDir ? 'SIGKILL' : 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    if (rec.tempDir) {
      try {
        fs.rmSync(rec.tempDir, { recursive: true, force: true });
      } catch {
        /* best effort */
      }
    }
  }
  live.clear();
}

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', killAllSync);
  // Node's default SIGINT/SIGTERM handling exits WITHOUT emitting 'exit', which
  // would orphan the JVM. If nobody else handles the signal, clean up and then
  // re-raise it so the process still dies the way it would have.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const onSignal = () => {
      if (process.listenerCount(sig) > 1) return; // someone else owns shutdown
      killAllSync();
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

// Exit hooks cannot run when this process is SIGKILLed or crashes hard (for
// example a test runner killing a timed-out worker). A tiny detached shell
// outlives us, notices the parent is gone and tears the JVM down, so no
// 600 MB orphan keeps holding a port. It exits by itself once the JVM is gone.
const WATCHDOG_SCRIPT = `
parent=$1; jvm=$2; dir=$3
while kill -0 "$parent" 2>/dev/null && kill -0 "$jvm" 2>/dev/null; do sleep 1; done
kill -0 "$jvm" 2>/dev/null || exit 0
kill -TERM "$jvm" 2>/dev/null; i=0
while kill -0 "$jvm" 2>/dev/null && [ "$i" -lt ${STOP_TIMEOUT_MS / 1000} ]; do sleep 1; i=$((i+1)); done
kill -KILL "$jvm" 2>/dev/null
if [ -n "$dir" ]; then sleep 1; rm -rf "$dir"; fi
`;

function startWatchdog(jvmPid, tempDir) {
  if (process.platform === 'win32') return null;
  const dog = spawn(
    'sh',
    ['-c', WATCHDOG_SCRIPT, 'neo4j-local-watchdog', String(process.pid), String(jvmPid), tempDir ?? ''],
    { detached: true, stdio: 'ignore' },
  );
  dog.on('error', () => {}); // no sh: we still have the exit hooks
  dog.unref();
  return dog;
}

function waitForExit(child, ms) {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGTERM (Neo4j's shutdown hook checkpoints and closes), then SIGKILL after 30 s. */
async function terminate(rec, { consoleLog, watchdog }) {
  const { child } = rec;
  if (!hasExited(child)) {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  }
  watchdog?.kill();
  await new Promise((r) => consoleLog.end(r));
  await releaseRecord(rec);
}

/** Forgets a record and deletes its temp dir (if it owns one). */
async function releaseRecord(rec) {
  live.delete(rec);
  if (rec.tempDir) await fsp.rm(rec.tempDir, { recursive: true, force: true });
}

/**
 * Spawns the server. stdout/stderr are teed into logs/console.log, the `log`
 * callback, and an in-memory ring of the last lines for error messages (the
 * file may already be deleted with the temp dir by the time we report).
 */
function spawnServer({ java, libDir, home, heapMb, log }) {
  const child = spawn(
    java,
    [
      ...jvmFlags(heapMb),
      '-cp',
      path.join(libDir, '*'),
      ENTRY_POINT,
      `--home-dir=${home}`,
      `--config-dir=${path.join(home, 'conf')}`,
      '--console-mode', // user log on stdout instead of "daemon mode" suppression
    ],
    { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] },
  );

  const consoleLog = fs.createWriteStream(path.join(home, 'logs', 'console.log'), { flags: 'a' });
  const recent = [];
  const onLine = (line) => {
    if (!line.trim()) return;
    recent.push(line);
    if (recent.length > LOG_TAIL_LINES) recent.shift();
    log?.(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      consoleLog.write(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      lines.forEach(onLine);
    });
    stream.on('end', () => onLine(partial));
  }
  return { child, consoleLog, recent };
}

function normalizeOptions(options = {}) {
  // Explicit `undefined` (e.g. an absent CLI flag) must not shadow a default.
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const opts = { ...DEFAULTS, ...given };
  for (const key of ['heapMb', 'pageCacheMb']) {
    if (!Number.isInteger(opts[key]) || opts[key] <= 0)
      throw new TypeError(`${key} must be a positive integer`);
  }
  if (opts.auth !== false && !opts.password) throw new TypeError('password must be a non-empty string');
  return opts;
}

/**
 * Starts a Neo4j Community server on 127.0.0.1 and resolves once Bolt answers.
 *
 * @param {object} [options]
 * @param {number} [options.port]        Bolt port; 0/undefined picks a free one.
 * @param {number} [options.httpPort]    HTTP port (0 = pick a free one); HTTP is disabled when omitted.
 * @param {string} [options.dataDir]     Home/data dir (kept on stop); default: fresh temp dir (deleted on stop).
 * @param {string} [options.password]    Initial password for user `neo4j` (default 'fibrograph-test').
 * @param {boolean} [options.auth]       false disables authentication (default true).
 * @param {number} [options.heapMb]      JVM heap, default 512.
 * @param {number} [options.pageCacheMb] Page cache, default 256.
 * @param {Record<string, string|number|boolean>} [options.config] Extra neo4j.conf settings.
 * @param {string} [options.cacheDir]    Jar cache root (default $FIBROGRAPH_NEO4J_HOME or ~/.cache/fibrograph/neo4j-5.26).
 * @param {number} [options.timeoutMs]   Bolt readiness timeout, default 120000.
 * @param {(line: string) => void} [options.log] Receives progress and server output lines.
 */
export async function startLocalNeo4j(options = {}) {
  const opts = normalizeOptions(options);
  const java = javaBinary();
  checkJava(java);
  const libDir = await resolveNeo4jJars({ cacheDir: opts.cacheDir, log: opts.log });

  const tempDir = opts.dataDir ? null : await fsp.mkdtemp(path.join(os.tmpdir(), 'fibrograph-neo4j-'));
  const home = path.resolve(opts.dataDir ?? tempDir);
  const rec = { child: null, tempDir };
  live.add(rec);
  installExitHooks();
  let prepared;
  try {
    prepared = await prepareServer({
      java,
      libDir,
      home,
      opts,
      onSpawn: (c) => {
        rec.child = c;
      },
    });
  } catch (err) {
    await releaseRecord(rec);
    throw err;
  }
  return launchServer({ java, libDir, home, opts, rec, ...prepared });
}

/** Picks ports, lays out the home dir, writes neo4j.conf and the initial password. */
async function prepareServer({ java, libDir, home, opts, onSpawn }) {
  const port = await choosePort(opts.port, 'Bolt');
  const httpPort = opts.httpPort == null ? null : await choosePort(opts.httpPort, 'HTTP');
  const auth = opts.auth !== false;

  await prepareHome(home);
  await fsp.writeFile(
    path.join(home, 'conf', 'neo4j.conf'),
    buildConfig({
      home,
      port,
      httpPort,
      auth,
      heapMb: opts.heapMb,
      pageCacheMb: opts.pageCacheMb,
      extra: opts.config,
    }),
  );
  if (auth) await setInitialPassword({ java, libDir, home, password: opts.password, log: opts.log, onSpawn });
  return { port, httpPort, auth };
}

/** Spawns the JVM, waits for Bolt, and hands out the connection details + stop(). */
async function launchServer({ java, libDir, home, opts, rec, port, httpPort, auth }) {
  opts.log?.(`Starting Neo4j ${NEO4J_VERSION} on bolt://127.0.0.1:${port} (home ${home})`);
  const { child, consoleLog, recent } = spawnServer({
    java,
    libDir,
    home,
    heapMb: opts.heapMb,
    log: opts.log,
  });
  rec.child = child;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const watchdog = startWatchdog(child.pid, rec.tempDir);

  let stopping;
  const stop = () => (stopping ??= terminate(rec, { consoleLog, watchdog }));
  try {
    await waitForBolt(port, child, opts.timeoutMs ?? READY_TIMEOUT_MS);
  } catch (err) {
    await stop();
    err.message +=
      `\n--- last ${recent.length} lines of the Neo4j log ---\n${recent.join('\n')}` +
      (rec.tempDir ? '' : `\n(full logs: ${path.join(home, 'logs')})`);
    throw err;
  }
  return {
    uri: `bolt://127.0.0.1:${port}`,
    httpUri: httpPort == null ? undefined : `http://127.0.0.1:${httpPort}`,
    username: 'neo4j',
    password: auth ? opts.password : undefined,
    database: 'neo4j',
    dataDir: home,
    pid: child.pid,
    exited,
    stop,
  };
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

const USAGE = `Usage:
  node scripts/neo4j-local/neo4j-local.mjs start [options]   run Neo4j in the foreground
  node scripts/neo4j-local/neo4j-local.mjs fetch             only download the jars (CI pre-install)

Options for start:
  --port N            Bolt port (default: a free port)
  --http-port N       enable HTTP on port N (0 = a free port); disabled by default
  --data-dir DIR      keep the database in DIR (default: temp dir, deleted on exit)
  --password X        initial password for user neo4j (default: ${DEFAULTS.password})
  --no-auth           disable authentication
  --heap-mb N         JVM heap in MiB (default: ${DEFAULTS.heapMb})
  --page-cache-mb N   page cache in MiB (default: ${DEFAULTS.pageCacheMb})
  --quiet             do not echo server log lines to stderr

Env: FIBROGRAPH_NEO4J_HOME (jar cache dir), JAVA_HOME.`;

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const flags = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const boolean = ['no-auth', 'quiet', 'help'].includes(name);
    flags[name] = boolean ? true : eq !== -1 ? arg.slice(eq + 1) : rest[++i];
    if (flags[name] === undefined) throw new Error(`Missing value for --${name}`);
  }
  return { command, flags };
}

function toInt(value, name) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

async function cliStart(flags) {
  const log = flags.quiet ? undefined : (line) => process.stderr.write(`[neo4j] ${line}\n`);
  // Register our own handlers *before* starting so the library's fallback
  // signal hook defers to this graceful stop.
  let server;
  let shuttingDown = false;
  const shutdown = async (sig) => {
    if (shuttingDown) return;
    shuttingDown = true;
    process.stderr.write(`[neo4j-local] ${sig} received, stopping Neo4j...\n`);
    await server?.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  server = await startLocalNeo4j({
    port: toInt(flags.port, 'port'),
    httpPort: toInt(flags['http-port'], 'http-port'),
    dataDir: flags['data-dir'],
    password: flags.password,
    auth: flags['no-auth'] ? false : undefined,
    heapMb: toInt(flags['heap-mb'], 'heap-mb'),
    pageCacheMb: toInt(flags['page-cache-mb'], 'page-cache-mb'),
    log,
  });
  const out = [
    `NEO4J_URI=${server.uri}`,
    `NEO4J_USERNAME=${server.username}`,
    `NEO4J_PASSWORD=${server.password ?? ''}`,
    `NEO4J_DATABASE=${server.database}`,
  ];
  if (server.httpUri) out.push(`NEO4J_HTTP_URI=${server.httpUri}`);
  process.stdout.write(`${out.join('\n')}\n`);

  // If the JVM dies on its own, don't linger pretending to serve.
  const { code, signal } = await server.exited;
  if (shuttingDown) return;
  process.stderr.write(`[neo4j-local] Neo4j exited unexpectedly (code ${code}, signal ${signal})\n`);
  await server.stop();
  process.exit(1);
}

async function main(argv) {
  const { command, flags } = parseArgs(argv);
  if (!command || flags.help || ['help', '-h', '--help'].includes(command)) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === 'fetch') {
    const libDir = await resolveNeo4jJars({ log: (line) => process.stderr.write(`${line}\n`) });
    process.stdout.write(`Neo4j ${NEO4J_VERSION} jars ready in ${libDir}\n`);
    return;
  }
  if (command === 'start') return cliStart(flags);
  throw new Error(`Unknown command '${command}'\n${USAGE}`);
}

function isMainModule() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`neo4j-local: ${err.message}\n`);
    process.exit(err.code === 'NEO4J_PREREQ_MISSING' ? 3 : 1);
  });
}
