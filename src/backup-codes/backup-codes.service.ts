import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { CryptoService } from '../common/crypto/crypto.service';
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
    @InjectRepository(BackupCodeEntity) private readonly codes: Repository<BackupCodeEntity>,
    private readonly crypto: CryptoService,
  ) {}

  private aad(userId: string) {
    return `backup-code:${userId}`;
  }

  /** Replaces the user's set with 10 new codes (inside the caller's transaction) and returns them. */
  async generate(userId: string, em: EntityManager): Promise<string[]> {
    const repo = em.getRepository(BackupCodeEntity);
    await repo.delete({ userId });
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
  async voidAll(userId: string, em: EntityManager): Promise<void> {
    await em.getRepository(BackupCodeEntity).delete({ userId });
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

  /** Users whose current set has at most `n` unused codes (a set exists only while 2FA is on). */
  userCondition(atMost: number): { sql: string; params: Record<string, unknown> } {
    return {
      sql: 'id IN (SELECT user_id FROM backup_codes GROUP BY user_id HAVING SUM(CASE WHEN used_at IS NULL THEN 1 ELSE 0 END) <= :bcAtMost)',
      params: { bcAtMost: atMost },
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
  async redeem(userId: string, input: string, em?: EntityManager): Promise<number | null> {
    const normalized = normalizeBackupCode(input);
    if (!normalized) return null;
    const repo = em ? em.getRepository(BackupCodeEntity) : this.codes;
    const candidates = this.crypto.lookupHashCandidates(`backup:${userId}:${normalized}`);
    const res = await repo.update({ userId, lookupHash: In(candidates), usedAt: IsNull() }, { usedAt: new Date() });
    if (res.affected !== 1) return null;
    return repo.countBy({ userId, usedAt: IsNull() });
  }
}
