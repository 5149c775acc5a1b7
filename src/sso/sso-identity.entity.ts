import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SsoProviderEntity } from './sso-provider.entity';

/**
 * An identity at a provider, linked to one account. Keyed by provider + subject (`sub`, or
 * `tid:oid` for Office 365), never by email: the email is only shown to the user.
 */
@Entity('sso_identities')
@Index('UQ_sso_identities_provider_subject', ['providerId', 'subject'], { unique: true })
@Index('UQ_sso_identities_user_provider', ['userId', 'providerId'], { unique: true })
export class SsoIdentityEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 36 })
  providerId: string;

  /** Loaded only where asked (connections list: one JOIN for many users). */
  @ManyToOne(() => SsoProviderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'FK_sso_identities_provider' })
  provider?: SsoProviderEntity;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  /** The `email` claim, else `preferred_username`, as last seen. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** Whether the provider vouched for `email` when last seen (`email_verified`; Office 365: a tenant UPN). */
  @Column({ name: 'email_verified', type: 'boolean', default: false })
  emailVerified: boolean;

  @Column({ name: 'linked_at', type: 'datetime', precision: 3 })
  linkedAt: Date;

  @Column({ name: 'last_login_at', type: 'datetime', precision: 3, nullable: true })
  lastLoginAt: Date | null;
}
