import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../common/auth/decorators';
import { tooManyAttempts } from '../common/errors/domain-error';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { UserEntity } from '../users/user.entity';
import { UsersError } from '../users/users.errors';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle';
import { SessionsService } from './sessions.service';

export interface SessionResult {
  kind: 'session';
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly events: SecurityEventsService,
  ) {}

  async login(email: string, password: string, meta: RequestMeta): Promise<SessionResult> {
    const wait = this.throttle.retryAfter(meta.ip);
    if (wait > 0) throw tooManyAttempts(wait, 'Too many failed sign-ins from this address, try again later');
    let user: UserEntity;
    try {
      user = await this.users.verifyCredentials(email, password);
    } catch (e) {
      if (e instanceof UsersError) {
        this.throttle.recordFailure(meta.ip);
        const known = await this.users.findByEmail(email);
        if (known) await this.events.record({ userId: known.id, type: SecurityEventType.LOGIN_FAILED, meta });
      }
      throw e;
    }
    return this.startSession(user, meta, SecurityEventType.LOGIN);
  }

  /** The last step of every successful sign-in (password, second factor, SSO). */
  async startSession(user: UserEntity, meta: RequestMeta, event: SecurityEventType, detail?: string): Promise<SessionResult> {
    const { token, session } = await this.sessions.issue(user.id, meta);
    await this.users.touchLastLogin(user.id);
    await this.events.record({ userId: user.id, type: event, meta, detail });
    return { kind: 'session', token, expiresAt: session.expiresAt, user: { ...user, lastLoginAt: new Date() } };
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
    await this.events.record({ userId, type: SecurityEventType.PASSWORD_CHANGED, meta });
  }
}
