import { Module } from '@nestjs/common';
import { BackupCodesModule } from '../backup-codes/backup-codes.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SsoModule } from '../sso/sso.module';
import { TwoFactorModule } from '../two-factor';
import { WebAuthnModule } from '../webauthn';
import { UsersModule } from '../users/users.module';
import { AccountSecurityLoaders } from './account-security.loaders';
import { AccountSecurityCredentialsResolver, AuthSessionEnrollmentResolver, SecurityEventResolver, UserSecurityResolver } from './account-security.resolver';

/**
 * `User.security` reads every feature, so it is resolved here, above them all, instead of
 * making `users` import the features (CONVENTIONS.md).
 */
@Module({
  imports: [UsersModule, TwoFactorModule, BackupCodesModule, SecurityEventsModule, SsoModule, WebAuthnModule],
  providers: [AccountSecurityLoaders, UserSecurityResolver, AccountSecurityCredentialsResolver, SecurityEventResolver, AuthSessionEnrollmentResolver],
  exports: [AccountSecurityLoaders],
})
export class AccountSecurityModule {}
