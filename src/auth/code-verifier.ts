import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestMeta } from '../common/auth/decorators';
import { BackupCodesService } from '../backup-codes/backup-codes.service';
import { TransactionRunner } from '../database/transaction-runner';
import { EmailCodePurpose } from '../two-factor/email-code.entity';
import { TwoFactorError } from '../two-factor/two-factor.errors';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { AuthError } from './auth.errors';
import { TwoFactorMethod } from './login-outcome';

export interface VerifiedFactor {
  method: TwoFactorMethod;
  /** Backup codes left after this one, when a backup code was used. */
  backupCodesLeft?: number;
}

/** What happens around the factor, in the one transaction that consumes it. */
export interface FactorPlan<T> {
  /**
   * Runs first, before any factor is consumed: e.g. consume the login challenge. Its row lock
   * makes concurrent checks of one challenge wait; the losers find it used and consume nothing.
   */
  claim?: (em: EntityManager) => Promise<void>;
  /** Runs once the factor is verified and consumed (the session, the pending action). */
  finish: (em: EntityManager, verified: VerifiedFactor) => Promise<T>;
}

/**
 * One second-factor check for login and re-authentication, whatever the method. Order:
 * the account's check is reserved (TOO_MANY_ATTEMPTS when locked or spent); what must stay
 * counted even if the sign-in rolls back (an emailed code's tries) is taken outside the
 * transaction; then one transaction claims (the challenge), consumes the factor (code, TOTP
 * step, backup code) and finishes (the session). A wrong code stays counted; anything else
 * gives the reservation back; a success resets the count in the same transaction.
 */
@Injectable()
export class CodeVerifier {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly backupCodes: BackupCodesService,
    private readonly tx: TransactionRunner,
  ) {}

  /** EMAIL/TOTP when enabled, BACKUP_CODE while codes remain (API.md). */
  async availableMethods(userId: string): Promise<TwoFactorMethod[]> {
    const enabled = await this.twoFactor.enabledMethods(userId);
    if (!enabled.length) return [];
    const methods: TwoFactorMethod[] = enabled.map((m) => TwoFactorMethod[m]);
    if ((await this.backupCodes.remaining(userId)) > 0) methods.push(TwoFactorMethod.BACKUP_CODE);
    return methods;
  }

  async verify<T>(userId: string, method: TwoFactorMethod, code: string, ctx: { purpose: EmailCodePurpose; meta: RequestMeta; challengeId?: string | null }, plan: FactorPlan<T>): Promise<{ result: T; verified: VerifiedFactor }> {
    const state = await this.twoFactor.checkableState(userId);
    const on = { [TwoFactorMethod.EMAIL]: state.email, [TwoFactorMethod.TOTP]: state.totp, [TwoFactorMethod.BACKUP_CODE]: state.email || state.totp };
    if (!on[method]) throw AuthError.methodNotAvailable();
    // The emailed code's own try first: requests bouncing off a dead code never hold the account's checks.
    const emailTry = method === TwoFactorMethod.EMAIL ? await this.twoFactor.takeEmailCodeTry(userId, ctx.purpose, ctx.challengeId ?? null) : null;
    return this.twoFactor.withEmailCodeTry(emailTry, () => this.twoFactor.budgeted(userId, ctx.meta, async () => {
      if (emailTry) await emailTry.compare(code);
      const totpStep = method === TwoFactorMethod.TOTP ? this.twoFactor.matchTotp(userId, state, code) : null;
      return this.tx.run(async (em) => {
        await plan.claim?.(em);
        const verified: VerifiedFactor = { method };
        if (emailTry) await this.twoFactor.consumeEmailCode(emailTry.id, em);
        if (totpStep !== null) await this.twoFactor.acceptTotpStep(userId, totpStep, em);
        if (method === TwoFactorMethod.BACKUP_CODE) {
          // No code left also ends here: redemption finds nothing to use.
          const left = await this.backupCodes.redeem(userId, code, em);
          if (left === null) throw TwoFactorError.invalidCode('wrong or used backup code');
          verified.backupCodesLeft = left;
        }
        await this.twoFactor.recordSuccess(userId, em);
        return { result: await plan.finish(em, verified), verified };
      });
    }));
  }
}
