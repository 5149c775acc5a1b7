import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { bigint, bool, id, ref, str, text, time } from '../migration-helpers';

/**
 * Passkeys and security keys: the credentials (public keys, stored as received), the ceremonies'
 * challenges (SHA-256 only, single use, 5 minutes, in the database so any instance can finish a
 * ceremony another began), and WEBAUTHN's "on" time beside the other methods'.
 */
export class WebAuthn1764090700000 implements MigrationInterface {
  name = 'WebAuthn1764090700000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'webauthn_credentials',
        columns: [
          id(),
          ref('user_id'),
          // Up to 1023 bytes by the spec: kept whole, looked up by its SHA-256 (an index fits).
          text('credential_id'),
          str('credential_id_hash', 64),
          text('public_key'),
          bigint('counter', false),
          str('transports', 255, true),
          str('user_handle', 64),
          str('name', 64),
          bool('passkey'),
          bool('backed_up'),
          time('created_at'),
          time('last_used_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_webauthn_credentials_id_hash', columnNames: ['credential_id_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_webauthn_credentials_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_webauthn_credentials_user', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'webauthn_challenges',
        columns: [
          id(),
          str('challenge_hash', 64),
          str('purpose', 20),
          ref('user_id', true),
          ref('session_id', true),
          ref('login_challenge_id', true),
          str('login_token_hash', 64, true),
          str('user_handle', 64, true),
          time('created_at'),
          time('expires_at'),
          time('consumed_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_webauthn_challenges_hash', columnNames: ['challenge_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_webauthn_challenges_expires', columnNames: ['expires_at'] }),
        ],
      }),
    );
    await q.addColumn('two_factor_settings', new TableColumn(time('webauthn_enabled_at', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('two_factor_settings', 'webauthn_enabled_at');
    await q.dropTable('webauthn_challenges');
    await q.dropTable('webauthn_credentials');
  }
}
