/** Turns an error into one clear line on stderr and an exit code: 2 for usage, 1 for everything else. */
import { isFibroGraphError } from '../domain/errors.ts';
import type { CliIo } from './cli-io.ts';
import { UsageError } from './usage-error.ts';

/** Exit code for bad input and failures. */
export const EXIT_FAILURE = 1;
/** Exit code for a wrong command line. */
export const EXIT_USAGE = 2;

/** Prints `error: <message>` (and the stack when FIBROGRAPH_DEBUG=1) and returns the exit code. */
export function reportError(error: unknown, io: CliIo): number {
  const message = error instanceof Error ? error.message : String(error);
  io.err(`error: ${message}\n`);
  if (error instanceof UsageError) {
    io.err('run "fibrograph help" for usage\n');
    return EXIT_USAGE;
  }
  if (io.env['FIBROGRAPH_DEBUG'] === '1' && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else if (!isFibroGraphError(error)) io.err('(set FIBROGRAPH_DEBUG=1 for details)\n');
  return EXIT_FAILURE;
}
