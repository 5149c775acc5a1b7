import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Not, Repository } from 'typeorm';
import { Db, TransactionHost } from '../../database/transactions';
import { RequestMeta } from '../../common/auth/request-context';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { authConfig } from '../../config/auth.config';
import { SessionEntity } from './session.entity';

export interface IssuedSession {
  token: string;
  session: SessionEntity;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
    private readonly tx: TransactionHost<Db>,
    private readonly clock: Clock,
  ) {}

  /** Sessions of the call's transaction (or none). */
  private get repo(): Repository<SessionEntity> {
    return this.tx.tx.getRepository(SessionEntity);
  }

  /** `recent: false`: a session that proved no password or factor of ours (SSO alone) starts outside the window. */
  async issue(userId: string, meta: RequestMeta, opts: { recent: boolean } = { recent: true }): Promise<IssuedSession> {
    const token = randomToken(32);
    const now = this.clock.now();
    const repo = this.repo;
    const session = await repo.save(
      repo.create({
        id: randomUUID(),
        userId,
        tokenHash: sha256(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionTtlSeconds * 1000),
        recentAuthAt: opts.recent ? now : new Date(0),
        revokedAt: null,
        ip: meta.ip?.slice(0, 64) ?? null,
        userAgent: meta.userAgent,
      }),
    );
    return { token, session };
  }

  /** The live session a bearer token names, or null (unknown, revoked or expired). */
  async resolve(token: string): Promise<SessionEntity | null> {
    if (!token || token.length > 128) return null;
    const session = await this.sessions.findOneBy({ tokenHash: sha256(token) });
    if (!session || session.revokedAt || session.expiresAt.getTime() <= this.clock.ms()) return null;
    return session;
  }

  /** Whether a session (by id) is still live for this user: not revoked, not expired. */
  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const s = await this.sessions.findOneBy({ id: sessionId, userId });
    return !!s && !s.revokedAt && s.expiresAt.getTime() > this.clock.ms();
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
