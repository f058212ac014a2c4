import { registerDecorator } from 'class-validator';
import { splitList } from '../env-validators';

function textRule(name: string, test: (value: string) => boolean, message: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: { message: `$property ${message}` },
      validator: { validate: (value: unknown) => typeof value === 'string' && test(value) },
    });
}

/** `H:m` as OpenPaaS writes business hours (`8:0`, `19:30`). */
export const IsHourMinuteText = () =>
  textRule(
    'isHourMinuteText',
    (value) => {
      const match = /^(\d{1,2}):(\d{1,2})$/.exec(value.trim());
      return match !== null && Number(match[1]) <= 23 && Number(match[2]) <= 59;
    },
    'must be a time of day as H:m, such as 8:0 or 19:30',
  );

/** Days of the week as numbers, 0 (Sunday) to 6 (Saturday), comma-separated. */
export const IsDaysOfWeekText = () =>
  textRule(
    'isDaysOfWeekText',
    (value) => splitList(value).every((day) => /^[0-6]$/.test(day)),
    'must be a comma-separated list of days of the week, 0 (Sunday) to 6 (Saturday)',
  );
