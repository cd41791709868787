/** Query.releases, release, releaseDiff and readingRelease. */
import { NotFoundError } from '../../../domain/errors.ts';
import { diffSnapshots, findRelease } from '../../../review/releases.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

type Resolver<K extends keyof QueryResolvers> = NonNullable<QueryResolvers[K]>;

/** Every release, oldest first. */
export const releases: Resolver<'releases'> = (_parent, _args, context) => context.liveStore.releases();

/** One release, or null. */
export const release: Resolver<'release'> = (_parent, { number }, context) =>
  findRelease(context.liveStore, number);

/** What changed from one release to another, or to the graph now. */
export const releaseDiff: Resolver<'releaseDiff'> = async (_parent, { from, to }, context) => {
  const all = await context.liveStore.releases();
  const older = all.find((candidate) => candidate.number === from);
  if (older === undefined) throw new NotFoundError('release', String(from));
  const newer = to == null ? null : all.find((candidate) => candidate.number === to);
  if (newer === undefined) throw new NotFoundError('release', String(to));
  const [before, after] = await Promise.all([
    context.liveStore.releaseSnapshot(older.number),
    newer === null ? context.liveStore.exportGraph() : context.liveStore.releaseSnapshot(newer.number),
  ]);
  if (before === null || after === null)
    throw new NotFoundError('release', String(before === null ? from : to));
  return { ...diffSnapshots(before, after), from: older, to: newer, names: namesOf(before, after) };
};

/** The release this request reads, or null for the live graph. */
export const readingRelease: Resolver<'readingRelease'> = (_parent, _args, context) => context.release;

function namesOf(...snapshots: { nodes: readonly { id: string; name: string }[] }[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const snapshot of snapshots) for (const node of snapshot.nodes) names.set(node.id, node.name);
  return names;
}
