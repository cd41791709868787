/** Fails when the explorer's generated operation types have drifted from its .graphql files or the SDL. */
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { EDITOR_FILE, READER_FILE, webCodegenConfig } from '../../web/codegen.ts';

interface GeneratedFile {
  readonly filename: string;
  readonly content: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('generated explorer operations', () => {
  it.each([READER_FILE, EDITOR_FILE])('%s equals what codegen makes today', async (generatedFile) => {
    // generate() is typed `any`; with saveToFile false it returns the files it would write.
    const outputs = (await generate(
      { ...webCodegenConfig, cwd: ROOT, silent: true },
      false,
    )) as GeneratedFile[];
    const output = outputs.find(
      (file) => path.resolve(ROOT, file.filename) === path.resolve(ROOT, generatedFile),
    );
    if (output === undefined) throw new Error(`codegen produced no ${generatedFile}`);
    const file = path.join(ROOT, generatedFile);
    const expected = await format(output.content, { ...(await resolveConfig(file)), filepath: file });
    expect(fs.readFileSync(file, 'utf8'), 'run `npm run codegen` and commit the result').toBe(expected);
  });
});
