/** Loads the SDL modules in ./schema from disk, in file-name order. */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder that holds the SDL modules. */
export const SCHEMA_DIR = fileURLToPath(new URL('./schema/', import.meta.url));

/** The text of every `*.graphql` module, ordered by file name. */
export function loadTypeDefs(dir: string = SCHEMA_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => fs.readFileSync(`${dir}/${name}`, 'utf8'));
}
