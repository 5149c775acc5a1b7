import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { id, ref, str, time } from '../migration-helpers';

/**
 * Set-password links (password reset, invitations): one row per account, holding the SHA-256 of
 * its current link; a new link replaces it. `issued_at` is the last mail (the 60 s limit).
 */
export class PasswordResetTokens1764090400000 implements MigrationInterface {
  name = 'PasswordResetTokens1764090400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'password_reset_tokens',
        columns: [id(), ref('user_id'), str('token_hash', 64), str('kind', 8), time('issued_at'), time('expires_at'), time('consumed_at', true)],
        indices: [
          new TableIndex({ name: 'UQ_password_reset_tokens_user', columnNames: ['user_id'], isUnique: true }),
          new TableIndex({ name: 'UQ_password_reset_tokens_token_hash', columnNames: ['token_hash'], isUnique: true }),
        ],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_password_reset_tokens_user', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('password_reset_tokens');
  }
}
