import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestMeta } from '../common/auth/decorators';
import { tooManyAttempts, validationError } from '../common/errors/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { CodeDelivery, TwoFactorService } from '../two-factor/two-factor.service';
import { EmailCodePurpose } from '../two-factor/email-code.entity';
import { TwoFactorError } from '../two-factor/two-factor.errors';
import { UserEntity } from '../users/user.entity';
import { UsersError } from '../users/users.errors';
import { UsersService } from '../users/users.service';
import { AuthError } from './auth.errors';
import { CodeVerifier } from './code-verifier';
import { LoginChallengesService } from './login-challenges.service';
import { LoginOutcome, PendingAction, SessionResult, TwoFactorMethod } from './login-outcome';
import { LoginThrottle } from './login-throttle';
import { PendingActionRegistry } from './pending-actions';
import { SecurityNotifier } from './security-notifier';
import { SessionsService } from './sessions.service';

export type { SessionResult } from './login-outcome';

export interface FirstFactorOptions {
  event: SecurityEventType;
  requireSecondFactor: boolean;
  pendingAction?: PendingAction;
  eventDetail?: string;
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
    private readonly pending: PendingActionRegistry,
    private readonly notifier: SecurityNotifier,
    private readonly tx: TransactionRunner,
  ) {}

  /** Password check with the per-IP failure limit; records LOGIN_FAILED for known accounts. */
  async authenticatePassword(email: string, password: string, meta: RequestMeta): Promise<UserEntity> {
    const wait = await this.throttle.retryAfter(meta.ip);
    if (wait > 0) throw tooManyAttempts(wait, 'Too many failed sign-ins from this address, try again later');
    try {
      return await this.users.verifyCredentials(email, password);
    } catch (e) {
      if (e instanceof UsersError) {
        await this.throttle.recordFailure(meta.ip);
        const known = await this.users.findByEmail(email);
        if (known) await this.events.record({ userId: known.id, type: SecurityEventType.LOGIN_FAILED, meta });
      }
      throw e;
    }
  }

  async login(email: string, password: string, meta: RequestMeta): Promise<LoginOutcome> {
    const user = await this.authenticatePassword(email, password, meta);
    return this.completeFirstFactor(user, meta, { event: SecurityEventType.LOGIN, requireSecondFactor: true });
  }

  /**
   * After a proven first factor (password or SSO identity): a challenge when a second factor is
   * owed, else the pending action (if any) and a session.
   */
  async completeFirstFactor(user: UserEntity, meta: RequestMeta, opts: FirstFactorOptions): Promise<LoginOutcome> {
    const methods = opts.requireSecondFactor ? await this.verifier.availableMethods(user.id) : [];
    if (methods.length) {
      const { token, challenge } = await this.challenges.create(user.id, opts.event, opts.eventDetail ?? null, opts.pendingAction ?? null);
      return { kind: 'challenge', challengeToken: token, methods, expiresAt: challenge.expiresAt };
    }
    return this.tx.run(async (em) => {
      if (opts.pendingAction) await this.runPending(user.id, opts.pendingAction, em);
      return this.issueSession(user, meta, opts.event, opts.eventDetail, em);
    });
  }

  private async runPending(userId: string, action: PendingAction, em: EntityManager) {
    const handler = this.pending.get(action.kind);
    if (!handler) throw new Error(`no handler for pending action ${action.kind}`);
    await handler(userId, action.payload, em);
  }

  /**
   * The session, the last-login time and the event, in the caller's transaction: one commit
   * (one fsync on MySQL) instead of three.
   */
  private async issueSession(user: UserEntity, meta: RequestMeta, event: SecurityEventType | string, detail: string | null | undefined, em: EntityManager): Promise<SessionResult> {
    const issued = await this.sessions.issue(user.id, meta, em);
    await this.users.touchLastLogin(user.id, em);
    await this.events.record({ userId: user.id, type: event as SecurityEventType, meta, detail }, em);
    return { kind: 'session', token: issued.token, expiresAt: issued.session.expiresAt, user: { ...user, lastLoginAt: new Date() } };
  }

  async sendLoginCode(challengeToken: string): Promise<CodeDelivery> {
    const challenge = await this.challenges.live(challengeToken);
    if (!(await this.verifier.availableMethods(challenge.userId)).includes(TwoFactorMethod.EMAIL)) throw AuthError.methodNotAvailable();
    const user = await this.users.getById(challenge.userId);
    return this.twoFactor.sendEmailCode(user, EmailCodePurpose.LOGIN, challenge.id);
  }

  async verifyCode(challengeToken: string, method: TwoFactorMethod, code: string, meta: RequestMeta): Promise<SessionResult> {
    const challenge = await this.challenges.live(challengeToken);
    const user = await this.users.getById(challenge.userId);
    let verified;
    try {
      verified = await this.verifier.verify(user.id, method, code, EmailCodePurpose.LOGIN, meta, challenge.id);
    } catch (e) {
      if (e instanceof TwoFactorError && e.apiCode === 'INVALID_CODE') await this.challenges.recordWrongTry(challenge.id);
      throw e;
    }
    const result = await this.tx.run(async (em) => {
      await this.challenges.consume(challenge.id, em);
      if (challenge.pendingAction) await this.runPending(user.id, JSON.parse(challenge.pendingAction) as PendingAction, em);
      await this.twoFactor.recordSuccess(user.id, em);
      return this.issueSession(user, meta, challenge.event, challenge.eventDetail, em);
    });
    if (verified.backupCodesLeft !== undefined) await this.backupCodeUsed(user, verified.backupCodesLeft, meta);
    return result;
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
      const wait = await this.throttle.retryAfter(meta.ip);
      if (wait > 0) throw tooManyAttempts(wait);
      if (!(await this.users.verifyPassword(userId, input.password!))) {
        await this.throttle.recordFailure(meta.ip);
        throw UsersError.invalidCredentials();
      }
    } else {
      if (input.method == null || input.code == null) throw validationError('method and code go together');
      const verified = await this.verifier.verify(userId, input.method, input.code, EmailCodePurpose.REAUTH, meta);
      await this.twoFactor.recordSuccess(userId);
      if (verified.backupCodesLeft !== undefined) await this.backupCodeUsed(await this.users.getById(userId), verified.backupCodesLeft, meta);
    }
    await this.sessions.markRecent(sessionId);
  }

  async sendReauthCode(userId: string): Promise<CodeDelivery> {
    if (!(await this.verifier.availableMethods(userId)).includes(TwoFactorMethod.EMAIL)) throw AuthError.methodNotAvailable();
    return this.twoFactor.sendEmailCode(await this.users.getById(userId), EmailCodePurpose.REAUTH);
  }

  async logout(sessionId: string, userId: string, meta: RequestMeta): Promise<void> {
    await this.sessions.revoke(sessionId);
    await this.events.record({ userId, type: SecurityEventType.LOGOUT, meta });
  }

  /** Keeps the caller's session and ends every other one (API.md). */
  async changePassword(userId: string, sessionId: string, current: string, next: string, meta: RequestMeta): Promise<void> {
    await this.users.changePassword(userId, current, next);
    await this.sessions.revokeAllForUser(userId, sessionId);
    await this.sessions.markRecent(sessionId);
    const user = await this.users.getById(userId);
    await this.notifier.notify(user, SecurityEventType.PASSWORD_CHANGED, 'Your password was changed', 'The password of your account was changed. Other signed-in devices were signed out.', meta);
  }
}
