import { Module, ValidationPipe } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { ValidationError } from 'class-validator';
import { AccountSecurityModule } from './account-security/account-security.module';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { ClockModule } from './common/clock/clock';
import { CryptoModule } from './common/crypto/crypto.module';
import { validationError } from './common/errors/domain-error';
import { ApiExceptionFilter } from './common/errors/error.filter';
import { appConfig } from './config/app.config';
import { authConfig } from './config/auth.config';
import { cryptoConfig } from './config/crypto.config';
import { databaseConfig } from './config/database.config';
import { mailConfig } from './config/mail.config';
import { twoFactorConfig } from './config/two-factor.config';
import { webauthnConfig } from './config/webauthn.config';
import { httpConfig } from './config/http.config';
import { HealthModule } from './health/health.module';
import { HousekeepingModule } from './housekeeping/housekeeping.module';
import { LoggingModule } from './logging/logging.module';
import { DatabaseModule } from './database/database.module';
import { graphqlOptions } from './graphql.options';
import { MailerModule } from './mailer/mailer.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { SecurityEventsModule } from './security-events/security-events.module';
import { SecurityPolicyModule } from './security-policy/security-policy.module';
import { SecuritySettingsModule } from './security-settings/security-settings.module';
import { SsoModule } from './sso/sso.module';
import { TrustedDevicesModule } from './trusted-devices/trusted-devices.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

function firstMessages(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}),
    ...firstMessages(e.children ?? []),
  ]);
}

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [appConfig, authConfig, cryptoConfig, databaseConfig, mailConfig, twoFactorConfig, webauthnConfig, httpConfig],
    }),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({ driver: ApolloDriver, useFactory: graphqlOptions, inject: [httpConfig.KEY] }),
    LoggingModule,
    HealthModule,
    DatabaseModule,
    HousekeepingModule,
    RateLimitModule, // before AuthModule: global guards run in import order, and the rate limit must run first
    ClockModule,
    CryptoModule,
    MailerModule,
    UsersModule,
    SecurityEventsModule,
    SecurityPolicyModule,
    TrustedDevicesModule,
    AuthModule,
    SecuritySettingsModule,
    SsoModule,
    PasswordResetModule,
    AccountSecurityModule,
    AdminModule,
    WebModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({
        whitelist: true,
        forbidUnknownValues: false,
        stopAtFirstError: true,
        exceptionFactory: (errors) => validationError(firstMessages(errors).join('; ') || 'Invalid input'),
      }),
    },
  ],
})
export class AppModule {}
