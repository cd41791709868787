/**
 * Opens releases for reading: a release's frozen graph loaded into a read-only in-memory store, so
 * every query the live graph answers works on it unchanged. The few most recently read stay open.
 */
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { openSnapshotStore } from '../store/embedded/embedded-store.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { findRelease, parseReleaseNumber } from './releases.ts';
import type { Release } from './review-model.ts';

/** A release and the store that reads it. */
export interface OpenRelease {
  readonly release: Release;
  readonly store: GraphStore;
}

/** The `release` parameter as a release number, or a ValidationError naming it. */
export function releaseNumberOf(value: string): number {
  const number = parseReleaseNumber(value);
  if (number === null) {
    throw new ValidationError('release', 'must be a release number (1, 2, …); `releases` lists them');
  }
  return number;
}

export class ReleaseReader {
  // Insertion order is recency: a read moves its release to the end, the first entry goes first.
  private readonly opened = new Map<number, Promise<OpenRelease>>();

  constructor(
    private readonly live: GraphStore,
    private readonly keepOpen = 3,
  ) {}

  /** The release's store; NotFoundError when there is no such release. */
  async open(number: number): Promise<OpenRelease> {
    let opening = this.opened.get(number);
    if (opening === undefined) {
      opening = this.load(number);
      // A failed load is not kept, so a later request tries again.
      opening.catch(() => this.opened.delete(number));
    }
    this.opened.delete(number);
    this.opened.set(number, opening);
    while (this.opened.size > this.keepOpen) {
      const [oldest] = this.opened.keys();
      // Not closed: a request may still be reading it. Once none holds it, the garbage collector frees
      // the in-memory database with it.
      if (oldest !== undefined) this.opened.delete(oldest);
    }
    return opening;
  }

  /** Closes every open release. */
  async close(): Promise<void> {
    const all = [...this.opened.values()];
    this.opened.clear();
    await Promise.allSettled(all.map(async (opening) => (await opening).store.close()));
  }

  private async load(number: number): Promise<OpenRelease> {
    const release = await findRelease(this.live, number);
    const snapshot = release === null ? null : await this.live.releaseSnapshot(number);
    if (release === null || snapshot === null) throw new NotFoundError('release', String(number));
    return { release, store: await openSnapshotStore(snapshot) };
  }
}
