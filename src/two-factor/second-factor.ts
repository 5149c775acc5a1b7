import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../common/auth/request-context';
import { EmailCodePurpose } from './email-code.entity';
import { TwoFactorMethod } from './two-factor-method';

/** Where a check happens: which emailed codes count (login, setup, re-auth), which challenge. */
export interface CheckContext {
  purpose: EmailCodePurpose;
  challengeId?: string | null;
  /** Re-authentication: the session asking (a passkey ceremony is bound to it). */
  sessionId?: string | null;
  /** The request, for what a factor records (a passkey's counter error). */
  meta?: RequestMeta;
}

/** What a verified factor tells the caller. */
export interface VerifiedFactor {
  method: TwoFactorMethod;
  /** Backup codes left after this one, when a backup code was used. */
  backupCodesLeft?: number;
  /**
   * The factor's consuming statement also did what `AccountLock.recordSuccess` does (the account's
   * failures reset, the lock lifted, the time of the last second factor), on the same row.
   */
  accountReset?: boolean;
}

/**
 * One check of one factor, in the order that keeps every limit honest (see CodeVerifier in auth):
 * `begin` has taken what the factor itself limits (an emailed code's 5 tries) before the account's
 * check is reserved; `compare` looks at the code; `consume` uses the factor up (both in the
 * check's transaction: a wrong code from either, INVALID_CODE, commits the counted tries, so
 * neither may write anything but what a refused code should leave); `release` gives back what
 * `begin` took when the attempt turned out not to be a guess, for callers outside such a
 * transaction (setup).
 */
export interface FactorCheck {
  compare(code: string): Promise<void>;
  consume(code: string): Promise<VerifiedFactor>;
  release(): Promise<void>;
}

/**
 * A second factor as a strategy (after Ory Kratos' credential strategies): login, re-auth and the
 * challenge list never switch on the kind. A fallback (backup codes) is only usable while a
 * primary method is on. A new factor implements this and registers itself in `SecondFactors`.
 */
export interface SecondFactor {
  readonly method: TwoFactorMethod;
  readonly fallback: boolean;
  /** Whether the account has this factor on (a fallback: whether it has any left). */
  isEnabled(userId: string): Promise<boolean>;
  /** Starts a check; TwoFactorError NOT_ENABLED when the account can't use this factor. */
  begin(userId: string, ctx: CheckContext): Promise<FactorCheck>;
}

/** Every registered factor, by method. */
@Injectable()
export class SecondFactors {
  private readonly factors = new Map<TwoFactorMethod, SecondFactor>();

  register(factor: SecondFactor): void {
    this.factors.set(factor.method, factor);
  }

  get(method: TwoFactorMethod): SecondFactor | undefined {
    return this.factors.get(method);
  }

  /** The methods a challenge offers: the primaries that are on, then the fallbacks while any primary is on. */
  async available(userId: string): Promise<TwoFactorMethod[]> {
    const all = [...this.factors.values()];
    const on = await Promise.all(all.map(async (f) => ((await f.isEnabled(userId)) ? f : null)));
    const primaries = on.filter((f): f is SecondFactor => !!f && !f.fallback);
    if (!primaries.length) return [];
    return [...primaries, ...on.filter((f): f is SecondFactor => !!f && f.fallback)].map((f) => f.method);
  }

  /** Whether any primary method is on (a fallback is usable only then). */
  async anyPrimaryEnabled(userId: string): Promise<boolean> {
    const primaries = [...this.factors.values()].filter((f) => !f.fallback);
    return (await Promise.all(primaries.map((f) => f.isEnabled(userId)))).some(Boolean);
  }
}
