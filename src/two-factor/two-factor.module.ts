import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailerModule } from '../mailer/mailer.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { EmailCodeEntity } from './email-code.entity';
import { EmailCodesPurge } from './email-codes.purge';
import { TwoFactorSettingsEntity } from './two-factor-settings.entity';
import { TwoFactorService } from './two-factor.service';

@Module({
  imports: [TypeOrmModule.forFeature([TwoFactorSettingsEntity, EmailCodeEntity]), MailerModule, SecurityEventsModule],
  providers: [TwoFactorService, EmailCodesPurge],
  exports: [TwoFactorService],
})
export class TwoFactorModule {}
