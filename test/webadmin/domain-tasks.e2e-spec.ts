import { randomUUID } from 'node:crypto';
import { TaskManager } from '../../apps/side-service/src/tasks/task-manager';
import type { Task, TaskInformation } from '../../apps/side-service/src/tasks/task';
import { TestService, startTestService } from '../support/service-apps';

/** A task of a given type and information that runs until released (or cancelled). */
class HeldTask implements Task {
  private release!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));
  constructor(
    readonly type: string,
    private readonly info: TaskInformation,
  ) {}
  async run(signal: AbortSignal) {
    await Promise.race([this.released, new Promise((resolve) => signal.addEventListener('abort', resolve))]);
    return 'completed' as const;
  }
  information() {
    return this.info;
  }
  done() {
    this.release();
  }
}

describe('webadmin domain-scoped task routes (§2.6)', () => {
  let service: TestService;
  let tasks: TaskManager;
  const admin = () => service.admin();
  const submit = (task: Task) => tasks.submit(task);

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'one.test,two.test' });
    tasks = service.api.get(TaskManager);
  });
  afterAll(() => service.close());

  it('shows a task only under the domain it belongs to', async () => {
    const sync = new HeldTask('sync-domain-members-contacts-ldap-to-dav', {
      domain: 'one.test',
      addedCount: 0,
    });
    const deletion = new HeldTask('DeleteUserDataTask', {
      username: 'Ann@ONE.test',
      status: {},
      fromStep: null,
    });
    const archival = new HeldTask('calendar-archival', { targetUser: 'bob@two.test' });
    const allDomains = new HeldTask('clear-domain-members-contacts-dav', { ignoredDomains: [] });
    const other = new HeldTask('reindex-calendar-events', { processedEventCount: 0 });
    const ids = [sync, deletion, archival, allDomains, other].map(submit);
    const [syncId, deletionId, archivalId, allId, otherId] = ids as [string, string, string, string, string];
    try {
      const shown = await admin().get(`/domains/ONE.test/tasks/${syncId}`).expect(200);
      expect(shown.body).toMatchObject({
        taskId: syncId,
        type: 'sync-domain-members-contacts-ldap-to-dav',
        status: 'inProgress',
        additionalInformation: { domain: 'one.test' },
      });
      await admin().get(`/domains/one.test/tasks/${deletionId}`).expect(200);
      await admin().get(`/domains/two.test/tasks/${archivalId}`).expect(200);
      for (const [domain, id] of [
        ['two.test', syncId],
        ['two.test', deletionId],
        ['one.test', archivalId],
        ['one.test', allId],
        ['one.test', otherId],
      ] as const) {
        const refused = await admin().get(`/domains/${domain}/tasks/${id}`).expect(404);
        expect(refused.body).toEqual({
          statusCode: 404,
          type: 'notFound',
          message: `${id} can not be found`,
          details: null,
        });
        await admin().get(`/domains/${domain}/tasks/${id}/await`).query({ timeout: '1' }).expect(404);
        await admin().delete(`/domains/${domain}/tasks/${id}`).expect(404);
      }
      // Ownership is checked before waiting; an owned task still running times out with 408.
      const timeout = await admin().get(`/domains/one.test/tasks/${syncId}/await`).query({ timeout: '1' });
      expect(timeout.status).toBe(408);
      expect(timeout.body).toMatchObject({ type: 'ServerError', message: 'The timeout has been reached' });
      // Cancelling a foreign task did nothing; cancelling an owned one works, and again once finished.
      expect(tasks.get(archivalId)!.status).toBe('waiting');
      await admin().delete(`/domains/one.test/tasks/${syncId}`).expect(204);
      const awaited = await admin().get(`/domains/one.test/tasks/${syncId}/await`).query({ timeout: '10s' });
      expect(awaited.status).toBe(200);
      expect(awaited.body.status).toBe('canceled');
      await admin().delete(`/domains/one.test/tasks/${syncId}`).expect(204);
    } finally {
      for (const task of [sync, deletion, archival, allDomains, other]) task.done();
    }
  });

  it('answers 400 for an invalid id or domain, 404 for an unknown domain or task', async () => {
    expect((await admin().get('/domains/one.test/tasks/not-a-uuid').expect(400)).body).toMatchObject({
      type: 'InvalidArgument',
      message: 'Invalid task id',
    });
    await admin().delete('/domains/one.test/tasks/not-a-uuid').expect(400);
    expect((await admin().get(`/domains/bad..domain/tasks/${randomUUID()}`).expect(400)).body).toMatchObject({
      message: 'Invalid domain: bad..domain',
    });
    expect((await admin().get(`/domains/nowhere.test/tasks/${randomUUID()}`).expect(404)).body).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: 'Domain nowhere.test does not exist',
      details: null,
    });
    const unknown = randomUUID();
    await admin().get(`/domains/one.test/tasks/${unknown}`).expect(404);
    await admin().delete(`/domains/one.test/tasks/${unknown}`).expect(404);
    // The global route ignores unknown ids.
    await admin().delete(`/tasks/${unknown}`).expect(204);
    const timeout = await admin().get(`/domains/one.test/tasks/${unknown}/await`).query({ timeout: 'soon' });
    expect(timeout.status).toBe(400);
    expect(timeout.body).toEqual({
      statusCode: 400,
      type: 'InvalidArgument',
      message: 'Invalid timeout',
      details: 'soon',
    });
  });
});
