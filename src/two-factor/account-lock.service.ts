import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { ConfigType } from '@nestjs/config';
import { RequestMeta } from '../common/auth/request-context';
import { tooManyAttempts } from '../common/errors/domain-error';
import { twoFactorConfig } from '../config/two-factor.config';
import { AttemptBudgets, RowCounter } from '../rate-limit/attempt-budgets';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { TwoFactorSettingsEntity } from './two-factor-settings.entity';
import { TwoFactorError } from './two-factor.errors';
import { TwoFactorService } from './two-factor.service';

/**
 * The account's failures in a row, whatever the factor (or a re-asked password): 10 and code
 * checks are locked for 15 minutes. A budget reserved before each check (AttemptBudgets).
 */
@Injectable()
export class AccountLock {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly budgets: AttemptBudgets,
    private readonly events: SecurityEventsService,
    @Inject(twoFactorConfig.KEY) private readonly config: ConfigType<typeof twoFactorConfig>,
    private readonly clock: Clock,
  ) {}

  /** TOO_MANY_ATTEMPTS while the account's code checks are locked (a read; reserves nothing). */
  async assertNotLocked(userId: string): Promise<void> {
    this.throwIfLocked(await this.twoFactor.find(userId));
  }

  private throwIfLocked(r: TwoFactorSettingsEntity | null): void {
    const until = r?.lockedUntil?.getTime() ?? 0;
    if (until > this.clock.ms()) throw tooManyAttempts((until - this.clock.ms()) / 1000, 'Too many wrong codes; code checks are locked for a while');
  }

  private counter(userId: string, usable = 'locked_until IS NULL'): RowCounter<TwoFactorSettingsEntity> {
    return {
      entity: TwoFactorSettingsEntity,
      property: 'failedCount',
      column: 'failed_count',
      limit: this.config.failuresBeforeLock,
      where: `user_id = :userId AND ${usable}`,
      params: { userId },
    };
  }

  /**
   * Takes one of the account's checks before the code is looked at: the count of failures in a
   * row is raised first and only given back when the check turns out not to be a guess, so N
   * concurrent wrong codes never see more than 10 checks. TOO_MANY_ATTEMPTS while locked, or
   * while the remaining checks are all in flight.
   */
  async reserve(userId: string): Promise<void> {
    if (await this.budgets.reserve(this.counter(userId))) return;
    const r = await this.twoFactor.find(userId);
    if (!r) await this.twoFactor.row(userId); // never checked before: the row is made, then reserved
    else if (r.lockedUntil && r.lockedUntil.getTime() <= this.clock.ms()) {
      // The lock ran out: a fresh run of 10 starts (conditional, so concurrent requests clear it once).
      await this.twoFactor.settings
        .createQueryBuilder()
        .update()
        .set({ lockedUntil: null, failedCount: 0 })
        .where('user_id = :userId AND locked_until <= :now', { userId, now: this.clock.now() })
        .execute();
    }
    if (await this.budgets.reserve(this.counter(userId))) return;
    this.throwIfLocked(await this.twoFactor.find(userId));
    // Every remaining check is in flight: they end as failures (and lock) or give their place back.
    throw tooManyAttempts(1, 'Too many code checks at once; try again in a moment');
  }

  /** The reserved check was not a guess (nothing to compare, lost to a concurrent success): give it back. */
  async release(userId: string): Promise<void> {
    await this.budgets.release(this.counter(userId, '1 = 1'));
  }

  /** A reserved check failed: it stays counted; the 10th failure in a row (itself answered as wrong) locks. */
  async recordFailure(userId: string, meta: RequestMeta, detail: string, type = SecurityEventType.TWO_FACTOR_FAILED): Promise<void> {
    await this.events.record({ userId, type, meta, detail });
    const res = await this.twoFactor.settings
      .createQueryBuilder()
      .update()
      .set({ lockedUntil: new Date(this.clock.ms() + this.config.lockSeconds * 1000) })
      .where('user_id = :userId AND failed_count >= :max AND locked_until IS NULL', { userId, max: this.config.failuresBeforeLock })
      .execute();
    if (res.affected) {
      await this.events.record({ userId, type: SecurityEventType.ACCOUNT_LOCKED, meta, detail: `code checks locked for ${this.config.lockSeconds / 60} minutes` });
    }
  }

  /**
   * Runs one check under the account's budget: reserved first; a wrong code stays counted (and
   * may lock), anything else gives the reservation back. The caller resets the count on success
   * (`recordSuccess`, in its transaction).
   */
  async budgeted<T>(userId: string, meta: RequestMeta, check: () => Promise<T>): Promise<T> {
    await this.reserve(userId);
    try {
      return await check();
    } catch (e) {
      if (TwoFactorError.isInvalidCode(e)) await this.recordFailure(userId, meta, e.reason);
      else await this.release(userId);
      throw e;
    }
  }

  /** A success resets the count (API.md) and ends a lock that concurrent failures set meanwhile. */
  async recordSuccess(userId: string): Promise<void> {
    await this.twoFactor.settings.update({ userId }, { failedCount: 0, lockedUntil: null, lastTwoFactorAt: this.clock.now() });
  }

  /** Admin unlock: clears the lock and the count. Returns whether it was locked. */
  async unlock(userId: string): Promise<boolean> {
    const r = await this.twoFactor.find(userId);
    if (!r) return false;
    const wasLocked = !!r.lockedUntil && r.lockedUntil.getTime() > this.clock.ms();
    await this.twoFactor.settings.update({ userId }, { failedCount: 0, lockedUntil: null });
    return wasLocked;
  }
}
