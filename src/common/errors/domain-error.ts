import { ApiErrorCode } from './api-error-code';

/**
 * Base of every error a service throws on purpose. Each feature declares its own code enum and a
 * `Record<FeatureCode, ApiErrorCode>` table in `<feature>.errors.ts`: the Record type makes the
 * mapping exhaustive at compile time, and the one filter only reads `apiCode`.
 * Messages are shown to clients: never put a secret, a code or SQL in them.
 */
export abstract class DomainError<C extends string = string> extends Error {
  abstract readonly apiCode: ApiErrorCode;
  constructor(
    readonly code: C,
    message: string,
    /** Extra `extensions` fields (e.g. retryAfterSeconds); plain values only. */
    readonly extensions: Record<string, string | number | boolean> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Errors that belong to no feature: input validation and infrastructure. */
export enum CommonErrorCode {
  VALIDATION = 'VALIDATION',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  REAUTH_REQUIRED = 'REAUTH_REQUIRED',
  /** The policy's grace period is over and no allowed method is on: the session may only enrol. */
  TWO_FACTOR_ENROLLMENT_REQUIRED = 'TWO_FACTOR_ENROLLMENT_REQUIRED',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}
const COMMON_API: Record<CommonErrorCode, ApiErrorCode> = {
  [CommonErrorCode.VALIDATION]: ApiErrorCode.BAD_USER_INPUT,
  [CommonErrorCode.NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [CommonErrorCode.UNAUTHENTICATED]: ApiErrorCode.UNAUTHENTICATED,
  [CommonErrorCode.FORBIDDEN]: ApiErrorCode.FORBIDDEN,
  [CommonErrorCode.REAUTH_REQUIRED]: ApiErrorCode.REAUTH_REQUIRED,
  [CommonErrorCode.TWO_FACTOR_ENROLLMENT_REQUIRED]: ApiErrorCode.TWO_FACTOR_ENROLLMENT_REQUIRED,
  [CommonErrorCode.TOO_MANY_ATTEMPTS]: ApiErrorCode.TOO_MANY_ATTEMPTS,
  [CommonErrorCode.SERVICE_UNAVAILABLE]: ApiErrorCode.SERVICE_UNAVAILABLE,
};

export class CommonError extends DomainError<CommonErrorCode> {
  get apiCode(): ApiErrorCode {
    return COMMON_API[this.code];
  }
}

export const validationError = (message: string) => new CommonError(CommonErrorCode.VALIDATION, message);
export const notFound = (what: string) => new CommonError(CommonErrorCode.NOT_FOUND, `${what} not found`);
export const unauthenticated = (message = 'Authentication required') =>
  new CommonError(CommonErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this') =>
  new CommonError(CommonErrorCode.FORBIDDEN, message);
export const reauthRequired = () =>
  new CommonError(CommonErrorCode.REAUTH_REQUIRED, 'Confirm your identity again to continue');
export const enrollmentRequired = () =>
  new CommonError(CommonErrorCode.TWO_FACTOR_ENROLLMENT_REQUIRED, 'Set up two-factor authentication to continue');
/** `retryAfterSeconds` is a whole number, at least 1 (API.md). */
export const tooManyAttempts = (retryAfterSeconds: number, message = 'Too many attempts, try again later') =>
  new CommonError(CommonErrorCode.TOO_MANY_ATTEMPTS, message, {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });
