/** Reads a snapshot from exported text in any importable format. */
import { ValidationError } from '../domain/errors.ts';
import type { GraphSnapshot } from '../domain/model.ts';
import { fromCyjs } from './cyjs-format.ts';
import { IMPORT_FORMATS, type ImportFormat } from './formats.ts';
import { fromJson, parseJson } from './json-format.ts';

/** Parses and validates `text` as the given format. */
export function parseSnapshot(text: string, format: ImportFormat): GraphSnapshot {
  switch (format) {
    case 'json':
      return fromJson(text);
    case 'cyjs':
      return fromCyjs(text);
  }
}

/** The import format of a file: `.cyjs` by its extension, otherwise by looking at the JSON inside. */
export function detectImportFormat(fileName: string, text: string): ImportFormat {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'graphml' || extension === 'xml' || extension === 'tsv') {
    throw new ValidationError(
      'format',
      `.${extension} files cannot be imported: GraphML and KGX are export-only; import ${IMPORT_FORMATS.join(' or ')}`,
    );
  }
  if (extension === 'cyjs') return 'cyjs';
  const parsed = parseJson(text) as { format?: unknown; elements?: unknown } | null;
  if (parsed?.format === 'fibrograph-snapshot') return 'json';
  if (parsed?.elements !== undefined) return 'cyjs';
  throw new ValidationError(
    'format',
    'cannot tell the format of this file; pass --format json or --format cyjs',
  );
}
