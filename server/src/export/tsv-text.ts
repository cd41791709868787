/** Writing TSV cells and rows; KGX separates the values of a multivalued cell with `|`. */

/**
 * A cell with tab, newline and carriage return written as `\t`, `\n`, `\r`. Backslashes are left
 * alone so JSON cells (which never hold raw tabs or newlines) stay valid JSON for any TSV reader.
 */
export function tsvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  return String(value).replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A multivalued cell: values joined with `|`; a `|` inside a value is written as `\|`. */
export function tsvList(values: readonly string[]): string {
  return values.map((value) => tsvCell(value).replace(/\|/g, '\\|')).join('|');
}

/** A TSV document: header row plus one row per record, each row ending in a newline. */
export function tsvTable(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  const lines = [
    columns.join('\t'),
    ...rows.map((row) => columns.map((column) => row[column] ?? '').join('\t')),
  ];
  return `${lines.join('\n')}\n`;
}
