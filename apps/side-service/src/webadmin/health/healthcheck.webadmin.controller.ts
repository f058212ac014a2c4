import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ComponentReport, ComponentStatus } from '@app/observability';
import { GetHealthQuery } from '../../health/queries/get-health/get-health.query';
import { ListHealthComponentsQuery } from '../../health/queries/list-health-components/list-health-components.query';
import { WebadminError } from '../http/webadmin-error';
import { HealthcheckRequestDto, HealthcheckStrictRequestDto } from './healthcheck.request';

interface CheckJson {
  componentName: string;
  escapedComponentName: string;
  status: ComponentStatus;
  cause: string | null;
}

const escaped = (name: string) => encodeURIComponent(name);
const toJson = (check: ComponentReport): CheckJson => ({
  componentName: check.componentName,
  escapedComponentName: escaped(check.componentName),
  status: check.status,
  cause: check.cause,
});
const httpStatus = (status: ComponentStatus, strict: boolean) =>
  status === 'unhealthy' || (strict && status === 'degraded') ? 503 : 200;

@ApiTags('Health checks')
@Controller('healthcheck')
export class HealthcheckController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Run the checks concurrently; the worst status wins' })
  async all(
    @Res({ passthrough: true }) response: Response,
    @Query() query: HealthcheckRequestDto,
  ): Promise<{ status: ComponentStatus; checks: CheckJson[] }> {
    const wanted = query.check ?? [];
    const known = await this.queryBus.execute(new ListHealthComponentsQuery());
    const unknown = wanted.filter((name) => !known.includes(name));
    if (unknown.length > 0)
      throw WebadminError.notFound(`Components with name ${unknown.join(', ')} cannot be found`);
    const report = await this.queryBus.execute(new GetHealthQuery(wanted));
    response.status(httpStatus(report.status, query.isStrict));
    return { status: report.status, checks: report.checks.map(toJson) };
  }

  @Get('checks')
  @ApiOperation({ summary: 'Names of the checks' })
  async names(): Promise<{ componentName: string; escapedComponentName: string }[]> {
    const names = await this.queryBus.execute(new ListHealthComponentsQuery());
    return names.map((componentName) => ({ componentName, escapedComponentName: escaped(componentName) }));
  }

  @Get('checks/:componentName')
  @ApiOperation({ summary: 'Run one check' })
  async one(
    @Res({ passthrough: true }) response: Response,
    @Param('componentName') componentName: string,
    @Query() query: HealthcheckStrictRequestDto,
  ): Promise<CheckJson> {
    const known = await this.queryBus.execute(new ListHealthComponentsQuery());
    if (!known.includes(componentName))
      throw WebadminError.notFound(`Component with name ${componentName} cannot be found`);
    const report = await this.queryBus.execute(new GetHealthQuery([componentName]));
    const check = report.checks[0]!;
    response.status(httpStatus(check.status, query.isStrict));
    return toJson(check);
  }
}
