import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum AuthErrorCode {
  CHALLENGE_INVALID = 'CHALLENGE_INVALID',
  CHALLENGE_EXPIRED = 'CHALLENGE_EXPIRED',
  METHOD_NOT_AVAILABLE = 'METHOD_NOT_AVAILABLE',
}
const API: Record<AuthErrorCode, ApiErrorCode> = {
  [AuthErrorCode.CHALLENGE_INVALID]: ApiErrorCode.UNAUTHENTICATED,
  [AuthErrorCode.CHALLENGE_EXPIRED]: ApiErrorCode.CODE_EXPIRED,
  [AuthErrorCode.METHOD_NOT_AVAILABLE]: ApiErrorCode.BAD_USER_INPUT,
};

/** Why a login challenge can no longer be answered (`extensions.reason` of its CODE_EXPIRED). */
export enum ChallengeEnd {
  TOO_MANY_TRIES = 'TOO_MANY_TRIES',
  SIGN_IN_EXPIRED = 'SIGN_IN_EXPIRED',
  SIGN_IN_ENDED = 'SIGN_IN_ENDED',
}

export class AuthError extends DomainError<AuthErrorCode> {
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  static challengeInvalid() {
    return new AuthError(AuthErrorCode.CHALLENGE_INVALID, 'This sign-in attempt is not valid; sign in again');
  }
  /**
   * CODE_EXPIRED for a challenge that can no longer be answered, with `extensions.reason`:
   * TOO_MANY_TRIES (stopped after its 5 wrong codes: not "expired"), SIGN_IN_EXPIRED (its 5
   * minutes ran out), SIGN_IN_ENDED (used, or ended by a password change or an admin reset).
   */
  static challengeExpired(why: ChallengeEnd = ChallengeEnd.SIGN_IN_EXPIRED) {
    const message = {
      [ChallengeEnd.TOO_MANY_TRIES]: 'Too many wrong codes: this sign-in attempt was stopped; sign in again',
      [ChallengeEnd.SIGN_IN_EXPIRED]: 'This sign-in attempt has expired; sign in again',
      [ChallengeEnd.SIGN_IN_ENDED]: 'This sign-in attempt has ended; sign in again',
    }[why];
    return new AuthError(AuthErrorCode.CHALLENGE_EXPIRED, message, { reason: why, attemptsLeft: 0 });
  }
  static methodNotAvailable() {
    return new AuthError(AuthErrorCode.METHOD_NOT_AVAILABLE, 'This method is not available for this account');
  }
}
