import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { str } from '../migration-helpers';

/**
 * Why the last save of a provider could not enable it (its discovery document could not be
 * fetched or does not fit the configuration): the admin console shows it next to the provider.
 */
export class SsoProviderCheck1764091500000 implements MigrationInterface {
  name = 'SsoProviderCheck1764091500000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('sso_providers', new TableColumn(str('discovery_problem', 500, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('sso_providers', 'discovery_problem');
  }
}
