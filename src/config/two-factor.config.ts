import { registerAs } from '@nestjs/config';

/** The limits of API.md, in one place. */
export const twoFactorConfig = registerAs('twoFactor', () => ({
  issuer: process.env.TOTP_ISSUER || 'CloudCX',
  emailCodeTtlSeconds: 600,
  triesPerCode: 5,
  failuresBeforeLock: 10,
  lockSeconds: 900,
  resendIntervalSeconds: 30,
}));
export type TwoFactorConfig = ReturnType<typeof twoFactorConfig>;
