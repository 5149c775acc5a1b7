import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../../common/auth/request-context';
import { plainAddress } from '../../common/net/client-address';
import { Db, TransactionHost } from '../../database/transactions';
import { SecurityEventsService } from '../../security-events/security-events.service';
import { SecurityEventType } from '../../security-events/security-event-type';
import { SecurityNotifier } from '../../security-events/security-notifier';
import { UsersService } from '../../users/users.service';
import { SessionEntity } from './session.entity';
import { SessionsError } from './sessions.errors';
import { SessionsService } from './sessions.service';
import { SessionEndReason } from './session-end-reason';

/** Where a session was opened, for an event's detail (no token, no id of anything secret). */
const describe = (s: SessionEntity) => [s.browser, s.os && `on ${s.os}`, s.ip && `from ${plainAddress(s.ip)}`].filter(Boolean).join(' ') || 'unknown device';

/**
 * "Where you're signed in": the user's own sessions and the admin's view of a user's, and ending
 * them (API.md Part 2). Every end is a SESSION_REVOKED event (the admin as actor for theirs).
 * Sessions are read from the database on every request, so an end holds at once on every instance.
 */
@Injectable()
export class ActiveSessionsService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly events: SecurityEventsService,
    private readonly notifier: SecurityNotifier,
    private readonly users: UsersService,
    private readonly tx: TransactionHost<Db>,
  ) {}

  listMine(userId: string, scope?: object): Promise<SessionEntity[]> {
    return this.sessions.listLive(userId, scope);
  }

  /** An own session (the current one too: that signs out). Another account's id: NOT_FOUND. */
  async revokeMine(userId: string, sessionId: string, meta: RequestMeta): Promise<void> {
    await this.tx.withTransaction(async () => {
      const s = await this.sessions.find(userId, sessionId);
      if (!s) throw SessionsError.notFound();
      // Already ended: nothing to do, and nothing to record.
      if (!(await this.sessions.revokeOwn(userId, sessionId))) return;
      await this.events.record({ userId, type: SecurityEventType.SESSION_REVOKED, meta, detail: `Signed out: ${describe(s)}` });
    });
  }

  /** Every session but the caller's; how many were live. */
  async revokeOthers(userId: string, currentSessionId: string, meta: RequestMeta): Promise<number> {
    return this.tx.withTransaction(async () => {
      const live = (await this.sessions.listLive(userId)).filter((s) => s.id !== currentSessionId).length;
      await this.sessions.revokeAllForUser(userId, currentSessionId);
      if (live) await this.events.record({ userId, type: SecurityEventType.SESSION_REVOKED, meta, detail: `Signed out of ${live} other session${live === 1 ? '' : 's'}` });
      return live;
    });
  }

  /** ADMIN: a user's live sessions (NOT_FOUND for an unknown user). */
  async listForUser(userId: string, scope?: object): Promise<SessionEntity[]> {
    await this.users.getById(userId);
    return this.sessions.listLive(userId, scope);
  }

  /** ADMIN "Sign out everywhere": ends all of the user's sessions; the user is told by mail. */
  async revokeAllOfUser(adminId: string, userId: string, meta: RequestMeta): Promise<number> {
    const user = await this.users.getById(userId);
    const live = await this.tx.withTransaction(async () => {
      const n = (await this.sessions.listLive(userId)).length;
      await this.sessions.revokeAllForUser(userId, undefined, SessionEndReason.ADMIN_SIGN_OUT);
      return n;
    });
    await this.notifier.notify(user, SecurityEventType.SESSION_REVOKED, 'You were signed out everywhere', 'An administrator signed your account out of every device. Sign in again to continue.', meta, {
      actorId: adminId,
      detail: `An administrator ended ${live} session${live === 1 ? '' : 's'}`,
    });
    return live;
  }
}
