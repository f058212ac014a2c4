import { Controller, Get, Headers, Param, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { EmptyBodyError } from '../../../http/rest-error';
import { CACHE_ONE_WEEK } from '../../../openpaas/rest-json';
import { GetIconQuery } from './get-icon.query';

/** Part of every ETag: a fresh one per process, as the original. */
const PROCESS_TAG = randomBytes(8).toString('hex');

/** Public: `<img>` sources of the SPAs and of the people search results (rest-api.md §5.6). */
@ApiTags('Resources')
@Controller()
export class GetIconController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('images/icon/:file')
  @ApiOperation({ summary: 'A resource icon, e.g. /images/icon/meeting-room.svg' })
  @ApiOkResponse({ content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiNotModifiedResponse()
  icon(
    @Param('file') file: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    return this.answer(file, ifNoneMatch, response);
  }

  @Get('linagora.esn.resource/images/icon/:file')
  @ApiOperation({ summary: 'Deprecated alias of /images/icon/{icon}.svg', deprecated: true })
  iconAlias(
    @Param('file') file: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    return this.answer(file, ifNoneMatch, response);
  }

  private async answer(
    file: string,
    ifNoneMatch: string | undefined,
    response: Response,
  ): Promise<StreamableFile | undefined> {
    if (!file.toLowerCase().endsWith('.svg')) throw new EmptyBodyError(404);
    const name = file.slice(0, -'.svg'.length);
    if (name.trim() === '') throw new EmptyBodyError(400);
    const icon = await this.queryBus.execute(new GetIconQuery(name));
    if (icon === undefined) throw new EmptyBodyError(404);
    // Caching headers on the icon and its 304 only, not on errors.
    const etag = `"${PROCESS_TAG}-${name.toLowerCase()}"`;
    response.setHeader('Cache-Control', CACHE_ONE_WEEK);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('ETag', etag);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === '*' || tag.trim() === etag)) {
      response.status(304);
      return undefined;
    }
    return new StreamableFile(Buffer.from(icon, 'utf8'), { type: 'image/svg+xml' });
  }
}
