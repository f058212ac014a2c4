import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { register } from 'prom-client';
import { filterExposition } from './metrics-filter';

@ApiTags('Metrics')
@Controller()
export class MetricsController {
  @Get()
  @ApiOperation({ summary: 'Prometheus text exposition (public)' })
  @ApiProduces('text/plain')
  @ApiQuery({
    name: 'name[]',
    required: false,
    isArray: true,
    description: 'Keep only samples with these names',
  })
  async index(@Query('name[]') names?: string | string[]): Promise<StreamableFile> {
    const text = await register.metrics();
    const body =
      names === undefined ? text : filterExposition(text, new Set(Array.isArray(names) ? names : [names]));
    // Bytes, so that Express keeps the exact Prometheus content type (it would reorder the charset of a string).
    return new StreamableFile(Buffer.from(body, 'utf8'), { type: register.contentType });
  }
}
