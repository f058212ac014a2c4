import { DomainNotFoundError, User } from '@app/persistence';
import type { UserProvisioning } from '../users/provisioning/user-provisioning';
import { REGISTERED_USER_TTL_MS, RegisteredUsers } from './registered-users';

const user = (firstname: string): User => ({
  id: '65f0a1b2c3d4e5f601234567',
  email: 'ana@example.org',
  firstname,
  lastname: 'M',
  domainId: '65f0c0ffee0000000000abcd',
});

/** Answers look-ups from a list, counting them; each look-up resolves when `release()` is called. */
class Directory {
  calls = 0;
  answers: (User | undefined | Error)[] = [];
  private waiting: (() => void)[] = [];
  ensureFromDirectory = (): Promise<User | undefined> => {
    this.calls++;
    const answer = this.answers.shift();
    return new Promise((resolve, reject) =>
      this.waiting.push(() => (answer instanceof Error ? reject(answer) : resolve(answer))),
    );
  };
  release(): void {
    this.waiting.splice(0).forEach((resolve) => resolve());
  }
}

describe('RegisteredUsers', () => {
  let now = 1_000_000;
  let directory: Directory;
  let users: RegisteredUsers;
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    directory = new Directory();
    users = new RegisteredUsers(directory as unknown as UserProvisioning);
  });
  afterEach(() => jest.restoreAllMocks());

  it('shares one look-up between concurrent first calls, then answers from memory', async () => {
    directory.answers = [user('Ana')];
    const calls = [users.of('Ana@Example.org'), users.of('ana@example.org')];
    directory.release();
    expect(await Promise.all(calls)).toEqual([user('Ana'), user('Ana')]);
    expect(await users.of('ana@example.org')).toEqual(user('Ana'));
    expect(directory.calls).toBe(1);
  });

  it('past the TTL, answers the known user while one look-up refreshes it', async () => {
    directory.answers = [user('Ana')];
    const first = users.of('ana@example.org');
    directory.release();
    await first;
    now += REGISTERED_USER_TTL_MS;
    directory.answers = [user('Anna')];
    expect(await users.of('ana@example.org')).toEqual(user('Ana'));
    expect(await users.of('ana@example.org')).toEqual(user('Ana'));
    expect(directory.calls).toBe(2);
    directory.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await users.of('ana@example.org')).toEqual(user('Anna'));
  });

  it('keeps nobody: unknown users and unknown domains are looked up again', async () => {
    directory.answers = [undefined, new DomainNotFoundError('x.test')];
    const unknown = users.of('nobody@x.test');
    directory.release();
    expect(await unknown).toBeUndefined();
    const noDomain = users.of('nobody@x.test');
    directory.release();
    expect(await noDomain).toBeUndefined();
    expect(directory.calls).toBe(2);
  });
});
