import { Controller, Get, Headers, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CACHE_HALF_HOUR } from '../../../openpaas/rest-json';
import { RenderAvatarQuery } from './render-avatar.query';
import { RenderAvatarRequestDto } from './render-avatar.request';

/** Public: the SPAs show it in `<img>` tags. */
@ApiTags('Users')
@Controller('api/avatars')
export class RenderAvatarController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'A 48×48 PNG: the first character of the address, white on #00796B' })
  @ApiOkResponse({ content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } })
  async render(
    @Query() { email }: RenderAvatarRequestDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    const avatar = await this.queryBus.execute(new RenderAvatarQuery(email));
    // Caching headers on the image and its 304 only, not on a 400.
    response.setHeader('Cache-Control', CACHE_HALF_HOUR);
    response.setHeader('ETag', avatar.etag);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === avatar.etag || tag.trim() === '*')) {
      response.status(304);
      return undefined;
    }
    return new StreamableFile(avatar.png, { type: 'image/png', length: avatar.png.length });
  }
}
