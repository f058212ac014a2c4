import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import { TerminusModule } from '@nestjs/terminus';
import type { AllConfig } from '@app/config';
import {
  AlarmEventMongoRepository,
  AlarmLeaseMongoRepository,
} from './alarm-events/alarm-event.mongo.repository';
import { AlarmEventRepository, AlarmLeaseRepository } from './alarm-events/alarm-event.repository';
import {
  AlarmEventDocument,
  AlarmEventSchema,
  AlarmLeaseDocument,
  AlarmLeaseSchema,
} from './alarm-events/alarm-event.schema';
import { AuthTicketMongoRepository } from './auth-tickets/auth-ticket.mongo.repository';
import { AuthTicketRepository } from './auth-tickets/auth-ticket.repository';
import { AuthTicketDocument, AuthTicketSchema } from './auth-tickets/auth-ticket.schema';
import { ConfigurationMongoRepository } from './configurations/configuration.mongo.repository';
import { ConfigurationRepository } from './configurations/configuration.repository';
import { ConfigurationDocument, ConfigurationSchema } from './configurations/configuration.schema';
import { DomainMongoRepository } from './domains/domain.mongo.repository';
import { DomainRepository } from './domains/domain.repository';
import { DomainDocument, DomainSchema } from './domains/domain.schema';
import { DomainSettingsMongoRepository } from './domain-settings/domain-settings.mongo.repository';
import { DomainSettingsRepository } from './domain-settings/domain-settings.repository';
import { DomainSettingsDocument, DomainSettingsSchema } from './domain-settings/domain-settings.schema';
import { MailDeliveryMongoRepository } from './mail-deliveries/mail-delivery.mongo.repository';
import { MailDeliveryRepository } from './mail-deliveries/mail-delivery.repository';
import { MailDeliveryDocument, MailDeliverySchema } from './mail-deliveries/mail-delivery.schema';
import { ItipDeliveryMongoRepository } from './itip-deliveries/itip-delivery.mongo.repository';
import { ItipDeliveryRepository } from './itip-deliveries/itip-delivery.repository';
import { ItipDeliveryDocument, ItipDeliverySchema } from './itip-deliveries/itip-delivery.schema';
import { ItipFanOutMongoRepository } from './itip-deliveries/itip-fan-out.mongo.repository';
import { ItipFanOutRepository } from './itip-deliveries/itip-fan-out.repository';
import { ItipFanOutDocument, ItipFanOutSchema } from './itip-deliveries/itip-fan-out.schema';
import { IndexInitializer } from './mongo/index-initializer';
import { MongoCommandMetrics } from './mongo/mongo-command.metrics';
import { MongoHealthCheck } from './mongo/mongo.health-check';
import { ResourceMongoRepository } from './resources/resource.mongo.repository';
import { ResourceRepository } from './resources/resource.repository';
import { ResourceDocument, ResourceSchema } from './resources/resource.schema';
import { SecretLinkMongoRepository } from './secret-links/secret-link.mongo.repository';
import { SecretLinkRepository } from './secret-links/secret-link.repository';
import { SecretLinkDocument, SecretLinkSchema } from './secret-links/secret-link.schema';
import { TeamCalendarMongoRepository } from './team-calendars/team-calendar.mongo.repository';
import { TeamCalendarRepository } from './team-calendars/team-calendar.repository';
import { TeamCalendarDocument, TeamCalendarSchema } from './team-calendars/team-calendar.schema';
import { UploadedFileMongoRepository } from './uploaded-files/uploaded-file.mongo.repository';
import { UploadedFileRepository } from './uploaded-files/uploaded-file.repository';
import { UploadedFileDocument, UploadedFileSchema } from './uploaded-files/uploaded-file.schema';
import { UserMongoRepository } from './users/user.mongo.repository';
import { UserRepository } from './users/user.repository';
import { UserDocument, UserSchema } from './users/user.schema';

// Mongoose records `new Error().stack` at every query execution (to report where a query was first run when it is
// run twice); the stack capture and formatting were the largest single cost of a cached GET /api/user.
mongoose.set('skipOriginalStackTraces', true);

/** MongoDB connection, the OpenPaaS collections, their repositories and the MongoDB health check. */
@Global()
@Module({
  imports: [
    TerminusModule,
    MongooseModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => {
        const mongo = config.get('mongo', { infer: true });
        return {
          uri: mongo.url,
          dbName: mongo.database,
          autoIndex: false,
          autoCreate: false,
          serverSelectionTimeoutMS: 10_000,
          appName: 'twake-calendar-side-service',
          monitorCommands: true,
        };
      },
    }),
    MongooseModule.forFeature([
      { name: UserDocument.name, schema: UserSchema },
      { name: DomainDocument.name, schema: DomainSchema },
      { name: AuthTicketDocument.name, schema: AuthTicketSchema },
      { name: ConfigurationDocument.name, schema: ConfigurationSchema },
      { name: MailDeliveryDocument.name, schema: MailDeliverySchema },
      { name: ResourceDocument.name, schema: ResourceSchema },
      { name: SecretLinkDocument.name, schema: SecretLinkSchema },
      { name: UploadedFileDocument.name, schema: UploadedFileSchema },
      { name: ItipDeliveryDocument.name, schema: ItipDeliverySchema },
      { name: ItipFanOutDocument.name, schema: ItipFanOutSchema },
      { name: DomainSettingsDocument.name, schema: DomainSettingsSchema },
      { name: TeamCalendarDocument.name, schema: TeamCalendarSchema },
      { name: AlarmEventDocument.name, schema: AlarmEventSchema },
      { name: AlarmLeaseDocument.name, schema: AlarmLeaseSchema },
    ]),
  ],
  providers: [
    IndexInitializer,
    MongoHealthCheck,
    MongoCommandMetrics,
    { provide: UserRepository, useClass: UserMongoRepository },
    { provide: DomainRepository, useClass: DomainMongoRepository },
    { provide: AuthTicketRepository, useClass: AuthTicketMongoRepository },
    { provide: ConfigurationRepository, useClass: ConfigurationMongoRepository },
    { provide: MailDeliveryRepository, useClass: MailDeliveryMongoRepository },
    { provide: ResourceRepository, useClass: ResourceMongoRepository },
    { provide: SecretLinkRepository, useClass: SecretLinkMongoRepository },
    { provide: UploadedFileRepository, useClass: UploadedFileMongoRepository },
    { provide: ItipDeliveryRepository, useClass: ItipDeliveryMongoRepository },
    { provide: ItipFanOutRepository, useClass: ItipFanOutMongoRepository },
    { provide: DomainSettingsRepository, useClass: DomainSettingsMongoRepository },
    { provide: TeamCalendarRepository, useClass: TeamCalendarMongoRepository },
    { provide: AlarmEventRepository, useClass: AlarmEventMongoRepository },
    { provide: AlarmLeaseRepository, useClass: AlarmLeaseMongoRepository },
  ],
  exports: [
    UserRepository,
    DomainRepository,
    AuthTicketRepository,
    ConfigurationRepository,
    MailDeliveryRepository,
    ResourceRepository,
    SecretLinkRepository,
    UploadedFileRepository,
    ItipDeliveryRepository,
    ItipFanOutRepository,
    DomainSettingsRepository,
    TeamCalendarRepository,
    AlarmEventRepository,
    AlarmLeaseRepository,
  ],
})
export class PersistenceModule {}
