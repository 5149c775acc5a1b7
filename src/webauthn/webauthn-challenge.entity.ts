import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum CeremonyPurpose {
  REGISTER = 'REGISTER',
  /** The second step of a sign-in (bound to the login challenge). */
  LOGIN = 'LOGIN',
  /** Re-authentication (bound to the session that asked). */
  REAUTH = 'REAUTH',
  /** Passwordless sign-in (bound to the login token handed to whoever began it). */
  PASSKEY_LOGIN = 'PASSKEY_LOGIN',
}

/**
 * One ceremony's challenge, stored as SHA-256 in the database (any instance can finish a ceremony
 * another began), bound to who began it, single use and 5 minutes.
 */
@Entity('webauthn_challenges')
@Index('UQ_webauthn_challenges_hash', ['challengeHash'], { unique: true })
@Index('IDX_webauthn_challenges_expires', ['expiresAt'])
export class WebAuthnChallengeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'challenge_hash', type: 'varchar', length: 64 })
  challengeHash: string;

  @Column({ type: 'varchar', length: 20 })
  purpose: CeremonyPurpose;

  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ name: 'session_id', type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @Column({ name: 'login_challenge_id', type: 'varchar', length: 36, nullable: true })
  loginChallengeId: string | null;

  @Column({ name: 'login_token_hash', type: 'varchar', length: 64, nullable: true })
  loginTokenHash: string | null;

  /** Registration: the user handle the options carried. */
  @Column({ name: 'user_handle', type: 'varchar', length: 64, nullable: true })
  userHandle: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'consumed_at', type: 'datetime', precision: 3, nullable: true })
  consumedAt: Date | null;
}
