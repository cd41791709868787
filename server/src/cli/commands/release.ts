/** `fibrograph release`: freeze the published graph as a numbered, citable release; list and compare them. */
import { citationOf, diffSnapshots, parseReleaseNumber } from '../../review/releases.ts';
import { ReviewService } from '../../review/review-service.ts';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { parseOptions, stringOption, type ParsedOptions } from '../parse-options.ts';
import { UsageError } from '../usage-error.ts';
import { withStore } from '../with-store.ts';

/** The release command. */
export const releaseCommand: Command = {
  name: 'release',
  summary: 'freeze the graph as a numbered, citable release; list releases; what changed since one',
  help: `Usage: fibrograph release <action> [options]

Actions:
  create NAME [--note TEXT] [--by NAME]   freeze the published graph as the next numbered release
  list [--json]                           every release, oldest first, with its citation
  diff FROM [TO]                          what changed from release FROM to release TO (default:
                                          the graph as it is now)

A NAME is 1-40 letters, digits, ".", "_" or "-" ("2026.12", "v1"), unique. A release never
changes; the API reads it with /graphql?release=N, the explorer with ?release=N in its address,
and \`fibrograph export --release N\` writes it.

Options:
  --note TEXT   with create: what the release is (kept with it)
  --by NAME     with create: who made it, for the activity feed (default: $USER, else "cli")
  --json        with list: print JSON
  -h, --help    show this help
`,
  async run(args, io) {
    const parsed = parseOptions(
      'release',
      args,
      { note: { type: 'string' }, by: { type: 'string' }, json: { type: 'boolean' } },
      3,
    );
    const [action, first, second] = parsed.positionals;
    if (parsed.help || action === 'help') {
      io.out(this.help);
      return 0;
    }
    switch (action) {
      case 'create':
        if (first === undefined) throw new UsageError('"fibrograph release create" needs a NAME');
        if (second !== undefined) throw new UsageError(`unexpected argument "${second}"`);
        return create(parsed, first, io);
      case 'list':
        if (first !== undefined) throw new UsageError(`unexpected argument "${first}"`);
        return list(parsed.values['json'] === true, io);
      case 'diff':
        return diff(
          releaseNumber(first, 'FROM'),
          second === undefined ? null : releaseNumber(second, 'TO'),
          io,
        );
      case undefined:
        throw new UsageError('"fibrograph release" needs an action: create, list or diff');
      default:
        throw new UsageError(`unknown action "${action}" for "fibrograph release" (create, list, diff)`);
    }
  },
};

async function create(parsed: ParsedOptions, name: string, io: CliIo): Promise<number> {
  const by = stringOption(parsed, 'by') ?? (io.env['USER']?.trim() || 'cli');
  const release = await withStore(io, (store) =>
    new ReviewService(store).createRelease(by, name, stringOption(parsed, 'note') ?? null),
  );
  io.err(
    `release ${release.number} "${release.name}": ${release.counts.nodes} nodes, ${release.counts.claims} claims, ${release.counts.evidence} evidence items\n`,
  );
  io.out(`${citationOf(release)}\n`);
  return 0;
}

async function list(json: boolean, io: CliIo): Promise<number> {
  const releases = await withStore(io, (store) => store.releases());
  if (json) {
    io.out(`${JSON.stringify(releases, null, 2)}\n`);
    return 0;
  }
  if (releases.length === 0) io.err('no releases yet; make one with "fibrograph release create NAME"\n');
  for (const release of releases) {
    io.out(
      `${release.number}\t${release.name}\t${release.createdAt}\t${release.createdBy}\t${citationOf(release)}\n`,
    );
  }
  return 0;
}

async function diff(from: number, to: number | null, io: CliIo): Promise<number> {
  const [before, after] = await withStore(io, async (store) => {
    const older = await store.releaseSnapshot(from);
    if (older === null)
      throw new UsageError(`there is no release ${from}; "fibrograph release list" shows them`);
    const newer = to === null ? await store.exportGraph() : await store.releaseSnapshot(to);
    if (newer === null)
      throw new UsageError(`there is no release ${to}; "fibrograph release list" shows them`);
    return [older, newer] as const;
  });
  const changes = diffSnapshots(before, after);
  const lines = [
    ...changes.nodesAdded.map((node) => `+ node ${node.id} (${node.name})`),
    ...changes.nodesRemoved.map((node) => `- node ${node.id} (${node.name})`),
    ...changes.nodesChanged.map((entry) => `~ node ${entry.id}: ${entry.fields.join(', ')}`),
    ...changes.claimsAdded.map((claim) => `+ claim ${claim.id}`),
    ...changes.claimsRemoved.map((claim) => `- claim ${claim.id}`),
    ...changes.claimsChanged.map(
      (entry) =>
        `~ claim ${entry.id}: ${[
          entry.relationChanged ? 'relation' : '',
          entry.summaryChanged ? 'summary' : '',
          entry.evidenceAdded.length > 0 ? `+${entry.evidenceAdded.length} evidence` : '',
          entry.evidenceRemoved.length > 0 ? `-${entry.evidenceRemoved.length} evidence` : '',
          entry.evidenceChanged.length > 0 ? `${entry.evidenceChanged.length} evidence changed` : '',
        ]
          .filter((part) => part !== '')
          .join(', ')}`,
    ),
  ];
  io.out(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  io.err(
    `${lines.length} difference(s) from release ${from} to ${to === null ? 'the graph now' : `release ${to}`}\n`,
  );
  return 0;
}

function releaseNumber(value: string | undefined, what: string): number {
  const number = parseReleaseNumber(value);
  if (number === null) {
    throw new UsageError(
      `"fibrograph release diff" needs release numbers (${what} is ${value ?? 'missing'})`,
    );
  }
  return number;
}
