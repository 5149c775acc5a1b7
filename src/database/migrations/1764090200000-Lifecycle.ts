import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { str } from '../migration-helpers';

/**
 * The account lifecycle (API.md Part 2): `users.status` (every existing account is ACTIVE), and
 * the methods a login challenge offers, kept on the challenge so verifyCode refuses the others
 * (a password-reset challenge never offers EMAIL; the policy's allowed methods).
 */
export class Lifecycle1764090200000 implements MigrationInterface {
  name = 'Lifecycle1764090200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('users', new TableColumn({ ...str('status', 16), default: "'ACTIVE'" }));
    await q.addColumn('login_challenges', new TableColumn(str('methods', 100, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('login_challenges', 'methods');
    await q.dropColumn('users', 'status');
  }
}
