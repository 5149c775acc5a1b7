import { registerAs } from '@nestjs/config';

/** What /health/ready probes beyond the database (SMTP comes from the mail config). */
export const healthConfig = registerAs('health', () => ({
  /** Optional: Redis is probed only when the service uses it. */
  redisUrl: process.env.REDIS_URL || null,
  /** Each dependency must answer within this; a probe never hangs a load balancer. */
  timeoutMs: 2000,
}));
export type HealthConfig = ReturnType<typeof healthConfig>;
