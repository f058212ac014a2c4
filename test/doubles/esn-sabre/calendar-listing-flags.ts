/**
 * The listing flags of `GET /calendars/{home}.json` (dav.md §4.1) the double honours: with `personal=true` alone,
 * only the home's own calendars (no delegated instance, no subscription); otherwise everything.
 */
export function filterCalendarListing(
  listing: Record<string, unknown>,
  query: URLSearchParams,
): Record<string, unknown> {
  const personalOnly =
    query.get('personal') === 'true' &&
    !query.has('sharedDelegationStatus') &&
    query.get('sharedPublicSubscription') !== 'true';
  if (!personalOnly) return listing;
  const embedded = listing._embedded as { 'dav:calendar': Record<string, unknown>[] };
  return {
    ...listing,
    _embedded: {
      'dav:calendar': embedded['dav:calendar'].filter(
        (calendar) => !calendar['calendarserver:source'] && !calendar['calendarserver:delegatedsource'],
      ),
    },
  };
}
