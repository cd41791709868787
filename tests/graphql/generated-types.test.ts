/** Fails when the committed resolver types have drifted from the SDL: run `npm run codegen` to fix. */
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { codegenConfig, GENERATED_FILE } from '../../server/src/graphql/codegen.ts';

/** One file codegen would write. */
interface GeneratedFile {
  readonly filename: string;
  readonly content: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('generated resolver types', () => {
  it('equal what codegen makes from the SDL today', async () => {
    // generate() is typed `any`; with saveToFile false it returns the files it would write.
    const outputs = (await generate({ ...codegenConfig, cwd: ROOT, silent: true }, false)) as GeneratedFile[];
    const output = outputs.find(
      (file) => path.resolve(ROOT, file.filename) === path.resolve(ROOT, GENERATED_FILE),
    );
    if (output === undefined) throw new Error(`codegen produced no ${GENERATED_FILE}`);
    const file = path.join(ROOT, GENERATED_FILE);
    const expected = await format(output.content, { ...(await resolveConfig(file)), filepath: file });
    expect(fs.readFileSync(file, 'utf8'), 'run `npm run codegen` and commit the result').toBe(expected);
  });
});
