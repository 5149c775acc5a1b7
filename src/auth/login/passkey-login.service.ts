import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../../common/auth/request-context';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { Db, TransactionHost } from '../../database/transactions';
import { SecurityEventsService } from '../../security-events/security-events.service';
import { SecurityEventType } from '../../security-events/security-event-type';
import { EnrollmentService } from '../../security-policy/enrollment.service';
import { AccountLock, TwoFactorError, TwoFactorMethod } from '../../two-factor';
import { UserStatus } from '../../users/user-status.enum';
import { UsersError } from '../../users/users.errors';
import { UsersService } from '../../users/users.service';
import { CeremonyPurpose, WebAuthnService } from '../../webauthn';
import { SignInMethod } from '../sessions/sign-in-method';
import { AuthService, SessionResult } from './auth.service';
import { LoginThrottle } from './login-throttle';

/**
 * Passwordless sign-in with a discoverable passkey (API.md Part 2): user verification required,
 * counts as both factors. The ceremony is bound to the login token handed to whoever began it.
 * Limits as for a login: a slot of the address's failed-login budget is reserved before the
 * check (a failed assertion keeps it), and the account's code-check budget (AccountLock) once
 * the credential names the account.
 */
@Injectable()
export class PasskeyLoginService {
  constructor(
    private readonly webauthn: WebAuthnService,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
    private readonly lock: AccountLock,
    private readonly users: UsersService,
    private readonly enrollment: EnrollmentService,
    private readonly events: SecurityEventsService,
    private readonly tx: TransactionHost<Db>,
  ) {}

  async begin(): Promise<{ loginToken: string; options: string }> {
    const loginToken = randomToken(32);
    const options = await this.webauthn.beginAuthentication(CeremonyPurpose.PASSKEY_LOGIN, { loginTokenHash: sha256(loginToken) });
    return { loginToken, options };
  }

  async finish(loginToken: string, response: string, meta: RequestMeta, deviceToken: string | null): Promise<SessionResult> {
    const startedAt = new Date();
    const releaseAddress = await this.throttle.reserve(meta.ip);
    let result: SessionResult;
    try {
      const resolved = await this.webauthn.resolveAssertion(response, CeremonyPurpose.PASSKEY_LOGIN, { loginTokenHash: sha256(loginToken) });
      const user = await this.users.findById(resolved.credential.userId);
      // A deactivated (or not yet active) account gets what a wrong password gets.
      if (!user || user.status !== UserStatus.ACTIVE) throw UsersError.invalidCredentials();
      // A policy that no longer allows passkeys for the role: the method is not usable (FORBIDDEN).
      await this.enrollment.assertMethodAllowed(user, TwoFactorMethod.WEBAUTHN);
      // A valid assertion that loses the ceremony (or the counter) to a concurrent use of it gives
      // its check back (`budgeted`'s settle).
      result = await this.lock.budgeted(
        user.id,
        meta,
        () =>
          this.webauthn.checkAssertion(resolved, {
            requireUserVerification: true,
            onCounterRegression: (c) =>
              this.events.record({ userId: user.id, type: SecurityEventType.WEBAUTHN_COUNTER_ERROR, meta, detail: `"${c.name}": signature counter went backwards (a cloned key?)` }),
          }),
        (verified) =>
          this.tx.withTransaction(async () => {
            await this.webauthn.consumeAssertion(verified);
            await this.lock.recordSuccess(user.id);
            return this.auth.issueSession(user, meta, SecurityEventType.PASSKEY_LOGIN, `"${verified.credential.name}"`, { recent: true, signedInWith: SignInMethod.PASSKEY });
          }),
      );
    } catch (e) {
      // A refused assertion is a failed sign-in from this address; anything else was no guess.
      if (!TwoFactorError.isInvalidCode(e) && !(e instanceof UsersError)) await releaseAddress();
      throw e;
    }
    await releaseAddress();
    await this.auth.alertIfNewBrowser(result.user, meta, deviceToken, startedAt);
    return result;
  }
}
