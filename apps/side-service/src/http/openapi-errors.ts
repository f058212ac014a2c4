import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = { responses?: Record<string, unknown>; parameters?: { name: string; in: string }[] };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The REST error body of rest-api.md §3.1 (401/403/404 of the global handlers have none). */
export const REST_ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'type', 'message'],
      properties: {
        code: { type: 'integer' },
        type: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'string', nullable: true },
      },
    },
  },
};

/** The webadmin error body of webadmin.md §1.3. */
export const WEBADMIN_ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'type', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    type: { type: 'string', enum: ['InvalidArgument', 'notFound', 'WrongState', 'ServerError'] },
    message: { type: 'string' },
    details: { type: 'string', nullable: true },
  },
};

/**
 * Documents the error answers every operation may give (the one error mapper answers them all): a `default`
 * response with the server's error body, or none. Path parameters used in a path template but not declared are
 * declared as strings.
 */
export function documentErrors(document: OpenAPIObject, schema: object, description: string): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      operation.responses ??= {};
      operation.responses.default ??= {
        description,
        content: { 'application/json': { schema } },
      };
      operation.parameters ??= [];
      for (const name of templated)
        if (!operation.parameters.some((parameter) => parameter.in === 'path' && parameter.name === name))
          operation.parameters.push({
            name,
            in: 'path',
            required: true,
            schema: { type: 'string' },
          } as never);
    }
  }
  return document;
}
