/** `fibrograph validate`: checks the seed files and reports every problem with file and line. */
import path from 'node:path';
import { validateSeed } from '../../seed/validate-seed.ts';
import type { Command } from '../command.ts';
import { parseOptions, stringOption } from '../parse-options.ts';
import { EXIT_FAILURE } from '../report-error.ts';
import { formatProblems, plural, seedCounts } from '../seed-report.ts';

/** The validate command. */
export const validateCommand: Command = {
  name: 'validate',
  summary: 'check the seed files and report every problem with file:line',
  help: `Usage: fibrograph validate [--dir DIR]

Checks the seed files against their JSON Schemas, the domain rules and each other (ids, claim ends,
the relation table, evidence sources, verbatim quotes) and prints every problem as file:line:column.

Options:
  --dir DIR   the seed folder (default: seed)
  -h, --help  show this help

Exits 1 when there is any error; warnings alone do not fail.
`,
  async run(args, io) {
    const parsed = parseOptions('validate', args, { dir: { type: 'string' } });
    if (parsed.help) {
      io.out(this.help);
      return 0;
    }
    const validation = await validateSeed(path.resolve(io.cwd, stringOption(parsed, 'dir', 'seed')));
    io.out(formatProblems(validation, io.cwd));
    if (validation.errorCount > 0) {
      io.out(
        `seed is invalid: ${plural(validation.errorCount, 'error')}, ${plural(validation.warningCount, 'warning')}\n`,
      );
      return EXIT_FAILURE;
    }
    const warnings = validation.warningCount > 0 ? ` (${plural(validation.warningCount, 'warning')})` : '';
    io.out(`seed is valid: ${seedCounts(validation)}${warnings}\n`);
    return 0;
  },
};
