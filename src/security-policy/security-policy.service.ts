import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { Clock } from '../common/clock/clock';
import { RequestMeta } from '../common/auth/request-context';
import { Db, TransactionHost } from '../database/transactions';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { TwoFactorMethod, TwoFactorService } from '../two-factor';
import { Role } from '../users/role.enum';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { SecurityPolicyEntity } from './security-policy.entity';
import { SecurityPolicyError } from './security-policy.errors';
import { enrollmentOf, PRIMARY_METHODS, RANGES, SecurityPolicy } from './policy-rules';

/** `updateSecurityPolicy`'s input: an absent (or null) field keeps its value. */
export interface PolicyChange {
  requireTwoFactor?: Role[] | null;
  gracePeriodDays?: number | null;
  allowedMethods?: TwoFactorMethod[] | null;
  phishingResistantFor?: Role[] | null;
  sessionIdleMinutes?: number | null;
  clearSessionIdle?: boolean | null;
  sessionMaxHours?: number | null;
  trustedDeviceDays?: number | null;
}

const ROW_ID = 1;
const CLS_KEY = 'securityPolicy';
const ROLES = Object.values(Role);

const list = <T extends string>(s: string): T[] => (s ? (s.split(',') as T[]) : []);

function toPolicy(row: SecurityPolicyEntity): SecurityPolicy {
  const since = JSON.parse(row.requiredSince || '{}') as Record<string, string>;
  return {
    requireTwoFactor: list<Role>(row.requireTwoFactor),
    gracePeriodDays: row.gracePeriodDays,
    allowedMethods: list<TwoFactorMethod>(row.allowedMethods),
    phishingResistantFor: list<Role>(row.phishingResistantFor),
    sessionIdleMinutes: row.sessionIdleMinutes,
    sessionMaxHours: row.sessionMaxHours,
    trustedDeviceDays: row.trustedDeviceDays,
    requiredSince: Object.fromEntries(Object.entries(since).map(([role, at]) => [role, new Date(at)])),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** The contract's defaults; used only if the migration's row were missing. */
const DEFAULTS: SecurityPolicy = {
  requireTwoFactor: [], gracePeriodDays: 14, allowedMethods: [...PRIMARY_METHODS], phishingResistantFor: [],
  sessionIdleMinutes: null, sessionMaxHours: 12, trustedDeviceDays: 30, requiredSince: {}, updatedAt: null, updatedBy: null,
};

/** The fields shown in SECURITY_POLICY_CHANGED (not the bookkeeping ones). */
const AUDITED = ['requireTwoFactor', 'gracePeriodDays', 'allowedMethods', 'phishingResistantFor', 'sessionIdleMinutes', 'sessionMaxHours', 'trustedDeviceDays'] as const;

/**
 * The one-row security policy. Read at most once per request (kept in the request's CLS context,
 * or on the request object the caller passes), never cached in the process: a change saved on
 * one instance holds on every instance from the next request on.
 */
@Injectable()
export class SecurityPolicyService {
  private readonly perRequest = new WeakMap<object, Promise<SecurityPolicy>>();

  constructor(
    private readonly tx: TransactionHost<Db>,
    private readonly cls: ClsService,
    private readonly clock: Clock,
    private readonly events: SecurityEventsService,
    private readonly users: UsersService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /** `scope`: the request object, when the caller has it (guard, resolvers). */
  current(scope?: object): Promise<SecurityPolicy> {
    if (this.cls.isActive()) {
      const cached = this.cls.get<Promise<SecurityPolicy> | undefined>(CLS_KEY);
      if (cached) return cached;
      const read = this.read();
      this.cls.set(CLS_KEY, read);
      return read;
    }
    if (!scope) return this.read();
    let read = this.perRequest.get(scope);
    if (!read) {
      read = this.read();
      this.perRequest.set(scope, read);
      // A failed read must not stay cached for the rest of the request.
      read.catch(() => this.perRequest.delete(scope));
    }
    return read;
  }

  private async read(): Promise<SecurityPolicy> {
    const row = await this.tx.tx.getRepository(SecurityPolicyEntity).findOneBy({ id: ROW_ID });
    return row ? toPolicy(row) : { ...DEFAULTS };
  }

  /**
   * `updateSecurityPolicy`: every value checked before anything is written (BAD_USER_INPUT
   * changes nothing); a role newly required starts its grace now; an admin cannot save a policy
   * that would restrict their own session at once (CONFLICT). One transaction with the event.
   */
  async update(adminId: string, change: PolicyChange, meta: RequestMeta, scope?: object): Promise<SecurityPolicy> {
    validate(change);
    const now = this.clock.now();
    const saved = await this.tx.withTransaction(async () => {
      const before = await this.read();
      const next = checked(apply(before, change, now));
      const admin = await this.users.getById(adminId);
      if (enrollmentOf(next, admin, await this.twoFactor.enabledMethods(adminId), now).restricted) throw SecurityPolicyError.selfLockout();
      next.updatedAt = now;
      next.updatedBy = adminId;
      await this.tx.tx.getRepository(SecurityPolicyEntity).save(toRow(next), { transaction: false }); // see SessionsService.issue
      await this.events.record({ userId: adminId, actorId: adminId, type: SecurityEventType.SECURITY_POLICY_CHANGED, meta, detail: diff(before, next) });
      return next;
    });
    // Later reads in this request see the saved policy.
    if (this.cls.isActive()) this.cls.set(CLS_KEY, Promise.resolve(saved));
    if (scope) this.perRequest.set(scope, Promise.resolve(saved));
    return saved;
  }

  /**
   * The policy `change` would make, checked like `update` but not saved (nor checked against the
   * caller's own compliance): the policy page spells out its consequence before saving.
   */
  async preview(change: PolicyChange, scope?: object): Promise<SecurityPolicy> {
    validate(change);
    return checked(apply(await this.current(scope), change, this.clock.now()));
  }

  /** Who saved the policy last (for `SecurityPolicy.updatedBy`). */
  async editor(p: SecurityPolicy): Promise<UserEntity | null> {
    return p.updatedBy ? this.users.findById(p.updatedBy) : null;
  }
}

function validate(c: PolicyChange): void {
  const range = (name: keyof typeof RANGES, v: number | null | undefined) => {
    if (v == null) return;
    const [lo, hi] = RANGES[name];
    if (!Number.isInteger(v) || v < lo || v > hi) throw SecurityPolicyError.invalid(`${name} must be a whole number from ${lo} to ${hi}`);
  };
  range('gracePeriodDays', c.gracePeriodDays);
  range('sessionIdleMinutes', c.sessionIdleMinutes);
  range('sessionMaxHours', c.sessionMaxHours);
  range('trustedDeviceDays', c.trustedDeviceDays);
  if (c.clearSessionIdle && c.sessionIdleMinutes != null) throw SecurityPolicyError.invalid('Give sessionIdleMinutes or clearSessionIdle, not both');
  for (const roles of [c.requireTwoFactor, c.phishingResistantFor]) {
    if (roles?.some((r) => !ROLES.includes(r))) throw SecurityPolicyError.invalid('Unknown role');
  }
  if (c.allowedMethods != null) {
    if (c.allowedMethods.includes(TwoFactorMethod.BACKUP_CODE)) {
      throw SecurityPolicyError.invalid('allowedMethods cannot list BACKUP_CODE: backup codes are always a fallback once a method is on');
    }
    if (!c.allowedMethods.some((m) => PRIMARY_METHODS.includes(m))) throw SecurityPolicyError.invalid('allowedMethods must name at least one of EMAIL, TOTP, WEBAUTHN');
  }
}

/** Rules across fields, on the resulting policy. */
function checked(p: SecurityPolicy): SecurityPolicy {
  if (p.phishingResistantFor.length && !p.allowedMethods.includes(TwoFactorMethod.WEBAUTHN)) {
    throw SecurityPolicyError.invalid('phishingResistantFor needs WEBAUTHN in allowedMethods');
  }
  return p;
}

function apply(before: SecurityPolicy, c: PolicyChange, now: Date): SecurityPolicy {
  const uniq = <T>(xs: T[]) => [...new Set(xs)];
  const next: SecurityPolicy = {
    ...before,
    requireTwoFactor: c.requireTwoFactor != null ? ROLES.filter((r) => c.requireTwoFactor!.includes(r)) : before.requireTwoFactor,
    gracePeriodDays: c.gracePeriodDays ?? before.gracePeriodDays,
    allowedMethods: c.allowedMethods != null ? PRIMARY_METHODS.filter((m) => uniq(c.allowedMethods!).includes(m)) : before.allowedMethods,
    phishingResistantFor: c.phishingResistantFor != null ? ROLES.filter((r) => c.phishingResistantFor!.includes(r)) : before.phishingResistantFor,
    sessionIdleMinutes: c.clearSessionIdle ? null : (c.sessionIdleMinutes ?? before.sessionIdleMinutes),
    sessionMaxHours: c.sessionMaxHours ?? before.sessionMaxHours,
    trustedDeviceDays: c.trustedDeviceDays ?? before.trustedDeviceDays,
  };
  // The grace of a role starts when 2FA became required for it; a role dropped and added back starts again.
  next.requiredSince = Object.fromEntries(next.requireTwoFactor.map((r) => [r, before.requireTwoFactor.includes(r) ? (before.requiredSince[r] ?? now) : now]));
  return next;
}

function toRow(p: SecurityPolicy): SecurityPolicyEntity {
  return Object.assign(new SecurityPolicyEntity(), {
    id: ROW_ID,
    requireTwoFactor: p.requireTwoFactor.join(','),
    gracePeriodDays: p.gracePeriodDays,
    allowedMethods: p.allowedMethods.join(','),
    phishingResistantFor: p.phishingResistantFor.join(','),
    sessionIdleMinutes: p.sessionIdleMinutes,
    sessionMaxHours: p.sessionMaxHours,
    trustedDeviceDays: p.trustedDeviceDays,
    requiredSince: JSON.stringify(Object.fromEntries(Object.entries(p.requiredSince).map(([r, at]) => [r, at!.toISOString()]))),
    updatedAt: p.updatedAt,
    updatedBy: p.updatedBy,
  });
}

/** `{"before":{…},"after":{…}}` with the changed fields only (the event detail holds 500 characters). */
function diff(before: SecurityPolicy, after: SecurityPolicy): string {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of AUDITED) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return JSON.stringify({ before: b, after: a });
}
