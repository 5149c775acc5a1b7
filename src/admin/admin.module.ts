import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BackupCodesModule } from '../backup-codes/backup-codes.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SsoModule } from '../sso/sso.module';
import { TwoFactorModule } from '../two-factor';
import { WebAuthnModule } from '../webauthn';
import { UsersModule } from '../users/users.module';
import { AdminLifecycleResolver } from './admin-lifecycle.resolver';
import { AdminLifecycleService } from './admin-lifecycle.service';
import { AdminResolver } from './admin.resolver';
import { AdminService } from './admin.service';

/** Owns no tables: reads and acts through the other modules' services. Nothing imports it. */
@Module({
  imports: [UsersModule, AuthModule, TwoFactorModule, BackupCodesModule, SecurityEventsModule, SsoModule, WebAuthnModule],
  providers: [AdminService, AdminResolver, AdminLifecycleService, AdminLifecycleResolver],
})
export class AdminModule {}
