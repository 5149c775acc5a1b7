import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';
import { id, int, ref, str, text, time } from '../migration-helpers';

const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: false });
const fk = (table: string, column: string, target: string) =>
  new TableForeignKey({
    name: `FK_${table}_${column.replace(/_id$/, '')}`,
    columnNames: [column],
    referencedTableName: target,
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });

/** SSO: providers (configured at run time), linked identities, in-flight flows (state) and tickets. */
export class Sso1764080300000 implements MigrationInterface {
  name = 'Sso1764080300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'sso_providers',
        columns: [
          id(),
          str('kind', 16),
          str('display_name', 100),
          str('client_id', 255),
          text('client_secret_sealed'),
          str('issuer', 500),
          str('tenant', 64, true),
          text('allowed_tenants', true),
          flag('enabled'),
          flag('require_two_factor'),
          { name: 'version', type: 'int', isNullable: false },
          time('created_at'),
          time('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sso_identities',
        columns: [id(), ref('provider_id'), ref('user_id'), str('subject', 255), str('email', 254, true), time('linked_at'), time('last_login_at', true)],
        indices: [
          new TableIndex({ name: 'UQ_sso_identities_provider_subject', columnNames: ['provider_id', 'subject'], isUnique: true }),
          new TableIndex({ name: 'UQ_sso_identities_user_provider', columnNames: ['user_id', 'provider_id'], isUnique: true }),
        ],
        foreignKeys: [fk('sso_identities', 'provider_id', 'sso_providers'), fk('sso_identities', 'user_id', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sso_flows',
        columns: [
          id(),
          ref('provider_id'),
          str('state_hash', 64),
          str('nonce', 128),
          text('code_verifier_sealed'),
          str('purpose', 8),
          ref('user_id', true),
          ref('session_id', true),
          time('created_at'),
          time('expires_at'),
          time('consumed_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_sso_flows_state_hash', columnNames: ['state_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_sso_flows_expires', columnNames: ['expires_at'] }),
        ],
        foreignKeys: [fk('sso_flows', 'provider_id', 'sso_providers'), fk('sso_flows', 'user_id', 'users')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sso_tickets',
        columns: [
          id(),
          str('ticket_hash', 64),
          str('kind', 8),
          ref('provider_id'),
          ref('user_id', true),
          str('subject', 255),
          str('email', 254, true),
          int('attempts'),
          time('created_at'),
          time('expires_at'),
          time('consumed_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_sso_tickets_ticket_hash', columnNames: ['ticket_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_sso_tickets_expires', columnNames: ['expires_at'] }),
        ],
        foreignKeys: [fk('sso_tickets', 'provider_id', 'sso_providers'), fk('sso_tickets', 'user_id', 'users')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['sso_tickets', 'sso_flows', 'sso_identities', 'sso_providers']) await q.dropTable(t);
  }
}
