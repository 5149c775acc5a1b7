import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * An index for every sort of the admin list (issue 16), so that each page, wherever it starts, is
 * a range read of the index in the order of (sort key, id) instead of a sort of the whole users
 * table: by last sign-in, by display name, and by status for the status filter (oldest first
 * within a status). Creation time and email have theirs since the first migration.
 *
 * The display name sorts case-insensitively. On MySQL/MariaDB the column's collation already
 * compares that way, so the plain index serves it; SQLite compares with BINARY unless told, so
 * there the index is built with COLLATE NOCASE (the collation the query names), which TableIndex
 * cannot express. Both read back as the columns (display_name, id), matching the entity.
 */
export class UserListIndexes1764091600000 implements MigrationInterface {
  name = 'UserListIndexes1764091600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('users', new TableIndex({ name: 'IDX_users_last_login', columnNames: ['last_login_at', 'id'] }));
    await q.createIndex('users', new TableIndex({ name: 'IDX_users_status', columnNames: ['status', 'created_at', 'id'] }));
    if (sqlite(q)) await q.query('CREATE INDEX "IDX_users_display_name" ON "users" ("display_name" COLLATE NOCASE, "id")');
    else await q.createIndex('users', new TableIndex({ name: 'IDX_users_display_name', columnNames: ['display_name', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    if (sqlite(q)) await q.query('DROP INDEX "IDX_users_display_name"');
    else await q.dropIndex('users', 'IDX_users_display_name');
    await q.dropIndex('users', 'IDX_users_status');
    await q.dropIndex('users', 'IDX_users_last_login');
  }
}

const sqlite = (q: QueryRunner) => q.connection.options.type === 'better-sqlite3';
