import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { TwoFactorModule } from '../two-factor';
import { WebAuthnChallengeEntity } from './webauthn-challenge.entity';
import { WebAuthnCredentialEntity } from './webauthn-credential.entity';
import { WebAuthnFactor } from './webauthn.factor';
import { WebAuthnChallengesPurge } from './webauthn.purge';
import { WebAuthnService } from './webauthn.service';

/** Passkeys and security keys: a primary factor beside email and TOTP (it registers with SecondFactors). */
@Module({
  imports: [TypeOrmModule.forFeature([WebAuthnCredentialEntity, WebAuthnChallengeEntity]), TwoFactorModule, SecurityEventsModule],
  providers: [WebAuthnService, WebAuthnFactor, WebAuthnChallengesPurge],
  exports: [WebAuthnService],
})
export class WebAuthnModule {}
