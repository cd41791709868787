/** Progress bars on stderr, drawn only for an interactive terminal outside CI. */
import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.ts';

/** A progress display; a no-op when progress is not shown. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar labelled `label`, or a silent stand-in when stderr is not a TTY or `CI` is set. */
export function createProgress(io: CliIo, label: string): Progress {
  if (!io.stderrIsTTY || io.env['CI']) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
