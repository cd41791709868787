/** `fibrograph help [command]`: the command list, or one command's help. */
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { UsageError } from '../usage-error.ts';

/** The overview printed by `fibrograph --help`. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  return `Usage: fibrograph <command> [options]

FibroGraph: a knowledge graph of fibromyalgia theories, their mechanisms, symptoms, therapies and evidence.

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`).join('\n')}
  ${'help'.padEnd(width)}show help for a command: fibrograph help <command>

Run "fibrograph <command> --help" for a command's options.
`;
}

/** The help command over the given commands. */
export function helpCommand(commands: readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'show help for a command',
    help: 'Usage: fibrograph help [command]\n',
    run(args, io) {
      const parsed = parseOptions('help', args, {}, 1);
      const name = parsed.positionals[0];
      if (name === undefined || parsed.help) {
        io.out(overview(commands));
        return Promise.resolve(0);
      }
      const command = commands.find((candidate) => candidate.name === name);
      if (!command) throw new UsageError(`unknown command "${name}"`);
      io.out(command.help);
      return Promise.resolve(0);
    },
  };
}
