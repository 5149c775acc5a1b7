import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SignInMethod } from './sign-in-method';

/** A server-side session; the bearer token itself is never stored, only its SHA-256. */
@Entity('sessions')
@Index('UQ_sessions_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_sessions_user', ['userId'])
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** Last time this session proved the password or a factor: the "recent authentication" clock. */
  @Column({ name: 'recent_auth_at', type: 'datetime', precision: 3 })
  recentAuthAt: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;

  /**
   * The last request, to the minute: written at most once a minute per session (a conditional
   * UPDATE), so reads stay reads. The idle limit counts from it. Nullable only for rows older than
   * the column (the migration fills them from created_at).
   */
  @Column({ name: 'last_seen_at', type: 'datetime', precision: 3, nullable: true })
  lastSeenAt: Date | null;

  @Column({ name: 'signed_in_with', type: 'varchar', length: 16, default: SignInMethod.PASSWORD })
  signedInWith: SignInMethod;

  /** Parsed from the user agent at sign-in, for the sessions list. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  browser: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  os: string | null;

  /** `SessionEndReason` when someone other than its holder ended it (an admin), else null. */
  @Column({ name: 'end_reason', type: 'varchar', length: 32, nullable: true })
  endReason: string | null;
}
