import { ApiErrorCode } from '../common/errors/api-error-code';
import { DomainError } from '../common/errors/domain-error';

export enum SsoErrorCode {
  PROVIDER_NOT_CONFIGURED = 'PROVIDER_NOT_CONFIGURED',
  PROVIDER_NOT_FOUND = 'PROVIDER_NOT_FOUND',
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
  INVALID_PROVIDER_CONFIG = 'INVALID_PROVIDER_CONFIG',
  PROVIDER_IN_USE = 'PROVIDER_IN_USE',
  TICKET_EXPIRED = 'TICKET_EXPIRED',
  IDENTITY_ALREADY_LINKED = 'IDENTITY_ALREADY_LINKED',
  CONNECTION_NOT_FOUND = 'CONNECTION_NOT_FOUND',
}

const API: Record<SsoErrorCode, ApiErrorCode> = {
  [SsoErrorCode.PROVIDER_NOT_CONFIGURED]: ApiErrorCode.PROVIDER_NOT_CONFIGURED,
  [SsoErrorCode.PROVIDER_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [SsoErrorCode.PROVIDER_UNAVAILABLE]: ApiErrorCode.SERVICE_UNAVAILABLE,
  [SsoErrorCode.INVALID_PROVIDER_CONFIG]: ApiErrorCode.BAD_USER_INPUT,
  [SsoErrorCode.PROVIDER_IN_USE]: ApiErrorCode.CONFLICT,
  [SsoErrorCode.TICKET_EXPIRED]: ApiErrorCode.CODE_EXPIRED,
  [SsoErrorCode.IDENTITY_ALREADY_LINKED]: ApiErrorCode.CONFLICT,
  [SsoErrorCode.CONNECTION_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
};

export class SsoError extends DomainError<SsoErrorCode> {
  get apiCode(): ApiErrorCode {
    return API[this.code];
  }
  /** Unknown and disabled providers answer the same (API.md). */
  static providerNotConfigured() {
    return new SsoError(SsoErrorCode.PROVIDER_NOT_CONFIGURED, 'This sign-in provider is not configured');
  }
  static providerNotFound() {
    return new SsoError(SsoErrorCode.PROVIDER_NOT_FOUND, 'SSO provider not found');
  }
  static providerUnavailable() {
    return new SsoError(SsoErrorCode.PROVIDER_UNAVAILABLE, 'The sign-in provider cannot be reached; try again shortly');
  }
  static invalidConfig(message: string) {
    return new SsoError(SsoErrorCode.INVALID_PROVIDER_CONFIG, message);
  }
  static providerInUse(message: string) {
    return new SsoError(SsoErrorCode.PROVIDER_IN_USE, message);
  }
  static ticketExpired() {
    return new SsoError(SsoErrorCode.TICKET_EXPIRED, 'This sign-in has expired or was already used; sign in with your provider again');
  }
  static identityAlreadyLinked() {
    return new SsoError(SsoErrorCode.IDENTITY_ALREADY_LINKED, 'This identity is already linked to an account, or this account already has one for this provider');
  }
  static connectionNotFound() {
    return new SsoError(SsoErrorCode.CONNECTION_NOT_FOUND, 'No identity of this provider is linked to your account');
  }
}

/** The `?error=` codes of the browser round trip (API.md), lower case. */
export type SsoRedirectCode =
  | 'provider_not_configured'
  | 'invalid_state'
  | 'access_denied'
  | 'provider_error'
  | 'provider_unavailable'
  | 'invalid_token'
  | 'already_linked';

/** A failure of the browser round trip: becomes a redirect with `?error=<redirectCode>`, never a response body. */
export class SsoFlowError extends Error {
  constructor(
    readonly redirectCode: SsoRedirectCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SsoFlowError';
  }
}
