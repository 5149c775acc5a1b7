import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BackupCodesModule } from '../backup-codes/backup-codes.module';
import { MailerModule } from '../mailer/mailer.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { UsersModule } from '../users/users.module';
import { AuthGuard } from './auth.guard';
import { AuthPurge } from './auth.purge';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { CodeVerifier } from './code-verifier';
import { LoginChallengeEntity } from './login-challenge.entity';
import { LoginChallengesService } from './login-challenges.service';
import { LoginThrottle } from './login-throttle';
import { PendingActionRegistry } from './pending-actions';
import { SecurityNotifier } from './security-notifier';
import { SessionEntity } from './session.entity';
import { SessionsService } from './sessions.service';
import { SignInVoiders } from './sign-in-voiders';
import { TwoFactorSettingsResolver } from './two-factor-settings.resolver';
import { TwoFactorSettingsService } from './two-factor-settings.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([SessionEntity, LoginChallengeEntity]),
    UsersModule,
    SecurityEventsModule,
    MailerModule,
    TwoFactorModule,
    BackupCodesModule,
  ],
  providers: [
    AuthService,
    SessionsService,
    LoginThrottle,
    LoginChallengesService,
    CodeVerifier,
    PendingActionRegistry,
    SignInVoiders,
    SecurityNotifier,
    AuthPurge,
    TwoFactorSettingsService,
    AuthResolver,
    TwoFactorSettingsResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionsService, PendingActionRegistry, SignInVoiders, SecurityNotifier, TwoFactorSettingsService, CodeVerifier],
})
export class AuthModule {}
