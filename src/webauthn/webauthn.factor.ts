import { Injectable, OnModuleInit } from '@nestjs/common';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { CheckContext, EmailCodePurpose, FactorCheck, SecondFactor, SecondFactors, TwoFactorError, TwoFactorMethod, TwoFactorService } from '../two-factor';
import { CeremonyBinding, VerifiedAssertion, WebAuthnService } from './webauthn.service';
import { CeremonyPurpose } from './webauthn-challenge.entity';

/**
 * Passkeys and security keys as a second factor: the "code" is the AuthenticationResponseJSON of
 * the ceremony the caller began (a login challenge's, or the session's re-authentication). It is
 * verified outside the transaction; the ceremony and the counter are used up inside it, so the
 * same assertion twice (a replay, or a race) signs in once. A counter that went backwards is a
 * cloned authenticator: refused as a wrong code and recorded (WEBAUTHN_COUNTER_ERROR).
 */
@Injectable()
export class WebAuthnFactor implements SecondFactor, OnModuleInit {
  readonly method = TwoFactorMethod.WEBAUTHN;
  readonly fallback = false;

  constructor(
    private readonly webauthn: WebAuthnService,
    private readonly twoFactor: TwoFactorService,
    private readonly factors: SecondFactors,
    private readonly events: SecurityEventsService,
  ) {}

  onModuleInit(): void {
    this.factors.register(this);
  }

  async isEnabled(userId: string): Promise<boolean> {
    return !!(await this.twoFactor.find(userId))?.webauthnEnabledAt;
  }

  /** Where a check's ceremony was begun: the login challenge, or the re-authenticating session. */
  static bindingOf(userId: string, ctx: CheckContext): { purpose: CeremonyPurpose; binding: CeremonyBinding } {
    if (ctx.challengeId) return { purpose: CeremonyPurpose.LOGIN, binding: { userId, loginChallengeId: ctx.challengeId } };
    if (ctx.purpose === EmailCodePurpose.REAUTH && ctx.sessionId) return { purpose: CeremonyPurpose.REAUTH, binding: { userId, sessionId: ctx.sessionId } };
    throw TwoFactorError.notEnabled('A passkey check here');
  }

  async begin(userId: string, ctx: CheckContext): Promise<FactorCheck> {
    if (!(await this.isEnabled(userId))) throw TwoFactorError.notEnabled('A passkey or security key');
    const { purpose, binding } = WebAuthnFactor.bindingOf(userId, ctx);
    let verified: VerifiedAssertion | null = null;
    return {
      compare: async (code: string) => {
        const resolved = await this.webauthn.resolveAssertion(code, purpose, binding, userId);
        verified = await this.webauthn.checkAssertion(resolved, {
          requireUserVerification: false,
          onCounterRegression: (c) =>
            this.events.record({ userId, type: SecurityEventType.WEBAUTHN_COUNTER_ERROR, meta: ctx.meta ?? null, detail: `"${c.name}": signature counter went backwards (a cloned key?)` }),
        });
      },
      consume: async () => {
        if (!verified) throw TwoFactorError.invalidCode('passkey assertion not compared');
        await this.webauthn.consumeAssertion(verified);
        return { method: this.method };
      },
      release: async () => undefined,
    };
  }
}
