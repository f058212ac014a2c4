import { IndexInfo, planQuery } from './index-coverage';

const indexes: IndexInfo[] = [
  { name: '_id_', key: { _id: 1 } },
  { name: 'email_1', key: { email: 1 }, partialFilterExpression: { email: { $exists: true } } },
  { name: 'firstname_1', key: { firstname: 1 } },
  { name: 'username_1', key: { username: 1 } },
  { name: 'created_1', key: { created: 1 } },
  { name: 'user_id_1_domain_id_1', key: { user_id: 1, domain_id: 1 } },
];

describe('planQuery', () => {
  it('uses the index whose first key has an equality, the longest prefix first', () => {
    expect(planQuery({ domain_id: 1, user_id: 2 }, indexes).index).toBe('user_id_1_domain_id_1');
    expect(planQuery({ created: { $gte: 1 }, username: 'a' }, indexes).index).toBe('username_1');
    expect(planQuery({ _id: 'x', username: 'a' }, indexes).index).toBe('_id_');
  });

  it('answers an $or from the union of its branches only when every branch has an index', () => {
    expect(planQuery({ $or: [{ email: 'a' }, { firstname: 'a' }] }, indexes).index).toBe(
      'email_1 ∪ firstname_1',
    );
    expect(planQuery({ $or: [{ email: 'a' }, { lastname: 'a' }] }, indexes).index).toBeUndefined();
  });

  it('tells open bounds (case-insensitive or unanchored regex) from a bounded prefix', () => {
    expect(planQuery({ firstname: { $regex: '^an', $options: 'i' } }, indexes)).toEqual({
      index: 'firstname_1',
      openBounds: true,
    });
    expect(planQuery({ firstname: /^An/ }, indexes)).toEqual({ index: 'firstname_1', openBounds: false });
  });

  it('finds no index for negations, absent fields of a partial index, or an unknown field', () => {
    expect(planQuery({ username: { $ne: 'a' } }, indexes).index).toBeUndefined();
    expect(planQuery({ email: { $exists: false } }, indexes).index).toBeUndefined();
    expect(planQuery({ firstname: { $exists: false } }, indexes).index).toBe('firstname_1');
    expect(planQuery({ calendarId: 'x' }, indexes).index).toBeUndefined();
  });

  it('calls an unfiltered listing sorted on an index key an ordered scan, a filtered one sorted so a scan', () => {
    expect(planQuery({}, indexes, new Map([['_id', 1]])).index).toBe('_id_ (sort)');
    expect(planQuery({}, indexes).index).toBeUndefined();
    expect(planQuery({ lastname: 'x' }, indexes, { _id: 1 }).index).toBeUndefined();
  });
});
