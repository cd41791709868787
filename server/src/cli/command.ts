/** The shape every CLI command has. */
import type { CliIo } from './cli-io.ts';

/** One `fibrograph <name>` command. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs the command and resolves to the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
