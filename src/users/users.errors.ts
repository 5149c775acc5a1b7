import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum UsersErrorCode {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
}

const API: Record<UsersErrorCode, ApiErrorCode> = {
  [UsersErrorCode.EMAIL_TAKEN]: ApiErrorCode.CONFLICT,
  [UsersErrorCode.WEAK_PASSWORD]: ApiErrorCode.BAD_USER_INPUT,
  [UsersErrorCode.INVALID_CREDENTIALS]: ApiErrorCode.UNAUTHENTICATED,
  [UsersErrorCode.USER_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
};

export class UsersError extends DomainError<UsersErrorCode> {
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  static emailTaken() {
    return new UsersError(UsersErrorCode.EMAIL_TAKEN, 'A user with this email already exists');
  }
  static weakPassword(reason: string) {
    return new UsersError(UsersErrorCode.WEAK_PASSWORD, reason);
  }
  /** One message for a wrong password and an unknown email (API.md). */
  static invalidCredentials() {
    return new UsersError(UsersErrorCode.INVALID_CREDENTIALS, 'Invalid email or password');
  }
  static notFound() {
    return new UsersError(UsersErrorCode.USER_NOT_FOUND, 'User not found');
  }
}
