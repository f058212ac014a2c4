import { ApiProperty } from '@nestjs/swagger';
import { Exclude, Transform, Type } from 'class-transformer';

/** A class without exposed properties: class-transformer builds it without walking the value it replaces. */
@Exclude()
class OpaqueJson {}

/**
 * A property holding any JSON, taken verbatim from the request: class-transformer would copy it level by level
 * (and overflow the stack on deeply nested values); here it builds an empty placeholder, then puts back the very
 * value that was sent. Validators of such a property see that value (e.g. presence checks).
 */
export const RawJson =
  (description = 'Any JSON value'): PropertyDecorator =>
  (target, key) => {
    ApiProperty({ description })(target, key);
    Type(() => OpaqueJson)(target, key);
    Transform(({ obj }: { obj: Record<string | symbol, unknown> }) => obj[key], { toClassOnly: true })(
      target,
      key,
    );
  };
