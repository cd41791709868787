/** Finds and parses the files of a seed folder: sources.yaml, nodes/<kind>.yaml and claims/*.yaml. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readSeedFile, type SeedFile, type SeedFileRole } from './seed-file.ts';
import type { SeedProblem } from './seed-problem.ts';

/** The parsed files of a seed folder and any problems finding or parsing them. */
export interface SeedDir {
  readonly dir: string;
  readonly files: readonly SeedFile[];
  readonly problems: readonly SeedProblem[];
}

/** Reads every seed file under `dir` in a stable order (sources, then nodes, then claims, each by name). */
export async function readSeedDir(dir: string): Promise<SeedDir> {
  const root = path.resolve(dir);
  if (!(await isDirectory(root))) {
    return {
      dir: root,
      files: [],
      problems: [fileProblem(root, 'missing-file', `seed folder ${root} does not exist`)],
    };
  }
  const problems: SeedProblem[] = [];
  const wanted: { relativePath: string; role: SeedFileRole }[] = [];
  if (await isFile(path.join(root, 'sources.yaml')))
    wanted.push({ relativePath: 'sources.yaml', role: 'sources' });
  else
    problems.push(
      fileProblem(path.join(root, 'sources.yaml'), 'missing-file', 'every seed needs a sources.yaml'),
    );
  for (const role of ['nodes', 'claims'] as const) {
    for (const name of await listNames(path.join(root, role))) {
      if (name.endsWith('.yaml')) wanted.push({ relativePath: `${role}/${name}`, role });
      else if (name.endsWith('.yml')) {
        problems.push({
          ...fileProblem(path.join(root, role, name), 'ignored-file', 'ignored: seed files end in .yaml'),
          severity: 'warning',
        });
      }
    }
  }
  const files: SeedFile[] = [];
  for (const { relativePath, role } of wanted) {
    const parsed = await readSeedFile(path.join(root, relativePath), relativePath, role);
    files.push(parsed.seedFile);
    problems.push(...parsed.problems);
  }
  return { dir: root, files, problems };
}

/** A problem about a whole file, placed at its first line. */
export function fileProblem(file: string, code: SeedProblem['code'], message: string): SeedProblem {
  return { severity: 'error', code, file, line: 1, column: 1, field: '', message };
}

async function listNames(dir: string): Promise<string[]> {
  if (!(await isDirectory(dir))) return [];
  return (await readdir(dir)).sort();
}

async function isDirectory(target: string): Promise<boolean> {
  return (await stat(target).catch(() => null))?.isDirectory() ?? false;
}

async function isFile(target: string): Promise<boolean> {
  return (await stat(target).catch(() => null))?.isFile() ?? false;
}
