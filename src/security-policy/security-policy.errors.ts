import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum SecurityPolicyErrorCode {
  INVALID_POLICY = 'INVALID_POLICY',
  SELF_LOCKOUT = 'SELF_LOCKOUT',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
}
const API: Record<SecurityPolicyErrorCode, ApiErrorCode> = {
  [SecurityPolicyErrorCode.INVALID_POLICY]: ApiErrorCode.BAD_USER_INPUT,
  [SecurityPolicyErrorCode.SELF_LOCKOUT]: ApiErrorCode.CONFLICT,
  [SecurityPolicyErrorCode.METHOD_NOT_ALLOWED]: ApiErrorCode.FORBIDDEN,
};

export class SecurityPolicyError extends DomainError<SecurityPolicyErrorCode> {
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  static invalid(message: string) {
    return new SecurityPolicyError(SecurityPolicyErrorCode.INVALID_POLICY, message);
  }
  static selfLockout() {
    return new SecurityPolicyError(
      SecurityPolicyErrorCode.SELF_LOCKOUT,
      'This policy would restrict your own session at once: set up an allowed method first, or give a grace period',
    );
  }
  static methodNotAllowed() {
    return new SecurityPolicyError(SecurityPolicyErrorCode.METHOD_NOT_ALLOWED, 'The security policy does not allow this method for your role');
  }
}
