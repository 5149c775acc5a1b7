import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BackupCodesModule } from '../backup-codes/backup-codes.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { TwoFactorModule } from '../two-factor';
import { WebAuthnModule } from '../webauthn';
import { PasskeyLoginService } from './login/passkey-login.service';
import { UsersModule } from '../users/users.module';
import { TrustedDevicesModule } from '../trusted-devices/trusted-devices.module';
import { AuthGuard } from './guard/auth.guard';
import { AuthPurge } from './auth.purge';
import { AuthResolver } from './login/auth.resolver';
import { AuthService } from './login/auth.service';
import { CodeVerifier } from './login/code-verifier';
import { LoginChallengeEntity } from './challenges/login-challenge.entity';
import { LoginChallengesService } from './challenges/login-challenges.service';
import { LoginThrottle } from './login/login-throttle';
import { PendingActionRegistry } from './login/pending-actions';
import { SessionEntity } from './sessions/session.entity';
import { SessionsService } from './sessions/sessions.service';
import { ActiveSessionsService } from './sessions/active-sessions.service';
import { SessionCookie } from './sessions/session-cookie';
import { SessionCookieInterceptor } from './sessions/session-cookie.interceptor';
import { SessionsResolver } from './sessions/sessions.resolver';
import { SignInVoiders } from './login/sign-in-voiders';

/** Sign-in: password → challenge → session, re-authentication, sessions and the global guard. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SessionEntity, LoginChallengeEntity]),
    UsersModule,
    SecurityEventsModule,
    TwoFactorModule,
    TrustedDevicesModule,
    // Registers the backup-code factor; auth never calls it by name.
    BackupCodesModule,
    // Registers the passkey factor; auth also runs the passwordless sign-in with it.
    WebAuthnModule,
  ],
  providers: [
    AuthService,
    PasskeyLoginService,
    SessionsService,
    ActiveSessionsService,
    SessionCookie,
    SessionsResolver,
    LoginThrottle,
    LoginChallengesService,
    CodeVerifier,
    PendingActionRegistry,
    SignInVoiders,
    AuthResolver,
    AuthPurge,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: SessionCookieInterceptor },
  ],
  exports: [AuthService, SessionsService, SessionCookie, PendingActionRegistry, SignInVoiders],
})
export class AuthModule {}
