/**
 * Which release the page reads: `?release=N` in the address, fixed for the page's life. Every request
 * goes to `/graphql?release=N` (the server answers from that release's frozen graph), permalinks keep
 * the parameter, and exports name the release. Switching release is a page load: nothing cached for
 * one graph may answer for another.
 */

/** The release number in a query string, or null for the live graph (or a malformed number). */
export function releaseOf(search: string): number | null {
  const value = new URLSearchParams(search).get('release');
  return value !== null && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

/** The release this page reads, or null for the live graph. */
export const READING_RELEASE: number | null =
  typeof window === 'undefined' ? null : releaseOf(window.location.search);

/** A view's query string (without `?`) with the page's release in front, so permalinks keep it. */
export function withRelease(search: string, release: number | null = READING_RELEASE): string {
  if (release === null) return search;
  return search === '' ? `release=${release}` : `release=${release}&${search}`;
}

/** The address of a release (or, with null, the live graph), showing the same view. */
export function releaseHref(release: number | null, search: string = window.location.search): string {
  const params = new URLSearchParams(search);
  params.delete('release');
  const rest = params.toString();
  return `${window.location.pathname}?${withRelease(rest, release)}`.replace(/\?$/, '');
}
