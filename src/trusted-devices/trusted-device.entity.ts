import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A browser the user asked us to remember after a second factor ("Remember this browser").
 * The cookie value itself is never stored, only its SHA-256; browser, OS and IP are what the
 * list shows, taken when the device was added.
 */
@Entity('trusted_devices')
@Index('UQ_trusted_devices_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_trusted_devices_user', ['userId'])
export class TrustedDeviceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  browser: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  os: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
