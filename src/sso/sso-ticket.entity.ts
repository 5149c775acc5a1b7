import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum SsoTicketKind {
  /** The identity is linked: `completeSsoLogin` turns it into a session. */
  LOGIN = 'LOGIN',
  /** The identity is linked to nobody: `bindSsoAccount` proves an account, then links. */
  BIND = 'BIND',
  /** An admin's "Test sign-in": only `ssoTestResult` of that admin reads it; it signs nobody in. */
  TEST = 'TEST',
}

/** What the callback hands to the web app; only the SHA-256 of the ticket is stored. */
@Entity('sso_tickets')
@Index('UQ_sso_tickets_ticket_hash', ['ticketHash'], { unique: true })
@Index('IDX_sso_tickets_expires', ['expiresAt'])
export class SsoTicketEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'ticket_hash', type: 'varchar', length: 64 })
  ticketHash: string;

  @Column({ type: 'varchar', length: 8 })
  kind: SsoTicketKind;

  @Column({ name: 'provider_id', type: 'varchar', length: 36 })
  providerId: string;

  /** LOGIN: the linked account. */
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** Whether the provider vouched for `email` (shown as unverified otherwise). */
  @Column({ name: 'email_verified', type: 'boolean', default: false })
  emailVerified: boolean;

  /** The flow's browser binding: the ticket works only with the same browser's cookie. */
  @Column({ name: 'browser_hash', type: 'varchar', length: 64, nullable: true })
  browserHash: string | null;

  /** BIND: password attempts made with this ticket (5 kill it). */
  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'consumed_at', type: 'datetime', precision: 3, nullable: true })
  consumedAt: Date | null;
}
