import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum AdminErrorCode {
  SELF_RESET = 'SELF_RESET',
  BAD_CURSOR = 'BAD_CURSOR',
}
const API: Record<AdminErrorCode, ApiErrorCode> = {
  [AdminErrorCode.SELF_RESET]: ApiErrorCode.FORBIDDEN,
  [AdminErrorCode.BAD_CURSOR]: ApiErrorCode.BAD_USER_INPUT,
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
}
