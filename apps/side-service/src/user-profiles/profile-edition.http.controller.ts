import { Controller, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@app/core';

/** Profiles are edited elsewhere (the identity provider, the directory): always 405, without authentication. */
@ApiTags('Users')
@Controller('api/user/profile')
export class ProfileEditionController {
  @Put()
  @ApiOperation({ summary: 'Not supported' })
  @ApiResponse({ status: 405, description: 'Always' })
  refuse(): never {
    throw new DomainError(ErrorCode.MethodNotAllowed, 'Profiles are not edited here');
  }
}
