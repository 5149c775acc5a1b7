import { Injectable, Logger } from '@nestjs/common';
import { RequestMeta } from '../../common/auth/request-context';
import { validationError } from '../../common/errors/domain-error';
import { Db, TransactionHost } from '../../database/transactions';
import { SecurityEventsService } from '../../security-events/security-events.service';
import { SecurityEventType } from '../../security-events/security-event-type';
import { AccountLock, CodeDelivery, EmailCodeFactor, EmailCodePurpose, TwoFactorError, TwoFactorMethod, TwoFactorService } from '../../two-factor';
import { UserEntity } from '../../users/user.entity';
import { UsersError } from '../../users/users.errors';
import { UsersService } from '../../users/users.service';
import { AuthError } from '../auth.errors';
import { CodeVerifier } from './code-verifier';
import { CHALLENGE_MAX_TRIES, LoginChallengesService } from '../challenges/login-challenges.service';
import { LoginOutcome, PendingAction, SessionResult } from './login-outcome';
import { LoginThrottle } from './login-throttle';
import { PendingActionRegistry } from './pending-actions';
import { SecurityNotifier } from '../../security-events/security-notifier';
import { IssueOptions, SessionsService } from '../sessions/sessions.service';
import { SignInMethod } from '../sessions/sign-in-method';
import { SignInVoiders } from './sign-in-voiders';
import { Role } from '../../users/role.enum';
import { EnrollmentService } from '../../security-policy/enrollment.service';
import { RememberedDevice, TrustedDevicesService } from '../../trusted-devices/trusted-devices.service';
import { TrustedDeviceEntity } from '../../trusted-devices/trusted-device.entity';
import { CeremonyPurpose, WebAuthnService } from '../../webauthn';

export type { SessionResult } from './login-outcome';

export interface FirstFactorOptions {
  event: SecurityEventType;
  /** Whether the account's second factor is owed (SSO: the provider's requireTwoFactor). */
  requireSecondFactor: boolean;
  /**
   * How the first factor was proven. SSO: an ADMIN always owes their second factor, and a
   * session opened without it is not "recent" (API.md Part 2).
   */
  via?: 'PASSWORD' | 'SSO';
  pendingAction?: PendingAction;
  eventDetail?: string;
  /** Methods this sign-in must not offer (a password reset mailed its link: never EMAIL). */
  excludeMethods?: TwoFactorMethod[];
  /**
   * What the session records as `signedInWith` when no challenge is asked (a trusted browser:
   * TRUSTED_DEVICE). Default: SSO for `via: 'SSO'`, else PASSWORD.
   */
  signedInWith?: SignInMethod;
}

/** The login flow: password → (challenge → second factor) → session; and re-authentication. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly events: SecurityEventsService,
    private readonly challenges: LoginChallengesService,
    private readonly verifier: CodeVerifier,
    private readonly twoFactor: TwoFactorService,
    private readonly lock: AccountLock,
    private readonly emailCodes: EmailCodeFactor,
    private readonly pending: PendingActionRegistry,
    private readonly notifier: SecurityNotifier,
    private readonly tx: TransactionHost<Db>,
    private readonly voiders: SignInVoiders,
    private readonly enrollment: EnrollmentService,
    private readonly trustedDevices: TrustedDevicesService,
    private readonly webauthn: WebAuthnService,
  ) {}

  private readonly logger = new Logger(AuthService.name);

  /**
   * Password check under the per-address limits: a slot is reserved before argon2 runs and given
   * back when the password was right (successful logins do not count) or never checked (busy).
   * `trustedDevice`: a live trusted browser of the account named, which counts against its own
   * budget instead of the address's (LoginThrottle.reserveLogin). Records LOGIN_FAILED for known accounts.
   */
  async authenticatePassword(email: string, password: string, meta: RequestMeta, trustedDevice: TrustedDeviceEntity | null = null): Promise<UserEntity> {
    const release = await this.throttle.reserveLogin(meta.ip, email, trustedDevice?.id ?? null);
    try {
      const user = await this.users.verifyCredentials(email, password);
      await release();
      return user;
    } catch (e) {
      if (!(e instanceof UsersError)) {
        await release();
        throw e;
      }
      const known = await this.users.findByEmail(email);
      if (known) await this.events.record({ userId: known.id, type: SecurityEventType.LOGIN_FAILED, meta });
      throw e;
    }
  }

  /**
   * `deviceToken`: the browser's device cookie. A live trusted device of this account skips the
   * second factor (never for phishingResistantFor roles, nor with trustedDeviceDays 0: see
   * TrustedDevicesService.findForAccount) and is exempt from the address's failure limits.
   */
  async login(email: string, password: string, meta: RequestMeta, deviceToken: string | null = null): Promise<LoginOutcome> {
    const startedAt = new Date();
    const device = await this.trustedDevices.findForAccount(deviceToken, email);
    const user = await this.authenticatePassword(email, password, meta, device);
    const trusted = device !== null && device.userId === user.id;
    const outcome = await this.completeFirstFactor(user, meta, {
      event: SecurityEventType.LOGIN,
      requireSecondFactor: !trusted,
      ...(trusted ? { eventDetail: 'trusted browser', signedInWith: SignInMethod.TRUSTED_DEVICE } : {}),
    });
    if (outcome.kind === 'session') {
      if (trusted) await this.trustedDevices.markUsed(device.id);
      await this.alertIfNewBrowser(outcome.user, meta, deviceToken, startedAt);
    }
    return outcome;
  }

  /**
   * After a committed sign-in: the new-device alert when the browser is not known to the account.
   * Never fails the sign-in (it happened); a failure is logged.
   */
  async alertIfNewBrowser(user: UserEntity, meta: RequestMeta, deviceToken: string | null, startedAt: Date): Promise<void> {
    try {
      if (!(await this.trustedDevices.isKnownBrowser(user.id, deviceToken, meta, startedAt))) await this.trustedDevices.alertNewDevice(user, meta);
    } catch (e) {
      this.logger.warn(`new-device check for user ${user.id} failed: ${(e as Error)?.message ?? e}`);
    }
  }

  /**
   * After a proven first factor (password or SSO identity): a challenge when a second factor is
   * owed, else the pending action (if any) and a session.
   */
  async completeFirstFactor(user: UserEntity, meta: RequestMeta, opts: FirstFactorOptions): Promise<LoginOutcome> {
    const viaSso = opts.via === 'SSO';
    const owed = opts.requireSecondFactor || (viaSso && user.role === Role.ADMIN);
    // Methods the policy does not allow for the role are never offered (API.md Part 2); with no
    // allowed method left the account signs in on its password and is held to the enrolment rules.
    const exclude = owed ? [...(opts.excludeMethods ?? []), ...(await this.enrollment.disallowedMethods(user.role))] : [];
    const methods = owed ? await this.verifier.offeredMethods(user.id, exclude) : [];
    if (methods.length) {
      const { token, challenge } = await this.challenges.create(user.id, opts.event, opts.eventDetail ?? null, opts.pendingAction ?? null, methods);
      // Said up front, so the page can tell a locked account before any code is typed (issue 15).
      const lock = await this.lock.status(user.id);
      return {
        kind: 'challenge', challengeToken: token, methods, expiresAt: challenge.expiresAt,
        attemptsLeft: Math.min(CHALLENGE_MAX_TRIES, lock.checksLeft), lockedUntil: lock.lockedUntil,
      };
    }
    const startedAt = new Date();
    const session = await this.tx.withTransaction(async () => {
      if (opts.pendingAction) await this.runPending(user.id, opts.pendingAction);
      return this.issueSession(user, meta, opts.event, opts.eventDetail, { recent: !viaSso, signedInWith: opts.signedInWith ?? (viaSso ? SignInMethod.SSO : SignInMethod.PASSWORD) });
    });
    // An SSO sign-in without a challenge ends here (password logins alert in login(), challenges in verifyCode()).
    if (viaSso) await this.alertIfNewBrowser(session.user, meta, null, startedAt);
    return session;
  }

  /**
   * Ends what could still turn into a sign-in for this account: live login challenges, emailed
   * codes and whatever modules above auth registered (SSO tickets). Password change, password
   * reset and admin reset call it in their transaction.
   */
  async endPendingSignIns(userId: string): Promise<void> {
    await this.challenges.voidAllForUser(userId);
    await this.twoFactor.voidEmailCodes(userId);
    // Trusted browsers sit below auth, so they are ended here rather than by a registered voider.
    await this.trustedDevices.revokeAll(userId, null, 'password change or reset, 2FA reset or deactivation');
    await this.voiders.runAll(userId);
  }

  private async runPending(userId: string, action: PendingAction) {
    const handler = this.pending.get(action.kind);
    if (!handler) throw new Error(`no handler for pending action ${action.kind}`);
    await handler(userId, action.payload);
  }

  /**
   * The session, the last-login time and the event, in the caller's transaction: one commit
   * (one fsync on MySQL) instead of three.
   */
  async issueSession(user: UserEntity, meta: RequestMeta, event: SecurityEventType | string, detail: string | null | undefined, opts: IssueOptions): Promise<SessionResult> {
    // The user row first: its exclusive lock queues concurrent sign-ins of one account. Inserting
    // the session first would take a shared lock on that row (the foreign key) and then ask for the
    // exclusive one: two sign-ins at once deadlock on MariaDB (seen: parallel logins of one admin).
    await this.users.touchLastLogin(user.id);
    const issued = await this.sessions.issue(user.id, meta, opts);
    await this.events.record({ userId: user.id, type: event as SecurityEventType, meta, detail });
    return { kind: 'session', token: issued.token, expiresAt: issued.session.expiresAt, user: { ...user, lastLoginAt: new Date() } };
  }

  async sendLoginCode(challengeToken: string): Promise<CodeDelivery> {
    const challenge = await this.challenges.live(challengeToken);
    if (!this.challenges.offers(challenge, TwoFactorMethod.EMAIL) || !(await this.verifier.availableMethods(challenge.userId)).includes(TwoFactorMethod.EMAIL)) {
      throw AuthError.methodNotAvailable();
    }
    const user = await this.users.getById(challenge.userId);
    return this.emailCodes.send(user, EmailCodePurpose.LOGIN, challenge.id);
  }

  /** Request options for the challenge's passkey step; only the latest options of a challenge can be answered. */
  async beginWebAuthnChallenge(challengeToken: string): Promise<string> {
    const challenge = await this.challenges.live(challengeToken);
    if (!this.challenges.offers(challenge, TwoFactorMethod.WEBAUTHN) || !(await this.verifier.availableMethods(challenge.userId)).includes(TwoFactorMethod.WEBAUTHN)) {
      throw AuthError.methodNotAvailable();
    }
    return this.webauthn.beginAuthentication(CeremonyPurpose.LOGIN, { userId: challenge.userId, loginChallengeId: challenge.id });
  }

  /** Request options for reauthenticate(method: WEBAUTHN), bound to this session. */
  async beginWebAuthnReauth(userId: string, sessionId: string): Promise<string> {
    if (!(await this.verifier.availableMethods(userId)).includes(TwoFactorMethod.WEBAUTHN)) throw AuthError.methodNotAvailable();
    return this.webauthn.beginAuthentication(CeremonyPurpose.REAUTH, { userId, sessionId });
  }

  /**
   * The second step (CodeVerifier): the challenge's try is reserved with the account's check, in
   * one commit before the code is looked at (its 5 tries can't be outrun); the challenge is
   * consumed in the transaction that consumes the factor, so concurrent codes on one challenge
   * use up at most one factor. A wrong code keeps its tries; anything else gives them back.
   */
  async verifyCode(
    challengeToken: string,
    method: TwoFactorMethod,
    code: string,
    meta: RequestMeta,
    opts: { rememberDevice?: boolean; deviceToken?: string | null } = {},
  ): Promise<SessionResult & { rememberedDevice?: RememberedDevice }> {
    const startedAt = new Date();
    const challenge = await this.challenges.live(challengeToken);
    if (!this.challenges.offers(challenge, method)) throw AuthError.methodNotAvailable();
    const user = await this.users.getById(challenge.userId);
    let outcome;
    try {
      outcome = await this.verifier.verify(user.id, method, code, { purpose: EmailCodePurpose.LOGIN, meta, challengeId: challenge.id }, {
        reserve: () => this.challenges.reserveTry(challenge.id),
        unreserve: () => this.challenges.releaseTry(challenge.id),
        claim: () => this.challenges.consume(challenge.id),
        finish: async (verified) => {
          if (challenge.pendingAction) await this.runPending(user.id, JSON.parse(challenge.pendingAction) as PendingAction);
          const session = await this.issueSession(user, meta, challenge.event, challenge.eventDetail, { signedInWith: SignInMethod.TWO_FACTOR });
          if (verified.backupCodesLeft !== undefined) {
            await this.backupCodeUsed(session.user, verified.backupCodesLeft, meta);
            session.backupCodesRemaining = verified.backupCodesLeft;
          }
          return session;
        },
      });
    } catch (e) {
      // The page shows the tries left before this sign-in attempt stops (0: it has); read after
      // the commit that counted this one.
      if (TwoFactorError.isInvalidCode(e)) TwoFactorError.limitAttemptsLeft(e, await this.challenges.triesLeft(challenge.id));
      throw e;
    }
    const { result } = outcome;
    await this.alertIfNewBrowser(result.user, meta, opts.deviceToken ?? null, startedAt);
    // After the factor: "Remember this browser" (null when the policy allows none for this user).
    const rememberedDevice = opts.rememberDevice ? await this.trustedDevices.remember(result.user, meta, opts.deviceToken ?? null) : null;
    return rememberedDevice ? { ...result, rememberedDevice } : result;
  }

  private async backupCodeUsed(user: UserEntity, left: number, meta: RequestMeta) {
    await this.notifier.notify(user, SecurityEventType.BACKUP_CODE_USED, 'A backup code was used', 'A backup code was used to sign in to your account.', meta, {
      detail: `${left} remaining`,
      mailDetail: `You have ${left} backup code${left === 1 ? '' : 's'} left.${left <= 2 ? ' Generate new codes soon.' : ''}`,
    });
  }

  /** Proves the user again (password, or a second factor) to open the 10-minute window. */
  async reauthenticate(userId: string, sessionId: string, input: { password?: string | null; method?: TwoFactorMethod | null; code?: string | null }, meta: RequestMeta): Promise<void> {
    const byPassword = input.password != null;
    const byCode = input.method != null || input.code != null;
    if (byPassword === byCode) throw validationError('Give either password, or method and code');
    if (byPassword) {
      await this.recheckPassword(userId, input.password!, meta, SecurityEventType.REAUTH_FAILED);
      await this.sessions.markRecent(sessionId);
      return;
    }
    if (input.method == null || input.code == null) throw validationError('method and code go together');
    const { verified } = await this.verifier.verify(userId, input.method, input.code, { purpose: EmailCodePurpose.REAUTH, meta, sessionId }, {
      finish: () => this.sessions.markRecent(sessionId),
    });
    if (verified.backupCodesLeft !== undefined) await this.backupCodeUsed(await this.users.getById(userId), verified.backupCodesLeft, meta);
  }

  /**
   * The password of a signed-in account, asked again (reauthenticate, changePassword). Limited
   * like a login per address, and per account like a code check (a stolen session must not be a
   * password oracle): both reserved before argon2 runs; a right password gives both back.
   */
  private async recheckPassword(userId: string, password: string, meta: RequestMeta, failed: SecurityEventType): Promise<void> {
    const releaseAddress = await this.throttle.reserve(meta.ip);
    let ok: boolean;
    try {
      await this.lock.reserve(userId);
    } catch (e) {
      await releaseAddress();
      throw e;
    }
    try {
      ok = await this.users.verifyPassword(userId, password);
    } catch (e) {
      await releaseAddress();
      await this.lock.release(userId);
      throw e;
    }
    if (ok) {
      await releaseAddress();
      await this.lock.release(userId);
      return;
    }
    await this.lock.recordFailure(userId, meta, 'wrong password', failed);
    throw UsersError.invalidCredentials();
  }

  async sendReauthCode(userId: string): Promise<CodeDelivery> {
    if (!(await this.verifier.availableMethods(userId)).includes(TwoFactorMethod.EMAIL)) throw AuthError.methodNotAvailable();
    return this.emailCodes.send(await this.users.getById(userId), EmailCodePurpose.REAUTH);
  }

  async logout(sessionId: string, userId: string, meta: RequestMeta): Promise<void> {
    await this.sessions.revoke(sessionId);
    await this.events.record({ userId, type: SecurityEventType.LOGOUT, meta });
  }

  /**
   * Keeps the caller's session and ends every other one, and every pending sign-in of the
   * account (challenges, emailed codes, SSO tickets), in one transaction (API.md).
   */
  async changePassword(userId: string, sessionId: string, current: string, next: string, meta: RequestMeta): Promise<void> {
    await this.recheckPassword(userId, current, meta, SecurityEventType.PASSWORD_CHANGE_FAILED);
    const hash = await this.users.hashNewPassword(userId, next);
    await this.tx.withTransaction(async () => {
      await this.users.storePasswordHash(userId, hash);
      await this.sessions.revokeAllForUser(userId, sessionId);
      await this.endPendingSignIns(userId);
      await this.sessions.markRecent(sessionId);
    });
    const user = await this.users.getById(userId);
    await this.notifier.notify(user, SecurityEventType.PASSWORD_CHANGED, 'Your password was changed', 'The password of your account was changed. Other signed-in devices were signed out.', meta);
  }
}
