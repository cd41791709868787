/** `fibrograph export`: writes the whole graph as JSON, Cytoscape.js, GraphML or KGX TSV. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphSnapshot } from '../../domain/model.ts';
import { toCyjs } from '../../export/cyjs-format.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/formats.ts';
import { toGraphml } from '../../export/graphml-format.ts';
import { toJson } from '../../export/json-format.ts';
import { toKgx } from '../../export/kgx-format.ts';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { assertChoice, parseOptions, stringOption } from '../parse-options.ts';
import { createProgress } from '../progress.ts';
import { UsageError } from '../usage-error.ts';
import { withStore } from '../with-store.ts';

/** The export command. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write the graph as json, cyjs (Cytoscape), graphml or kgx (Biolink TSV)',
  help: `Usage: fibrograph export [--format json|cyjs|graphml|kgx] [--out PATH]

Formats:
  json      the canonical snapshot; import reads it back unchanged (default)
  cyjs      Cytoscape.js JSON; opens in Cytoscape desktop and imports back unchanged
  graphml   GraphML with declared attributes; evidence as a JSON string (export-only)
  kgx       KGX TSV (nodes.tsv, edges.tsv) with Biolink categories and predicates (export-only)

Options:
  --format FORMAT  one of ${EXPORT_FORMATS.join('|')} (default: json)
  --out PATH       file to write (default: stdout); for kgx, the folder to write nodes.tsv and
                   edges.tsv into (required)
  -h, --help       show this help
`,
  async run(args, io) {
    const parsed = parseOptions('export', args, { format: { type: 'string' }, out: { type: 'string' } });
    if (parsed.help) {
      io.out(this.help);
      return 0;
    }
    const format = assertChoice('format', stringOption(parsed, 'format', 'json'), EXPORT_FORMATS);
    const out = stringOption(parsed, 'out');
    if (format === 'kgx' && out === undefined)
      throw new UsageError('kgx writes two files: give the folder with --out DIR');
    const snapshot = await withStore(io, async (store) => {
      const progress = createProgress(io, 'export');
      try {
        progress.update(0, 1);
        const result = await store.exportGraph();
        const records = result.nodes.length + result.claims.length;
        progress.update(records, records);
        return result;
      } finally {
        progress.stop();
      }
    });
    const written = await writeExport(
      snapshot,
      format,
      out === undefined ? undefined : path.resolve(io.cwd, out),
      io,
    );
    io.err(
      `exported ${snapshot.nodes.length} nodes and ${snapshot.claims.length} claims as ${format}${written}\n`,
    );
    return 0;
  },
};

async function writeExport(
  snapshot: GraphSnapshot,
  format: ExportFormat,
  out: string | undefined,
  io: CliIo,
): Promise<string> {
  if (format === 'kgx') {
    const dir = out ?? '.';
    await mkdir(dir, { recursive: true });
    const files = toKgx(snapshot);
    for (const name of ['nodes.tsv', 'edges.tsv'] as const)
      await writeFile(path.join(dir, name), files[name], 'utf8');
    return ` to ${dir}`;
  }
  const text =
    format === 'json' ? toJson(snapshot) : format === 'cyjs' ? toCyjs(snapshot) : toGraphml(snapshot);
  if (out === undefined) {
    io.out(text);
    return '';
  }
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, text, 'utf8');
  return ` to ${out}`;
}
