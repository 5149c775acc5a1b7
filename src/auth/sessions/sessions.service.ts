import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, MoreThan, Not, Repository } from 'typeorm';
import { Db, TransactionHost } from '../../database/transactions';
import { RequestMeta } from '../../common/auth/request-context';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { authConfig } from '../../config/auth.config';
import { RANGES } from '../../security-policy/policy-rules';
import { SecurityPolicyService } from '../../security-policy/security-policy.service';
import { SessionEntity } from './session.entity';
import { SignInMethod } from './sign-in-method';
import { parseUserAgent } from '../../common/http/user-agent';

export interface IssuedSession {
  token: string;
  session: SessionEntity;
}

export interface IssueOptions {
  /** false: a session that proved no password or factor of ours (SSO alone) starts outside the window. */
  recent?: boolean;
  signedInWith?: SignInMethod;
}

/** The policy's session limits (API.md Part 2): idle minutes (null: none) and hours after sign-in. */
export interface SessionLimits {
  sessionIdleMinutes: number | null;
  sessionMaxHours: number;
}

/** The shortest limits a policy can set (RANGES): a session within both is live under any policy. */
const LOOSEST_LIMITS: SessionLimits = { sessionIdleMinutes: RANGES.sessionIdleMinutes[0], sessionMaxHours: RANGES.sessionMaxHours[0] };

/** `lastSeenAt` is written at most this often per session, so a stream of reads stays reads. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
    private readonly tx: TransactionHost<Db>,
    private readonly clock: Clock,
    private readonly policies: SecurityPolicyService,
  ) {}

  /** Sessions of the call's transaction (or none). */
  private get repo(): Repository<SessionEntity> {
    return this.tx.tx.getRepository(SessionEntity);
  }

  async issue(userId: string, meta: RequestMeta, opts: IssueOptions = {}): Promise<IssuedSession> {
    const token = randomToken(32);
    const now = this.clock.now();
    const repo = this.repo;
    const { sessionMaxHours } = await this.policies.current();
    // The policy's limit as it stands now; a later change holds too (checked on every request).
    const ttlMs = Math.min(this.config.sessionTtlSeconds * 1000, sessionMaxHours * 3_600_000);
    const { browser, os } = parseUserAgent(meta.userAgent);
    const session = await repo.save(
      repo.create({
        id: randomUUID(),
        userId,
        tokenHash: sha256(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttlMs),
        recentAuthAt: opts.recent === false ? new Date(0) : now,
        revokedAt: null,
        ip: meta.ip?.slice(0, 64) ?? null,
        userAgent: meta.userAgent,
        lastSeenAt: now,
        signedInWith: opts.signedInWith ?? SignInMethod.PASSWORD,
        browser,
        os,
      }),
      // No implicit transaction of save's own: on SQLite it would bypass the transaction lane.
      { transaction: false },
    );
    return { token, session };
  }

  /**
   * The live session a bearer token (or session cookie) names, or null: unknown, revoked,
   * expired, idle longer than the policy allows, or older than its `sessionMaxHours`.
   * `scope`: the request, so the policy is read once per request.
   */
  async resolve(token: string, scope?: object): Promise<SessionEntity | null> {
    if (!token || token.length > 128) return null;
    const session = await this.sessions.findOneBy({ tokenHash: sha256(token) });
    if (!session || !(await this.live(session, scope))) return null;
    return session;
  }

  /** Whether a session (by id) is still live for this user. */
  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const s = await this.sessions.findOneBy({ id: sessionId, userId });
    return !!s && (await this.live(s));
  }

  private async live(s: SessionEntity, scope?: object): Promise<boolean> {
    const now = this.clock.ms();
    if (s.revokedAt || s.expiresAt.getTime() <= now) return false;
    // No policy can end a session this young and this recently used: skip reading it (`me`
    // otherwise reads nothing but the session and the user).
    if (!endedByPolicy(s, LOOSEST_LIMITS, now)) return true;
    if (!endedByPolicy(s, await this.policies.current(scope), now)) return true;
    // Ended for good: a later, looser policy must not bring an idle session back.
    await this.revoke(s.id);
    return false;
  }

  /**
   * Records a request on the session, at most once a minute: nothing at all is written while the
   * row says it was seen in the last minute, and the UPDATE's condition makes concurrent requests
   * (on any instance) write once. So the idle limit is exact to the minute, erring on the early side.
   */
  async touch(session: SessionEntity): Promise<void> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
    if (session.lastSeenAt && session.lastSeenAt > cutoff) return;
    await this.sessions
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ lastSeenAt: now })
      .where('id = :id AND (last_seen_at IS NULL OR last_seen_at < :cutoff)', { id: session.id, cutoff })
      .execute();
    session.lastSeenAt = now;
  }

  /** A user's live sessions, the most recently used first. */
  async listLive(userId: string, scope?: object): Promise<SessionEntity[]> {
    const now = this.clock.ms();
    const rows = await this.sessions.find({ where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date(now)) } });
    const policy = await this.policies.current(scope);
    return rows
      .filter((s) => !endedByPolicy(s, policy, now))
      .sort((a, b) => seenAt(b) - seenAt(a) || (a.id < b.id ? -1 : 1));
  }

  isRecent(recentAuthAt: Date): boolean {
    return this.clock.ms() - recentAuthAt.getTime() < this.config.recentAuthSeconds * 1000;
  }

  async markRecent(sessionId: string): Promise<void> {
    await this.repo.update({ id: sessionId }, { recentAuthAt: this.clock.now() });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Ends one session of this user; false when it is not theirs or already ended. */
  async revokeOwn(userId: string, sessionId: string): Promise<boolean> {
    const res = await this.repo.update({ id: sessionId, userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    return (res.affected ?? 0) > 0;
  }

  async find(userId: string, sessionId: string): Promise<SessionEntity | null> {
    return this.repo.findOneBy({ id: sessionId, userId });
  }

  /** Ends every session of a user, or all but one (password change keeps the caller's). */
  async revokeAllForUser(userId: string, exceptSessionId?: string): Promise<number> {
    const repo = this.repo;
    const where = exceptSessionId
      ? { userId, revokedAt: IsNull(), id: Not(exceptSessionId) }
      : { userId, revokedAt: IsNull() };
    const res = await repo.update(where, { revokedAt: this.clock.now() });
    return res.affected ?? 0;
  }
}

const seenAt = (s: SessionEntity) => (s.lastSeenAt ?? s.createdAt).getTime();

/** The policy's limits: idle minutes since the last request, hours since sign-in. */
export function endedByPolicy(s: SessionEntity, limits: SessionLimits, now: number): boolean {
  if (now - s.createdAt.getTime() >= limits.sessionMaxHours * 3_600_000) return true;
  return limits.sessionIdleMinutes != null && now - seenAt(s) >= limits.sessionIdleMinutes * 60_000;
}
