import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { ConfigType } from '@nestjs/config';
import { RequestMeta } from '../common/auth/request-context';
import { tooManyAttempts } from '../common/errors/domain-error';
import { twoFactorConfig } from '../config/two-factor.config';
import { AttemptBudgets, RowCounter } from '../rate-limit/attempt-budgets';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { SecurityNotifier } from '../security-events/security-notifier';
import { UsersService } from '../users/users.service';
import { TwoFactorSettingsEntity } from './two-factor-settings.entity';
import { TwoFactorError } from './two-factor.errors';
import { TwoFactorService } from './two-factor.service';

/** Where the account stands: the wrong codes it still accepts in a row, and the lock's end while locked. */
export interface LockStatus {
  checksLeft: number;
  lockedUntil: Date | null;
}

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
    private readonly notifier: SecurityNotifier,
    private readonly users: UsersService,
    @Inject(twoFactorConfig.KEY) private readonly config: ConfigType<typeof twoFactorConfig>,
    private readonly clock: Clock,
  ) {}

  /** TOO_MANY_ATTEMPTS while the account's code checks are locked (a read; reserves nothing). */
  async assertNotLocked(userId: string): Promise<void> {
    this.throwIfLocked(await this.twoFactor.find(userId));
  }

  private throwIfLocked(r: TwoFactorSettingsEntity | null): void {
    const until = r?.lockedUntil?.getTime() ?? 0;
    if (until > this.clock.ms()) {
      const end = new Date(until).toISOString();
      const err = tooManyAttempts((until - this.clock.ms()) / 1000, `Too many wrong codes; code checks are locked until ${end}. An administrator can unlock the account sooner`);
      Object.assign(err.extensions, { reason: 'ACCOUNT_LOCKED', lockedUntil: end });
      throw err;
    }
  }

  /**
   * A read for the pages (a challenge says it before any code is typed): the wrong codes the
   * account still takes before it locks, or 0 and the end of the lock. A lock that ran out counts
   * as a fresh run (the next check starts one).
   */
  async status(userId: string): Promise<LockStatus> {
    return this.statusOf(await this.twoFactor.find(userId));
  }

  private statusOf(r: TwoFactorSettingsEntity | null): LockStatus {
    const max = this.config.failuresBeforeLock;
    if (!r) return { checksLeft: max, lockedUntil: null };
    if (r.lockedUntil) {
      return r.lockedUntil.getTime() > this.clock.ms() ? { checksLeft: 0, lockedUntil: r.lockedUntil } : { checksLeft: max, lockedUntil: null };
    }
    return { checksLeft: Math.max(0, max - r.failedCount), lockedUntil: null };
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

  /**
   * A reserved check failed: it stays counted; the 10th failure in a row (itself answered as wrong)
   * locks, records ACCOUNT_LOCKED and mails the person (once: only the request whose UPDATE set
   * the lock). Returns where the account stands after it.
   */
  async recordFailure(userId: string, meta: RequestMeta, detail: string, type = SecurityEventType.TWO_FACTOR_FAILED): Promise<LockStatus> {
    await this.events.record({ userId, type, meta, detail });
    const lockedUntil = new Date(this.clock.ms() + this.config.lockSeconds * 1000);
    const res = await this.twoFactor.settings
      .createQueryBuilder()
      .update()
      .set({ lockedUntil })
      .where('user_id = :userId AND failed_count >= :max AND locked_until IS NULL', { userId, max: this.config.failuresBeforeLock })
      .execute();
    if (res.affected) await this.lockStarted(userId, lockedUntil, meta);
    return this.statusOf(await this.twoFactor.find(userId));
  }

  /** ACCOUNT_LOCKED: the event, and a mail with the lock's end and who can help (a mail failure is logged). */
  private async lockStarted(userId: string, until: Date, meta: RequestMeta): Promise<void> {
    const minutes = this.config.lockSeconds / 60;
    const detail = `code checks locked for ${minutes} minutes`;
    const user = await this.users.findById(userId);
    if (!user) return void (await this.events.record({ userId, type: SecurityEventType.ACCOUNT_LOCKED, meta, detail }));
    await this.notifier.notify(
      user,
      SecurityEventType.ACCOUNT_LOCKED,
      'Sign-in codes for your account are locked',
      `After ${this.config.failuresBeforeLock} wrong codes in a row (or wrong passwords when confirming it is you), code checks for your account are locked until ${until.toUTCString()}. ` +
        'Signing in and confirming it is you with a code, passkey or backup code will work again after that time. An administrator can unlock your account sooner.',
      meta,
      {
        detail,
        mailDetail: 'Each of these tries came after a correct password, or from a signed-in session. If they were not yours, change your password as soon as you can and tell your administrator.',
      },
    );
  }

  /**
   * Runs one check under the account's budget: reserved first; a wrong code stays counted (and
   * may lock), anything else gives the reservation back. The caller resets the count on success
   * (`recordSuccess`, in its transaction), usually in `settle`: what makes a passed check stick
   * (its own transaction). A passed check that fails to stick lost to a concurrent use of the same
   * answer, no guess: its reservation is given back too, once `settle` has ended (rolled back: the
   * row it counts on is locked until then). Otherwise a double submit leaves it counted.
   */
  async budgeted<T, R = T>(userId: string, meta: RequestMeta, check: () => Promise<T>, settle?: (checked: T) => Promise<R>): Promise<R> {
    await this.reserve(userId);
    let checked: T;
    try {
      checked = await check();
    } catch (e) {
      if (TwoFactorError.isInvalidCode(e)) await this.countWrongCode(userId, meta, e);
      else await this.release(userId);
      throw e;
    }
    if (!settle) return checked as unknown as R;
    try {
      return await settle(checked);
    } catch (e) {
      await this.release(userId);
      throw e;
    }
  }

  /**
   * A reserved check turned out a wrong code: recorded (and maybe locked, `recordFailure`), and
   * `e` told what the page shows: the checks left, and the lock this very failure started.
   */
  async countWrongCode(userId: string, meta: RequestMeta, e: TwoFactorError): Promise<void> {
    const after = await this.recordFailure(userId, meta, e.reason);
    TwoFactorError.limitAttemptsLeft(e, after.checksLeft);
    if (after.lockedUntil) e.extensions.lockedUntil = after.lockedUntil.toISOString();
  }

  /** What a success writes on the settings row: the count reset (API.md), a lock that concurrent failures set meanwhile ended. */
  static successState(now: Date): Pick<TwoFactorSettingsEntity, 'failedCount' | 'lockedUntil' | 'lastTwoFactorAt'> {
    return { failedCount: 0, lockedUntil: null, lastTwoFactorAt: now };
  }

  async recordSuccess(userId: string): Promise<void> {
    await this.twoFactor.settings.update({ userId }, AccountLock.successState(this.clock.now()));
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
