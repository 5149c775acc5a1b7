import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The step between a proven first factor and a session; the token is stored only as SHA-256. */
@Entity('login_challenges')
@Index('UQ_login_challenges_token_hash', ['tokenHash'], { unique: true })
@Index('IDX_login_challenges_user', ['userId'])
export class LoginChallengeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** The event recorded when it succeeds (LOGIN or SSO_LOGIN) and its detail. */
  @Column({ type: 'varchar', length: 40 })
  event: string;

  @Column({ name: 'event_detail', type: 'varchar', length: 255, nullable: true })
  eventDetail: string | null;

  /** PendingAction as JSON (e.g. an SSO link to make once the factor is proven). */
  @Column({ name: 'pending_action', type: 'text', nullable: true })
  pendingAction: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** The methods this challenge offers, comma-separated; verifyCode refuses the others (null: any, older rows). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  methods: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** Used, or dead after 5 wrong tries. */
  @Column({ name: 'consumed_at', type: 'datetime', precision: 3, nullable: true })
  consumedAt: Date | null;
}
