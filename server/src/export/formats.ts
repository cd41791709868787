/** The file formats the graph can be exported to and imported from. */

/** Formats `export` writes. */
export const EXPORT_FORMATS = ['json', 'cyjs', 'graphml', 'kgx'] as const;
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats `import` reads: the lossless ones. GraphML and KGX are export-only. */
export const IMPORT_FORMATS = ['json', 'cyjs'] as const;
/** An import format. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
