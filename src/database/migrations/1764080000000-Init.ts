import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { id, ref, str, time } from '../migration-helpers';

/** Accounts, sessions and the security event log. */
export class Init1764080000000 implements MigrationInterface {
  name = 'Init1764080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          str('email', 254),
          str('email_lower', 254),
          str('display_name', 100),
          str('role', 16),
          str('password_hash', 255),
          time('created_at'),
          time('last_login_at', true),
          time('password_changed_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_users_email_lower', columnNames: ['email_lower'], isUnique: true }),
          new TableIndex({ name: 'IDX_users_created', columnNames: ['created_at', 'id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id(),
          ref('user_id'),
          str('token_hash', 64),
          time('created_at'),
          time('expires_at'),
          time('recent_auth_at'),
          time('revoked_at', true),
          str('ip', 64, true),
          str('user_agent', 255, true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_sessions_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_sessions_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_sessions_user', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'security_events',
        columns: [
          id(),
          ref('user_id'),
          str('type', 40),
          ref('actor_id', true),
          str('ip', 64, true),
          str('user_agent', 255, true),
          str('detail', 500, true),
          time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_security_events_user', columnNames: ['user_id', 'created_at', 'id'] }),
          new TableIndex({ name: 'IDX_security_events_created', columnNames: ['created_at', 'id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_security_events_user', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('security_events');
    await q.dropTable('sessions');
    await q.dropTable('users');
  }
}
