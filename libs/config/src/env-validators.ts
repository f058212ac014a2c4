import { ValidationOptions, registerDecorator } from 'class-validator';
import {
  DurationUnit,
  isValidDomainName,
  isValidMailAddress,
  parseDuration,
  parseIsoDuration,
  parseSize,
} from '@app/core';

function textRule(
  name: string,
  test: (value: string) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: { message: `$property ${message}`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && test(value) },
    });
  };
}

export const IsBooleanText = () =>
  textRule('isBooleanText', (v) => v === 'true' || v === 'false', 'must be true or false');

export const IsIntText = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) =>
  textRule(
    'isIntText',
    (v) => /^-?\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max,
    `must be an integer between ${min} and ${max}`,
  );

export const IsPort = () => IsIntText(0, 65535);

export const IsDurationText = (
  defaultUnit: DurationUnit,
  options: { positive?: boolean; iso?: boolean } = {},
) =>
  textRule(
    'isDurationText',
    (v) => {
      const ms = parseDuration(v, defaultUnit) ?? (options.iso !== false ? parseIsoDuration(v) : undefined);
      return ms !== undefined && (!options.positive || ms > 0);
    },
    `must be a duration such as 30s, 5 minutes or 1d (a bare number is in ${defaultUnit})${options.positive ? ', greater than 0' : ''}`,
  );

export const IsSizeText = () =>
  textRule(
    'isSizeText',
    (v) => parseSize(v) !== undefined,
    'must be a size such as 50MiB (units: bytes, KiB, MiB, GiB, TiB)',
  );

export const IsHttpUrl = () =>
  textRule(
    'isHttpUrl',
    (v) => {
      try {
        const url = new URL(v);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    },
    'must be an http(s) URL',
  );

function hasScheme(value: string, schemes: readonly string[]): boolean {
  try {
    return schemes.includes(new URL(value.trim()).protocol.replace(/:$/, ''));
  } catch {
    return false;
  }
}

/** One URL with one of the schemes. */
export const IsUrlWithScheme = (...schemes: string[]) =>
  textRule(
    'isUrlWithScheme',
    (v) => !v.includes(',') && hasScheme(v, schemes),
    `must be a URL with scheme ${schemes.join(' or ')}`,
  );

/** A comma-separated list of URLs with one of the schemes. */
export const IsUrlListWithScheme = (...schemes: string[]) =>
  textRule(
    'isUrlListWithScheme',
    (v) => splitList(v).length > 0 && splitList(v).every((item) => hasScheme(item, schemes)),
    `must be a comma-separated list of URLs with scheme ${schemes.join(' or ')}`,
  );

/**
 * A MongoDB connection string. Seed lists (`mongodb://h1:27017,h2:27017/db?replicaSet=rs0`) are not URLs,
 * so only the scheme and a host part are checked here; the driver validates the rest at connection.
 */
export const IsMongoUrl = () =>
  textRule(
    'isMongoUrl',
    (v) => /^mongodb(\+srv)?:\/\/[^/\s]+/.test(v.trim()),
    'must be a mongodb:// or mongodb+srv:// connection string',
  );

/** `host`, `host:port` or `[ipv6]:port`, comma-separated; an `http(s)://` prefix is accepted. */
export const IsHostList = () =>
  textRule(
    'isHostList',
    (v) =>
      splitList(v).length > 0 &&
      splitList(v).every((item) =>
        /^(https?:\/\/)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(:\d{1,5})?\/?$/.test(item),
      ),
    'must be a comma-separated list of host or host:port',
  );

export const IsOneOfText = (values: readonly string[], caseInsensitive = false) =>
  textRule(
    'isOneOfText',
    (v) => values.includes(caseInsensitive ? v.trim().toLowerCase() : v.trim()),
    `must be one of: ${values.join(', ')}`,
  );

export const IsMailAddressText = () =>
  textRule('isMailAddressText', (v) => isValidMailAddress(v.trim()), 'must be an e-mail address');

export const IsMailAddressList = () =>
  textRule(
    'isMailAddressList',
    (v) => splitList(v).every((item) => isValidMailAddress(item)),
    'must be a comma-separated list of e-mail addresses',
  );

export const IsDomainList = () =>
  textRule(
    'isDomainList',
    (v) => splitList(v).every((item) => isValidDomainName(item)),
    'must be a comma-separated list of domain names',
  );

export const IsIntList = () =>
  textRule(
    'isIntList',
    (v) => splitList(v).every((item) => /^\d+$/.test(item)),
    'must be a comma-separated list of integers',
  );

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
