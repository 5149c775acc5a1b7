import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { str, time } from '../migration-helpers';

/**
 * What the sessions list shows (API.md Part 2): the last request (to the minute), how the session
 * was opened, browser and OS parsed at sign-in. Sessions opened before this migration count as
 * seen at sign-in and opened with a password (the only kind we cannot tell apart afterwards).
 */
export class SessionDetails1764090500000 implements MigrationInterface {
  name = 'SessionDetails1764090500000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('sessions', [
      new TableColumn(time('last_seen_at', true)),
      new TableColumn({ ...str('signed_in_with', 16), default: "'PASSWORD'" }),
      new TableColumn(str('browser', 64, true)),
      new TableColumn(str('os', 64, true)),
    ]);
    await q.query('UPDATE sessions SET last_seen_at = created_at');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['os', 'browser', 'signed_in_with', 'last_seen_at']) await q.dropColumn('sessions', c);
  }
}
