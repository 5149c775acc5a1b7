import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per user who ever started a 2FA setup: method state, TOTP secret, failure count. */
@Entity('two_factor_settings')
export class TwoFactorSettingsEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'email_enabled_at', type: 'datetime', precision: 3, nullable: true })
  emailEnabledAt: Date | null;

  /** AES-256-GCM sealed base32 secret (CryptoService), AAD = user id. */
  @Column({ name: 'totp_secret', type: 'varchar', length: 255, nullable: true })
  totpSecret: string | null;

  @Column({ name: 'totp_enabled_at', type: 'datetime', precision: 3, nullable: true })
  totpEnabledAt: Date | null;

  /** Enrolment in progress: sealed like totpSecret, until confirmTotp succeeds. */
  @Column({ name: 'totp_pending_secret', type: 'varchar', length: 255, nullable: true })
  totpPendingSecret: string | null;

  /** Last accepted TOTP time step: a code of this step or an earlier one is a replay. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  /** Since the first passkey or security key was registered; null once the last is removed. */
  @Column({ name: 'webauthn_enabled_at', type: 'datetime', precision: 3, nullable: true })
  webauthnEnabledAt: Date | null;

  /** Failed code checks in a row (any factor); the 10th locks code checks. */
  @Column({ name: 'failed_count', type: 'int', default: 0 })
  failedCount: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_two_factor_at', type: 'datetime', precision: 3, nullable: true })
  lastTwoFactorAt: Date | null;

  /** Re-send limit for emailed codes. */
  @Column({ name: 'last_code_sent_at', type: 'datetime', precision: 3, nullable: true })
  lastCodeSentAt: Date | null;
}
