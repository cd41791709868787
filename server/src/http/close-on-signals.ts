/** Graceful shutdown for `npm start`: the first SIGINT/SIGTERM closes the app and exits; a second exits at once. */
import type { App } from './create-app.ts';
import { errorText, type Log } from './request-log.ts';

/** Installs the signal handlers. */
export function closeOnSignals(app: App, log: Log): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log({ level: 'error', msg: 'second signal: exiting without waiting', signal });
      process.exit(1);
    }
    closing = true;
    log({ msg: 'shutting down', signal });
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log({ level: 'error', msg: 'shutdown failed', error: errorText(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
