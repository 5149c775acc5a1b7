import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum WebAuthnErrorCode {
  CEREMONY_EXPIRED = 'CEREMONY_EXPIRED',
  NOT_VERIFIED = 'NOT_VERIFIED',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  TOO_MANY_CREDENTIALS = 'TOO_MANY_CREDENTIALS',
  CREDENTIAL_NOT_FOUND = 'CREDENTIAL_NOT_FOUND',
}
const API: Record<WebAuthnErrorCode, ApiErrorCode> = {
  [WebAuthnErrorCode.CEREMONY_EXPIRED]: ApiErrorCode.CODE_EXPIRED,
  [WebAuthnErrorCode.NOT_VERIFIED]: ApiErrorCode.BAD_USER_INPUT,
  [WebAuthnErrorCode.ALREADY_REGISTERED]: ApiErrorCode.CONFLICT,
  [WebAuthnErrorCode.TOO_MANY_CREDENTIALS]: ApiErrorCode.CONFLICT,
  [WebAuthnErrorCode.CREDENTIAL_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
};

export class WebAuthnError extends DomainError<WebAuthnErrorCode> {
  /** Why verification failed, for the log and events; never sent to the client. */
  reason = '';
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  static ceremonyExpired() {
    return new WebAuthnError(WebAuthnErrorCode.CEREMONY_EXPIRED, 'This passkey request has expired or was already used; try again');
  }
  static notVerified(reason: string) {
    const e = new WebAuthnError(WebAuthnErrorCode.NOT_VERIFIED, 'The passkey or security key could not be verified; try again');
    e.reason = reason;
    return e;
  }
  static alreadyRegistered() {
    return new WebAuthnError(WebAuthnErrorCode.ALREADY_REGISTERED, 'This passkey or security key is already registered');
  }
  static tooManyCredentials(max: number) {
    return new WebAuthnError(WebAuthnErrorCode.TOO_MANY_CREDENTIALS, `An account can hold at most ${max} passkeys and security keys; remove one first`);
  }
  static credentialNotFound() {
    return new WebAuthnError(WebAuthnErrorCode.CREDENTIAL_NOT_FOUND, 'Passkey or security key not found');
  }
}
