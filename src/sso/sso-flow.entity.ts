import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum SsoFlowPurpose {
  LOGIN = 'LOGIN',
  LINK = 'LINK',
  /** An admin's "Test sign-in": a real round trip that signs nobody in and links nothing. */
  TEST = 'TEST',
}

/**
 * One authorization request in flight: the database-backed `state` of passport-openidconnect's
 * store. Single use, short-lived, shared by every instance (no sticky sessions).
 */
@Entity('sso_flows')
@Index('UQ_sso_flows_state_hash', ['stateHash'], { unique: true })
@Index('IDX_sso_flows_expires', ['expiresAt'])
export class SsoFlowEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 36 })
  providerId: string;

  /** SHA-256 of the `state` handle sent to the provider. */
  @Column({ name: 'state_hash', type: 'varchar', length: 64 })
  stateHash: string;

  /** The `nonce` sent with the request; the ID token must carry it back. */
  @Column({ type: 'varchar', length: 128 })
  nonce: string;

  /** PKCE code_verifier (RFC 7636), sealed with CryptoService (aad: the flow id). */
  @Column({ name: 'code_verifier_sealed', type: 'text' })
  codeVerifierSealed: string;

  @Column({ type: 'varchar', length: 8 })
  purpose: SsoFlowPurpose;

  /**
   * SHA-256 of the browser-binding cookie of the browser that started the flow: the callback
   * is accepted only from that browser (API.md Part 2). Null only on rows older than the column.
   */
  @Column({ name: 'browser_hash', type: 'varchar', length: 64, nullable: true })
  browserHash: string | null;

  /** LINK: the account that asked for the link. */
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  /** LINK: the session that asked (a link is refused if it ended meanwhile). */
  @Column({ name: 'session_id', type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'consumed_at', type: 'datetime', precision: 3, nullable: true })
  consumedAt: Date | null;
}
