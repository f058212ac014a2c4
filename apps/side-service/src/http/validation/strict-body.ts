const STRICT = Symbol('strictBody');

/**
 * Marks a body DTO whose unknown properties are refused (a `whitelistValidation` failure, rendered as a shape
 * error) instead of silently dropped: the strict JSON bodies of webadmin.md §1.4.
 */
export const StrictBody = (): ClassDecorator => (target) => {
  Reflect.defineMetadata(STRICT, true, target);
};

export const isStrictBody = (dto: object): boolean => Reflect.getMetadata(STRICT, dto.constructor) === true;

/**
 * Validation options of a constraint whose failure means a wrong JSON shape (webadmin: "JSON payload of the request
 * is not valid") rather than a wrong value, e.g. `@IsString(SHAPE)` on a required string.
 */
export const SHAPE = { context: { violation: 'shape' } } as const;
