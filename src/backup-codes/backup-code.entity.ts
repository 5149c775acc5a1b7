import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One code of a user's current set. The code is sealed (AES-GCM, so it can be shown again) and
 * has a keyed hash beside it for an indexed lookup on redemption.
 */
@Entity('backup_codes')
@Index('UQ_backup_codes_lookup', ['userId', 'lookupHash'], { unique: true })
export class BackupCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'code_sealed', type: 'varchar', length: 255 })
  codeSealed: string;

  @Column({ name: 'lookup_hash', type: 'varchar', length: 64 })
  lookupHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;
}
