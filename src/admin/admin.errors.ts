import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum AdminErrorCode {
  SELF_RESET = 'SELF_RESET',
  BAD_CURSOR = 'BAD_CURSOR',
  SELF_LIFECYCLE = 'SELF_LIFECYCLE',
  LAST_ADMIN = 'LAST_ADMIN',
  WRONG_STATUS = 'WRONG_STATUS',
}
const API: Record<AdminErrorCode, ApiErrorCode> = {
  [AdminErrorCode.SELF_RESET]: ApiErrorCode.FORBIDDEN,
  [AdminErrorCode.BAD_CURSOR]: ApiErrorCode.BAD_USER_INPUT,
  [AdminErrorCode.SELF_LIFECYCLE]: ApiErrorCode.FORBIDDEN,
  [AdminErrorCode.LAST_ADMIN]: ApiErrorCode.CONFLICT,
  [AdminErrorCode.WRONG_STATUS]: ApiErrorCode.CONFLICT,
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
}
