import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from '../config/auth.config';

/**
 * Failed password logins per client IP, in a sliding window held in memory (one instance).
 * Successful logins do not count (API.md).
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(@Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>) {}

  /** Seconds until this IP may try again, or 0 when it may try now. */
  retryAfter(ip: string | null): number {
    const list = this.prune(ip ?? 'unknown');
    if (list.length < this.config.loginFailuresPerIp) return 0;
    return Math.ceil((list[0] + this.config.loginFailureWindowSeconds * 1000 - Date.now()) / 1000);
  }

  recordFailure(ip: string | null): void {
    const key = ip ?? 'unknown';
    const list = this.prune(key);
    list.push(Date.now());
    this.failures.set(key, list);
    if (this.failures.size > 100_000) this.sweep();
  }

  private prune(key: string): number[] {
    const cutoff = Date.now() - this.config.loginFailureWindowSeconds * 1000;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) this.prune(key);
  }
}
