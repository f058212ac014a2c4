import { RabbitmqHealthCheck, isSupportedBrokerVersion } from './rabbitmq.health-check';

describe('RabbitmqHealthCheck', () => {
  it('is healthy against the running broker', async () => {
    expect(await new RabbitmqHealthCheck(process.env.RABBITMQ_URI!).check()).toEqual({
      status: 'healthy',
      cause: null,
    });
  });

  it('is unhealthy when nothing listens', async () => {
    const result = await new RabbitmqHealthCheck('amqp://guest:guest@127.0.0.1:1').check();
    expect(result.status).toBe('unhealthy');
    expect(result.cause).toMatch(/ECONNREFUSED/);
  });

  it('is unhealthy with wrong credentials', async () => {
    const url = new URL(process.env.RABBITMQ_URI!);
    url.password = 'definitely-wrong';
    const result = await new RabbitmqHealthCheck(url.toString()).check();
    expect(result.status).toBe('unhealthy');
  });

  it.each([
    ['3.8.1', true],
    ['3.8.0', false],
    ['3.12.13', true],
    ['4.0.5', true],
    ['3.7.28', false],
    ['3.8', false],
  ])('judges broker version %s supported: %s', (version, expected) => {
    expect(isSupportedBrokerVersion(version)).toBe(expected);
  });
});
