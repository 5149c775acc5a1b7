import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum ResetTokenKind {
  /** `requestPasswordReset` / `sendPasswordReset`: a new password for an ACTIVE account, 30 minutes. */
  RESET = 'RESET',
  /** `inviteUser` / `resendInvite`: the first password of an INVITED account, 72 hours. */
  INVITE = 'INVITE',
}

/**
 * The account's one set-password link: a new link replaces the row, so the previous link is void
 * (resendInvite) and the row's `issued_at` is the time of the last mail (the 60 s limit is a
 * conditional UPDATE on it). Only the SHA-256 of the token is stored, as for session tokens.
 */
@Entity('password_reset_tokens')
@Index('UQ_password_reset_tokens_user', ['userId'], { unique: true })
@Index('UQ_password_reset_tokens_token_hash', ['tokenHash'], { unique: true })
export class PasswordResetTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 8 })
  kind: ResetTokenKind;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'consumed_at', type: 'datetime', precision: 3, nullable: true })
  consumedAt: Date | null;
}
