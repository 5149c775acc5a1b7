import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Repository } from 'typeorm';
import { CryptoService } from '../common/crypto/crypto.service';
import { Db, TransactionHost } from '../database/transactions';
import { uniqueParam } from '../database/query-params';
import type { UserCondition } from '../users/users.service';
import { BackupCodeSetEntity } from './backup-code-set.entity';
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

  /** The per-user counts (`backup_code_sets`), written in the same transaction as the codes. */
  private get sets(): Repository<BackupCodeSetEntity> {
    return this.tx.tx.getRepository(BackupCodeSetEntity);
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
    // The counts row exists exactly while there is a set (same reason as above: no blind upsert).
    const counts = { total: plain.length, remaining: plain.length, generatedAt: now };
    const replaced = old.length ? (await this.sets.update({ userId }, counts)).affected : 0;
    if (!replaced) await this.sets.insert({ userId, ...counts });
    return plain;
  }

  /** Voids the set (last method turned off, admin reset). */
  async voidAll(userId: string): Promise<void> {
    await this.codes.delete({ userId });
    await this.sets.delete({ userId });
  }

  async list(userId: string): Promise<BackupCodeView[]> {
    const rows = await this.codes.find({ where: { userId }, order: { position: 'ASC' } });
    return rows.map((r) => ({ code: this.crypto.decrypt(r.codeSealed, this.aad(userId)), used: !!r.usedAt }));
  }

  async remaining(userId: string): Promise<number> {
    return (await this.sets.findOneBy({ userId }))?.remaining ?? 0;
  }

  /** By primary key for many users (no N+1 on user lists). */
  async statesFor(userIds: readonly string[]): Promise<Map<string, BackupCodesState>> {
    const map = new Map<string, BackupCodesState>();
    if (!userIds.length) return map;
    const rows = await this.sets.findBy({ userId: In([...new Set(userIds)]) });
    for (const r of rows) map.set(r.userId, { total: r.total, remaining: r.remaining, generatedAt: r.generatedAt });
    return map;
  }

  /**
   * Admin list: users whose current set has at most `n` unused codes (a set exists only while 2FA
   * is on). A range of IDX_backup_code_sets_remaining, which the planner can drive the page from
   * when few match; counting each user's codes per user row visited every code of every user
   * when none matched (timed out at 100k users).
   */
  userCondition(atMost: number): UserCondition {
    return (qb, alias) => {
      const p = uniqueParam('bcAtMost');
      const sub = qb.subQuery().select('s.user_id').from(BackupCodeSetEntity, 's').where(`s.remaining <= :${p}`).getQuery();
      qb.andWhere(`${alias}.id IN ${sub}`, { [p]: atMost });
    };
  }

  countUsersWithAtMost(n: number): Promise<number> {
    return this.sets.createQueryBuilder('s').where('s.remaining <= :n', { n }).getCount();
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
    await this.sets.decrement({ userId }, 'remaining', 1);
    return this.remaining(userId);
  }
}
