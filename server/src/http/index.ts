/**
 * The HTTP layer's public names: what `main.ts` wires together and what tests drive. Add exports
 * here with intention.
 */
export { createApp, type App, type AppOptions, type AppState } from './create-app.ts';
export { closeOnSignals } from './close-on-signals.ts';
export { DEFAULT_LIMITS, type HttpLimits } from './limits.ts';
export { silentLog, stdoutLog, type Log, type LogLine } from './request-log.ts';
export { seedIfEmpty, type SeedOutcome } from './seed-if-empty.ts';
export { packageVersion, serverConfigFromEnv, type ServerConfig } from './server-config.ts';
