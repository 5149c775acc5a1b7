/** Event types of API.md (at least these), plus a few more a console wants. */
export enum SecurityEventType {
  LOGIN = 'LOGIN',
  LOGIN_FAILED = 'LOGIN_FAILED',
  LOGOUT = 'LOGOUT',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  TWO_FACTOR_FAILED = 'TWO_FACTOR_FAILED',
  EMAIL_2FA_ENABLED = 'EMAIL_2FA_ENABLED',
  EMAIL_2FA_DISABLED = 'EMAIL_2FA_DISABLED',
  TOTP_ENABLED = 'TOTP_ENABLED',
  TOTP_DISABLED = 'TOTP_DISABLED',
  BACKUP_CODE_USED = 'BACKUP_CODE_USED',
  BACKUP_CODES_REGENERATED = 'BACKUP_CODES_REGENERATED',
  SSO_LINKED = 'SSO_LINKED',
  SSO_UNLINKED = 'SSO_UNLINKED',
  SSO_LOGIN = 'SSO_LOGIN',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  ADMIN_2FA_RESET = 'ADMIN_2FA_RESET',
  ADMIN_UNLOCK = 'ADMIN_UNLOCK',
  USER_CREATED = 'USER_CREATED',
  // Part 2, "Holding under attack"
  PASSWORD_CHANGE_FAILED = 'PASSWORD_CHANGE_FAILED',
  SSO_PROVIDER_CONFIGURED = 'SSO_PROVIDER_CONFIGURED',
  SSO_PROVIDER_REMOVED = 'SSO_PROVIDER_REMOVED',
  ADMIN_SSO_UNLINK = 'ADMIN_SSO_UNLINK',
  /** A wrong password in reauthenticate (changePassword has its own type). */
  REAUTH_FAILED = 'REAUTH_FAILED',
  // Part 2, "2FA policy and account lifecycle"
  SECURITY_POLICY_CHANGED = 'SECURITY_POLICY_CHANGED',
  USER_INVITED = 'USER_INVITED',
  USER_DEACTIVATED = 'USER_DEACTIVATED',
  USER_REACTIVATED = 'USER_REACTIVATED',
  ROLE_CHANGED = 'ROLE_CHANGED',
  PASSWORD_RESET_REQUESTED = 'PASSWORD_RESET_REQUESTED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  // Part 2, "Browser sessions, active sessions, trusted devices" (trusted browsers, new-device alerts)
  TRUSTED_DEVICE_ADDED = 'TRUSTED_DEVICE_ADDED',
  TRUSTED_DEVICE_REVOKED = 'TRUSTED_DEVICE_REVOKED',
  NEW_DEVICE_LOGIN = 'NEW_DEVICE_LOGIN',
  // Part 2, "Browser sessions, active sessions, trusted devices"
  /** A session ended by its user (one, or all others) or by an admin (actor), not a plain logout. */
  SESSION_REVOKED = 'SESSION_REVOKED',
  // Part 2, "Passkeys and security keys"
  WEBAUTHN_ADDED = 'WEBAUTHN_ADDED',
  WEBAUTHN_REMOVED = 'WEBAUTHN_REMOVED',
  PASSKEY_LOGIN = 'PASSKEY_LOGIN',
  /** An assertion whose signature counter went backwards (a cloned authenticator): refused. */
  WEBAUTHN_COUNTER_ERROR = 'WEBAUTHN_COUNTER_ERROR',
}
