import { TaskManager } from '../../apps/side-service/src/tasks/task-manager';
import type { Task } from '../../apps/side-service/src/tasks/task';
import { OpenApiDocument, queryParameters } from '../support/openapi-document';
import { TestService, startTestService } from '../support/service-apps';

/** A task that works until cancelled, counting its steps. */
class SlowTask implements Task {
  readonly type = 'test-slow';
  steps = 0;
  async run(signal: AbortSignal) {
    while (!signal.aborted) {
      this.steps++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return 'completed' as const;
  }
  information() {
    return { steps: this.steps };
  }
}

describe('webadmin tasks', () => {
  let service: TestService;
  const DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/;

  beforeAll(async () => {
    service = await startTestService({ DOMAINS: 'tasks.test' });
  });
  afterAll(() => service.close());

  it('runs add-missing-fields on legacy documents and reports its counters', async () => {
    const domain = await service.database.db.collection('domains').findOne({ name: 'tasks.test' });
    const users = service.database.db.collection('users');
    await users.insertMany([
      {
        firstname: 'Ana Lucia',
        lastname: 'M',
        domains: [{ domain_id: domain!._id }],
        accounts: [{ type: 'email', emails: ['ana@tasks.test'] }],
      },
      {
        firstname: 'Bo',
        lastname: 'N',
        email: 'bo@tasks.test',
        accounts: [{ type: 'email', emails: ['bo@tasks.test'] }],
      },
      {
        firstname: 'Complete',
        lastname: 'C',
        email: 'c@tasks.test',
        firstnames: ['Complete'],
        accounts: [{ type: 'email', emails: ['c@tasks.test'] }],
      },
      { firstname: 'Dup', lastname: 'D', accounts: [{ type: 'email', emails: ['bo@tasks.test'] }] },
    ]);
    const submitted = await service
      .admin()
      .post('/registeredUsers')
      .query({ action: 'addMissingFields' })
      .expect(201);
    expect(submitted.headers.location).toBeUndefined();
    const taskId = submitted.body.taskId as string;
    const done = await service.admin().get(`/tasks/${taskId}/await`).query({ timeout: '30s' }).expect(200);
    expect(done.body).toMatchObject({
      taskId,
      type: 'add-missing-fields',
      status: 'failed',
      submitDate: expect.stringMatching(DATE),
      startedDate: expect.stringMatching(DATE),
      failedDate: expect.stringMatching(DATE),
      additionalInformation: {
        type: 'add-missing-fields',
        processedUsers: 3,
        upgradedUsers: 2,
        errorCount: 1,
        timestamp: expect.any(String),
      },
    });
    expect(done.body.completedDate).toBeUndefined();
    expect(await users.findOne({ 'accounts.emails': 'ana@tasks.test' })).toMatchObject({
      email: 'ana@tasks.test',
      firstnames: ['Ana', 'Lucia'],
    });
    expect(await users.findOne({ email: 'bo@tasks.test', firstname: 'Bo' })).toMatchObject({
      firstnames: ['Bo'],
    });

    const listed = await service
      .admin()
      .get('/tasks')
      .query({ type: 'add-missing-fields', status: 'failed' })
      .expect(200);
    expect(listed.body.map((task: { taskId: string }) => task.taskId)).toContain(taskId);
    await service
      .admin()
      .get('/tasks')
      .query({ status: 'completed', type: 'add-missing-fields' })
      .expect(200, []);
  });

  it('refuses unknown actions', async () => {
    const response = await service.admin().post('/registeredUsers').query({ action: 'explode' }).expect(400);
    expect(response.body.message).toBe("Invalid action: 'explode'. Supported actions are: addMissingFields");
  });

  it('times out an await, then cancels cooperatively', async () => {
    const task = new SlowTask();
    const taskId = service.api.get(TaskManager).submit(task);
    const timeout = await service.admin().get(`/tasks/${taskId}/await`).query({ timeout: '1' }).expect(408);
    expect(timeout.body).toMatchObject({
      statusCode: 408,
      type: 'ServerError',
      message: 'The timeout has been reached',
    });
    const running = await service.admin().get(`/tasks/${taskId}`).expect(200);
    expect(running.body.status).toBe('inProgress');
    expect(running.body.additionalInformation.steps).toBeGreaterThan(0);
    await service.admin().delete(`/tasks/${taskId}`).expect(204);
    const canceled = await service.admin().get(`/tasks/${taskId}/await`).expect(200);
    expect(canceled.body).toMatchObject({
      status: 'canceled',
      cancelledFrom: expect.any(String),
      canceledDate: expect.stringMatching(DATE),
    });
  });

  it('validates ids, timeouts and filters', async () => {
    await service.admin().get('/tasks/not-a-uuid').expect(400);
    const unknown = '6c1f4b2e-0d9a-4a55-8f3e-2a71c0b9d4e1';
    const missing = await service.admin().get(`/tasks/${unknown}`).expect(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      type: 'notFound',
      message: `${unknown} can not be found`,
      details: null,
    });
    await service.admin().get(`/tasks/${unknown}/await`).expect(404);
    await service.admin().delete(`/tasks/${unknown}`).expect(204);
    await service.admin().delete('/tasks/nope').expect(400);
    await service.admin().get(`/tasks/${unknown}/await`).query({ timeout: 'soon' }).expect(400);
    await service.admin().get(`/tasks/${unknown}/await`).query({ timeout: '400d' }).expect(400);
    const status = await service.admin().get('/tasks').query({ status: 'sleeping' }).expect(400);
    expect(status.body.message).toBe('Invalid status query parameter');
    await service.admin().get('/tasks').query({ submittedBefore: 'yesterday' }).expect(400);
    await service.admin().get('/tasks').query({ limit: '-1' }).expect(400);
    const later = await service
      .admin()
      .get('/tasks')
      .query({ submittedAfter: new Date(Date.now() + 60_000).toISOString() })
      .expect(200);
    expect(later.body).toEqual([]);
  });

  it('answers each refusal of the list and await queries with its documented body', async () => {
    const refusal = async (path: string, query: Record<string, string | string[]>) =>
      (await service.admin().get(path).query(query).expect(400)).body;
    const invalid = (message: string, details: string) => ({
      statusCode: 400,
      type: 'InvalidArgument',
      message,
      details,
    });
    expect(await refusal('/tasks', { status: 'sleeping', limit: 'x' })).toEqual(
      invalid(
        'Invalid status query parameter',
        'Supported statuses are: waiting, inProgress, canceledRequested, completed, canceled, failed',
      ),
    );
    for (const prefix of ['submitted', 'started', 'completed', 'failed'])
      for (const bound of ['Before', 'After'])
        for (const value of ['yesterday', '2026-03-02T09:15:04', '2026-13-02T09:15:04Z'])
          expect(await refusal('/tasks', { [`${prefix}${bound}`]: value })).toEqual(
            invalid(`Invalid ${prefix}${bound} query parameter`, value),
          );
    for (const [name, value] of [
      ['offset', 'x'],
      ['offset', '-1'],
      ['limit', '1.5'],
      ['limit', ''],
    ] as const)
      expect(await refusal('/tasks', { [name]: value })).toEqual(
        invalid(`Invalid ${name} query parameter`, value),
      );
    expect(await refusal('/tasks', { status: ['completed', 'failed'] })).toEqual(
      invalid(
        'Invalid arguments supplied in the user request',
        "Query parameter 'status' must be given once",
      ),
    );
    const unknown = '6c1f4b2e-0d9a-4a55-8f3e-2a71c0b9d4e1';
    for (const timeout of ['soon', '400d', '', '-5'])
      expect(await refusal(`/tasks/${unknown}/await`, { timeout })).toEqual(
        invalid('Invalid timeout', timeout),
      );
  });

  it('filters the list by status, type, dates, offset and limit', async () => {
    const all = (await service.admin().get('/tasks').expect(200)).body as {
      taskId: string;
      status: string;
    }[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    const list = async (query: Record<string, string>) =>
      ((await service.admin().get('/tasks').query(query).expect(200)).body as { taskId: string }[]).map(
        (task) => task.taskId,
      );
    expect(await list({ limit: '1' })).toEqual([all[0]!.taskId]);
    expect(await list({ offset: '1', limit: '1' })).toEqual([all[1]!.taskId]);
    expect(await list({ status: 'canceled' })).toEqual(
      all.filter((task) => task.status === 'canceled').map((task) => task.taskId),
    );
    expect(await list({ type: 'test-slow' })).toEqual(
      all.filter((task) => (task as { type?: string }).type === 'test-slow').map((task) => task.taskId),
    );
    // Offsets written +hhmm and +hh:mm both read.
    expect(await list({ submittedBefore: '2000-01-01T00:00:00+0200' })).toEqual([]);
    expect(await list({ submittedAfter: '2000-01-01 00:00:00+02:00' })).toEqual(
      all.map((task) => task.taskId),
    );
  });

  it('documents the query parameters of the task and metrics routes', async () => {
    const document = (await service.admin().get('/openapi.json').expect(200)).body as OpenApiDocument;
    const names = (method: string, path: string) =>
      Object.keys(queryParameters(document, method, path)).sort();
    expect(names('get', '/tasks')).toEqual(
      [
        'status',
        'type',
        'submittedBefore',
        'submittedAfter',
        'startedBefore',
        'startedAfter',
        'completedBefore',
        'completedAfter',
        'failedBefore',
        'failedAfter',
        'offset',
        'limit',
      ].sort(),
    );
    expect(queryParameters(document, 'get', '/tasks').status?.schema?.enum).toEqual([
      'waiting',
      'inProgress',
      'canceledRequested',
      'completed',
      'canceled',
      'failed',
    ]);
    expect(names('get', '/tasks/{taskId}/await')).toEqual(['timeout']);
    expect(names('get', '/domains/{domain}/tasks/{taskId}/await')).toEqual(['timeout']);
    expect(names('get', '/metrics')).toEqual(['name[]']);
    expect(names('post', '/calendars')).toEqual(
      [
        'task',
        'eventsPerSecond',
        'calendarsConcurrency',
        'createdBefore',
        'lastModifiedBefore',
        'masterDtStartBefore',
        'isRejected',
        'isNotRecurring',
      ].sort(),
    );
    expect(queryParameters(document, 'post', '/calendars').task).toMatchObject({
      required: true,
      schema: { enum: ['reindex', 'scheduleAlarms', 'archive'] },
    });
    expect(names('post', '/calendars/{username}')).toEqual(
      [
        'task',
        'eventsPerSecond',
        'createdBefore',
        'lastModifiedBefore',
        'masterDtStartBefore',
        'isRejected',
        'isNotRecurring',
      ].sort(),
    );
  });
});
