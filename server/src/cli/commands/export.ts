/** `fibrograph export`: writes the whole graph as JSON, Cytoscape.js, GraphML or KGX TSV. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphSnapshot } from '../../domain/model.ts';
import { citationOf, findRelease, parseReleaseNumber } from '../../review/releases.ts';
import type { Release } from '../../review/review-model.ts';
import type { GraphStore } from '../../store/graph-store.ts';
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
  --release N      write release N as it was frozen (see "fibrograph release list"); the json
                   export then names it in a "release" member
  --out PATH       file to write (default: stdout); for kgx, the folder to write nodes.tsv and
                   edges.tsv into (required)
  -h, --help       show this help
`,
  async run(args, io) {
    const parsed = parseOptions('export', args, {
      format: { type: 'string' },
      out: { type: 'string' },
      release: { type: 'string' },
    });
    if (parsed.help) {
      io.out(this.help);
      return 0;
    }
    const format = assertChoice('format', stringOption(parsed, 'format', 'json'), EXPORT_FORMATS);
    const out = stringOption(parsed, 'out');
    if (format === 'kgx' && out === undefined)
      throw new UsageError('kgx writes two files: give the folder with --out DIR');
    const releaseText = stringOption(parsed, 'release');
    const releaseNumber = releaseText === undefined ? null : releaseNumberOption(releaseText);
    const { snapshot, release } = await withStore(io, async (store) => {
      const progress = createProgress(io, 'export');
      try {
        progress.update(0, 1);
        const result = await readSnapshot(store, releaseNumber);
        const records = result.snapshot.nodes.length + result.snapshot.claims.length;
        progress.update(records, records);
        return result;
      } finally {
        progress.stop();
      }
    });
    const written = await writeExport(
      release === null ? snapshot : { ...snapshot, release: releaseMetadata(release) },
      format,
      out === undefined ? undefined : path.resolve(io.cwd, out),
      io,
    );
    const which = release === null ? '' : ` of release ${release.number} (${release.name})`;
    io.err(
      `exported ${snapshot.nodes.length} nodes and ${snapshot.claims.length} claims${which} as ${format}${written}\n`,
    );
    return 0;
  },
};

/** The live graph, or a release's frozen one with its record. */
async function readSnapshot(
  store: GraphStore,
  number: number | null,
): Promise<{ snapshot: GraphSnapshot; release: Release | null }> {
  if (number === null) return { snapshot: await store.exportGraph(), release: null };
  const release = await findRelease(store, number);
  const snapshot = await store.releaseSnapshot(number);
  if (release === null || snapshot === null) {
    throw new UsageError(`there is no release ${number}; "fibrograph release list" shows them`);
  }
  return { snapshot, release };
}

/** What a release export says about the release it is (import ignores it). */
function releaseMetadata(release: Release) {
  return {
    number: release.number,
    name: release.name,
    createdAt: release.createdAt,
    citation: citationOf(release),
  };
}

function releaseNumberOption(value: string): number {
  const number = parseReleaseNumber(value);
  if (number === null) throw new UsageError(`--release must be a release number, not "${value}"`);
  return number;
}

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
