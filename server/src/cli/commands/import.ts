/** `fibrograph import`: loads a JSON snapshot or a FibroGraph .cyjs file into the store. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../domain/errors.ts';
import { EXPORT_FORMATS, IMPORT_FORMATS, type ImportFormat } from '../../export/formats.ts';
import { detectImportFormat, parseSnapshot } from '../../export/import-snapshot.ts';
import type { Command } from '../command.ts';
import { assertChoice, parseOptions, stringOption } from '../parse-options.ts';
import { createProgress } from '../progress.ts';
import { formatImportReport } from '../seed-report.ts';
import { UsageError } from '../usage-error.ts';
import { withStore } from '../with-store.ts';

const MODES = ['restore', 'upsert'] as const;

/** The import command. */
export const importCommand: Command = {
  name: 'import',
  summary: 'load a JSON snapshot or a FibroGraph .cyjs file into the store',
  help: `Usage: fibrograph import <file> [--format json|cyjs] [--mode restore|upsert]

Options:
  --format json|cyjs      the file's format (default: .cyjs by extension, otherwise detected from
                          the content). GraphML and KGX are export-only and cannot be imported.
  --mode restore|upsert   restore (default): the store must be empty and records keep their
                          versions and timestamps. upsert: create what is missing, update what
                          differs, leave identical records alone.
  -h, --help              show this help
`,
  async run(args, io) {
    const parsed = parseOptions('import', args, { format: { type: 'string' }, mode: { type: 'string' } }, 1);
    if (parsed.help) {
      io.out(this.help);
      return 0;
    }
    const file = parsed.positionals[0];
    if (file === undefined) throw new UsageError('import needs the file to import: fibrograph import <file>');
    const format = importFormat(stringOption(parsed, 'format'));
    const mode = assertChoice('mode', stringOption(parsed, 'mode', 'restore'), MODES);
    const text = await readInput(path.resolve(io.cwd, file));
    const snapshot = parseSnapshot(text, format ?? detectImportFormat(file, text));
    const report = await withStore(io, async (store) => {
      const progress = createProgress(io, 'import');
      try {
        return await store.importGraph(
          snapshot,
          { actor: 'import' },
          {
            mode,
            onProgress: (done, total) => {
              progress.update(done, total);
            },
          },
        );
      } finally {
        progress.stop();
      }
    });
    io.out(
      `imported ${snapshot.nodes.length} nodes and ${snapshot.claims.length} claims (${mode}): ${formatImportReport(report)}\n`,
    );
    return 0;
  },
};

function importFormat(value: string | undefined): ImportFormat | undefined {
  if (value === undefined) return undefined;
  if (
    (EXPORT_FORMATS as readonly string[]).includes(value) &&
    !(IMPORT_FORMATS as readonly string[]).includes(value)
  ) {
    throw new UsageError(
      `${value} cannot be imported: only ${IMPORT_FORMATS.join('|')} can be imported (${value} is export-only)`,
    );
  }
  return assertChoice('format', value, IMPORT_FORMATS);
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ValidationError(
      'file',
      code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file} (${code ?? 'unknown error'})`,
    );
  }
}
