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
  static codeExpired() {
    return new TwoFactorError(TwoFactorErrorCode.CODE_EXPIRED, 'The code has expired or was replaced; ask for a new one');
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
