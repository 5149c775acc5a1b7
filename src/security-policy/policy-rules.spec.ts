import { TwoFactorMethod } from '../two-factor';
import { Role } from '../users/role.enum';
import { DAY_MS, enrollmentOf, isMethodAllowed, methodsAllowedFor, SecurityPolicy } from './policy-rules';

const base: SecurityPolicy = {
  requireTwoFactor: [Role.AGENT], gracePeriodDays: 14, allowedMethods: [TwoFactorMethod.EMAIL, TwoFactorMethod.TOTP, TwoFactorMethod.WEBAUTHN],
  phishingResistantFor: [], sessionIdleMinutes: null, sessionMaxHours: 12, trustedDeviceDays: 30,
  requiredSince: { [Role.AGENT]: new Date('2026-12-01T00:00:00Z') }, updatedAt: null, updatedBy: null,
};

describe('policy rules', () => {
  it('the deadline runs from the later of the requirement and the account', () => {
    const old = enrollmentOf(base, { role: Role.AGENT, createdAt: new Date('2026-01-01T00:00:00Z') }, [], new Date('2026-12-02T00:00:00Z'));
    expect(old.deadline!.toISOString()).toBe('2026-12-15T00:00:00.000Z');
    expect(old.restricted).toBe(false);
    const fresh = enrollmentOf(base, { role: Role.AGENT, createdAt: new Date('2026-12-10T00:00:00Z') }, [], new Date('2026-12-20T00:00:00Z'));
    expect(fresh.deadline!.getTime()).toBe(new Date('2026-12-10T00:00:00Z').getTime() + 14 * DAY_MS);
    expect(enrollmentOf(base, { role: Role.AGENT, createdAt: new Date(0) }, [], new Date('2026-12-15T00:00:00Z')).restricted).toBe(true);
  });

  it('only allowed methods count; backup codes are a fallback, never compliance', () => {
    const totpOnly = { ...base, allowedMethods: [TwoFactorMethod.TOTP] };
    const u = { role: Role.AGENT, createdAt: new Date(0) };
    expect(enrollmentOf(totpOnly, u, [TwoFactorMethod.EMAIL], new Date()).compliant).toBe(false);
    expect(enrollmentOf(totpOnly, u, [TwoFactorMethod.TOTP], new Date())).toMatchObject({ compliant: true, deadline: null });
    expect(isMethodAllowed(totpOnly, Role.AGENT, TwoFactorMethod.EMAIL)).toBe(false);
    expect(isMethodAllowed(totpOnly, Role.AGENT, TwoFactorMethod.BACKUP_CODE)).toBe(true);
    expect(enrollmentOf(totpOnly, { role: Role.ADMIN, createdAt: new Date(0) }, [], new Date())).toMatchObject({ required: false, deadline: null });
  });

  it('a phishing-resistant role may use WEBAUTHN only', () => {
    const p = { ...base, phishingResistantFor: [Role.ADMIN] };
    expect(methodsAllowedFor(p, Role.ADMIN)).toEqual([TwoFactorMethod.WEBAUTHN]);
    expect(methodsAllowedFor(p, Role.AGENT)).toEqual([TwoFactorMethod.EMAIL, TwoFactorMethod.TOTP, TwoFactorMethod.WEBAUTHN]);
  });
});
