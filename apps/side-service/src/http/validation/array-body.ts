import { Body, Injectable, PipeTransform, Type } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { RequestValidationError } from '@app/core';
import { RequestValidationPipe } from '../request-validation.pipe';

/**
 * Checks a JSON array body item by item against a DTO, with the rules of the global pipe (the item DTO's
 * `@StrictBody()`, `@InvalidBodyAs()`...); the first refused item answers. A body that is no JSON array
 * (unparsable JSON and an absent body included) is a shape error with `notArray` as its reason.
 */
@Injectable()
class ArrayBodyPipe<T extends object> implements PipeTransform<unknown, Promise<T[]>> {
  private readonly items = new RequestValidationPipe();

  constructor(
    private readonly item: Type<T>,
    private readonly notArray: string,
  ) {}

  async transform(value: unknown): Promise<T[]> {
    if (!Array.isArray(value)) throw new RequestValidationError('shape', this.notArray);
    const checked: T[] = [];
    for (const item of value)
      checked.push((await this.items.transform(item, { type: 'body', metatype: this.item })) as T);
    return checked;
  }
}

/**
 * The body of a route taking a JSON array of `item` DTOs (`@ArrayBody(ItemDto) body: ItemDto[]`), documented in the
 * OpenAPI document as such.
 */
export const ArrayBody =
  <T extends object>(item: Type<T>, notArray = 'Expecting a JSON array'): ParameterDecorator =>
  (target, key, index) => {
    Body(new ArrayBodyPipe(item, notArray))(target, key, index);
    const method = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && method) ApiBody({ type: [item] })(target, key, method);
  };
