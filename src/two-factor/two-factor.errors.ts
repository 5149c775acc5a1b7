import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum TwoFactorErrorCode {
  INVALID_CODE = 'INVALID_CODE',
  CODE_EXPIRED = 'CODE_EXPIRED',
  NO_PENDING_SETUP = 'NO_PENDING_SETUP',
  ALREADY_ENABLED = 'ALREADY_ENABLED',
  NOT_ENABLED = 'NOT_ENABLED',
}
const API: Record<TwoFactorErrorCode, ApiErrorCode> = {
  [TwoFactorErrorCode.INVALID_CODE]: ApiErrorCode.INVALID_CODE,
  [TwoFactorErrorCode.CODE_EXPIRED]: ApiErrorCode.CODE_EXPIRED,
  [TwoFactorErrorCode.NO_PENDING_SETUP]: ApiErrorCode.BAD_USER_INPUT,
  [TwoFactorErrorCode.ALREADY_ENABLED]: ApiErrorCode.CONFLICT,
  [TwoFactorErrorCode.NOT_ENABLED]: ApiErrorCode.BAD_USER_INPUT,
};

/** `extensions.reason` of a refused code: what a client tells the person (API additions of issue 15). */
export enum CodeRefusal {
  /** INVALID_CODE: a TOTP code whose time step was already used. */
  ALREADY_USED = 'ALREADY_USED',
  /** CODE_EXPIRED: the emailed code's time ran out, or it was used. */
  CODE_EXPIRED = 'CODE_EXPIRED',
  /** CODE_EXPIRED: a newer emailed code replaced it. */
  CODE_REPLACED = 'CODE_REPLACED',
  /** CODE_EXPIRED: the emailed code took its 5 wrong tries. */
  CODE_TOO_MANY_TRIES = 'CODE_TOO_MANY_TRIES',
}

export class TwoFactorError extends DomainError<TwoFactorErrorCode> {
  reason = '';
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  /** `reason` goes to the TWO_FACTOR_FAILED event's detail, never to the client. */
  static invalidCode(reason = 'wrong code') {
    const e = new TwoFactorError(TwoFactorErrorCode.INVALID_CODE, 'The code is not correct');
    e.reason = reason;
    return e;
  }
  /** A wrong guess at a code: the one outcome that stays counted against the budgets. */
  static isInvalidCode(e: unknown): e is TwoFactorError {
    return e instanceof TwoFactorError && e.code === TwoFactorErrorCode.INVALID_CODE;
  }
  /**
   * A TOTP code of a time step that was already accepted (a replay within its 30 s). Still
   * INVALID_CODE (and counted like a wrong code), told apart by `extensions.reason: ALREADY_USED`.
   */
  static codeReused() {
    const e = new TwoFactorError(TwoFactorErrorCode.INVALID_CODE, 'That code was already used; wait for the next one', { reason: CodeRefusal.ALREADY_USED });
    e.reason = 'replayed authenticator code';
    return e;
  }
  /** `why` goes to `extensions.reason`: expired, replaced by a newer code, or dead after its 5 wrong tries. */
  static codeExpired(why: CodeRefusal = CodeRefusal.CODE_EXPIRED) {
    const message = why === CodeRefusal.CODE_TOO_MANY_TRIES
      ? 'This code had too many wrong tries and no longer works; ask for a new one'
      : 'The code has expired or was replaced; ask for a new one';
    return new TwoFactorError(TwoFactorErrorCode.CODE_EXPIRED, message, { reason: why });
  }
  /**
   * How many more wrong codes the flow that refused `e` accepts before it stops
   * (`extensions.attemptsLeft`): the smallest of the limits that apply (the emailed code's, the
   * account's, the challenge's), each caller adding the one it knows.
   */
  static limitAttemptsLeft(e: TwoFactorError, left: number): void {
    const now = e.extensions.attemptsLeft;
    const n = Math.max(0, left);
    e.extensions.attemptsLeft = typeof now === 'number' ? Math.min(now, n) : n;
  }
  static noPendingSetup(what: string) {
    return new TwoFactorError(TwoFactorErrorCode.NO_PENDING_SETUP, `Start the ${what} setup first`);
  }
  static alreadyEnabled(what: string) {
    return new TwoFactorError(TwoFactorErrorCode.ALREADY_ENABLED, `${what} is already turned on`);
  }
  static notEnabled(what: string) {
    return new TwoFactorError(TwoFactorErrorCode.NOT_ENABLED, `${what} is not turned on`);
  }
}
