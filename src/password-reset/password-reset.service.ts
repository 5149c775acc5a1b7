import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { AuthService } from '../auth/login/auth.service';
import { LoginOutcome } from '../auth/login/login-outcome';
import { PendingActionRegistry } from '../auth/login/pending-actions';
import { SignInVoiders } from '../auth/login/sign-in-voiders';
import { SessionsService } from '../auth/sessions/sessions.service';
import { RequestMeta } from '../common/auth/request-context';
import { appConfig } from '../config/app.config';
import { AfterCommit } from '../database/after-commit';
import { Db, TransactionHost } from '../database/transactions';
import { MailService } from '../mailer/mail.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { TwoFactorMethod } from '../two-factor';
import { Role } from '../users/role.enum';
import { UserStatus } from '../users/user-status.enum';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ResetTokenKind } from './password-reset-token.entity';
import { PasswordResetTokensService, TOKEN_TTL_MS } from './password-reset-tokens.service';
import { PasswordResetError } from './password-reset.errors';

/** The pending action that sets the new password once the reset's second factor is proven. */
export const PASSWORD_RESET_ACTION = 'PASSWORD_RESET';
interface ResetPayload {
  tokenId: string;
  tokenHash: string;
  kind: ResetTokenKind;
  /** argon2 hash of the new password (never the password itself). */
  passwordHash: string;
  ip: string | null;
  userAgent: string | null;
}

/** Which account status a kind of link is good for: a deactivated account gets nothing. */
const STATUS_FOR: Record<ResetTokenKind, UserStatus> = {
  [ResetTokenKind.RESET]: UserStatus.ACTIVE,
  [ResetTokenKind.INVITE]: UserStatus.INVITED,
};

export interface InviteInput {
  email: string;
  displayName: string;
  role?: Role;
}

/**
 * Password reset by emailed link, and invitations (the same link, for an account's first
 * password). Completing one goes through auth's sign-in, with the password change as the
 * challenge's pending action: an account with a factor other than email proves it first.
 */
@Injectable()
export class PasswordResetService implements OnModuleInit {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly tokens: PasswordResetTokensService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly pending: PendingActionRegistry,
    private readonly voiders: SignInVoiders,
    private readonly events: SecurityEventsService,
    private readonly mail: MailService,
    private readonly afterCommit: AfterCommit,
    private readonly tx: TransactionHost<Db>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  onModuleInit(): void {
    this.pending.register(PASSWORD_RESET_ACTION, (userId, payload) => this.completeReset(userId, payload as unknown as ResetPayload));
    this.voiders.register((userId) => this.tokens.voidResetLinks(userId));
  }

  // ---- public -------------------------------------------------------------------------------

  /**
   * `requestPasswordReset`: the same answer, after the same work on this path (one lookup by
   * email), for unknown, invited, deactivated and real accounts. Issuing the link, the event and
   * the mail happen after the answer, so neither the SMTP round trip nor the writes show in its
   * timing; a failure there is only logged.
   */
  async requestReset(email: string, meta: RequestMeta): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (user?.status !== UserStatus.ACTIVE) return;
    setImmediate(() => {
      this.mailResetLink(user, meta, null, { throttled: true }).catch((e: Error) =>
        this.logger.warn(`reset link for user ${user.id} not sent: ${e?.name ?? 'error'}`),
      );
    });
  }

  /**
   * `resetPassword`: a bad link is CODE_EXPIRED; a refused password is BAD_USER_INPUT and leaves
   * the link usable (nothing is written before the policy passed). Then auth's sign-in with the
   * change as pending action: a challenge (never EMAIL: the link came by email) when the account
   * has another factor, else the change and a session at once.
   */
  async resetPassword(token: string, newPassword: string, meta: RequestMeta): Promise<LoginOutcome> {
    const row = await this.tokens.findLive(token);
    const user = row ? await this.users.findById(row.userId) : null;
    if (!row || !user || user.status !== STATUS_FOR[row.kind]) throw PasswordResetError.linkExpired();
    const passwordHash = await this.users.hashNewPassword(user.id, newPassword);
    const payload: ResetPayload = { tokenId: row.id, tokenHash: row.tokenHash, kind: row.kind, passwordHash, ip: meta.ip, userAgent: meta.userAgent };
    const invite = row.kind === ResetTokenKind.INVITE;
    return this.auth.completeFirstFactor(invite ? { ...user, status: UserStatus.ACTIVE } : user, meta, {
      event: SecurityEventType.LOGIN,
      eventDetail: invite ? 'invitation accepted' : 'password reset',
      requireSecondFactor: true,
      pendingAction: { kind: PASSWORD_RESET_ACTION, payload: { ...payload } },
      excludeMethods: [TwoFactorMethod.EMAIL],
    });
  }

  /**
   * Runs in the sign-in's transaction (after the second factor, if one was owed): the link is
   * used up here, conditionally, so of two completions only one sets a password. Every other
   * session and pending sign-in of the account ends before the new session is issued.
   */
  private async completeReset(userId: string, p: ResetPayload): Promise<void> {
    if (!(await this.tokens.consume({ id: String(p.tokenId), userId, tokenHash: String(p.tokenHash) }))) throw PasswordResetError.linkExpired();
    const invite = p.kind === ResetTokenKind.INVITE;
    const stored = invite ? await this.users.activate(userId, String(p.passwordHash)) : await this.users.storePasswordHashIfActive(userId, String(p.passwordHash));
    if (!stored) throw PasswordResetError.linkExpired();
    await this.sessions.revokeAllForUser(userId);
    await this.auth.endPendingSignIns(userId);
    const meta: RequestMeta = { ip: p.ip ?? null, userAgent: p.userAgent ?? null };
    await this.events.record({ userId, type: SecurityEventType.PASSWORD_RESET, meta, detail: invite ? 'first password set from the invitation' : null });
    this.afterCommit.run(async () => {
      const user = await this.users.findById(userId);
      if (!user) return;
      await this.mail.send({
        to: user.email,
        subject: invite ? 'Your account is ready' : 'Your password was reset',
        template: 'security-change',
        context: {
          name: user.displayName,
          message: invite
            ? 'You set the password of your new account and signed in.'
            : 'The password of your account was reset with a link we emailed you. Every other signed-in device was signed out.',
          detail: '',
          when: new Date().toUTCString(),
        },
      });
    });
  }

  // ---- admin --------------------------------------------------------------------------------

  /** `inviteUser`: an INVITED account, its 72-hour link and USER_INVITED (the admin as actor). */
  async invite(adminId: string, input: InviteInput, meta: RequestMeta): Promise<UserEntity> {
    const { user, token } = await this.tx.withTransaction(async () => {
      const user = await this.users.createInvited(input);
      const token = (await this.tokens.issue(user.id, ResetTokenKind.INVITE, { throttled: false }))!;
      await this.events.record({ userId: user.id, type: SecurityEventType.USER_INVITED, meta, actorId: adminId, detail: `role ${user.role}` });
      return { user, token };
    });
    await this.sendLink(user, ResetTokenKind.INVITE, token, 'The user was invited');
    return user;
  }

  /** `resendInvite`: a new link; the previous one is void (the row is replaced). */
  async resendInvite(adminId: string, userId: string, meta: RequestMeta): Promise<void> {
    const user = await this.users.getById(userId);
    if (user.status !== UserStatus.INVITED) throw PasswordResetError.notInvited();
    // No transaction, as for reset links (see mailResetLink).
    const token = (await this.tokens.issue(user.id, ResetTokenKind.INVITE, { throttled: false }))!;
    await this.events.record({ userId: user.id, type: SecurityEventType.USER_INVITED, meta, actorId: adminId, detail: 'invitation sent again' });
    await this.sendLink(user, ResetTokenKind.INVITE, token, 'A new invitation link was made');
  }

  /** `sendPasswordReset`: an admin mails an active user a reset link (not limited: an admin action, recorded). */
  async adminSendReset(adminId: string, userId: string, meta: RequestMeta): Promise<void> {
    const user = await this.users.getById(userId);
    if (user.status !== UserStatus.ACTIVE) throw PasswordResetError.notActive();
    await this.mailResetLink(user, meta, adminId, { throttled: false });
  }

  // ---- links --------------------------------------------------------------------------------

  /**
   * Issues a reset link (unless throttled), records the request, mails it. Deliberately no
   * transaction around the link and the event: the link's statements each decide alone, and
   * holding the row's insert lock into the update deadlocks concurrent requests on MariaDB.
   */
  private async mailResetLink(user: UserEntity, meta: RequestMeta, actorId: string | null, opts: { throttled: boolean }): Promise<void> {
    const token = await this.tokens.issue(user.id, ResetTokenKind.RESET, opts);
    if (!token) return; // a link went out less than a minute ago
    await this.events.record({ userId: user.id, type: SecurityEventType.PASSWORD_RESET_REQUESTED, meta, actorId, detail: actorId ? 'sent by an administrator' : null });
    await this.sendLink(user, ResetTokenKind.RESET, token, 'A reset link was made');
  }

  private async sendLink(user: UserEntity, kind: ResetTokenKind, token: string, done: string): Promise<void> {
    const invite = kind === ResetTokenKind.INVITE;
    const url = `${this.app.webAppUrl}/reset-password?${new URLSearchParams(invite ? { token, invite: '1' } : { token }).toString()}`;
    const hours = TOKEN_TTL_MS[kind] / 3600_000;
    try {
      await this.mail.send({
        to: user.email,
        subject: invite ? 'You are invited to CloudCX' : 'Reset your password',
        template: 'account-link',
        context: {
          name: user.displayName,
          message: invite
            ? 'An administrator created a CloudCX account for you. Choose your password to start using it.'
            : 'Someone (hopefully you) asked to reset the password of your CloudCX account.',
          action: invite ? 'Set your password' : 'Choose a new password',
          url,
          validity: hours >= 1 ? `${hours} hours` : `${hours * 60} minutes`,
          ignore: invite
            ? 'If you did not expect this invitation, you can ignore this email.'
            : 'If you did not ask for this, you can ignore this email: your password stays as it is.',
        },
      });
    } catch {
      throw PasswordResetError.mailNotDelivered(done);
    }
  }
}
