import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { id, time } from '../migration-helpers';

/**
 * Each user's backup-code set as counts (issue 16): the admin filter "at most n codes left" is an
 * index range read of `remaining`, not a count of every user's codes. Filled from the codes.
 */
export class BackupCodeSets1764091700000 implements MigrationInterface {
  name = 'BackupCodeSets1764091700000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'backup_code_sets',
        columns: [
          id('user_id'),
          { name: 'total', type: 'int', isNullable: false },
          { name: 'remaining', type: 'int', isNullable: false },
          time('generated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_backup_code_sets_remaining', columnNames: ['remaining', 'user_id'] })],
        foreignKeys: [
          new TableForeignKey({ name: 'FK_backup_code_sets_user', columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
    await q.query(
      'INSERT INTO backup_code_sets (user_id, total, remaining, generated_at) ' +
        'SELECT user_id, COUNT(*), SUM(CASE WHEN used_at IS NULL THEN 1 ELSE 0 END), MIN(created_at) FROM backup_codes GROUP BY user_id',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('backup_code_sets');
  }
}
