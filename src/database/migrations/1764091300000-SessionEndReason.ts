import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { str } from '../migration-helpers';

/**
 * Why a session was ended, when someone other than its holder ended it (an admin's reset or
 * "Sign out everywhere", a deactivation): the next request of that browser is told so, instead of
 * a bare "sign in again". Null for every other end (sign-out, expiry, password change…).
 */
export class SessionEndReason1764091300000 implements MigrationInterface {
  name = 'SessionEndReason1764091300000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('sessions', new TableColumn(str('end_reason', 32, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('sessions', 'end_reason');
  }
}
