import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../../common/auth/request-context';
import { Db, TransactionHost } from '../../database/transactions';
import { AttemptBudgets } from '../../rate-limit/attempt-budgets';
import { AccountLock, CheckContext, SecondFactors, TwoFactorError, TwoFactorMethod, VerifiedFactor, withCheck } from '../../two-factor';

/** What happens around the factor. */
export interface FactorPlan<T> {
  /**
   * The caller's own limit, reserved in the one commit that reserves the account's check: e.g.
   * one of the login challenge's tries. Only reservations (AttemptBudgets) may run here.
   */
  reserve?: () => Promise<void>;
  /** Gives `reserve` back when the attempt turns out not to be a guess. */
  unreserve?: () => Promise<void>;
  /**
   * Runs first in the consuming transaction, before any factor is consumed: e.g. consume the
   * login challenge. Its row lock makes concurrent checks of one challenge wait; the losers find
   * it used and consume nothing.
   */
  claim?: () => Promise<void>;
  /** Runs once the factor is verified and consumed (the session, the pending action). */
  finish: (verified: VerifiedFactor) => Promise<T>;
}

/**
 * One second-factor check for login and re-authentication, whatever the factor (a strategy from
 * `SecondFactors`; nothing here knows the kinds). Order: the factor's own limit is taken
 * (`begin`: an emailed code's tries); then the caller's limit (the challenge's try) and the
 * account's check are reserved together in ONE short transaction (TOO_MANY_ATTEMPTS when locked
 * or spent); the code is compared outside any transaction; then one transaction claims (the
 * challenge), consumes the factor and finishes (the session). A TOTP sign-in so costs two
 * commits, where it cost three (each reservation committed on its own).
 *
 * Why not one: the reservations must be durable before the code is looked at, and taking them
 * in the consuming transaction holds the account's row lock until its end; concurrent checks of
 * one account then queue on that lock, each holding a pooled connection, while the holder's own
 * reads outside the transaction need one too: a burst starves the pool (seen on MariaDB: 20
 * concurrent backup codes timed out). The reserving transaction runs only the reservations'
 * conditional UPDATEs on its own connection, so whoever holds the lock always finishes.
 *
 * A wrong code stays counted (and may lock); anything else gives the reservations back; a
 * success resets the account's count in the consuming transaction.
 */
@Injectable()
export class CodeVerifier {
  constructor(
    private readonly factors: SecondFactors,
    private readonly lock: AccountLock,
    private readonly budgets: AttemptBudgets,
    private readonly tx: TransactionHost<Db>,
  ) {}

  /** The methods a challenge offers (API.md: enabled methods, plus BACKUP_CODE while any remain). */
  availableMethods(userId: string): Promise<TwoFactorMethod[]> {
    return this.factors.available(userId);
  }

  /**
   * The methods to offer once `exclude` is taken out; empty when no primary method is left (a
   * fallback alone is no second factor: backup codes back up a method, they are not one).
   */
  async offeredMethods(userId: string, exclude: readonly TwoFactorMethod[] = []): Promise<TwoFactorMethod[]> {
    const methods = (await this.availableMethods(userId)).filter((m) => !exclude.includes(m));
    return methods.some((m) => !this.factors.get(m)?.fallback) ? methods : [];
  }

  async verify<T>(userId: string, method: TwoFactorMethod, code: string, ctx: CheckContext & { meta: RequestMeta }, plan: FactorPlan<T>): Promise<{ result: T; verified: VerifiedFactor }> {
    const factor = this.factors.get(method);
    if (!factor) throw TwoFactorError.notEnabled('This method');
    const check = await factor.begin(userId, ctx);
    return withCheck(check, async () => {
      // Both or neither: a spent challenge or a locked account rolls the other back.
      await this.tx.withTransaction(() =>
        this.budgets.countInTransaction(async () => {
          await plan.reserve?.();
          await this.lock.reserve(userId);
        }),
      );
      try {
        await check.compare(code);
        return await this.tx.withTransaction(async () => {
          await plan.claim?.();
          const verified = await check.consume(code);
          if (!verified.accountReset) await this.lock.recordSuccess(userId);
          return { result: await plan.finish(verified), verified };
        });
      } catch (e) {
        if (TwoFactorError.isInvalidCode(e)) await this.lock.countWrongCode(userId, ctx.meta, e);
        else {
          await this.lock.release(userId);
          await plan.unreserve?.();
        }
        throw e;
      }
    });
  }
}
