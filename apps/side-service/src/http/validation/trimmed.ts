import { Transform } from 'class-transformer';

/** A text property read without its surrounding spaces (anything else is left for the validators to refuse). */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
