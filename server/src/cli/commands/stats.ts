/** `fibrograph stats`: counts by kind, relation, certainty, evidence level and stance, as a table or JSON. */
import { CERTAINTIES } from '../../domain/certainty.ts';
import { EVIDENCE_LEVELS, STANCES } from '../../domain/evidence-levels.ts';
import { NODE_KINDS } from '../../domain/kinds.ts';
import { RELATIONS } from '../../domain/relations.ts';
import type { GraphStats } from '../../store/graph-store.ts';
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { withStore } from '../with-store.ts';

/** The stats command. */
export const statsCommand: Command = {
  name: 'stats',
  summary: 'count nodes, claims and evidence by kind, relation, certainty, level and stance',
  help: `Usage: fibrograph stats [--json]

Options:
  --json      print the counts as JSON instead of a table
  -h, --help  show this help
`,
  async run(args, io) {
    const parsed = parseOptions('stats', args, { json: { type: 'boolean' } });
    if (parsed.help) {
      io.out(this.help);
      return 0;
    }
    const stats = await withStore(io, (store) => store.stats());
    io.out(parsed.values['json'] === true ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
    return 0;
  },
};

/** The stats as an aligned two-column table; every known kind, relation, level and stance is listed, zeros included. */
export function formatStats(stats: GraphStats): string {
  const rows: [string, number | string][] = [
    ['nodes', stats.nodes],
    ...breakdown(NODE_KINDS, stats.nodesByKind),
    ['claims', stats.claims],
    ...breakdown(RELATIONS, stats.claimsByRelation),
    ['  by certainty', ''],
    // Claims that assert no effect (a theory's proposal, a research link) are not graded.
    ...breakdown([...CERTAINTIES, 'ungraded'], stats.claimsByCertainty, '    '),
    ['contested claims', stats.contestedClaims],
    ['evidence', stats.evidence],
    ['  by level', ''],
    ...breakdown(EVIDENCE_LEVELS, stats.evidenceByLevel, '    '),
    ['  by stance', ''],
    ...breakdown(STANCES, stats.evidenceByStance, '    '),
    ['changes', stats.changes],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return (
    rows.map(([label, value]) => `${label.padEnd(width)}${String(value).padStart(6)}`.trimEnd()).join('\n') +
    '\n'
  );
}

function breakdown(
  keys: readonly string[],
  counts: Readonly<Record<string, number>>,
  indent = '  ',
): [string, number][] {
  const extra = Object.keys(counts).filter((key) => !keys.includes(key));
  return [...keys, ...extra].map((key) => [`${indent}${key}`, counts[key] ?? 0]);
}
