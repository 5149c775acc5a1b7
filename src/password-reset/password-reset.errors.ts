import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum PasswordResetErrorCode {
  LINK_EXPIRED = 'LINK_EXPIRED',
  NOT_INVITED = 'NOT_INVITED',
  NOT_ACTIVE = 'NOT_ACTIVE',
  MAIL_NOT_DELIVERED = 'MAIL_NOT_DELIVERED',
}

const API: Record<PasswordResetErrorCode, ApiErrorCode> = {
  [PasswordResetErrorCode.LINK_EXPIRED]: ApiErrorCode.CODE_EXPIRED,
  [PasswordResetErrorCode.NOT_INVITED]: ApiErrorCode.CONFLICT,
  [PasswordResetErrorCode.NOT_ACTIVE]: ApiErrorCode.CONFLICT,
  [PasswordResetErrorCode.MAIL_NOT_DELIVERED]: ApiErrorCode.MAIL_DELIVERY_FAILED,
};

export class PasswordResetError extends DomainError<PasswordResetErrorCode> {
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  /** Unknown, used, replaced and expired links answer alike: nothing tells them apart. */
  static linkExpired() {
    return new PasswordResetError(PasswordResetErrorCode.LINK_EXPIRED, 'This link has expired or was already used; ask for a new one');
  }
  static notInvited() {
    return new PasswordResetError(PasswordResetErrorCode.NOT_INVITED, 'This user is not waiting for an invitation');
  }
  static notActive() {
    return new PasswordResetError(PasswordResetErrorCode.NOT_ACTIVE, 'Only an active account can get a password reset link');
  }
  /** The change is made (user invited, link issued); only the mail failed: the admin can send it again. */
  static mailNotDelivered(what: string) {
    return new PasswordResetError(PasswordResetErrorCode.MAIL_NOT_DELIVERED, `${what}, but the email could not be sent; try sending it again`);
  }
}
