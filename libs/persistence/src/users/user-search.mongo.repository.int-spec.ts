import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { ObjectId } from 'mongodb';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import { DomainRepository } from '../domains/domain.repository';
import { PersistenceModule } from '../persistence.module';
import { UserRepository } from './user.repository';

describe('UserMongoRepository search and look-up by addresses (real MongoDB wire protocol)', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let users: UserRepository;
  let domainId: string;
  let otherDomainId: string;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), PersistenceModule],
    }).compile();
    context = await module.init();
    database = await TestDatabase.open();
    users = context.get(UserRepository);
    domainId = (await context.get(DomainRepository).create('search.test')).id;
    otherDomainId = (await context.get(DomainRepository).create('other-search.test')).id;
    await users.create({
      email: 'ana.moreau@search.test',
      firstname: 'Ana Lucia',
      lastname: 'Moreau',
      domainId,
    });
    await users.create({ email: 'bruno@search.test', firstname: 'Bruno', lastname: 'Anselme', domainId });
    await users.create({ email: 'zed@search.test', firstname: 'Zed', lastname: 'Zorro', domainId });
    await users.create({
      email: 'ana@other-search.test',
      firstname: 'Ana',
      lastname: 'Other',
      domainId: otherDomainId,
    });
    // An OpenPaaS document: no `email` nor `firstnames`, the address in accounts only.
    await database.db.collection('users').insertOne({
      firstname: 'Lucie',
      lastname: 'Legacy',
      domains: [{ domain_id: new ObjectId(domainId) }],
      accounts: [{ type: 'email', hosted: true, emails: ['lucie@search.test'] }],
    });
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  const emailsOf = (found: { email: string }[]) => found.map((user) => user.email).sort();

  it('matches the start of the address, first name, any first name or last name, case-insensitively', async () => {
    expect(emailsOf(await users.search(domainId, 'AN', 10))).toEqual([
      'ana.moreau@search.test',
      'bruno@search.test',
    ]);
    expect(emailsOf(await users.search(domainId, 'lucia', 10))).toEqual(['ana.moreau@search.test']);
    expect(emailsOf(await users.search(domainId, 'luc', 10))).toEqual([
      'ana.moreau@search.test',
      'lucie@search.test',
    ]);
    expect(emailsOf(await users.search(domainId, 'zorro', 10))).toEqual(['zed@search.test']);
    expect(emailsOf(await users.search(domainId, 'oreau', 10))).toEqual([]);
  });

  it('stays in the domain, honours the limit and escapes the query', async () => {
    expect(emailsOf(await users.search(otherDomainId, 'ana', 10))).toEqual(['ana@other-search.test']);
    expect(await users.search(domainId, '', 2)).toHaveLength(2);
    expect(await users.search(domainId, '.*', 10)).toEqual([]);
    expect(await users.search(domainId, 'an.', 10)).toEqual([]);
    expect(emailsOf(await users.search(domainId, 'ana.moreau@', 10))).toEqual(['ana.moreau@search.test']);
    expect(await users.search('not-an-id', 'a', 10)).toEqual([]);
    expect(await users.search(domainId, 'a', 0)).toEqual([]);
  });

  it('finds users by several addresses, legacy documents included', async () => {
    expect(
      emailsOf(await users.findByEmails(['ZED@search.test', 'lucie@search.test', 'nobody@search.test'])),
    ).toEqual(['lucie@search.test', 'zed@search.test']);
    expect(await users.findByEmails([])).toEqual([]);
  });
});
