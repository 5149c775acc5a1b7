import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SsoProviderKind } from './sso-provider-kind';

/** An identity provider configured by an admin at run time. */
@Entity('sso_providers')
export class SsoProviderEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: SsoProviderKind;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ name: 'client_id', type: 'varchar', length: 255 })
  clientId: string;

  /** CryptoService.encrypt(secret, aad = provider id); never returned by the API. */
  @Column({ name: 'client_secret_sealed', type: 'text' })
  clientSecretSealed: string;

  /** The effective issuer (the kind's default unless the admin overrode it). */
  @Column({ type: 'varchar', length: 500 })
  issuer: string;

  /** OFFICE365 only: common | organizations | a tenant id. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  tenant: string | null;

  /** OFFICE365 common/organizations: accepted `tid`s (JSON array); null or empty: any. */
  @Column({ name: 'allowed_tenants', type: 'text', nullable: true })
  allowedTenantsJson: string | null;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ name: 'require_two_factor', type: 'boolean' })
  requireTwoFactor: boolean;

  /**
   * Why the last save could not enable the provider (discovery failed or does not fit); null when
   * the check passed or was not run (saved disabled).
   */
  @Column({ name: 'discovery_problem', type: 'varchar', length: 500, nullable: true })
  discoveryProblem: string | null;

  /** Bumped on every change: each instance rebuilds its passport strategy when it sees a new one. */
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
