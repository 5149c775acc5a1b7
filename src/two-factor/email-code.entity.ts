import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum EmailCodePurpose {
  SETUP = 'SETUP',
  LOGIN = 'LOGIN',
  REAUTH = 'REAUTH',
}

/** An emailed 6-digit code; only its keyed hash is stored. */
@Entity('email_codes')
@Index('IDX_email_codes_user', ['userId', 'purpose', 'createdAt'])
export class EmailCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: EmailCodePurpose;

  /** HMAC(id:code): the id salts it, the key keeps a table dump from brute-forcing 10^6 codes. */
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'challenge_id', type: 'varchar', length: 36, nullable: true })
  challengeId: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** Used, superseded by a newer code, or dead after 5 wrong tries: no longer accepted. */
  @Column({ name: 'consumed_at', type: 'datetime', precision: 3, nullable: true })
  consumedAt: Date | null;
}
