import { ApiError } from './api';
import type { Method } from './ops';

/** `?error=` codes of the SSO redirects, as sentences a person can act on. */
const SSO_ERRORS: Record<string, string> = {
  provider_not_configured: 'This sign-in option is not available right now. Sign in with your email and password, or ask your administrator.',
  invalid_state: 'The single sign-on attempt expired or was started in another window. Please try again.',
  access_denied: 'Single sign-on was cancelled, or the provider did not allow access to your account.',
  provider_error: 'The identity provider reported a problem. Please try again in a moment.',
  provider_unavailable: 'The identity provider could not be reached. Please try again in a moment.',
  too_many_requests: 'Too many sign-in attempts from your network. Please wait a minute and try again.',
  invalid_token: 'The identity provider sent a sign-in we could not verify. Please try again, or ask your administrator.',
  already_linked: 'That account is already connected to a different CloudCX user.',
};

export function ssoErrorSentence(code: string): string {
  return SSO_ERRORS[code] ?? 'Single sign-on did not complete. Please try again.';
}

const minutes = (s: number) => (s >= 90 ? `${Math.ceil(s / 60)} minutes` : `${s} seconds`);

/** What to tell the person after a failed call. */
export function describeError(e: unknown): string {
  if (!(e instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (e.code) {
    case 'INVALID_CODE':
      return 'That code is not right. Check it and try again.';
    case 'CODE_EXPIRED':
      return /sign-in|sign in again/i.test(e.message)
        ? 'This sign-in attempt has expired. Start again.'
        : 'That code has expired or was replaced by a newer one. Request a new code.';
    case 'TOO_MANY_ATTEMPTS':
      return e.retryAfterSeconds ? `Too many attempts. Try again in ${minutes(e.retryAfterSeconds)}.` : 'Too many attempts. Try again later.';
    case 'FORBIDDEN':
      return 'You do not have permission to do that.';
    case 'PROVIDER_NOT_CONFIGURED':
      return SSO_ERRORS.provider_not_configured;
    case 'MAIL_DELIVERY_FAILED':
      return 'We could not send the email. Try again in a moment.';
    case 'SERVICE_UNAVAILABLE':
    case 'INTERNAL_SERVER_ERROR':
      return 'The service had a problem. Please try again in a moment.';
    default:
      return e.message;
  }
}

export const METHOD_LABEL: Record<Method, string> = {
  TOTP: 'Authenticator app code',
  EMAIL: 'Email me a code',
  BACKUP_CODE: 'Backup code',
  WEBAUTHN: 'Passkey or security key',
};

const EVENT_LABEL: Record<string, string> = {
  LOGIN: 'Signed in',
  LOGIN_FAILED: 'Failed sign-in',
  LOGOUT: 'Signed out',
  TWO_FACTOR_FAILED: 'Wrong verification code',
  EMAIL_2FA_ENABLED: 'Email codes turned on',
  EMAIL_2FA_DISABLED: 'Email codes turned off',
  TOTP_ENABLED: 'Authenticator app turned on',
  TOTP_DISABLED: 'Authenticator app turned off',
  BACKUP_CODE_USED: 'Backup code used',
  BACKUP_CODES_REGENERATED: 'New backup codes generated',
  SSO_LINKED: 'Single sign-on connected',
  SSO_UNLINKED: 'Single sign-on disconnected',
  SSO_LOGIN: 'Signed in with single sign-on',
  ACCOUNT_LOCKED: 'Code checks locked',
  ADMIN_2FA_RESET: 'Two-factor reset by an administrator',
  ADMIN_UNLOCK: 'Unlocked by an administrator',
  PASSWORD_CHANGED: 'Password changed',
  PASSWORD_CHANGE_FAILED: 'Wrong current password when changing it',
  REAUTH_FAILED: 'Wrong password when confirming it’s you',
  USER_CREATED: 'Account created',
  USER_DEACTIVATED: 'Account deactivated',
  USER_REACTIVATED: 'Account reactivated',
  ROLE_CHANGED: 'Role changed',
  ADMIN_SSO_UNLINK: 'Single sign-on removed by an administrator',
  WEBAUTHN_ADDED: 'Passkey or security key added',
  WEBAUTHN_REMOVED: 'Passkey or security key removed',
  PASSKEY_LOGIN: 'Signed in with a passkey',
  WEBAUTHN_COUNTER_ERROR: 'Passkey or security key refused (it may have been copied)',
};
export const eventLabel = (type: string) => EVENT_LABEL[type] ?? type.charAt(0) + type.slice(1).toLowerCase().replace(/_/g, ' ');
