import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { id, ref, str, time } from '../migration-helpers';

/** Trusted browsers ("Remember this browser"): the cookie's SHA-256, never the cookie. */
export class TrustedDevices1764090600000 implements MigrationInterface {
  name = 'TrustedDevices1764090600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'trusted_devices',
        columns: [
          id(),
          ref('user_id'),
          str('token_hash', 64),
          time('created_at'),
          time('last_used_at', true),
          time('expires_at'),
          str('browser', 64, true),
          str('os', 64, true),
          str('ip', 64, true),
          time('revoked_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_trusted_devices_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_trusted_devices_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_trusted_devices_user', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('trusted_devices');
  }
}
