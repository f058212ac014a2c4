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
  @ApiQuery({ name: 'name[]', required: false, isArray: true, description: 'Keep only samples with these names' })
  override async index(@Res({ passthrough: true }) response: Response, @Query('name[]') names?: string | string[]): Promise<string> {
    response.setHeader('Content-Type', register.contentType);
    const text = await register.metrics();
    if (names === undefined) return text;
    return filterExposition(text, new Set(Array.isArray(names) ? names : [names]));
  }
}
