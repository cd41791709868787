/** `fibrograph seed`: validates the seed files and upserts them into the configured store. */
import path from 'node:path';
import { loadSeed } from '../../seed/load-seed.ts';
import { validateSeed } from '../../seed/validate-seed.ts';
import type { Command } from '../command.ts';
import { parseOptions, stringOption } from '../parse-options.ts';
import { createProgress } from '../progress.ts';
import { EXIT_FAILURE } from '../report-error.ts';
import { formatImportReport, formatProblems, plural, seedCounts } from '../seed-report.ts';
import { withStore } from '../with-store.ts';

/** The seed command. */
export const seedCommand: Command = {
  name: 'seed',
  summary: 'validate the seed files and upsert them into the store (idempotent)',
  help: `Usage: fibrograph seed [--dir DIR] [--if-empty]

Validates the seed files, then creates what is missing in the store and updates what changed.
Records that are already identical are left alone, so seeding twice changes nothing the second time.
Nothing is written when validation finds an error.

Options:
  --dir DIR   the seed folder (default: seed)
  --if-empty  only seed a store that has no nodes yet (first start), so editors' changes are
              never overwritten by a restart
  -h, --help  show this help

Environment: NEO4J_URI (with NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) selects Neo4j;
otherwise the embedded store in FIBROGRAPH_DATA_DIR (default ./data).
`,
  async run(args, io) {
    const parsed = parseOptions('seed', args, { dir: { type: 'string' }, 'if-empty': { type: 'boolean' } });
    if (parsed.help) {
      io.out(this.help);
      return 0;
    }
    const validation = await validateSeed(path.resolve(io.cwd, stringOption(parsed, 'dir', 'seed')));
    io.err(formatProblems(validation, io.cwd));
    if (validation.errorCount > 0) {
      io.err(`seed is invalid (${plural(validation.errorCount, 'error')}); nothing was loaded\n`);
      return EXIT_FAILURE;
    }
    const report = await withStore(io, async (store) => {
      if (parsed.values['if-empty'] === true && (await store.stats()).nodes > 0) return null;
      const progress = createProgress(io, 'seed');
      try {
        return await loadSeed(store, validation.seed, {
          onProgress: (done, total) => {
            progress.update(done, total);
          },
        });
      } finally {
        progress.stop();
      }
    });
    if (report === null) {
      io.out('the store already has data; --if-empty left it alone\n');
      return 0;
    }
    io.out(`seeded ${seedCounts(validation)}: ${formatImportReport(report)}\n`);
    return 0;
  },
};
