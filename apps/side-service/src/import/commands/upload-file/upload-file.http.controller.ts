import { Controller, Post, Query, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { DomainError, ErrorCode } from '@app/core';
import { RestError } from '../../../http/rest-error';
import { firstFilePart, multipartBoundary } from '../../parsing/multipart';
import { UploadFileCommand } from './upload-file.command';
import { UploadFileRequestDto } from './upload-file.request';

const invalid = (details: string) => new RestError(400, details);

@ApiTags('Import')
@ApiBearerAuth()
@Controller('api/files')
@UseGuards(AuthenticatedGuard)
export class UploadFileController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Upload an ICS or vCard file (raw body, or the first file of a multipart form)' })
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @Query() { name, size, mimetype: mimeType }: UploadFileRequestDto,
    @Req() request: Request,
  ): Promise<{ _id: string }> {
    const boundary = multipartBoundary(request.headers['content-type']);
    const content = boundary ? firstFilePart(request, boundary) : request;
    let id: string;
    try {
      id = await this.commandBus.execute(
        new UploadFileCommand(user.username, name, Number(size), mimeType, content),
      );
    } catch (error) {
      request.resume(); // whatever the client still sends is discarded
      if (error instanceof DomainError && error.code === ErrorCode.InvalidArgument)
        throw invalid(error.details ?? error.message);
      throw error;
    }
    return { _id: id };
  }
}
