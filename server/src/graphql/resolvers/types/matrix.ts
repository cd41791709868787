/** Field resolvers of the discrimination matrix. */
import { resolveFirst } from '../../../store/query-options.ts';
import { matrixCsv } from '../../../export/matrix-csv.ts';
import type { DiscriminationMatrixResolvers, MatrixCellResolvers } from '../../generated/resolvers-types.ts';

/** Rows when `first` is not given; at most MAX_ROWS. */
const DEFAULT_ROWS = 50;
const MAX_ROWS = 1000;

/** DiscriminationMatrix: its rows, paged and optionally only those that separate the theories; its CSV. */
export const DiscriminationMatrix: DiscriminationMatrixResolvers = {
  rows: (matrix, { first, diagnosticOnly }) =>
    matrix.rows
      .filter((row) => diagnosticOnly !== true || row.diagnosticity > 0)
      .slice(0, resolveFirst(first ?? undefined, DEFAULT_ROWS, MAX_ROWS)),
  rowCount: (matrix, { diagnosticOnly }) =>
    diagnosticOnly === true ? matrix.rows.filter((row) => row.diagnosticity > 0).length : matrix.rows.length,
  csv: (matrix) => matrixCsv(matrix),
};

/** MatrixCell: the ids of the claims behind it. */
export const MatrixCell: MatrixCellResolvers = {
  claimIds: (cell) => cell.claims.map((claim) => claim.id),
};
