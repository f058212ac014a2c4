import { Controller, Get, Headers } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RestError } from '../../../http/rest-error';
import {
  IntrospectTechnicalTokenQuery,
  TechnicalTokenIntrospection,
} from './introspect-technical-token.query';

/** Public: the DAV server checks the technical tokens we send it. */
@ApiTags('Technical tokens')
@Controller('api/technicalToken')
export class IntrospectTechnicalTokenController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('introspect')
  @ApiOperation({ summary: 'Introspect a technical token (X-TECHNICAL-TOKEN header)' })
  @ApiHeader({ name: 'X-TECHNICAL-TOKEN', required: true })
  async introspect(@Headers('x-technical-token') token?: string): Promise<TechnicalTokenIntrospection> {
    const result = token
      ? await this.queryBus.execute(new IntrospectTechnicalTokenQuery(token.trim()))
      : undefined;
    if (!result) throw RestError.notFound('Token not found or expired', 'Not found');
    return result;
  }
}
