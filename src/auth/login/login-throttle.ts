import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { sha256 } from '../../common/crypto/tokens';
import { tooManyAttempts } from '../../common/errors/domain-error';
import { clientBucket } from '../../common/net/client-bucket';
import { authConfig } from '../../config/auth.config';
import { AttemptBudgets } from '../../rate-limit/attempt-budgets';

/**
 * Failed password checks of one account from one address, per window, before the address-wide
 * limit: one person's typos (or one targeted account) stop at this many and leave the rest of the
 * office's budget alone. Also the budget of a trusted browser, which skips the address limits.
 */
export const LOGIN_FAILURES_PER_ACCOUNT = 10;

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

  private get windowMs(): number {
    return this.config.loginFailureWindowSeconds * 1000;
  }

  /** A slot for one password check, or TOO_MANY_ATTEMPTS; call the result when the password was right. */
  async reserve(ip: string | null): Promise<() => Promise<void>> {
    const r = await this.budgets.reserveWindow(`login-failures:${clientBucket(ip)}`, this.config.loginFailuresPerIp, this.windowMs);
    if (!r.ok) throw tooManyAttempts(r.retryAfterSeconds, 'Too many failed sign-ins from this address, try again later');
    return r.release;
  }

  /**
   * A slot for one login's password check (OWASP's device cookies against the office-NAT lockout):
   * - from a trusted browser of the account named (`trustedDeviceId`): only that device's own
   *   budget, so neither a colleague's typos nor an attacker behind the same address lock it out;
   * - otherwise one slot of the (address, account) budget, then one of the address-wide budget
   *   (both reserved before the check; a refusal by the second gives the first back).
   * The account is the email as typed (normalised, hashed in the key): unknown emails count alike.
   */
  async reserveLogin(ip: string | null, email: string, trustedDeviceId: string | null): Promise<() => Promise<void>> {
    const perAccount = Math.min(LOGIN_FAILURES_PER_ACCOUNT, this.config.loginFailuresPerIp);
    if (trustedDeviceId) {
      const d = await this.budgets.reserveWindow(`login-failures-device:${trustedDeviceId}`, perAccount, this.windowMs);
      if (!d.ok) throw tooManyAttempts(d.retryAfterSeconds, 'Too many failed sign-ins from this browser, try again later');
      return d.release;
    }
    const bucket = clientBucket(ip);
    const account = sha256(email.trim().toLowerCase()).slice(0, 32);
    const a = await this.budgets.reserveWindow(`login-failures-account:${bucket}:${account}`, perAccount, this.windowMs);
    if (!a.ok) throw tooManyAttempts(a.retryAfterSeconds, 'Too many failed sign-ins for this account from this address, try again later');
    const all = await this.budgets.reserveWindow(`login-failures:${bucket}`, this.config.loginFailuresPerIp, this.windowMs);
    if (!all.ok) {
      await a.release();
      throw tooManyAttempts(all.retryAfterSeconds, 'Too many failed sign-ins from this address, try again later');
    }
    return async () => {
      await a.release();
      await all.release();
    };
  }
}
