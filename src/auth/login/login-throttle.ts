import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { tooManyAttempts } from '../../common/errors/domain-error';
import { clientBucket } from '../../common/net/client-bucket';
import { authConfig } from '../../config/auth.config';
import { AttemptBudgets } from '../../rate-limit/attempt-budgets';

/**
 * Failed password checks per client address (IPv6: its /64), in a sliding window shared by
 * every instance (Redis with REDIS_URL, memory otherwise). Each password check first reserves a
 * slot; a right password gives it back, since successful logins do not count (API.md).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
    private readonly budgets: AttemptBudgets,
  ) {}

  /** A slot for one password check, or TOO_MANY_ATTEMPTS; call the result when the password was right. */
  async reserve(ip: string | null): Promise<() => Promise<void>> {
    const r = await this.budgets.reserveWindow(`login-failures:${clientBucket(ip)}`, this.config.loginFailuresPerIp, this.config.loginFailureWindowSeconds * 1000);
    if (!r.ok) throw tooManyAttempts(r.retryAfterSeconds, 'Too many failed sign-ins from this address, try again later');
    return r.release;
  }
}
