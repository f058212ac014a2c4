import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WebadminError } from '../http/webadmin-error';

/** Body of POST and PATCH on registered users. */
export class RegisteredUserRequestDto {
  @ApiProperty({ example: 'alice@example.com' }) email!: string;
  @ApiProperty({ example: 'Alice' }) firstname!: string;
  @ApiProperty({ example: 'Martin' }) lastname!: string;
  @ApiPropertyOptional({ description: 'Tolerated and ignored' }) id?: string;
}

export class RegisteredUserResponseDto {
  @ApiProperty({ example: 'alice@example.com' }) email!: string;
  @ApiProperty({ example: 'Alice' }) firstname!: string;
  @ApiProperty({ example: 'Martin' }) lastname!: string;
  @ApiProperty({ example: '65f0c1a2b3c4d5e6f7a8b9c0' }) id!: string;
}

const ALLOWED = new Set(['email', 'firstname', 'lastname', 'id']);

/**
 * Strict parsing: a non-object body, an unknown property or a missing `email` make the JSON invalid;
 * missing or blank names are invalid arguments.
 */
export function parseRegisteredUserBody(body: unknown): {
  email: string;
  firstname: string;
  lastname: string;
} {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw WebadminError.invalidJson('a JSON object is expected');
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !ALLOWED.has(key));
  if (unknown.length > 0) throw WebadminError.invalidJson(`unknown properties: ${unknown.join(', ')}`);
  if (typeof record.email !== 'string')
    throw WebadminError.invalidJson("'email' is required and must be a string");
  for (const field of ['firstname', 'lastname'] as const) {
    const value = record[field];
    if (typeof value !== 'string' || value.trim() === '')
      throw WebadminError.invalidUserRequest(`'${field}' is required and must be a non-empty string`);
  }
  return { email: record.email, firstname: record.firstname as string, lastname: record.lastname as string };
}
