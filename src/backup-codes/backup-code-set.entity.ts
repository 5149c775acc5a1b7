import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A user's current set of backup codes as counts, kept beside the codes in the same transactions
 * (generated, redeemed, voided). The admin list filters on `remaining` through its index and reads
 * a page's counts by primary key: counting each user's codes instead meant visiting every code of
 * every user when few or none match (seconds at 100k users).
 */
@Entity('backup_code_sets')
@Index('IDX_backup_code_sets_remaining', ['remaining', 'userId'])
export class BackupCodeSetEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'int' })
  total: number;

  @Column({ type: 'int' })
  remaining: number;

  @Column({ name: 'generated_at', type: 'datetime', precision: 3 })
  generatedAt: Date;
}
