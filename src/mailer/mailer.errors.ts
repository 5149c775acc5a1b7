import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum MailErrorCode {
  DELIVERY_FAILED = 'DELIVERY_FAILED',
}
const API: Record<MailErrorCode, ApiErrorCode> = {
  [MailErrorCode.DELIVERY_FAILED]: ApiErrorCode.MAIL_DELIVERY_FAILED,
};

export class MailError extends DomainError<MailErrorCode> {
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  static deliveryFailed() {
    return new MailError(MailErrorCode.DELIVERY_FAILED, 'The email could not be sent; try again in a moment');
  }
}
