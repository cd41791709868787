/**
 * Ids kept in ascending order, each with a number that sorts as the id does.
 *
 * Why: walks return their nodes and claims in id order. Comparing long ids character by character
 * is slow, so the walk index sorts numbers instead. Dense ranks (an id's position in the sorted list)
 * would shift on every insert and had to be rebuilt for the whole graph after each write: the first
 * read after adding a claim took ~26 ms on a 10k-node graph and ~470 ms on 100k. Here a new id takes
 * the midpoint of its neighbours' keys and every other key stays as it was. Only when a double has
 * no room left between two neighbours (after some 30 inserts into one gap) are all keys renumbered;
 * `generation` then goes up, so copies of keys held elsewhere know to refresh.
 */
export class OrderKeys {
  private readonly ids: string[] = [];
  private readonly keys = new Map<string, number>();
  /** Goes up whenever existing keys change (a renumbering); adding or removing an id leaves it. */
  private renumberings = 0;

  get generation(): number {
    return this.renumberings;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Every id, ascending. Do not modify. */
  inOrder(): readonly string[] {
    return this.ids;
  }

  keyOf(id: string): number | undefined {
    return this.keys.get(id);
  }

  /** Index in `inOrder()` of the first id above `id`. */
  indexAfter(id: string): number {
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.ids[middle] as string) <= id) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Adds an id (no-op if present). */
  add(id: string): void {
    if (this.keys.has(id)) return;
    const at = this.indexAfter(id);
    const before = at > 0 ? this.keys.get(this.ids[at - 1] as string) : undefined;
    const after = at < this.ids.length ? this.keys.get(this.ids[at] as string) : undefined;
    this.ids.splice(at, 0, id);
    const key = keyBetween(before, after);
    if (key === null) this.renumber();
    else this.keys.set(id, key);
  }

  /**
   * Fills an empty order from ids already ascending and distinct (a bulk load sorts once, outside).
   * Each id's key is its position, which the caller may rely on.
   */
  load(sortedIds: readonly string[]): void {
    if (this.ids.length > 0) throw new Error('OrderKeys.load needs an empty order');
    sortedIds.forEach((id, position) => {
      if (position > 0 && !((sortedIds[position - 1] as string) < id)) {
        throw new Error(`OrderKeys.load: "${id}" is not above the id before it`);
      }
      this.ids.push(id);
      this.keys.set(id, position);
    });
    this.renumberings += 1;
  }

  /** Removes an id (no-op if absent); the others keep their keys. */
  remove(id: string): void {
    if (!this.keys.delete(id)) return;
    const at = this.indexAfter(id) - 1;
    if (this.ids[at] === id) this.ids.splice(at, 1);
  }

  private renumber(): void {
    this.ids.forEach((id, index) => this.keys.set(id, index));
    this.renumberings += 1;
  }
}

/** A number strictly between two keys (either may be open), or null when doubles have no room left. */
function keyBetween(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined) return after === undefined ? 0 : after - 1;
  if (after === undefined) return before + 1;
  const middle = before + (after - before) / 2;
  return before < middle && middle < after ? middle : null;
}
