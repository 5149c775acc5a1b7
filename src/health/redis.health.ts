import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { healthConfig } from './health.config';

/**
 * Redis PING, when REDIS_URL is set. The probe has its own small connection (never the rate
 * limiter's), created on first use; commands fail fast while it is down instead of queueing,
 * and it reconnects by itself, so readiness follows Redis both ways.
 */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private client: Redis | null = null;

  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(healthConfig.KEY) private readonly config: ConfigType<typeof healthConfig>,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.redisUrl);
  }

  async check(key = 'redis') {
    const session = this.indicator.check(key);
    try {
      const client = this.connection();
      if (client.status === 'wait') await client.connect();
      const reply = await withTimeout(client.ping(), this.config.timeoutMs, 'no Redis reply');
      return reply === 'PONG' ? session.up() : session.down({ message: 'unexpected PING reply' });
    } catch (e) {
      return session.down({ message: (e as Error).message.split('\n')[0].slice(0, 200) });
    }
  }

  private connection(): Redis {
    if (!this.client) {
      this.client = new Redis(this.config.redisUrl!, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: this.config.timeoutMs,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        connectionName: 'health',
      });
      // Connection errors are reported by the probe itself; without a listener ioredis logs them.
      this.client.on('error', () => undefined);
    }
    return this.client;
  }

  /** After the HTTP server has drained (onApplicationShutdown runs last). */
  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) client.disconnect();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
