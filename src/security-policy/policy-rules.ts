import { TwoFactorMethod } from '../two-factor';
import { Role } from '../users/role.enum';

/** The policy as the services use it (the entity's lists parsed). */
export interface SecurityPolicy {
  requireTwoFactor: Role[];
  gracePeriodDays: number;
  allowedMethods: TwoFactorMethod[];
  phishingResistantFor: Role[];
  sessionIdleMinutes: number | null;
  sessionMaxHours: number;
  trustedDeviceDays: number;
  /** When 2FA became required for each role in `requireTwoFactor` (the start of its grace). */
  requiredSince: Partial<Record<Role, Date>>;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** Methods a user enrols in; BACKUP_CODE is only ever a fallback to one of them. */
export const PRIMARY_METHODS: readonly TwoFactorMethod[] = [TwoFactorMethod.EMAIL, TwoFactorMethod.TOTP, TwoFactorMethod.WEBAUTHN];
/** Phishing-resistant: bound to the origin, so a relayed sign-in page cannot replay it. */
export const PHISHING_RESISTANT: readonly TwoFactorMethod[] = [TwoFactorMethod.WEBAUTHN];

export const DAY_MS = 86_400_000;

export const RANGES = {
  gracePeriodDays: [0, 90],
  sessionIdleMinutes: [5, 1440],
  sessionMaxHours: [1, 720],
  trustedDeviceDays: [0, 90],
} as const;

/** The primary methods a role may enrol in and be challenged with. */
export function methodsAllowedFor(p: SecurityPolicy, role: Role | string): TwoFactorMethod[] {
  const allowed = PRIMARY_METHODS.filter((m) => p.allowedMethods.includes(m));
  return p.phishingResistantFor.includes(role as Role) ? allowed.filter((m) => PHISHING_RESISTANT.includes(m)) : allowed;
}

/** A method may be used when allowed for the role; backup codes stay a fallback to an allowed method. */
export function isMethodAllowed(p: SecurityPolicy, role: Role | string, method: TwoFactorMethod): boolean {
  return method === TwoFactorMethod.BACKUP_CODE || methodsAllowedFor(p, role).includes(method);
}

export interface Enrollment {
  /** The policy requires 2FA for the user's role. */
  required: boolean;
  /** Required and an allowed method is on (or not required). */
  compliant: boolean;
  /** Required and not compliant: the later of the requirement and the account, plus the grace. */
  deadline: Date | null;
  /** Past the deadline: the session may only enrol. */
  restricted: boolean;
}

export const NOT_REQUIRED: Enrollment = { required: false, compliant: true, deadline: null, restricted: false };

export function enrollmentOf(p: SecurityPolicy, user: { role: Role | string; createdAt: Date }, enabled: readonly TwoFactorMethod[], now: Date): Enrollment {
  if (!p.requireTwoFactor.includes(user.role as Role)) return NOT_REQUIRED;
  const allowed = methodsAllowedFor(p, user.role);
  if (enabled.some((m) => allowed.includes(m))) return { required: true, compliant: true, deadline: null, restricted: false };
  const since = p.requiredSince[user.role as Role]?.getTime() ?? 0;
  const deadline = new Date(Math.max(since, user.createdAt.getTime()) + p.gracePeriodDays * DAY_MS);
  return { required: true, compliant: false, deadline, restricted: now.getTime() >= deadline.getTime() };
}
