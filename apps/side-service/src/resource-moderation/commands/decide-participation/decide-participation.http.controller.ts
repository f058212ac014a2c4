import { Controller, Get, Param, Query, Redirect } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@app/core';
import { ConcurrentEventUpdateError } from '@app/dav-client';
import { RestError } from '../../../http/rest-error';
import { ModerationTokens } from '../../moderation-tokens';
import { DecideParticipationCommand } from './decide-participation.command';
import { DecideParticipationRequestDto } from './decide-participation.request';

/** Every failure as a JSON body of the REST API (§3.1), never a 500 for a client's mistake. */
function restErrorOf(error: unknown): unknown {
  if (error instanceof ConcurrentEventUpdateError)
    return new RestError(409, 'The event keeps changing; try again later');
  if (!(error instanceof DomainError)) return error;
  const details = error.details ? `${error.message}: ${error.details}` : error.message;
  switch (error.code) {
    case ErrorCode.InvalidArgument:
      return new RestError(400, details);
    case ErrorCode.Unauthorized:
      return new RestError(401, error.message);
    case ErrorCode.Forbidden:
      return new RestError(403, error.message);
    case ErrorCode.NotFound:
      return new RestError(404, error.message);
    case ErrorCode.UpstreamFailure:
      return new RestError(503, 'The calendar server is unavailable');
    default:
      return error;
  }
}

/** Public: the signed link is the credential. Despite the verb, it changes the resource's answer. */
@ApiTags('Resources')
@Controller('calendar/api/resources')
export class DecideParticipationController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly tokens: ModerationTokens,
  ) {}

  @Get(':resourceId/:eventPathId/participation')
  @ApiOperation({
    summary: "A resource administrator accepts or declines a booking (the request mail's links)",
  })
  @ApiFoundResponse({ description: 'Done (or already so): redirect to the calendar SPA' })
  @ApiBadRequestResponse({ description: 'Other status or referrer; a claim missing from the token' })
  @ApiUnauthorizedResponse({ description: 'Token missing, forged or expired' })
  @ApiForbiddenResponse({ description: 'Token issued for another resource or event' })
  @ApiNotFoundResponse({ description: 'Unknown resource, event not found or cancelled' })
  @ApiConflictResponse({ description: 'The event kept changing during the update' })
  @Redirect()
  async decide(
    @Param('resourceId') resourceId: string,
    @Param('eventPathId') eventPathId: string,
    @Query() { status = '', referrer = '', jwt = '' }: DecideParticipationRequestDto,
  ): Promise<{ url: string; statusCode: number }> {
    try {
      await this.commandBus.execute(
        new DecideParticipationCommand(resourceId, eventPathId, status, referrer, jwt),
      );
    } catch (error) {
      throw restErrorOf(error);
    }
    return { url: this.tokens.redirectUrl, statusCode: 302 };
  }
}
