import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A registered passkey or security key. The public key is stored as received (COSE, base64url):
 * it is public. The user handle is random per account, never the email.
 */
@Entity('webauthn_credentials')
@Index('UQ_webauthn_credentials_id_hash', ['credentialIdHash'], { unique: true })
@Index('IDX_webauthn_credentials_user', ['userId'])
export class WebAuthnCredentialEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  /** The authenticator's credential id, base64url. */
  @Column({ name: 'credential_id', type: 'text' })
  credentialId: string;

  @Column({ name: 'credential_id_hash', type: 'varchar', length: 64 })
  credentialIdHash: string;

  @Column({ name: 'public_key', type: 'text' })
  publicKey: string;

  /** The signature counter last seen; one that goes backwards is refused (a cloned key). */
  @Column({ type: 'bigint' })
  counter: string;

  /** Comma-separated AuthenticatorTransport hints (usb, nfc, internal, hybrid…). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  transports: string | null;

  @Column({ name: 'user_handle', type: 'varchar', length: 64 })
  userHandle: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** Discoverable (credProps.rk): usable for passwordless sign-in. */
  @Column({ type: 'boolean', default: false })
  passkey: boolean;

  /** Synced by its provider (a multi-device passkey), from the BS flag. */
  @Column({ name: 'backed_up', type: 'boolean', default: false })
  backedUp: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true })
  lastUsedAt: Date | null;
}
