// The esn-sabre double as a process, for scripts/dev.sh (DEMO_DAV=double): in front of the stack's Radicale, it
// speaks esn-sabre's JSON dialect to the Calendar SPA and publishes what esn-sabre publishes after each write.
// A demo and test component, never the product.
//
//   RADICALE_URL MONGO_URL MONGO_DATABASE RABBITMQ_URI DAV_ADMIN_USER DAV_ADMIN_PASSWORD SIDE_SERVICE_URL
//   ESN_SABRE_DOUBLE_PORT   node -r ts-node/register/transpile-only test/doubles/esn-sabre/main.ts
import { connect } from 'amqplib';
import { MongoClient } from 'mongodb';
import { EsnSabreDouble } from './esn-sabre-double';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const mongo = await MongoClient.connect(required('MONGO_URL'));
  const amqp = await connect(required('RABBITMQ_URI'));
  const channel = await amqp.createConfirmChannel();
  const declared = new Set<string>();
  const double = await EsnSabreDouble.start({
    radicaleUrl: required('RADICALE_URL'),
    db: mongo.db(process.env.MONGO_DATABASE ?? 'tcalendar'),
    adminUser: required('DAV_ADMIN_USER'),
    adminPassword: required('DAV_ADMIN_PASSWORD'),
    sideServiceUrl: process.env.SIDE_SERVICE_URL,
    port: Number(process.env.ESN_SABRE_DOUBLE_PORT ?? 0),
  });
  double.publishObjectEvents = true;
  double.setPublisher(async (exchange, body) => {
    // Durable fanouts, as the side service declares them (events.md §1.1).
    if (!declared.has(exchange)) await channel.assertExchange(exchange, 'fanout', { durable: true });
    declared.add(exchange);
    channel.publish(exchange, '', Buffer.from(JSON.stringify(body)), {
      contentType: 'application/json',
      persistent: true,
    });
    await channel.waitForConfirms();
    process.stdout.write(
      `published ${exchange} ${String(body.eventPath ?? body.calendarPath ?? body.uid ?? '')}\n`,
    );
  });
  process.stdout.write(`${JSON.stringify({ url: double.url })}\n`);
  const stop = async () => {
    await double.stop();
    await amqp.close().catch(() => undefined);
    await mongo.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`esn-sabre double: ${String(error)}\n`);
  process.exit(1);
});
