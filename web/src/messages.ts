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

// ---- Sign-in and its limits (issue 15): the sentences of the code limits, from the errors' extensions.

/** "Today 5:44 PM"-style end of a lock, in the person's own time zone. */
const lockEnd = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A locked account: until when, and who can help. */
export function lockedSentence(lockedUntil: string): string {
  return `Too many wrong codes: code checks for your account are locked until ${lockEnd(lockedUntil)}. Try again after that time, or ask your administrator to unlock your account.`;
}

/** "4 tries left." (nothing when the error does not say). */
export function triesLeftSentence(e: ApiError): string {
  const n = e.extensions.attemptsLeft;
  return typeof n === 'number' && n > 0 ? ` ${n === 1 ? '1 try' : `${n} tries`} left.` : '';
}

/** Whether an error ends a sign-in attempt for good (the page offers only "Sign in again"). */
export function endsSignIn(e: unknown): boolean {
  if (!(e instanceof ApiError)) return false;
  const reason = e.extensions.reason;
  if (e.code === 'TOO_MANY_ATTEMPTS') return reason === 'ACCOUNT_LOCKED';
  if (e.code === 'INVALID_CODE') return e.extensions.attemptsLeft === 0 || typeof e.extensions.lockedUntil === 'string';
  if (e.code === 'CODE_EXPIRED') return reason === 'TOO_MANY_TRIES' || reason === 'SIGN_IN_EXPIRED' || reason === 'SIGN_IN_ENDED' || (!reason && /sign-in|sign in again/i.test(e.message));
  return e.code === 'UNAUTHENTICATED' && /sign-in attempt/i.test(e.message);
}

/** The wait of the re-send limit, as a countdown sentence. */
export const resendWaitSentence = (seconds: number) => `You can request a new code in ${Math.max(0, Math.ceil(seconds))} s.`;

/** What to tell the person after a failed call. */
export function describeError(e: unknown): string {
  if (!(e instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (e.code) {
    case 'INVALID_CODE': {
      if (typeof e.extensions.lockedUntil === 'string') return `That code is not right. ${lockedSentence(e.extensions.lockedUntil)}`;
      const first = e.extensions.reason === 'ALREADY_USED' ? 'That code was already used; wait for the next one.' : 'That code is not right. Check it and try again.';
      // Account-wide tries (10) are worth a word only when few are left; a sign-in step says its own.
      const n = e.extensions.attemptsLeft;
      return typeof n === 'number' && n <= 3 ? `${first}${triesLeftSentence(e)}` : first;
    }
    case 'CODE_EXPIRED':
      switch (e.extensions.reason) {
        case 'TOO_MANY_TRIES':
          return 'This sign-in attempt was stopped after too many wrong codes. Sign in again.';
        case 'SIGN_IN_EXPIRED':
        case 'SIGN_IN_ENDED':
          return 'This sign-in attempt has expired. Sign in again.';
        case 'CODE_TOO_MANY_TRIES':
          return 'That code had too many wrong tries and no longer works. Request a new code.';
        default:
          return /sign-in|sign in again/i.test(e.message)
            ? 'This sign-in attempt has expired. Start again.'
            : 'That code has expired or was replaced by a newer one. Request a new code.';
      }
    case 'TOO_MANY_ATTEMPTS':
      if (e.extensions.reason === 'ACCOUNT_LOCKED' && typeof e.extensions.lockedUntil === 'string') return lockedSentence(e.extensions.lockedUntil);
      if (e.extensions.reason === 'RESEND_TOO_SOON' && e.retryAfterSeconds) return `A code was sent a moment ago. ${resendWaitSentence(e.retryAfterSeconds)}`;
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
