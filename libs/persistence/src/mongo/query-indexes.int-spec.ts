import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { Connection } from 'mongoose';
import { AppConfigModule } from '@app/config';
import { TestDatabase } from '@app/testing';
import {
  AlarmEventMongoRepository,
  AlarmLeaseMongoRepository,
} from '../alarm-events/alarm-event.mongo.repository';
import { AlarmEventRepository, AlarmLeaseRepository } from '../alarm-events/alarm-event.repository';
import { AuthTicketMongoRepository } from '../auth-tickets/auth-ticket.mongo.repository';
import { ConfigurationMongoRepository } from '../configurations/configuration.mongo.repository';
import { DomainSettingsMongoRepository } from '../domain-settings/domain-settings.mongo.repository';
import { DomainMongoRepository } from '../domains/domain.mongo.repository';
import { ItipDeliveryMongoRepository } from '../itip-deliveries/itip-delivery.mongo.repository';
import { ItipFanOutMongoRepository } from '../itip-deliveries/itip-fan-out.mongo.repository';
import { MailDeliveryMongoRepository } from '../mail-deliveries/mail-delivery.mongo.repository';
import { PersistenceModule } from '../persistence.module';
import { ResourceMongoRepository } from '../resources/resource.mongo.repository';
import { SecretLinkMongoRepository } from '../secret-links/secret-link.mongo.repository';
import { TeamCalendarMongoRepository } from '../team-calendars/team-calendar.mongo.repository';
import { UploadedFileMongoRepository } from '../uploaded-files/uploaded-file.mongo.repository';
import { UserMongoRepository } from '../users/user.mongo.repository';
import { IndexInfo, planQuery } from './index-coverage';
import { ALL_INDEXES } from './index-initializer';
import { uploadedFileIndexes } from '../uploaded-files/uploaded-file.schema';
import { AuthTicketRepository } from '../auth-tickets/auth-ticket.repository';
import { ConfigurationRepository } from '../configurations/configuration.repository';
import { DomainSettingsRepository } from '../domain-settings/domain-settings.repository';
import { DomainRepository } from '../domains/domain.repository';
import { ItipDeliveryRepository } from '../itip-deliveries/itip-delivery.repository';
import { ItipFanOutRepository } from '../itip-deliveries/itip-fan-out.repository';
import { MailDeliveryRepository } from '../mail-deliveries/mail-delivery.repository';
import { ResourceRepository } from '../resources/resource.repository';
import { SecretLinkRepository } from '../secret-links/secret-link.repository';
import { TeamCalendarRepository } from '../team-calendars/team-calendar.repository';
import { UploadedFileRepository } from '../uploaded-files/uploaded-file.repository';
import { UserRepository } from '../users/user.repository';

/**
 * Every query of every MongoDB repository, run for real with the driver's command monitoring on, and the index
 * each filter relies on (decided by `planQuery` from the indexes the start-up created: neither test engine has
 * `explain`). A query without an index fails, unless it is listed in SCANS with the reason the scan is accepted;
 * a repository method without a scenario fails too, so a new query cannot skip the check.
 *
 * Expected plans: one string per filtering command, in the order the method sends them,
 * `collection: index_name` (`a ∪ b`: an `$or` answered by both indexes; `(sort)`: an ordered scan of the index;
 * `(open)`: a case-insensitive prefix, which MongoDB answers from the index with open bounds).
 */
const REPOSITORIES = [
  UserMongoRepository,
  DomainMongoRepository,
  ConfigurationMongoRepository,
  DomainSettingsMongoRepository,
  AuthTicketMongoRepository,
  MailDeliveryMongoRepository,
  ItipDeliveryMongoRepository,
  ItipFanOutMongoRepository,
  SecretLinkMongoRepository,
  UploadedFileMongoRepository,
  ResourceMongoRepository,
  TeamCalendarMongoRepository,
  AlarmEventMongoRepository,
  AlarmLeaseMongoRepository,
] as const;

/** Collection scans accepted on purpose: query → reason. */
const SCANS: Record<string, string> = {
  'UserMongoRepository.backfillMissingFields':
    'one-off migration run from the webadmin over documents lacking fields; no index can hold absent fields',
};

interface Scenario {
  /** `Class.method` */
  query: string;
  plans: string[];
  run: () => Promise<unknown>;
}

interface Captured {
  collection: string;
  filter?: Record<string, unknown>;
  sort?: Record<string, unknown>;
}

/** The filter of each command that selects documents (inserts and index commands select none). */
function filtersOf(event: CommandStartedEvent): Captured[] {
  const command = event.command as Record<string, unknown>;
  const collection = String(command[event.commandName]);
  switch (event.commandName) {
    case 'find':
      return [{ collection, filter: command.filter as never, sort: command.sort as never }];
    case 'update':
      return (command.updates as { q: Record<string, unknown> }[]).map((update) => ({
        collection,
        filter: update.q,
      }));
    case 'delete':
      return (command.deletes as { q: Record<string, unknown> }[]).map((del) => ({
        collection,
        filter: del.q,
      }));
    case 'findAndModify':
      return [{ collection, filter: command.query as never, sort: command.sort as never }];
    case 'count':
    case 'distinct':
      return [{ collection, filter: command.query as never }];
    case 'aggregate': {
      const first = (command.pipeline as Record<string, unknown>[])[0];
      return [{ collection, filter: (first?.$match as never) ?? {} }];
    }
    default:
      return [];
  }
}

describe('repository queries and the indexes they rely on', () => {
  let context: INestApplicationContext;
  let database: TestDatabase;
  let captured: Captured[] | undefined;
  const indexes = new Map<string, IndexInfo[]>();
  const results = new Map<string, string[]>();

  const repo = <T>(type: abstract new (...args: never[]) => T): T => context.get(type as never);

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), PersistenceModule],
    }).compile();
    context = await module.init();
    database = await TestDatabase.open();
    const connection = context.get<Connection>(getConnectionToken());
    connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      if (captured && event.databaseName === database.db.databaseName) captured.push(...filtersOf(event));
    });
    // The indexes the start-up created, with the sparse/partial options they were declared with (FerretDB does not
    // report them back).
    const declared = [...ALL_INDEXES, ...uploadedFileIndexes(3600)];
    for (const { name } of await database.db.listCollections({}, { nameOnly: true }).toArray()) {
      const specs = declared.find((entry) => entry.collection === name)?.indexes ?? [];
      const created = (await database.db.collection(name).indexes()) as IndexInfo[];
      indexes.set(
        name,
        created.map((index) => {
          const spec = specs.find((entry) => JSON.stringify(entry.keys) === JSON.stringify(index.key));
          return {
            ...index,
            sparse: index.sparse ?? spec?.options?.sparse,
            partialFilterExpression: index.partialFilterExpression ?? spec?.options?.partialFilterExpression,
          };
        }),
      );
    }
  });
  afterAll(async () => {
    await context.close();
    await database.drop();
    await database.close();
  });

  const plan = ({ collection, filter, sort }: Captured): string => {
    const result = planQuery(filter, indexes.get(collection) ?? [], sort);
    if (!result.index) return `${collection}: COLLECTION SCAN ${JSON.stringify(filter)}`;
    return `${collection}: ${result.index}${result.openBounds ? ' (open)' : ''}`;
  };

  const at = new Date('2030-01-01T00:00:00Z');
  const later = new Date('2030-01-02T00:00:00Z');
  const ids = {
    domain: '',
    user: '',
    resource: '',
    missing: '0123456789abcdef01234567',
  };

  const alarm = {
    eventUid: 'alarm-uid',
    recipient: 'ana@plans.test',
    alarmTime: at,
    eventStartTime: later,
    recurring: false,
    ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    eventPath: '/calendars/ana/cal/alarm-uid.ics',
    action: 'EMAIL' as const,
  };
  const alarmEvents = 'twake_calendar_alarm_events';
  const scenarios: Scenario[] = [
    {
      query: 'DomainMongoRepository.create',
      plans: [],
      run: async () => (ids.domain = (await repo(DomainRepository).create('plans.test')).id),
    },
    {
      query: 'DomainMongoRepository.findById',
      plans: ['domains: _id_'],
      run: () => repo(DomainRepository).findById(ids.domain),
    },
    {
      query: 'DomainMongoRepository.findByName',
      plans: ['domains: name_1'],
      run: () => repo(DomainRepository).findByName('plans.test'),
    },
    {
      query: 'DomainMongoRepository.list',
      plans: ['domains: name_1 (sort)'],
      run: () => repo(DomainRepository).list(),
    },
    {
      query: 'DomainMongoRepository.ensure',
      plans: ['domains: name_1'],
      run: () => repo(DomainRepository).ensure('plans.test'),
    },
    {
      query: 'UserMongoRepository.create',
      plans: ['users: email_1 ∪ accounts.emails_1'],
      run: async () =>
        (ids.user = (
          await repo(UserRepository).create({
            email: 'ana@plans.test',
            firstname: 'Ana',
            lastname: 'M',
            domainId: ids.domain,
          })
        ).id),
    },
    {
      query: 'DomainMongoRepository.addAdministrators',
      plans: ['domains: _id_', 'domains: _id_'],
      run: () => repo(DomainRepository).addAdministrators(ids.domain, [ids.user]),
    },
    {
      query: 'DomainMongoRepository.revokeAdministrator',
      plans: ['domains: _id_', 'domains: _id_'],
      run: () => repo(DomainRepository).revokeAdministrator(ids.domain, ids.user),
    },
    {
      query: 'UserMongoRepository.findById',
      plans: ['users: _id_'],
      run: () => repo(UserRepository).findById(ids.user),
    },
    {
      query: 'UserMongoRepository.findByEmail',
      plans: ['users: email_1 ∪ accounts.emails_1'],
      run: () => repo(UserRepository).findByEmail('ana@plans.test'),
    },
    {
      query: 'UserMongoRepository.findByEmails',
      plans: ['users: email_1 ∪ accounts.emails_1'],
      run: () => repo(UserRepository).findByEmails(['ana@plans.test', 'bob@plans.test']),
    },
    {
      query: 'UserMongoRepository.findPasswordHash',
      plans: ['users: email_1 ∪ accounts.emails_1'],
      run: () => repo(UserRepository).findPasswordHash('ana@plans.test'),
    },
    {
      query: 'UserMongoRepository.search',
      plans: ['users: domains.domain_id_1'],
      run: () => repo(UserRepository).search(ids.domain, 'an', 10),
    },
    {
      query: 'UserMongoRepository.list',
      plans: ['users: _id_ (sort)'],
      run: () => repo(UserRepository).list(),
    },
    {
      query: 'UserMongoRepository.listByDomain',
      plans: ['users: domains.domain_id_1'],
      run: () => repo(UserRepository).listByDomain(ids.domain),
    },
    {
      query: 'UserMongoRepository.update',
      plans: ['users: email_1 ∪ accounts.emails_1', 'users: _id_'],
      run: () =>
        repo(UserRepository).update(ids.user, {
          email: 'ana@plans.test',
          firstname: 'Ana Lucia',
          lastname: 'M',
          domainId: ids.domain,
        }),
    },
    {
      query: 'UserMongoRepository.backfillMissingFields',
      plans: [
        'users: COLLECTION SCAN {"$or":[{"email":{"$exists":false}},{"firstnames":{"$exists":false}}]}',
      ],
      run: () => repo(UserRepository).backfillMissingFields({ processed: 0, upgraded: 0, failed: 0 }),
    },
    {
      query: 'ConfigurationMongoRepository.replaceEntries',
      plans: ['configurations: user_id_1_domain_id_1'],
      run: () =>
        repo(ConfigurationRepository).replaceEntries(ids.domain, ids.user, [
          { module: 'core', key: 'language', value: 'fr' },
        ]),
    },
    {
      query: 'ConfigurationMongoRepository.findEntries',
      plans: ['configurations: user_id_1_domain_id_1'],
      run: () => repo(ConfigurationRepository).findEntries(ids.domain, ids.user),
    },
    {
      query: 'DomainSettingsMongoRepository.save',
      plans: ['domain_settings: domain_1'],
      run: () => repo(DomainSettingsRepository).save('plans.test', { userSearchMode: 'limited' }),
    },
    {
      query: 'DomainSettingsMongoRepository.patch',
      plans: ['domain_settings: domain_1'],
      run: () =>
        repo(DomainSettingsRepository).patch('plans.test', { resourceSearchEnabled: false }, [
          'userSearchMode',
        ]),
    },
    {
      query: 'DomainSettingsMongoRepository.findByDomain',
      plans: ['domain_settings: domain_1'],
      run: () => repo(DomainSettingsRepository).findByDomain('plans.test'),
    },
    {
      query: 'AuthTicketMongoRepository.insert',
      plans: [],
      run: () =>
        repo(AuthTicketRepository).insert({
          value: 'ticket-1',
          username: 'ana@plans.test',
          clientAddress: '127.0.0.1',
          generatedOn: at,
          validUntil: later,
        }),
    },
    {
      query: 'AuthTicketMongoRepository.find',
      plans: ['auth_tickets: _id_'],
      run: () => repo(AuthTicketRepository).find('ticket-1'),
    },
    {
      query: 'AuthTicketMongoRepository.take',
      plans: ['auth_tickets: _id_'],
      run: () => repo(AuthTicketRepository).take('ticket-1'),
    },
    {
      query: 'AuthTicketMongoRepository.delete',
      plans: ['auth_tickets: _id_'],
      run: () => repo(AuthTicketRepository).delete('ticket-1'),
    },
    {
      query: 'AuthTicketMongoRepository.deleteExpired',
      plans: ['auth_tickets: auth_tickets_ttl_validUntil'],
      run: () => repo(AuthTicketRepository).deleteExpired(at),
    },
    {
      query: 'MailDeliveryMongoRepository.claimMany',
      plans: [],
      run: () => repo(MailDeliveryRepository).claimMany(['mail-1', 'mail-2'], at, 60_000, later),
    },
    {
      query: 'MailDeliveryMongoRepository.claim',
      plans: ['twake_calendar_mail_deliveries: _id_', 'twake_calendar_mail_deliveries: _id_'],
      run: () => repo(MailDeliveryRepository).claim('mail-1', at, 60_000, later),
    },
    {
      query: 'MailDeliveryMongoRepository.markSent',
      plans: [],
      run: () => repo(MailDeliveryRepository).markSent(['mail-1'], at, later),
    },
    {
      query: 'MailDeliveryMongoRepository.renew',
      plans: ['twake_calendar_mail_deliveries: _id_'],
      run: () => repo(MailDeliveryRepository).renew('mail-2', later),
    },
    {
      query: 'MailDeliveryMongoRepository.release',
      plans: ['twake_calendar_mail_deliveries: _id_'],
      run: () => repo(MailDeliveryRepository).release('mail-2'),
    },
    {
      query: 'MailDeliveryMongoRepository.deleteExpired',
      plans: ['twake_calendar_mail_deliveries: ttl_expiresAt'],
      run: () => repo(MailDeliveryRepository).deleteExpired(at),
    },
    {
      query: 'ItipDeliveryMongoRepository.claim',
      plans: [],
      run: () => repo(ItipDeliveryRepository).claim('itip-1', at, 60_000, 3_600_000),
    },
    {
      query: 'ItipDeliveryMongoRepository.markItipDelivered',
      plans: ['twake_calendar_itip_deliveries: _id_'],
      run: () => repo(ItipDeliveryRepository).markItipDelivered('itip-1'),
    },
    {
      query: 'ItipDeliveryMongoRepository.release',
      plans: ['twake_calendar_itip_deliveries: _id_'],
      run: () => repo(ItipDeliveryRepository).release('itip-1', at),
    },
    {
      query: 'ItipDeliveryMongoRepository.complete',
      plans: ['twake_calendar_itip_deliveries: _id_'],
      run: () => repo(ItipDeliveryRepository).complete('itip-1', later),
    },
    {
      query: 'ItipDeliveryMongoRepository.deleteExpired',
      plans: ['twake_calendar_itip_deliveries: ttl_expiresAt'],
      run: () => repo(ItipDeliveryRepository).deleteExpired(at),
    },
    {
      query: 'ItipFanOutMongoRepository.open',
      plans: [],
      run: () => repo(ItipFanOutRepository).open('uid-1', 'fan-1', ['a', 'b'], at, later),
    },
    {
      query: 'ItipFanOutMongoRepository.pending',
      plans: ['twake_calendar_itip_fan_outs: _id_'],
      run: () => repo(ItipFanOutRepository).pending('uid-1', at),
    },
    {
      query: 'ItipFanOutMongoRepository.settle',
      plans: ['twake_calendar_itip_fan_outs: _id_'],
      run: () => repo(ItipFanOutRepository).settle('uid-1', 'a'),
    },
    {
      query: 'ItipFanOutMongoRepository.close',
      plans: ['twake_calendar_itip_fan_outs: _id_'],
      run: () => repo(ItipFanOutRepository).close('uid-1', 'fan-1'),
    },
    {
      query: 'ItipFanOutMongoRepository.deleteExpired',
      plans: ['twake_calendar_itip_fan_outs: ttl_expiresAt'],
      run: () => repo(ItipFanOutRepository).deleteExpired(at),
    },
    {
      query: 'SecretLinkMongoRepository.save',
      plans: ['secretlinks: user_id_1_calendarHomeId_1_calendarId_1'],
      run: () =>
        repo(SecretLinkRepository).save({
          userId: ids.user,
          calendarHomeId: ids.user,
          calendarId: 'cal',
          token: 't',
        }),
    },
    {
      query: 'SecretLinkMongoRepository.findByOwner',
      plans: ['secretlinks: user_id_1_calendarHomeId_1_calendarId_1'],
      run: () => repo(SecretLinkRepository).findByOwner(ids.user, ids.user, 'cal'),
    },
    {
      query: 'SecretLinkMongoRepository.listByCalendar',
      plans: ['secretlinks: calendarHomeId_1_calendarId_1'],
      run: () => repo(SecretLinkRepository).listByCalendar(ids.user, 'cal'),
    },
    {
      query: 'UploadedFileMongoRepository.store',
      plans: [],
      run: async () => {
        const content = (async function* () {
          yield Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
        })();
        const file = await repo(UploadedFileRepository).store(
          { username: 'ana@plans.test', fileName: 'a.ics', mimeType: 'text/calendar', created: at },
          content,
        );
        ids.missing = file.id;
      },
    },
    {
      query: 'UploadedFileMongoRepository.find',
      plans: ['twake_calendar_uploaded_files: _id_'],
      run: () => repo(UploadedFileRepository).find(ids.missing, 'ana@plans.test', at),
    },
    {
      query: 'UploadedFileMongoRepository.read',
      plans: ['twake_calendar_uploaded_files: _id_'],
      run: async () => {
        const repository = repo(UploadedFileRepository);
        const file = await repository.find(ids.missing, 'ana@plans.test', at);
        captured = [];
        for await (const chunk of repository.read(file!)) void chunk;
      },
    },
    {
      query: 'UploadedFileMongoRepository.listByUser',
      plans: ['twake_calendar_uploaded_files: username_1'],
      run: () => repo(UploadedFileRepository).listByUser('ana@plans.test', at),
    },
    {
      query: 'UploadedFileMongoRepository.delete',
      plans: ['twake_calendar_uploaded_files: _id_', 'twake_calendar_uploaded_file_chunks: files_id_1_n_1'],
      run: () => repo(UploadedFileRepository).delete(ids.missing, 'ana@plans.test'),
    },
    {
      query: 'UploadedFileMongoRepository.deleteCreatedBefore',
      plans: ['twake_calendar_uploaded_files: created_1', 'twake_calendar_uploaded_file_chunks: _id_'],
      run: () => repo(UploadedFileRepository).deleteCreatedBefore(at),
    },
    {
      query: 'ResourceMongoRepository.insert',
      plans: [],
      run: async () =>
        (ids.resource = (
          await repo(ResourceRepository).insert({
            name: 'Room',
            description: 'A room',
            icon: 'room',
            creatorId: ids.user,
            domainId: ids.domain,
          })
        ).id),
    },
    {
      query: 'ResourceMongoRepository.listByDomain',
      plans: ['resources: domain_1'],
      run: () => repo(ResourceRepository).listByDomain(ids.domain),
    },
    {
      query: 'ResourceMongoRepository.update',
      plans: ['resources: _id_', 'resources: _id_'],
      run: () => repo(ResourceRepository).update(ids.resource, { name: 'Big room' }),
    },
    {
      query: 'ResourceMongoRepository.softDelete',
      plans: ['resources: _id_'],
      run: () => repo(ResourceRepository).softDelete(ids.resource),
    },
    {
      query: 'ResourceMongoRepository.remove',
      plans: ['resources: _id_'],
      run: () => repo(ResourceRepository).remove(ids.resource),
    },
    {
      query: 'ResourceMongoRepository.findById',
      plans: ['resources: _id_'],
      run: () => repo(ResourceRepository).findById(ids.missing),
    },
    {
      query: 'ResourceMongoRepository.search',
      plans: ['resources: domain_1'],
      run: () => repo(ResourceRepository).search(ids.domain, 'room', 10),
    },
    {
      query: 'TeamCalendarMongoRepository.findById',
      plans: ['team_calendars: _id_'],
      run: () => repo(TeamCalendarRepository).findById(ids.missing),
    },
    {
      query: 'TeamCalendarMongoRepository.search',
      plans: ['team_calendars: domainId_1'],
      run: () => repo(TeamCalendarRepository).search(ids.domain, 'team', 10),
    },
    {
      query: 'TeamCalendarMongoRepository.create',
      plans: [],
      run: () =>
        repo(TeamCalendarRepository).create({
          domainId: ids.domain,
          domainName: 'plans.test',
          name: 'plans-team',
          displayName: 'Plans team',
        }),
    },
    {
      query: 'TeamCalendarMongoRepository.listByDomain',
      plans: ['team_calendars: domainId_1'],
      run: () => repo(TeamCalendarRepository).listByDomain(ids.domain),
    },
    {
      query: 'TeamCalendarMongoRepository.updateDisplayName',
      plans: ['team_calendars: _id_'],
      run: () => repo(TeamCalendarRepository).updateDisplayName(ids.missing, 'Renamed'),
    },
    {
      query: 'TeamCalendarMongoRepository.delete',
      plans: ['team_calendars: _id_'],
      run: () => repo(TeamCalendarRepository).delete(ids.missing),
    },
    {
      query: 'AlarmEventMongoRepository.upsert',
      plans: [`${alarmEvents}: eventUid_1_recipient_1`],
      run: () => repo(AlarmEventRepository).upsert(alarm),
    },
    {
      query: 'AlarmEventMongoRepository.insertIfAbsent',
      plans: [`${alarmEvents}: eventUid_1_recipient_1`],
      run: () => repo(AlarmEventRepository).insertIfAbsent(alarm),
    },
    {
      query: 'AlarmEventMongoRepository.find',
      plans: [`${alarmEvents}: eventUid_1_recipient_1`],
      run: () => repo(AlarmEventRepository).find(alarm.eventUid, alarm.recipient),
    },
    {
      query: 'AlarmEventMongoRepository.findByEvent',
      plans: [`${alarmEvents}: eventUid_1_recipient_1`],
      run: () => repo(AlarmEventRepository).findByEvent(alarm.eventUid, alarm.eventPath),
    },
    {
      query: 'AlarmEventMongoRepository.findDue',
      plans: [`${alarmEvents}: alarmTime_1`],
      run: () => repo(AlarmEventRepository).findDue(later, 10),
    },
    {
      query: 'AlarmEventMongoRepository.advance',
      plans: [`${alarmEvents}: _id_`],
      run: () => repo(AlarmEventRepository).advance(ids.missing, at, { ...alarm, alarmTime: later }),
    },
    {
      query: 'AlarmEventMongoRepository.deleteIfUnchanged',
      plans: [`${alarmEvents}: _id_`],
      run: () => repo(AlarmEventRepository).deleteIfUnchanged(ids.missing, at),
    },
    {
      query: 'AlarmEventMongoRepository.deleteManyIfUnchanged',
      plans: [`${alarmEvents}: _id_`],
      run: () => repo(AlarmEventRepository).deleteManyIfUnchanged([{ id: ids.missing, alarmTime: at }]),
    },
    {
      query: 'AlarmEventMongoRepository.delete',
      plans: [`${alarmEvents}: eventUid_1_recipient_1`],
      run: () => repo(AlarmEventRepository).delete(alarm.eventUid, alarm.recipient),
    },
    {
      query: 'AlarmEventMongoRepository.deleteByEvent',
      plans: [`${alarmEvents}: eventUid_1_recipient_1`],
      run: () => repo(AlarmEventRepository).deleteByEvent(alarm.eventUid, alarm.eventPath),
    },
    {
      query: 'AlarmLeaseMongoRepository.acquire',
      plans: [],
      run: () => repo(AlarmLeaseRepository).acquire(alarm.eventUid, alarm.recipient, at, at, 60_000),
    },
    {
      query: 'AlarmLeaseMongoRepository.acquireMany',
      plans: [],
      run: () => repo(AlarmLeaseRepository).acquireMany([alarm], at, 60_000),
    },
    {
      query: 'AlarmLeaseMongoRepository.release',
      plans: ['twake_calendar_alarm_events_ledge: uniq_event_alarm_recipient'],
      run: () => repo(AlarmLeaseRepository).release(alarm.eventUid, alarm.recipient, at),
    },
    {
      query: 'AlarmLeaseMongoRepository.deleteExpired',
      plans: ['twake_calendar_alarm_events_ledge: ttl_expiresAt'],
      run: () => repo(AlarmLeaseRepository).deleteExpired(later),
    },
    {
      query: 'UserMongoRepository.deleteByEmail',
      plans: ['users: email_1 ∪ accounts.emails_1'],
      run: () => repo(UserRepository).deleteByEmail('ana@plans.test'),
    },
  ];

  it('has a scenario for every method of every MongoDB repository', () => {
    const methods = REPOSITORIES.flatMap((type) =>
      Object.getOwnPropertyNames(type.prototype)
        .filter((name) => name !== 'constructor' && typeof type.prototype[name as never] === 'function')
        .map((name) => `${type.name}.${name}`),
    );
    const covered = new Set(scenarios.map((scenario) => scenario.query));
    const privateHelpers = ['MailDeliveryMongoRepository.resolveTaken', 'ResourceMongoRepository.document'];
    const missing = methods.filter((method) => !covered.has(method) && !privateHelpers.includes(method));
    if (missing.length > 0)
      throw new Error(
        `repository methods without a scenario in query-indexes.int-spec.ts (add one with the index each of ` +
          `its queries relies on): ${missing.join(', ')}`,
      );
  });

  it('runs each query on an index (the list below), collection scans only where accepted', async () => {
    const table: string[] = [];
    for (const scenario of scenarios) {
      captured = [];
      await scenario.run();
      const plans = captured.map(plan);
      captured = undefined;
      results.set(scenario.query, plans);
      table.push(`${scenario.query.padEnd(48)} ${plans.join('; ') || '(insert only)'}`);
    }
    if (process.env.PRINT_QUERY_PLANS === '1') console.log(table.join('\n'));
    for (const scenario of scenarios) {
      expect({ query: scenario.query, plans: results.get(scenario.query) }).toEqual({
        query: scenario.query,
        plans: scenario.plans,
      });
      const scans = results.get(scenario.query)!.filter((line) => line.includes('COLLECTION SCAN'));
      if (scans.length > 0)
        expect({ query: scenario.query, accepted: SCANS[scenario.query] }).toEqual({
          query: scenario.query,
          accepted: expect.any(String),
        });
    }
  });
});
