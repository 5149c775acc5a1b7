import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { str, time } from '../migration-helpers';

/**
 * The security policy (API.md Part 2, "2FA policy"): one row, made here with the contract's
 * defaults (no role must use 2FA, 14 days of grace, every method, 12 h sessions, 30-day devices),
 * so every read finds it.
 */
export class SecurityPolicy1764090300000 implements MigrationInterface {
  name = 'SecurityPolicy1764090300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'security_policy',
        columns: [
          { name: 'id', type: 'int', isPrimary: true },
          { ...str('require_two_factor', 100), default: "''" },
          { name: 'grace_period_days', type: 'int', default: 14, isNullable: false },
          str('allowed_methods', 100),
          { ...str('phishing_resistant_for', 100), default: "''" },
          { name: 'session_idle_minutes', type: 'int', isNullable: true },
          { name: 'session_max_hours', type: 'int', default: 12, isNullable: false },
          { name: 'trusted_device_days', type: 'int', default: 30, isNullable: false },
          { ...str('required_since', 255), default: "'{}'" },
          time('updated_at', true),
          str('updated_by', 36, true),
        ],
      }),
    );
    await q.query(
      'INSERT INTO security_policy (id, require_two_factor, grace_period_days, allowed_methods, phishing_resistant_for, session_idle_minutes, session_max_hours, trusted_device_days, required_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [1, '', 14, 'EMAIL,TOTP,WEBAUTHN', '', null, 12, 30, '{}'],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('security_policy');
  }
}
