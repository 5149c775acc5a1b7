import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one row of the security policy (id 1). Lists are comma-separated enum values; `requiredSince`
 * is JSON `{ "AGENT": "<iso time>" }`: when 2FA became required for each role, which starts that
 * role's grace period (a role dropped from `requireTwoFactor` loses its entry).
 */
@Entity('security_policy')
export class SecurityPolicyEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ name: 'require_two_factor', type: 'varchar', length: 100, default: '' })
  requireTwoFactor: string;

  @Column({ name: 'grace_period_days', type: 'int', default: 14 })
  gracePeriodDays: number;

  @Column({ name: 'allowed_methods', type: 'varchar', length: 100 })
  allowedMethods: string;

  @Column({ name: 'phishing_resistant_for', type: 'varchar', length: 100, default: '' })
  phishingResistantFor: string;

  @Column({ name: 'session_idle_minutes', type: 'int', nullable: true })
  sessionIdleMinutes: number | null;

  @Column({ name: 'session_max_hours', type: 'int', default: 12 })
  sessionMaxHours: number;

  @Column({ name: 'trusted_device_days', type: 'int', default: 30 })
  trustedDeviceDays: number;

  @Column({ name: 'required_since', type: 'varchar', length: 255, default: '{}' })
  requiredSince: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true })
  updatedAt: Date | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;
}
