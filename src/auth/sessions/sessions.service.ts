import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityMetadata, IsNull, MoreThan, Not, ObjectLiteral, Repository } from 'typeorm';
import { Db, TransactionHost } from '../../database/transactions';
import { RequestMeta } from '../../common/auth/request-context';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { authConfig } from '../../config/auth.config';
import { RANGES } from '../../security-policy/policy-rules';
import { SecurityPolicyService } from '../../security-policy/security-policy.service';
import { SessionEntity } from './session.entity';
import { SignInMethod } from './sign-in-method';
import { SessionEndReason } from './session-end-reason';
import { parseUserAgent } from '../../common/http/user-agent';
import { UserEntity } from '../../users/user.entity';
import { UserStatus } from '../../users/user-status.enum';

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

/**
 * What a session token is worth on this request: its live session and account, or why not — the
 * reason an admin gave when they ended it (`SessionEndReason`), else null (unknown token, signed
 * out, expired, idle, past the policy's limits).
 */
export type Authentication =
  | { live: true; session: SessionEntity; user: UserEntity }
  | { live: false; reason: SessionEndReason | null };

const NOT_LIVE: Authentication = { live: false, reason: null };

/** `lastSeenAt` is written at most this often per session, so a stream of reads stays reads. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

@Injectable()
export class SessionsService {
  /** The token lookup's SQL, written on first use (see `byToken`). */
  private join?: SessionJoinQuery;

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
    const session = repo.create({
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
      endReason: null,
    });
    // One INSERT. Not `save` (it SELECTs the id first, to choose between INSERT and UPDATE) and
    // not `insert` (it SELECTs the columns that have a default back, though every value is given
    // here); no transaction of its own (on SQLite it would bypass the transaction lane).
    await repo.createQueryBuilder().insert().into(SessionEntity).values(session).updateEntity(false).execute();
    return { token, session };
  }

  /**
   * The session a bearer token (or session cookie) names and its account, in ONE statement (the
   * session joined with its user), checked: not revoked, not expired, within the policy's idle and
   * absolute limits, the account not deactivated (its sessions are ended on deactivation; this
   * refuses any that a race left behind). `scope`: the request, so the policy, when it has to be
   * read at all, is read once per request. Every authenticated request runs this: see `byToken`.
   */
  async authenticate(token: string, scope?: object): Promise<Authentication> {
    if (!token || token.length > 128) return NOT_LIVE;
    const found = await this.byToken(sha256(token));
    if (!found) return NOT_LIVE;
    const { session, user } = found;
    if (session.revokedAt) return { live: false, reason: (session.endReason as SessionEndReason | null) ?? null };
    if (!user) return NOT_LIVE;
    if (user.status === UserStatus.DEACTIVATED) return { live: false, reason: SessionEndReason.DEACTIVATED };
    if (!(await this.live(session, scope))) return NOT_LIVE;
    return { live: true, session, user };
  }

  /** The live session a token names, or null (`authenticate` without the account). */
  async resolve(token: string, scope?: object): Promise<SessionEntity | null> {
    const auth = await this.authenticate(token, scope);
    return auth.live ? auth.session : null;
  }

  /**
   * The session row of a token hash with its user's row (null if the user is gone), in one
   * statement. The SQL is written once per process from the entities' metadata and the rows are
   * hydrated by the driver's own conversions (dates, nulls), as the repository would; what is
   * saved is the query builder's work on every request (rendering the query and mapping the
   * result cost more CPU than the query itself on SQLite). The users table is read here, not
   * through UsersService, because that read is the point: one round trip per request.
   */
  private async byToken(tokenHash: string): Promise<{ session: SessionEntity; user: UserEntity | null } | null> {
    const join = (this.join ??= sessionJoinQuery(this.sessions.metadata, this.sessions.manager.connection.getMetadata(UserEntity)));
    const rows = (await this.sessions.query(join.sql, [tokenHash])) as ObjectLiteral[];
    if (!rows.length) return null;
    const session = join.hydrate(join.session, 's', rows[0]) as SessionEntity;
    const user = rows[0][join.userKey] == null ? null : (join.hydrate(join.user, 'u', rows[0]) as UserEntity);
    return { session, user };
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

  /**
   * Ends every session of a user, or all but one (password change keeps the caller's). `reason`:
   * when an admin ends them, what their holders are told on their next request.
   */
  async revokeAllForUser(userId: string, exceptSessionId?: string, reason?: SessionEndReason): Promise<number> {
    const repo = this.repo;
    const where = exceptSessionId
      ? { userId, revokedAt: IsNull(), id: Not(exceptSessionId) }
      : { userId, revokedAt: IsNull() };
    const res = await repo.update(where, { revokedAt: this.clock.now(), ...(reason ? { endReason: reason } : {}) });
    return res.affected ?? 0;
  }
}

interface SessionJoinQuery {
  sql: string;
  session: EntityMetadata;
  user: EntityMetadata;
  /** The raw column that is null when the session's user row is missing. */
  userKey: string;
  hydrate(meta: EntityMetadata, alias: string, raw: ObjectLiteral): ObjectLiteral;
}

/** `SELECT s.*, u.* FROM sessions s LEFT JOIN users u … WHERE s.token_hash = ?`, columns aliased `s_…`/`u_…`. */
function sessionJoinQuery(session: EntityMetadata, user: EntityMetadata): SessionJoinQuery {
  const driver = session.connection.driver;
  const q = (name: string) => driver.escape(name);
  const columns = (meta: EntityMetadata, alias: string) => meta.columns.map((c) => `${alias}.${q(c.databaseName)} AS ${q(`${alias}_${c.databaseName}`)}`);
  const column = (meta: EntityMetadata, property: string) => meta.findColumnWithPropertyName(property)!.databaseName;
  const sql =
    `SELECT ${[...columns(session, 's'), ...columns(user, 'u')].join(', ')} ` +
    `FROM ${q(session.tableName)} s LEFT JOIN ${q(user.tableName)} u ON u.${q(column(user, 'id'))} = s.${q(column(session, 'userId'))} ` +
    `WHERE s.${q(column(session, 'tokenHash'))} = ?`;
  return {
    sql,
    session,
    user,
    userKey: `u_${column(user, 'id')}`,
    hydrate(meta, alias, raw) {
      const entity = meta.create() as ObjectLiteral;
      for (const c of meta.columns) c.setEntityValue(entity, driver.prepareHydratedValue(raw[`${alias}_${c.databaseName}`], c));
      return entity;
    },
  };
}

const seenAt = (s: SessionEntity) => (s.lastSeenAt ?? s.createdAt).getTime();

/** The policy's limits: idle minutes since the last request, hours since sign-in. */
export function endedByPolicy(s: SessionEntity, limits: SessionLimits, now: number): boolean {
  if (now - s.createdAt.getTime() >= limits.sessionMaxHours * 3_600_000) return true;
  return limits.sessionIdleMinutes != null && now - seenAt(s) >= limits.sessionIdleMinutes * 60_000;
}
