import { WebAuthnService } from '../webauthn';
import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/login/auth.service';
import { RequestMeta } from '../common/auth/request-context';
import { decodeCursor, decodeSortCursor, encodeCursor, encodeSortCursor } from '../common/pagination/keyset';
import { BackupCodesService } from '../backup-codes/backup-codes.service';
import { SecurityNotifier } from '../security-events/security-notifier';
import { SessionsService } from '../auth/sessions/sessions.service';
import { SessionEndReason } from '../auth/sessions/session-end-reason';
import { Db, TransactionHost } from '../database/transactions';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SsoIdentitiesService } from '../sso/sso-identities.service';
import { SsoProvidersService } from '../sso/sso-providers.service';
import { SsoService } from '../sso/sso.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { AccountLock, TwoFactorMethod, TwoFactorService } from '../two-factor';
import { UserEntity } from '../users/user.entity';
import { NewUser, UserCondition, UserPage, UsersService } from '../users/users.service';
import { AdminError } from './admin.errors';
import { EnrollmentService } from '../security-policy/enrollment.service';
import { SecurityPolicyService } from '../security-policy/security-policy.service';
import { UserStatus } from '../users/user-status.enum';
import { DEFAULT_USER_SORT, isSortValueOf, SortDirection, UserSort, UserSortField } from '../users/user-sort';

export interface UserFilter {
  search?: string | null;
  twoFactorEnabled?: boolean | null;
  method?: TwoFactorMethod | null;
  locked?: boolean | null;
  backupCodesRemainingAtMost?: number | null;
  ssoProviderId?: string | null;
  status?: UserStatus | null;
  twoFactorCompliant?: boolean | null;
}

export interface SecurityOverview {
  users: number;
  twoFactorEnabled: number;
  emailEnabled: number;
  totpEnabled: number;
  webauthnEnabled: number;
  lockedNow: number;
  lowBackupCodes: number;
  ssoLinked: Array<{ providerId: string; displayName: string; linkedUsers: number }>;
  nonCompliant: number;
  inGracePeriod: number;
  deactivated: number;
  invited: number;
}


/** The admin console: owns no tables; reads and acts through the feature services. */
@Injectable()
export class AdminService {
  constructor(
    private readonly users: UsersService,
    private readonly twoFactor: TwoFactorService,
    private readonly backupCodes: BackupCodesService,
    private readonly sessions: SessionsService,
    private readonly events: SecurityEventsService,
    private readonly notifier: SecurityNotifier,
    private readonly tx: TransactionHost<Db>,
    private readonly lock: AccountLock,
    private readonly ssoIdentities: SsoIdentitiesService,
    private readonly ssoProviders: SsoProvidersService,
    private readonly sso: SsoService,
    private readonly auth: AuthService,
    private readonly enrollment: EnrollmentService,
    private readonly webauthn: WebAuthnService,
    private readonly policies: SecurityPolicyService,
  ) {}

  /** `createUser`: the new account's first event names the admin who created it. */
  async createUser(adminId: string, input: NewUser, meta: RequestMeta): Promise<UserEntity> {
    const user = await this.users.create(input);
    await this.events.record({ userId: user.id, type: SecurityEventType.USER_CREATED, meta, actorId: adminId, detail: `role ${user.role}` });
    return user;
  }

  /** `unlinkUserProvider`: one account's link to one provider, e.g. a hijacker's identity. */
  async unlinkUserProvider(adminId: string, userId: string, providerId: string, reason: string, meta: RequestMeta): Promise<UserEntity> {
    const user = await this.sso.adminUnlink(adminId, userId, providerId, reason, meta);
    this.users.forgetListCounts(); // the list's totals by provider
    return user;
  }

  /**
   * `scope`: the request, so the policy the compliance filter reads is the request's one read.
   * Each row comes with its cursor: under the default sort (oldest first) the `(created_at, id)`
   * cursor of old, under any other one a cursor that names its sort (one sort's cursor is refused
   * under another). `totalCount` is exact and shared by the pages of one filter for up to 10 s
   * (`UserListCounts`): the filter is its key, with the saved policy's version when compliance is
   * asked for, so a policy saved on any instance counts again at once.
   */
  async listUsers(filter: UserFilter, first: number, after?: string | null, scope?: object, order?: UserSort | null): Promise<UserPage & { cursors: string[] }> {
    const conditions: UserCondition[] = [
      ...this.twoFactor.userConditions(filter),
      ...(await this.enrollment.userConditions(filter, scope)),
      ...(filter.backupCodesRemainingAtMost != null ? [this.backupCodes.userCondition(filter.backupCodesRemainingAtMost)] : []),
      ...(filter.ssoProviderId ? [this.ssoIdentities.userCondition(filter.ssoProviderId)] : []),
    ];
    const sort = order ?? DEFAULT_USER_SORT;
    const legacy = sort.field === UserSortField.CREATED_AT && sort.direction === SortDirection.ASC;
    const name = `${sort.field}:${sort.direction}`;
    let position: { value: string | number | null; id: string } | null = null;
    if (after) {
      const old = legacy ? decodeCursor(after) : null;
      const k = legacy ? null : decodeSortCursor(after, name);
      position = old ? { value: old.createdAt.getTime(), id: old.id } : k && isSortValueOf(sort.field, k.value) ? { value: k.value, id: k.id } : null;
      if (!position) throw AdminError.badCursor();
    }
    const search = filter.search?.trim() || null;
    // The same policy read as the compliance condition's (one per request).
    const policyVersion = filter.twoFactorCompliant != null ? ((await this.policies.current(scope)).updatedAt?.getTime() ?? 0) : null;
    // Every field of the filter (the type makes a new one a compile error until it is here).
    const key: Record<keyof UserFilter, unknown> = {
      search: search?.toLowerCase() ?? null, // matched case-insensitively
      twoFactorEnabled: filter.twoFactorEnabled ?? null,
      method: filter.method ?? null,
      locked: filter.locked ?? null,
      backupCodesRemainingAtMost: filter.backupCodesRemainingAtMost ?? null,
      ssoProviderId: filter.ssoProviderId ?? null,
      status: filter.status ?? null,
      twoFactorCompliant: filter.twoFactorCompliant ?? null,
    };
    const countKey = JSON.stringify([key, policyVersion]);
    const page = await this.users.page({ search, status: filter.status ?? null, conditions, first, order: sort, after: position, countKey });
    const cursors = page.items.map((u, i) => (legacy ? encodeCursor(u) : encodeSortCursor({ sort: name, value: page.sortValues[i], id: u.id })));
    return { ...page, cursors };
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  /**
   * Account recovery: every method off, backup codes void, every session and every pending
   * sign-in (challenges, emailed codes, SSO tickets) ended and, with `unlinkSso`, every SSO link
   * removed, in one transaction; the reason and the admin are recorded and the user is told by
   * mail, which quotes the reason.
   */
  async resetTwoFactor(adminId: string, userId: string, reason: string, meta: RequestMeta, opts: { unlinkSso?: boolean | null } = {}): Promise<UserEntity> {
    if (adminId === userId) throw AdminError.selfReset();
    const user = await this.users.getById(userId);
    const unlinked = await this.tx.withTransaction(async () => {
      // Nothing to reset: refused before anything is touched, so nobody is mailed "your 2FA was
      // reset" nor signed out everywhere for a reset that removed nothing.
      const hasFactor =
        (await this.twoFactor.enabledMethods(userId)).length > 0 || (await this.backupCodes.remaining(userId)) > 0 || (await this.webauthn.list(userId)).length > 0;
      if (!hasFactor) {
        const links = (await this.ssoIdentities.connectionsFor([userId])).get(userId)?.length ?? 0;
        if (!opts.unlinkSso || !links) throw AdminError.nothingToReset(user.displayName, opts.unlinkSso ? 0 : links);
      }
      await this.twoFactor.resetAll(userId);
      await this.webauthn.removeAll(userId);
      await this.backupCodes.voidAll(userId);
      await this.sessions.revokeAllForUser(userId, undefined, SessionEndReason.ADMIN_2FA_RESET);
      await this.auth.endPendingSignIns(userId);
      if (!opts.unlinkSso) return [];
      const removed = await this.ssoIdentities.unlinkAllForUser(userId);
      for (const identity of removed) {
        if (identity.provider) await this.sso.recordAdminUnlink(adminId, userId, identity.provider, reason, meta);
      }
      return removed;
    });
    this.users.forgetListCounts(); // the list's totals by method, lock, backup codes, provider, compliance
    const names = unlinked.map((i) => i.provider?.displayName).filter(Boolean).join(', ');
    await this.notifier.notify(
      user,
      SecurityEventType.ADMIN_2FA_RESET,
      'Your two-factor authentication was reset',
      'An administrator turned off two-factor authentication on your account and signed you out everywhere.' +
        (names ? ` Your single sign-on connections (${names}) were removed as well.` : '') +
        ' Sign in with your password and set it up again.',
      meta,
      { actorId: adminId, detail: reason, mailDetail: `Reason given: "${reason}"` },
    );
    return user;
  }

  async unlock(adminId: string, userId: string, meta: RequestMeta): Promise<UserEntity> {
    const user = await this.users.getById(userId);
    await this.lock.unlock(userId);
    this.users.forgetListCounts(); // the list's `locked` totals
    await this.events.record({ userId, type: SecurityEventType.ADMIN_UNLOCK, meta, actorId: adminId });
    return user;
  }

  async overview(scope?: object): Promise<SecurityOverview> {
    const [users, c, low, links, providers, compliance] = await Promise.all([
      this.users.count(),
      this.twoFactor.counts(),
      this.backupCodes.countUsersWithAtMost(2),
      this.ssoIdentities.linkCounts(),
      this.ssoProviders.listAll(),
      this.enrollment.counts(scope),
    ]);
    const ssoLinked = providers.map((p) => ({ providerId: p.id, displayName: p.displayName, linkedUsers: links.get(p.id) ?? 0 }));
    return { users, twoFactorEnabled: c.twoFactor, emailEnabled: c.email, totpEnabled: c.totp, webauthnEnabled: c.webauthn, lockedNow: c.locked, lowBackupCodes: low, ssoLinked, ...compliance };
  }
}
