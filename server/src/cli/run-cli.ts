/** Dispatches `fibrograph <command> [options]` to its command and maps failures to exit codes. */
import type { CliIo } from './cli-io.ts';
import type { Command } from './command.ts';
import { exportCommand } from './commands/export.ts';
import { helpCommand, overview } from './commands/help.ts';
import { importCommand } from './commands/import.ts';
import { releaseCommand } from './commands/release.ts';
import { seedCommand } from './commands/seed.ts';
import { statsCommand } from './commands/stats.ts';
import { userCommand } from './commands/user.ts';
import { validateCommand } from './commands/validate.ts';
import { EXIT_USAGE, reportError } from './report-error.ts';
import { UsageError } from './usage-error.ts';

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  seedCommand,
  validateCommand,
  importCommand,
  exportCommand,
  statsCommand,
  releaseCommand,
  userCommand,
];

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(overview(COMMANDS));
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h') {
    io.out(overview(COMMANDS));
    return 0;
  }
  try {
    const command =
      name === 'help' ? helpCommand(COMMANDS) : COMMANDS.find((candidate) => candidate.name === name);
    if (!command) {
      throw new UsageError(name.startsWith('-') ? `unknown option "${name}"` : `unknown command "${name}"`);
    }
    return await command.run(args, io);
  } catch (error) {
    return reportError(error, io);
  }
}
