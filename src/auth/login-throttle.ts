import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from '../config/auth.config';
import { RateLimitStore } from '../rate-limit/rate-limit.store';

/**
 * Failed password logins per client IP, in a sliding window. The window lives in the shared
 * RateLimitStore (Redis with REDIS_URL, so a limit earned on one instance holds on all; memory
 * otherwise). Successful logins do not count (API.md).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
    private readonly store: RateLimitStore,
  ) {}

  /** Seconds until this IP may try again, or 0 when it may try now. */
  async retryAfter(ip: string | null): Promise<number> {
    const limit = this.config.loginFailuresPerIp;
    const windowMs = this.config.loginFailureWindowSeconds * 1000;
    const times = await this.store.recent(this.key(ip), windowMs);
    if (times.length < limit) return 0;
    // Allowed again once the failure that filled the window leaves it.
    return Math.max(1, Math.ceil((times[times.length - limit] + windowMs - Date.now()) / 1000));
  }

  async recordFailure(ip: string | null): Promise<void> {
    await this.store.add(this.key(ip), this.config.loginFailureWindowSeconds * 1000, this.config.loginFailuresPerIp);
  }

  private key(ip: string | null): string {
    return `login-failures:${ip ?? 'unknown'}`;
  }
}
