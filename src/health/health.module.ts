import { Injectable, Logger, LoggerService, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { healthConfig } from './health.config';
import { RedisHealthIndicator } from './redis.health';
import { SmtpHealthIndicator } from './smtp.health';

/** A failed readiness probe is a warning (the dependency's own alerting owns the error). */
@Injectable()
export class HealthLogger implements LoggerService {
  private readonly logger = new Logger('Health');
  log(message: unknown) {
    this.logger.log(message);
  }
  error(message: unknown) {
    this.logger.warn(message);
  }
  warn(message: unknown) {
    this.logger.warn(message);
  }
}

/** GET /health/live and /health/ready. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: HealthLogger }), ConfigModule.forFeature(healthConfig)],
  controllers: [HealthController],
  providers: [SmtpHealthIndicator, RedisHealthIndicator],
})
export class HealthModule {}
