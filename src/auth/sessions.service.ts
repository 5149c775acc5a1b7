import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull, Not, Repository } from 'typeorm';
import { RequestMeta } from '../common/auth/decorators';
import { randomToken, sha256 } from '../common/crypto/tokens';
import { authConfig } from '../config/auth.config';
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
  ) {}

  /** `recent: false`: a session that proved no password or factor of ours (SSO alone) starts outside the window. */
  async issue(userId: string, meta: RequestMeta, em?: EntityManager, opts: { recent: boolean } = { recent: true }): Promise<IssuedSession> {
    const token = randomToken(32);
    const now = new Date();
    const repo = em ? em.getRepository(SessionEntity) : this.sessions;
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
    if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
    return session;
  }

  /** Whether a session (by id) is still live for this user: not revoked, not expired. */
  async isLive(sessionId: string, userId: string): Promise<boolean> {
    const s = await this.sessions.findOneBy({ id: sessionId, userId });
    return !!s && !s.revokedAt && s.expiresAt.getTime() > Date.now();
  }

  isRecent(recentAuthAt: Date): boolean {
    return Date.now() - recentAuthAt.getTime() < this.config.recentAuthSeconds * 1000;
  }

  async markRecent(sessionId: string, em?: EntityManager): Promise<void> {
    await (em ? em.getRepository(SessionEntity) : this.sessions).update({ id: sessionId }, { recentAuthAt: new Date() });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every session of a user, or all but one (password change keeps the caller's). */
  async revokeAllForUser(userId: string, exceptSessionId?: string, em?: EntityManager): Promise<number> {
    const repo = em ? em.getRepository(SessionEntity) : this.sessions;
    const where = exceptSessionId
      ? { userId, revokedAt: IsNull(), id: Not(exceptSessionId) }
      : { userId, revokedAt: IsNull() };
    const res = await repo.update(where, { revokedAt: new Date() });
    return res.affected ?? 0;
  }
}
