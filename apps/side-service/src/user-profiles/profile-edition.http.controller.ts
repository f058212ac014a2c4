import { Controller, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

/** Profiles are edited elsewhere (the identity provider, the directory): always 405, without authentication. */
@ApiTags('Users')
@Controller('api/user/profile')
export class ProfileEditionController {
  @Put()
  @ApiOperation({ summary: 'Not supported' })
  @ApiResponse({ status: 405, description: 'Always' })
  refuse(@Res() response: Response): void {
    response.status(405).end();
  }
}
