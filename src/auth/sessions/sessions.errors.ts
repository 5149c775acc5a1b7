import { ApiErrorCode } from '../../common/errors/api-error-code';
import { DomainError } from '../../common/errors/domain-error';

export enum SessionsErrorCode {
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
}
const API: Record<SessionsErrorCode, ApiErrorCode> = {
  [SessionsErrorCode.SESSION_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
};

export class SessionsError extends DomainError<SessionsErrorCode> {
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  /** Also for another account's session: whether an id exists is nobody else's business. */
  static notFound() {
    return new SessionsError(SessionsErrorCode.SESSION_NOT_FOUND, 'No such session');
  }
}
