import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import { CryptoService } from '../common/crypto/crypto.service';
import { Db, TransactionHost } from '../database/transactions';
import { uniqueParam } from '../database/query-params';
import type { UserCondition } from '../users/users.service';
import { BackupCodeEntity } from './backup-code.entity';
import { BACKUP_CODE_COUNT, generateBackupCode, normalizeBackupCode } from './backup-code-format';

export interface BackupCodesState {
  total: number;
  remaining: number;
  generatedAt: Date | null;
}
export interface BackupCodeView {
  code: string;
  used: boolean;
}

@Injectable()
export class BackupCodesService {
  constructor(
    @InjectRepository(BackupCodeEntity) private readonly repo: Repository<BackupCodeEntity>,
    private readonly crypto: CryptoService,
    private readonly tx: TransactionHost<Db>,
  ) {}

  /** The repository of the call's transaction (or none). */
  private get codes(): Repository<BackupCodeEntity> {
    return this.tx.tx.getRepository(BackupCodeEntity);
  }

  private aad(userId: string) {
    return `backup-code:${userId}`;
  }

  /** Replaces the user's set with 10 new codes (in the call's transaction) and returns them. */
  async generate(userId: string): Promise<string[]> {
    const repo = this.codes;
    // By primary key, and only if there is a set: a DELETE on an empty user_id range takes a gap
    // lock on MariaDB, and two users turning on their first method at once then deadlock.
    const old = await repo.find({ where: { userId }, select: { id: true } });
    if (old.length) await repo.delete({ id: In(old.map((r) => r.id)) });
    const now = new Date();
    const plain = Array.from({ length: BACKUP_CODE_COUNT }, generateBackupCode);
    await repo.insert(
      plain.map((code, position) => ({
        id: randomUUID(),
        userId,
        position,
        codeSealed: this.crypto.encrypt(code, this.aad(userId)),
        lookupHash: this.crypto.lookupHash(`backup:${userId}:${normalizeBackupCode(code)}`),
        createdAt: now,
        usedAt: null,
      })),
    );
    return plain;
  }

  /** Voids the set (last method turned off, admin reset). */
  async voidAll(userId: string): Promise<void> {
    await this.codes.delete({ userId });
  }

  async list(userId: string): Promise<BackupCodeView[]> {
    const rows = await this.codes.find({ where: { userId }, order: { position: 'ASC' } });
    return rows.map((r) => ({ code: this.crypto.decrypt(r.codeSealed, this.aad(userId)), used: !!r.usedAt }));
  }

  async remaining(userId: string): Promise<number> {
    return this.codes.countBy({ userId, usedAt: IsNull() });
  }

  /** One grouped query for many users (no N+1 on user lists). */
  async statesFor(userIds: readonly string[]): Promise<Map<string, BackupCodesState>> {
    const map = new Map<string, BackupCodesState>();
    if (!userIds.length) return map;
    const rows: Array<{ userId: string; total: string; remaining: string; generatedAt: string | Date }> = await this.codes
      .createQueryBuilder('b')
      .select('b.user_id', 'userId')
      .addSelect('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN b.used_at IS NULL THEN 1 ELSE 0 END)', 'remaining')
      .addSelect('MIN(b.created_at)', 'generatedAt')
      .where({ userId: In([...new Set(userIds)]) })
      .groupBy('b.user_id')
      .getRawMany();
    for (const r of rows) {
      const at = r.generatedAt instanceof Date ? r.generatedAt : new Date(`${String(r.generatedAt).replace(' ', 'T')}Z`);
      map.set(r.userId, { total: Number(r.total), remaining: Number(r.remaining), generatedAt: at });
    }
    return map;
  }

  /**
   * Admin list: users whose current set has at most `n` unused codes (a set exists only while 2FA
   * is on). Correlated to the user row, so each row costs two probes of UQ_backup_codes_lookup
   * (user_id first): `id IN (SELECT user_id … GROUP BY user_id HAVING …)` was run by MariaDB as a
   * grouping of the whole table per user row, 40+ s at 100k users (1M codes).
   */
  userCondition(atMost: number): UserCondition {
    return (qb, alias) => {
      const p = uniqueParam('bcAtMost');
      const any = qb.subQuery().select('1').from(BackupCodeEntity, 'b').where(`b.user_id = ${alias}.id`).getQuery();
      const unused = qb.subQuery().select('COUNT(*)').from(BackupCodeEntity, 'b').where(`b.user_id = ${alias}.id AND b.used_at IS NULL`).getQuery();
      qb.andWhere(`EXISTS ${any} AND ${unused} <= :${p}`, { [p]: atMost });
    };
  }

  async countUsersWithAtMost(n: number): Promise<number> {
    const rows = await this.codes
      .createQueryBuilder('b')
      .select('b.user_id', 'userId')
      .groupBy('b.user_id')
      .having('SUM(CASE WHEN b.used_at IS NULL THEN 1 ELSE 0 END) <= :n', { n })
      .getRawMany();
    return rows.length;
  }

  /**
   * Redeems a code: one conditional UPDATE (`used_at IS NULL`) decides, so two concurrent
   * requests with the same code can never both succeed. Returns the codes left, or null when the
   * code is not a live code of this user.
   */
  async redeem(userId: string, input: string): Promise<number | null> {
    const normalized = normalizeBackupCode(input);
    if (!normalized) return null;
    const repo = this.codes;
    const candidates = this.crypto.lookupHashCandidates(`backup:${userId}:${normalized}`);
    const res = await repo.update({ userId, lookupHash: In(candidates), usedAt: IsNull() }, { usedAt: new Date() });
    if (res.affected !== 1) return null;
    return repo.countBy({ userId, usedAt: IsNull() });
  }
}
