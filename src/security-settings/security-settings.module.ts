import { Module } from '@nestjs/common';
import { BackupCodesModule } from '../backup-codes/backup-codes.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { TwoFactorModule } from '../two-factor';
import { WebAuthnModule } from '../webauthn';
import { UsersModule } from '../users/users.module';
import { TrustedDevicesModule } from '../trusted-devices/trusted-devices.module';
import { SecuritySettingsResolver } from './security-settings.resolver';
import { SecuritySettingsService } from './security-settings.service';

/** Profile > User Setting > Two-Factor Authentication: turning methods on and off, backup codes. */
@Module({
  imports: [UsersModule, TwoFactorModule, BackupCodesModule, SecurityEventsModule, TrustedDevicesModule, WebAuthnModule],
  providers: [SecuritySettingsService, SecuritySettingsResolver],
  exports: [SecuritySettingsService],
})
export class SecuritySettingsModule {}
