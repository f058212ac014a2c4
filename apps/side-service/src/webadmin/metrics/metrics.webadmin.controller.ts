import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';
import { register } from 'prom-client';
import { filterExposition } from './metrics-filter';

@ApiTags('Metrics')
@Controller()
export class MetricsController extends PrometheusController {
  @Get()
  @ApiOperation({ summary: 'Prometheus text exposition (public)' })
  @ApiProduces('text/plain')
  @ApiQuery({
    name: 'name[]',
    required: false,
    isArray: true,
    description: 'Keep only samples with these names',
  })
  override async index(
    @Res() response: Response,
    @Query('name[]') names?: string | string[],
  ): Promise<string> {
    const text = await register.metrics();
    const body =
      names === undefined ? text : filterExposition(text, new Set(Array.isArray(names) ? names : [names]));
    // Written as bytes so that Express keeps the exact Prometheus content type (it would reorder the charset).
    response.status(200).setHeader('Content-Type', register.contentType);
    response.end(Buffer.from(body, 'utf8'));
    return body;
  }
}
