import { shareUpdate } from './resource-calendar-sharing';
import { distinctGrants } from './resource-input';

const admin = (email: string, access: 3 | 5) => ({
  userId: email,
  email,
  access,
  davRight: access === 3 ? ('dav:read-write' as const) : ('dav:administration' as const),
});

describe('resource administrators: what to send to the DAV server (dav.md §5.5)', () => {
  it('sets new and changed rights, removes those no longer listed, leaves the rest alone', () => {
    expect(
      shareUpdate(
        [admin('a@x.test', 3), admin('b@x.test', 3), admin('c@x.test', 5)],
        [
          { email: 'a@x.test', davRight: 'dav:read-write' },
          { email: 'b@x.test', davRight: 'dav:administration' },
          { email: 'd@x.test', davRight: 'dav:read-write' },
        ],
      ),
    ).toEqual({
      set: [
        { email: 'b@x.test', right: 'dav:administration' },
        { email: 'd@x.test', right: 'dav:read-write' },
      ],
      remove: ['c@x.test'],
    });
  });

  it('asks for nothing when the list is unchanged, and removes everyone for []', () => {
    expect(
      shareUpdate([admin('a@x.test', 5)], [{ email: 'a@x.test', davRight: 'dav:administration' }]),
    ).toEqual({
      set: [],
      remove: [],
    });
    expect(shareUpdate([admin('a@x.test', 5)], [])).toEqual({ set: [], remove: ['a@x.test'] });
  });

  it('keeps one grant per address, case-insensitively, the last one winning', () => {
    expect(
      distinctGrants([
        { email: 'A@x.test', davRight: 'dav:read-write' },
        { email: 'a@X.test', davRight: 'dav:administration' },
      ]),
    ).toEqual([{ email: 'a@x.test', davRight: 'dav:administration' }]);
  });
});
