import { Controller, Get, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@app/core';
import { RestError, RestErrorBody } from '../../../http/rest-error';
import { ParticipationResult, UpdateParticipationCommand } from './update-participation.command';
import { UpdateParticipationRequestDto } from './update-participation.request';

/** Unexpected failures: HTTP 400 whose body says 500 (kept from the original, rest-api.md §9.10). */
class ParticipationFailure extends RestError {
  constructor(reason: string) {
    super(400, reason, 'ServerError', 'Server Error');
  }

  override body(): RestErrorBody {
    const body = super.body();
    return { error: { ...body.error, code: 500 } };
  }
}

/** Public: the signed link is the credential. Despite the verb, it changes the event. */
@ApiTags('Calendars')
@Controller('calendar/api/calendars/event')
export class UpdateParticipationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Get('participation')
  @ApiOperation({ summary: "Set an attendee's participation from a signed Excal link" })
  async participate(@Query() { jwt = '' }: UpdateParticipationRequestDto): Promise<ParticipationResult> {
    try {
      return await this.commandBus.execute(new UpdateParticipationCommand(jwt));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.Unauthorized)
        throw new RestError(401, error.message);
      if (error instanceof DomainError && error.code === ErrorCode.NotFound)
        throw RestError.notFound(error.message, 'Not found');
      throw new ParticipationFailure(error instanceof Error ? error.message : String(error));
    }
  }
}
