import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { register } from 'prom-client';
import { filterExposition } from './metrics-filter';
import { MetricsRequestDto } from './metrics.request';

@ApiTags('Metrics')
@Controller()
export class MetricsController {
  @Get()
  @ApiOperation({ summary: 'Prometheus text exposition (public)' })
  @ApiProduces('text/plain')
  async index(@Query() query: MetricsRequestDto): Promise<StreamableFile> {
    const text = await register.metrics();
    const names = query.names;
    const body = names === undefined ? text : filterExposition(text, names);
    // Bytes, so that Express keeps the exact Prometheus content type (it would reorder the charset of a string).
    return new StreamableFile(Buffer.from(body, 'utf8'), { type: register.contentType });
  }
}
