import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../../common/auth/request-context';
import { Db, TransactionHost } from '../../database/transactions';
import { AccountLock, CheckContext, SecondFactors, TwoFactorError, TwoFactorMethod, VerifiedFactor, withCheck } from '../../two-factor';

/** What happens around the factor, in the one transaction that consumes it. */
export interface FactorPlan<T> {
  /**
   * Runs first, before any factor is consumed: e.g. consume the login challenge. Its row lock
   * makes concurrent checks of one challenge wait; the losers find it used and consume nothing.
   */
  claim?: () => Promise<void>;
  /** Runs once the factor is verified and consumed (the session, the pending action). */
  finish: (verified: VerifiedFactor) => Promise<T>;
}

/**
 * One second-factor check for login and re-authentication, whatever the factor (a strategy from
 * `SecondFactors`; nothing here knows the kinds). Order: the factor's own limit is taken
 * (`begin`: an emailed code's tries), then the account's check (TOO_MANY_ATTEMPTS when locked
 * or spent), then the code is compared outside any transaction; then one transaction claims (the
 * challenge), consumes the factor and finishes (the session). A wrong code stays counted;
 * anything else gives the reservations back; a success resets the account's count in the same
 * transaction.
 */
@Injectable()
export class CodeVerifier {
  constructor(
    private readonly factors: SecondFactors,
    private readonly lock: AccountLock,
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
    return withCheck(check, () =>
      this.lock.budgeted(userId, ctx.meta, async () => {
        await check.compare(code);
        return this.tx.withTransaction(async () => {
          await plan.claim?.();
          const verified = await check.consume(code);
          await this.lock.recordSuccess(userId);
          return { result: await plan.finish(verified), verified };
        });
      }),
    );
  }
}
