import type { AuthenticatedUser } from '@app/auth';

/**
 * Who looks at domain data (rest-api.md §4): the platform admin account sees every domain, anyone else only the
 * domain of their own address (a username without a domain part sees nothing). Plain data, carried by queries.
 */
export interface Viewer {
  username: string;
  isAdmin: boolean;
}

export const viewerOf = (user: AuthenticatedUser): Viewer => ({
  username: user.username,
  isAdmin: user.isAdmin,
});

/** Lower-case domain part of the viewer's username, or `undefined` when it has none. */
export function viewerDomain(viewer: Viewer): string | undefined {
  const at = viewer.username.lastIndexOf('@');
  if (at < 0 || at === viewer.username.length - 1) return undefined;
  return viewer.username.slice(at + 1).toLowerCase();
}

export function canSeeDomain(viewer: Viewer, domainName: string): boolean {
  if (viewer.isAdmin) return true;
  const own = viewerDomain(viewer);
  return own !== undefined && own === domainName.toLowerCase();
}
