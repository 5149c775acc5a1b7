import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MailerModule } from '../mailer/mailer.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { UsersModule } from '../users/users.module';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { PasswordResetTokensService } from './password-reset-tokens.service';
import { PasswordResetResolver } from './password-reset.resolver';
import { PasswordResetService } from './password-reset.service';

/**
 * Password reset by emailed link and invitations (API.md Part 2). Above auth: a completed reset
 * is a sign-in (auth's challenge, pending action and session).
 */
@Module({
  imports: [TypeOrmModule.forFeature([PasswordResetTokenEntity]), AuthModule, UsersModule, SecurityEventsModule, MailerModule],
  providers: [PasswordResetService, PasswordResetTokensService, PasswordResetResolver],
  exports: [PasswordResetService],
})
export class PasswordResetModule {}
