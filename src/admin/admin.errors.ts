import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum AdminErrorCode {
  SELF_RESET = 'SELF_RESET',
  BAD_CURSOR = 'BAD_CURSOR',
  SELF_LIFECYCLE = 'SELF_LIFECYCLE',
  LAST_ADMIN = 'LAST_ADMIN',
  WRONG_STATUS = 'WRONG_STATUS',
  NOTHING_TO_RESET = 'NOTHING_TO_RESET',
}
const API: Record<AdminErrorCode, ApiErrorCode> = {
  [AdminErrorCode.SELF_RESET]: ApiErrorCode.FORBIDDEN,
  [AdminErrorCode.BAD_CURSOR]: ApiErrorCode.BAD_USER_INPUT,
  [AdminErrorCode.SELF_LIFECYCLE]: ApiErrorCode.FORBIDDEN,
  [AdminErrorCode.LAST_ADMIN]: ApiErrorCode.CONFLICT,
  [AdminErrorCode.WRONG_STATUS]: ApiErrorCode.CONFLICT,
  [AdminErrorCode.NOTHING_TO_RESET]: ApiErrorCode.BAD_USER_INPUT,
};

export class AdminError extends DomainError<AdminErrorCode> {
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  static selfReset() {
    return new AdminError(AdminErrorCode.SELF_RESET, 'You cannot reset your own two-factor authentication here; ask another admin');
  }
  static badCursor() {
    return new AdminError(AdminErrorCode.BAD_CURSOR, 'after is not a valid cursor');
  }
  static selfLifecycle(what: string) {
    return new AdminError(AdminErrorCode.SELF_LIFECYCLE, `You cannot ${what} your own account; ask another admin`);
  }
  static lastAdmin(what: string) {
    return new AdminError(AdminErrorCode.LAST_ADMIN, `This is the last active admin: it cannot be ${what}. Make another admin first`);
  }
  static wrongStatus(message: string) {
    return new AdminError(AdminErrorCode.WRONG_STATUS, message);
  }
  /** `resetTwoFactor` of an account with no method, no backup code and (when asked to remove them) no SSO link. */
  static nothingToReset(displayName: string, ssoLinks: number) {
    const sso = ssoLinks
      ? ` To remove only their single sign-on connection${ssoLinks === 1 ? '' : 's'}, choose to remove the single sign-on connections too, or remove ${ssoLinks === 1 ? 'it' : 'them'} one by one.`
      : '';
    return new AdminError(AdminErrorCode.NOTHING_TO_RESET, `${displayName} has no two-factor authentication to reset: no method is on and no backup codes are left.${sso}`);
  }
}
