import { ValidateBy, type ValidationArguments } from 'class-validator';

/** Builds the error a failed constraint answers, from the refused value. */
export type Answer = (value: unknown) => Error;

/**
 * Validation options of a constraint whose failure answers its own error (built from the refused value) instead of
 * the server's generic messages, e.g. webadmin's `'task' query parameter is compulsory. Supported values are […]`.
 */
export const answering = (answer: Answer) => ({ context: { answer } }) as const;

/**
 * A constraint named `name` that accepts what `accepts` accepts (the property's value, after its transforms, and the
 * whole DTO for rules across properties) and answers `answer(value)` otherwise.
 */
export const Answered =
  (name: string, accepts: (value: unknown, dto: object) => boolean, answer: Answer): PropertyDecorator =>
  (target, key) =>
    ValidateBy(
      {
        name,
        validator: {
          validate: (value: unknown, args?: ValidationArguments) => accepts(value, args?.object ?? {}),
          defaultMessage: () => `'${String(key)}' is invalid`,
        },
      },
      answering(answer),
    )(target, key);
