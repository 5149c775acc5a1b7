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

export class AuthError extends DomainError<AuthErrorCode> {
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  static challengeInvalid() {
    return new AuthError(AuthErrorCode.CHALLENGE_INVALID, 'This sign-in attempt is not valid; sign in again');
  }
  static challengeExpired() {
    return new AuthError(AuthErrorCode.CHALLENGE_EXPIRED, 'This sign-in attempt has expired; sign in again');
  }
  static methodNotAvailable() {
    return new AuthError(AuthErrorCode.METHOD_NOT_AVAILABLE, 'This method is not available for this account');
  }
}
