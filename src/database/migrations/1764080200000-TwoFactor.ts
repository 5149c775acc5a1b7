import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bigint, id, int, ref, str, text, time } from '../migration-helpers';

/** Two-factor state, emailed codes, backup codes and login challenges. */
export class TwoFactor1764080200000 implements MigrationInterface {
  name = 'TwoFactor1764080200000';

  async up(q: QueryRunner): Promise<void> {
    const fkUser = (table: string) =>
      new TableForeignKey({ name: `FK_${table}_user`, columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' });
    await q.createTable(
      new Table({
        name: 'two_factor_settings',
        columns: [
          { ...ref('user_id'), isPrimary: true },
          time('email_enabled_at', true),
          str('totp_secret', 255, true),
          time('totp_enabled_at', true),
          str('totp_pending_secret', 255, true),
          bigint('totp_last_step'),
          int('failed_count'),
          time('locked_until', true),
          time('last_two_factor_at', true),
          time('last_code_sent_at', true),
        ],
        foreignKeys: [fkUser('two_factor_settings')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'email_codes',
        columns: [
          id(),
          ref('user_id'),
          str('purpose', 16),
          str('code_hash', 64),
          ref('challenge_id', true),
          int('attempts'),
          time('created_at'),
          time('expires_at'),
          time('consumed_at', true),
        ],
        indices: [new TableIndex({ name: 'IDX_email_codes_user', columnNames: ['user_id', 'purpose', 'created_at'] })],
        foreignKeys: [fkUser('email_codes')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'backup_codes',
        columns: [id(), ref('user_id'), { name: 'position', type: 'int' }, str('code_sealed', 255), str('lookup_hash', 64), time('created_at'), time('used_at', true)],
        indices: [new TableIndex({ name: 'UQ_backup_codes_lookup', columnNames: ['user_id', 'lookup_hash'], isUnique: true })],
        foreignKeys: [fkUser('backup_codes')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'login_challenges',
        columns: [
          id(),
          ref('user_id'),
          str('token_hash', 64),
          str('event', 40),
          str('event_detail', 255, true),
          text('pending_action', true),
          int('attempts'),
          time('created_at'),
          time('expires_at'),
          time('consumed_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_login_challenges_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_login_challenges_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [fkUser('login_challenges')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['login_challenges', 'backup_codes', 'email_codes', 'two_factor_settings']) await q.dropTable(t);
  }
}
