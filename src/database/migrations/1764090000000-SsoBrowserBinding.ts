import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { bool, str } from '../migration-helpers';

/**
 * SSO flows bound to the browser (API.md Part 2): flows and tickets keep the hash of the
 * browser-binding cookie; identities and tickets keep whether the provider vouched for the email.
 * Rows written before this migration get a null binding, which no cookie matches: a flow or
 * ticket in flight during the upgrade ends with invalid_state / CODE_EXPIRED (they live minutes).
 */
export class SsoBrowserBinding1764090000000 implements MigrationInterface {
  name = 'SsoBrowserBinding1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('sso_flows', new TableColumn(str('browser_hash', 64, true)));
    await q.addColumns('sso_tickets', [new TableColumn(bool('email_verified')), new TableColumn(str('browser_hash', 64, true))]);
    await q.addColumn('sso_identities', new TableColumn(bool('email_verified')));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('sso_identities', 'email_verified');
    await q.dropColumns('sso_tickets', ['browser_hash', 'email_verified']);
    await q.dropColumn('sso_flows', 'browser_hash');
  }
}
