/**
 * The discrimination matrix as CSV (RFC 4180): one line per row, one column per theory in the
 * matrix's rank order. Cells read `consistent`, `inconsistent` or `silent`, with ` (contested)` when
 * the claims behind them carry evidence both ways.
 */
import type { DiscriminationMatrix } from '../domain/discrimination.ts';

/** The matrix as CSV text, CRLF line ends as RFC 4180 has them. */
export function matrixCsv(matrix: DiscriminationMatrix): string {
  const header = [
    'row_id',
    'row',
    'row_kind',
    'diagnosticity',
    ...matrix.theories.map((standing) => standing.theory.name),
  ];
  const lines = matrix.rows.map((row) => [
    row.subject.id,
    row.subject.name,
    row.kind,
    String(row.diagnosticity),
    ...row.cells.map((cell) => (cell.contested ? `${cell.verdict} (contested)` : cell.verdict)),
  ]);
  const standing = (label: string, value: (s: DiscriminationMatrix['theories'][number]) => number) => [
    '',
    label,
    'theory-standing',
    '',
    ...matrix.theories.map((s) => String(value(s))),
  ];
  return [
    header,
    ...lines,
    standing('rank (1 = least evidence against)', (s) => s.rank),
    standing('weight of evidence against', (s) => s.weightAgainst),
  ]
    .map((cells) => cells.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/**
 * One field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is prefixed
 * with an apostrophe so a spreadsheet does not run a name as a formula (OWASP's advice for CSV).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
