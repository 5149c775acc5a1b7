import { Controller, Get, HttpCode, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorFunction, HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../common/auth/decorators';
import { RedisHealthIndicator } from './redis.health';
import { SmtpHealthIndicator } from './smtp.health';

/**
 * Probes for orchestrators and load balancers: public, never rate limited, terminus JSON.
 * `live`: the process answers (no dependency, so a database outage never restarts it).
 * `ready`: it can serve: database, and SMTP / Redis when configured. 200 or 503.
 * Callers are anonymous, so the answer says only which component is up or down: an error's
 * text (host names, ports, driver messages) goes to the log (terminus logs every failed check).
 */
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly smtp: SmtpHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @HttpCode(200)
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [() => this.db.pingCheck('database', { timeout: 2000 })];
    if (this.smtp.configured) checks.push(() => this.smtp.check('smtp'));
    if (this.redis.configured) checks.push(() => this.redis.check('redis'));
    try {
      return statusOnly(await this.health.check(checks));
    } catch (e) {
      // Answer terminus' own 503 body here: the global API filter would turn it into a GraphQL error.
      if (e instanceof ServiceUnavailableException) {
        res.status(503);
        return statusOnly(e.getResponse() as HealthCheckResult);
      }
      throw e;
    }
  }
}

/** Keeps `{ status }` of each component and drops whatever else an indicator reported. */
export function statusOnly(result: HealthCheckResult): HealthCheckResult {
  const strip = (part: Partial<HealthIndicatorResult> | undefined): HealthIndicatorResult | undefined =>
    part && Object.fromEntries(Object.entries(part).map(([key, value]) => [key, { status: value!.status }]));
  return { status: result.status, info: strip(result.info), error: strip(result.error), details: strip(result.details)! };
}
