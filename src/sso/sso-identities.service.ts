import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { uniqueParam } from '../database/query-params';
import { Db, TransactionHost } from '../database/transactions';
import type { UserCondition } from '../users/users.service';
import { isUniqueViolation } from '../common/errors/db-errors';
import { SsoIdentityEntity } from './sso-identity.entity';
import { SsoProviderKind } from './sso-provider-kind';
import { SsoError } from './sso.errors';

/** What `User.security.ssoConnections` shows (resolved by the account-security module). */
export interface SsoConnectionView {
  provider: { id: string; kind: SsoProviderKind; displayName: string };
  email: string | null;
  emailVerified: boolean;
  linkedAt: Date;
}

/** What the identity's owner is told about it: the address, and whether the provider vouched for it. */
export interface IdentityEmail {
  email: string | null;
  emailVerified: boolean;
}

/** Links between provider identities and accounts. */
@Injectable()
export class SsoIdentitiesService {
  constructor(
    @InjectRepository(SsoIdentityEntity) private readonly identities: Repository<SsoIdentityEntity>,
    private readonly tx: TransactionHost<Db>,
  ) {}

  /** Identities of the call's transaction (or none). */
  private get repo(): Repository<SsoIdentityEntity> {
    return this.tx.tx.getRepository(SsoIdentityEntity);
  }

  findByKey(providerId: string, subject: string): Promise<SsoIdentityEntity | null> {
    return this.repo.findOneBy({ providerId, subject });
  }

  findForUser(userId: string, providerId: string): Promise<SsoIdentityEntity | null> {
    return this.identities.findOneBy({ userId, providerId });
  }

  async linkedUserIds(providerId: string): Promise<string[]> {
    return (await this.identities.find({ where: { providerId }, select: { userId: true } })).map((i) => i.userId);
  }

  /**
   * Links an identity to an account. Idempotent for the same account; refused (CONFLICT) when
   * the identity belongs to another account or the account already has another identity of
   * this provider. The unique indexes decide between concurrent attempts.
   */
  async link(userId: string, providerId: string, subject: string, seen: IdentityEmail): Promise<{ identity: SsoIdentityEntity; created: boolean }> {
    const repo = this.repo;
    const existing = await repo.findOneBy({ providerId, subject });
    if (existing) {
      if (existing.userId !== userId) throw SsoError.identityAlreadyLinked();
      return { identity: existing, created: false };
    }
    if (await repo.existsBy({ userId, providerId })) throw SsoError.identityAlreadyLinked();
    const identity: SsoIdentityEntity = {
      id: randomUUID(),
      providerId,
      userId,
      subject,
      email: seen.email,
      emailVerified: seen.email ? seen.emailVerified : false,
      linkedAt: new Date(),
      lastLoginAt: null,
    };
    try {
      await repo.insert(identity);
    } catch (e) {
      if (isUniqueViolation(e)) throw SsoError.identityAlreadyLinked();
      throw e;
    }
    return { identity, created: true };
  }

  async unlink(userId: string, providerId: string): Promise<SsoIdentityEntity> {
    const identity = await this.identities.findOneBy({ userId, providerId });
    if (!identity) throw SsoError.connectionNotFound();
    const res = await this.identities.delete({ id: identity.id });
    if (res.affected === 0) throw SsoError.connectionNotFound();
    return identity;
  }

  /** A sign-in through the identity: remember when, and the email the provider shows now. */
  async touchLogin(identity: SsoIdentityEntity, seen: IdentityEmail): Promise<void> {
    const changed = seen.email && (seen.email !== identity.email || seen.emailVerified !== identity.emailVerified);
    await this.identities.update({ id: identity.id }, { lastLoginAt: new Date(), ...(changed ? { email: seen.email, emailVerified: seen.emailVerified } : {}) });
  }

  /**
   * Admin reset with `unlinkSso`: every link of the account goes, in the caller's transaction.
   * Returns what was removed (with the provider) so the admin's trail can name it.
   */
  async unlinkAllForUser(userId: string): Promise<SsoIdentityEntity[]> {
    const repo = this.repo;
    const rows = await repo.find({ where: { userId }, relations: { provider: true }, order: { linkedAt: 'ASC', id: 'ASC' } });
    if (rows.length) await repo.delete({ id: In(rows.map((r) => r.id)) });
    return rows;
  }

  /** Admin list condition: accounts linked to this provider. */
  userCondition(providerId: string): UserCondition {
    return (qb, alias) => {
      const p = uniqueParam('ssoProviderId');
      const sub = qb.subQuery().select('i.user_id').from(SsoIdentityEntity, 'i').where(`i.provider_id = :${p}`).getQuery();
      qb.andWhere(`${alias}.id IN ${sub}`, { [p]: providerId });
    };
  }

  /** Linked accounts per provider, for the dashboard. */
  async linkCounts(): Promise<Map<string, number>> {
    const rows: Array<{ providerId: string; n: string }> = await this.identities
      .createQueryBuilder('i')
      .select('i.provider_id', 'providerId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('i.provider_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.providerId, Number(r.n)]));
  }

  /** Every account's connections, in one query (JOIN on the provider), oldest link first. */
  async connectionsFor(userIds: string[]): Promise<Map<string, SsoConnectionView[]>> {
    const result = new Map<string, SsoConnectionView[]>(userIds.map((id) => [id, []]));
    if (!userIds.length) return result;
    const rows = await this.identities.find({
      where: { userId: In([...new Set(userIds)]) },
      relations: { provider: true },
      order: { linkedAt: 'ASC', id: 'ASC' },
    });
    for (const row of rows) {
      if (!row.provider) continue;
      result.get(row.userId)?.push({
        provider: { id: row.provider.id, kind: row.provider.kind, displayName: row.provider.displayName },
        email: row.email,
        emailVerified: row.emailVerified,
        linkedAt: row.linkedAt,
      });
    }
    return result;
  }
}
