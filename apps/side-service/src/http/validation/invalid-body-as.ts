const AS_ERROR = Symbol('invalidBodyAs');

/** Builds a route's own error from the reason a body was refused. */
export type InvalidBodyError = (reason: string) => Error;

/**
 * Marks a body DTO whose every refusal (unparsable JSON, wrong shape, wrong value) answers the route's own error,
 * built from the first failure's reason, instead of the server's generic messages: e.g. webadmin.md §10's
 * `Invalid request body: <reason>`.
 */
export const InvalidBodyAs =
  (error: InvalidBodyError): ClassDecorator =>
  (target) => {
    Reflect.defineMetadata(AS_ERROR, error, target);
  };

export const invalidBodyError = (metatype: unknown): InvalidBodyError | undefined =>
  typeof metatype === 'function'
    ? (Reflect.getMetadata(AS_ERROR, metatype) as InvalidBodyError | undefined)
    : undefined;
