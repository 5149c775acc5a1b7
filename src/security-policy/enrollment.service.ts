import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { uniqueParam } from '../database/query-params';
import { Db, TransactionHost } from '../database/transactions';
import { TwoFactorMethod, TwoFactorService } from '../two-factor';
import { Role } from '../users/role.enum';
import { UserStatus } from '../users/user-status.enum';
import type { UserCondition } from '../users/users.service';
import { DAY_MS, Enrollment, enrollmentOf, isMethodAllowed, methodsAllowedFor, NOT_REQUIRED, PRIMARY_METHODS, SecurityPolicy } from './policy-rules';
import { SecurityPolicyError } from './security-policy.errors';
import { SecurityPolicyService } from './security-policy.service';

export interface PolicyUser {
  id: string;
  role: Role | string;
  createdAt: Date;
}

export interface ComplianceCounts {
  nonCompliant: number;
  inGracePeriod: number;
  deactivated: number;
  invited: number;
}

/** The columns of two-factor's settings row that say a method is on (as `enabledMethods` reads them). */
const ENABLED_COLUMN: Partial<Record<TwoFactorMethod, string>> = {
  [TwoFactorMethod.EMAIL]: 's.email_enabled_at',
  [TwoFactorMethod.TOTP]: 's.totp_enabled_at',
  [TwoFactorMethod.WEBAUTHN]: 's.webauthn_enabled_at',
};

export interface PolicyImpact {
  /** Active accounts that would have to enrol. */
  nonCompliant: number;
  /** Of them, those past their deadline on saving: limited to enrolment at once. */
  restrictedAtOnce: number;
  /** The earliest enrolment deadline under this policy (null: 2FA required of no role). */
  deadline: Date | null;
}

interface SqlPart {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * What the policy means for one account (API.md Part 2, "Enforcement"): whether 2FA is required,
 * the enrolment deadline, whether the session is restricted; which methods may be set up and
 * offered; and the same rules in SQL for the admin list and counts (no per-user loops).
 */
@Injectable()
export class EnrollmentService {
  constructor(
    private readonly policies: SecurityPolicyService,
    private readonly twoFactor: TwoFactorService,
    private readonly clock: Clock,
    private readonly tx: TransactionHost<Db>,
  ) {}

  /** `enabled`: the account's primary methods that are on, when the caller already has them. */
  async stateFor(user: PolicyUser, scope?: object, enabled?: readonly TwoFactorMethod[]): Promise<Enrollment> {
    const policy = await this.policies.current(scope);
    if (!policy.requireTwoFactor.includes(user.role as Role)) return NOT_REQUIRED;
    return enrollmentOf(policy, user, enabled ?? (await this.twoFactor.enabledMethods(user.id)), this.clock.now());
  }

  /** Setting up a method the policy does not allow for the role: FORBIDDEN. */
  async assertMethodAllowed(user: PolicyUser, method: TwoFactorMethod): Promise<void> {
    if (!isMethodAllowed(await this.policies.current(), user.role, method)) throw SecurityPolicyError.methodNotAllowed();
  }

  /** The primary methods a sign-in challenge must not offer this role. */
  async disallowedMethods(role: Role | string): Promise<TwoFactorMethod[]> {
    const allowed = methodsAllowedFor(await this.policies.current(), role);
    return PRIMARY_METHODS.filter((m) => !allowed.includes(m));
  }

  /** `users(twoFactorCompliant:)`: compliant = not required, or an allowed method on. */
  async userConditions(filter: { twoFactorCompliant?: boolean | null }, scope?: object): Promise<UserCondition[]> {
    if (filter.twoFactorCompliant == null) return [];
    const policy = await this.policies.current(scope);
    const compliant = filter.twoFactorCompliant;
    return [
      (qb, alias) => {
        const { sql, params } = this.nonCompliantSql(policy, alias);
        qb.andWhere(`${compliant ? 'NOT ' : ''}(${sql})`, params);
      },
    ];
  }

  /** The dashboard's policy and lifecycle counts, in one statement over the users table. */
  async counts(scope?: object): Promise<ComplianceCounts> {
    return this.countsFor(await this.policies.current(scope));
  }

  /** The same counts under a given (e.g. proposed, unsaved) policy. */
  async countsFor(policy: SecurityPolicy): Promise<ComplianceCounts> {
    const non = this.nonCompliantSql(policy, 'u');
    const grace = this.inGraceSql(policy);
    const [active, deactivated, invited] = [uniqueParam('active'), uniqueParam('deactivated'), uniqueParam('invited')];
    const r = await this.tx.tx
      .createQueryBuilder()
      .select(`SUM(CASE WHEN u.status = :${active} AND (${non.sql}) THEN 1 ELSE 0 END)`, 'nonCompliant')
      .addSelect(`SUM(CASE WHEN u.status = :${active} AND (${non.sql}) AND (${grace.sql}) THEN 1 ELSE 0 END)`, 'inGracePeriod')
      .addSelect(`SUM(CASE WHEN u.status = :${deactivated} THEN 1 ELSE 0 END)`, 'deactivated')
      .addSelect(`SUM(CASE WHEN u.status = :${invited} THEN 1 ELSE 0 END)`, 'invited')
      .from('users', 'u')
      .setParameters({ ...non.params, ...grace.params, [active]: UserStatus.ACTIVE, [deactivated]: UserStatus.DEACTIVATED, [invited]: UserStatus.INVITED })
      .getRawOne<Record<string, string | number | null>>();
    const n = (k: string) => Number(r?.[k] ?? 0);
    return { nonCompliant: n('nonCompliant'), inGracePeriod: n('inGracePeriod'), deactivated: n('deactivated'), invited: n('invited') };
  }

  /**
   * What saving `policy` would mean: who must enrol, how many would be held to enrolment at once,
   * and the first deadline (accounts created later get theirs from their creation).
   */
  async impactOf(policy: SecurityPolicy): Promise<PolicyImpact> {
    const c = await this.countsFor(policy);
    const starts = policy.requireTwoFactor.map((r) => policy.requiredSince[r]?.getTime() ?? 0);
    const deadline = starts.length ? new Date(Math.min(...starts) + policy.gracePeriodDays * DAY_MS) : null;
    return { nonCompliant: c.nonCompliant, restrictedAtOnce: c.nonCompliant - c.inGracePeriod, deadline };
  }

  /** Role required and no allowed method on (in grace or past it). */
  private nonCompliantSql(policy: SecurityPolicy, alias: string): SqlPart {
    const params: Record<string, unknown> = {};
    const parts = policy.requireTwoFactor.map((role) => {
      const p = uniqueParam('role');
      params[p] = role;
      const columns = methodsAllowedFor(policy, role).map((m) => ENABLED_COLUMN[m]).filter((c): c is string => !!c);
      if (!columns.length) return `${alias}.role = :${p}`;
      // Correlated to the user row (a primary-key probe each), not `id NOT IN (SELECT …)`: ~1 s at 100k users on MariaDB.
      const enrolled = `SELECT 1 FROM two_factor_settings s WHERE s.user_id = ${alias}.id AND (${columns.map((c) => `${c} IS NOT NULL`).join(' OR ')})`;
      return `(${alias}.role = :${p} AND NOT EXISTS (${enrolled}))`;
    });
    return { sql: parts.length ? parts.join(' OR ') : '1 = 0', params };
  }

  /**
   * Before the deadline: max(requiredSince, createdAt) + grace > now, i.e. requiredSince > cutoff
   * or createdAt > cutoff with cutoff = now − grace. requiredSince is one value per role, so only
   * the account's creation time is compared in SQL.
   */
  private inGraceSql(policy: SecurityPolicy): SqlPart {
    const cutoff = new Date(this.clock.ms() - policy.gracePeriodDays * DAY_MS);
    const params: Record<string, unknown> = {};
    const c = uniqueParam('cutoff');
    params[c] = cutoff;
    const parts = policy.requireTwoFactor.map((role) => {
      const p = uniqueParam('role');
      params[p] = role;
      const since = policy.requiredSince[role]?.getTime() ?? 0;
      return since > cutoff.getTime() ? `u.role = :${p}` : `(u.role = :${p} AND u.created_at > :${c})`;
    });
    return { sql: parts.length ? parts.join(' OR ') : '1 = 0', params };
  }
}
