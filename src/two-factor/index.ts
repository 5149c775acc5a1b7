/**
 * The public surface of the two-factor module: other modules import only this file (and resolvers
 * `./graphql` for the GraphQL types, kept apart so services never reach @nestjs/graphql).
 */
export { TwoFactorModule } from './two-factor.module';
export { TwoFactorMethod } from './two-factor-method';
export { EmailCodePurpose } from './email-code.entity';
export { SecondFactors } from './second-factor';
export type { CheckContext, FactorCheck, SecondFactor, VerifiedFactor } from './second-factor';
export { TwoFactorService, enabledMethodsOf } from './two-factor.service';
export type { MethodFilter, MethodsState } from './two-factor.service';
export { AccountLock } from './account-lock.service';
export { EmailCodeFactor, maskEmail, withCheck } from './email-code.factor';
export type { CodeDelivery } from './email-code.factor';
export { TotpFactor } from './totp.factor';
export type { TotpEnrollment } from './totp.factor';
export { CodeRefusal, TwoFactorError } from './two-factor.errors';
/** For the seed and the benchmark, which act as an authenticator app. */
export { generateTotpSecret, totpCode, TOTP_PERIOD } from './totp';
