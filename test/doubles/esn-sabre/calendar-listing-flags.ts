/**
 * The listing flags of `GET /calendars/{home}.json` (dav.md §4.1) the double honours, as the Calendar SPA uses them:
 * - `sharedPublic=true` (browsing someone's calendars): only the home's own calendars with a public right;
 * - `withFreeBusy=true` (an attendee's free/busy): only the home's own calendars;
 * - `personal=true` alone: only the home's own calendars (no delegated instance, no subscription);
 * - otherwise everything.
 * `undefined` when nothing is left (esn-sabre then answers 200 with an empty body). The listing must carry `acl`
 * when `sharedPublic=true`; it is dropped again unless `withRights=true`.
 */
export function filterCalendarListing(
  listing: Record<string, unknown>,
  query: URLSearchParams,
): Record<string, unknown> | undefined {
  const calendars = (listing._embedded as { 'dav:calendar': Record<string, unknown>[] })['dav:calendar'];
  const own = (calendar: Record<string, unknown>) =>
    !calendar['calendarserver:source'] && !calendar['calendarserver:delegatedsource'];
  let kept = calendars;
  if (query.get('sharedPublic') === 'true') {
    kept = calendars.filter(
      (calendar) => own(calendar) && ((calendar.acl as unknown[] | undefined)?.length ?? 0) > 0,
    );
    if (query.get('withRights') !== 'true')
      kept = kept.map(({ acl: _acl, invite: _invite, ...calendar }) => calendar);
  } else if (
    query.get('withFreeBusy') === 'true' ||
    (query.get('personal') === 'true' &&
      !query.has('sharedDelegationStatus') &&
      query.get('sharedPublicSubscription') !== 'true')
  )
    kept = calendars.filter(own);
  if (kept.length === 0) return undefined;
  return { ...listing, _embedded: { 'dav:calendar': kept } };
}
