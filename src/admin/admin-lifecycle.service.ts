import { Injectable } from '@nestjs/common';
import { AuthService } from '../auth/login/auth.service';
import { SessionsService } from '../auth/sessions/sessions.service';
import { SessionEndReason } from '../auth/sessions/session-end-reason';
import { RequestMeta } from '../common/auth/request-context';
import { Db, TransactionHost } from '../database/transactions';
import { SecurityEventType } from '../security-events/security-event-type';
import { SecurityNotifier } from '../security-events/security-notifier';
import { Role } from '../users/role.enum';
import { UserEntity } from '../users/user.entity';
import { UserStatus } from '../users/user-status.enum';
import { UsersService } from '../users/users.service';
import { AdminError } from './admin.errors';

/**
 * Deactivation, reactivation and roles. A deactivated account gets nothing from any sign-in path
 * (password, SSO, reset: they check the status) and its sessions and pending sign-ins end at once.
 * Nobody changes their own account here, and the last active admin stays an active admin.
 */
@Injectable()
export class AdminLifecycleService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
    private readonly notifier: SecurityNotifier,
    private readonly tx: TransactionHost<Db>,
  ) {}

  async deactivate(adminId: string, userId: string, reason: string, meta: RequestMeta): Promise<UserEntity> {
    if (adminId === userId) throw AdminError.selfLifecycle('deactivate');
    const user = await this.tx.withTransaction(async () => {
      const u = await this.users.getById(userId);
      if (u.status === UserStatus.DEACTIVATED) throw AdminError.wrongStatus('This account is already deactivated');
      if (u.role === Role.ADMIN) await this.assertAnotherAdmin(userId, 'deactivated');
      await this.users.setStatus(userId, UserStatus.DEACTIVATED);
      await this.sessions.revokeAllForUser(userId, undefined, SessionEndReason.DEACTIVATED);
      await this.auth.endPendingSignIns(userId);
      return { ...u, status: UserStatus.DEACTIVATED };
    });
    await this.notifier.notify(user, SecurityEventType.USER_DEACTIVATED, 'Your account was deactivated', 'An administrator deactivated your account and signed you out everywhere. You can no longer sign in.', meta, {
      actorId: adminId,
      detail: reason,
      mailDetail: `Reason given: "${reason}"`,
    });
    return user;
  }

  async reactivate(adminId: string, userId: string, meta: RequestMeta): Promise<UserEntity> {
    if (adminId === userId) throw AdminError.selfLifecycle('reactivate');
    const user = await this.users.getById(userId);
    if (user.status !== UserStatus.DEACTIVATED) throw AdminError.wrongStatus('Only a deactivated account can be reactivated');
    await this.users.setStatus(userId, UserStatus.ACTIVE);
    const active = { ...user, status: UserStatus.ACTIVE };
    await this.notifier.notify(active, SecurityEventType.USER_REACTIVATED, 'Your account was reactivated', 'An administrator reactivated your account. You can sign in again with your password and your second factor.', meta, { actorId: adminId });
    return active;
  }

  async setRole(adminId: string, userId: string, role: Role, meta: RequestMeta): Promise<UserEntity> {
    if (adminId === userId) throw AdminError.selfLifecycle('change the role of');
    const { before, user } = await this.tx.withTransaction(async () => {
      const u = await this.users.getById(userId);
      if (u.role === role) return { before: u.role, user: u };
      if (u.role === Role.ADMIN && u.status === UserStatus.ACTIVE) await this.assertAnotherAdmin(userId, 'demoted');
      await this.users.setRole(userId, role);
      return { before: u.role, user: { ...u, role } };
    });
    if (before === role) return user;
    await this.notifier.notify(user, SecurityEventType.ROLE_CHANGED, 'Your role was changed', `An administrator changed your role from ${label(before)} to ${label(role)}.`, meta, {
      actorId: adminId,
      detail: `${before} → ${role}`,
    });
    return user;
  }

  /** CONFLICT unless an active admin other than `userId` remains (the admins are locked meanwhile). */
  private async assertAnotherAdmin(userId: string, what: string): Promise<void> {
    const admins = await this.users.lockActiveAdmins();
    if (!admins.some((id) => id !== userId)) throw AdminError.lastAdmin(what);
  }
}

const label = (role: Role) => (role === Role.ADMIN ? 'admin' : 'agent');
