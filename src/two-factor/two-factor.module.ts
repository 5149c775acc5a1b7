import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailerModule } from '../mailer/mailer.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { UsersModule } from '../users/users.module';
import { AccountLock } from './account-lock.service';
import { EmailCodeEntity } from './email-code.entity';
import { EmailCodeFactor } from './email-code.factor';
import { EmailCodesPurge } from './email-codes.purge';
import { SecondFactors } from './second-factor';
import { TotpFactor } from './totp.factor';
import { TwoFactorSettingsEntity } from './two-factor-settings.entity';
import { TwoFactorService } from './two-factor.service';

@Module({
  imports: [TypeOrmModule.forFeature([TwoFactorSettingsEntity, EmailCodeEntity]), MailerModule, SecurityEventsModule, UsersModule],
  // Factor order is the order a challenge lists the methods in.
  providers: [SecondFactors, TwoFactorService, AccountLock, EmailCodeFactor, TotpFactor, EmailCodesPurge],
  exports: [SecondFactors, TwoFactorService, AccountLock, EmailCodeFactor, TotpFactor],
})
export class TwoFactorModule {}
