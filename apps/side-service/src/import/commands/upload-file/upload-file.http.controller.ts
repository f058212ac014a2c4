import { Controller, Post, Query, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { DomainError, ErrorCode } from '@app/core';
import { RestError } from '../../../http/rest-error';
import { firstFilePart, multipartBoundary } from '../../parsing/multipart';
import { UploadFileCommand } from './upload-file.command';

export const UPLOADABLE_TYPES = ['text/calendar', 'text/vcard'];

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const invalid = (details: string) => new RestError(400, details);

@ApiTags('Import')
@ApiBearerAuth()
@Controller('api/files')
@UseGuards(AuthenticatedGuard)
export class UploadFileController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Upload an ICS or vCard file (raw body, or the first file of a multipart form)' })
  @ApiQuery({ name: 'name', required: true })
  @ApiQuery({ name: 'size', required: true, description: 'upper bound of the content size, in bytes' })
  @ApiQuery({ name: 'mimetype', required: true, enum: UPLOADABLE_TYPES })
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
  ): Promise<{ _id: string }> {
    const name = text(query.name)?.trim();
    const size = text(query.size)?.trim();
    const mimeType = text(query.mimetype)?.trim();
    if (!name) throw invalid('Missing name param');
    if (!size) throw invalid('Missing size param');
    if (!/^\d+$/.test(size) || !Number.isSafeInteger(Number(size)))
      throw invalid(`Invalid size param: ${size}`);
    if (!mimeType) throw invalid('Missing mimetype param');
    if (!UPLOADABLE_TYPES.includes(mimeType.toLowerCase()))
      throw invalid(`Unknown uploaded MIME type: ${mimeType}`);
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
