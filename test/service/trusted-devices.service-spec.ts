import { AuthService } from '../../src/auth/login/auth.service';
import { SecurityPolicyService } from '../../src/security-policy/security-policy.service';
import { TwoFactorMethod } from '../../src/two-factor';
import { Role } from '../../src/users/role.enum';
import { TrustedDevicesService } from '../../src/trusted-devices/trusted-devices.service';
import { totpFor } from '../support/totp';
import { agent, Agent } from './support/factory';
import { META, Medium, startServices } from './support/medium';

const DAY = 86_400_000;

/** Trusted browsers against the clock (API.md Part 2): they last trustedDeviceDays, no longer. */
describe('trusted devices (service tier, SQLite, fake clock)', () => {
  let m: Medium;
  let auth: AuthService;
  let devices: TrustedDevicesService;
  let policies: SecurityPolicyService;
  let admin: Agent;

  beforeAll(async () => {
    m = await startServices();
    auth = m.get(AuthService);
    devices = m.get(TrustedDevicesService);
    policies = m.get(SecurityPolicyService);
    admin = await agent(m).admin().withTotp().build();
  });
  afterAll(async () => m?.close());
  afterEach(async () => {
    await policies.update(admin.user.id, { trustedDeviceDays: 30 }, META);
  });

  /** Password, then TOTP with "remember this browser": the device cookie's value. */
  async function remember(a: Agent): Promise<string> {
    const first = await auth.login(a.user.email, a.password, META);
    if (first.kind !== 'challenge') throw new Error('expected a challenge');
    m.clock.advance(30_000); // a fresh TOTP step: the one used to enrol is spent
    const r = await auth.verifyCode(first.challengeToken, TwoFactorMethod.TOTP, totpFor(a.totpSecret!, m.clock.ms()), META, { rememberDevice: true });
    if (!r.rememberedDevice) throw new Error('no device remembered');
    return r.rememberedDevice.token;
  }
  const loginKind = async (a: Agent, token: string) => (await auth.login(a.user.email, a.password, META, token)).kind;

  it('a remembered browser skips the challenge until trustedDeviceDays have passed, then asks again', async () => {
    await policies.update(admin.user.id, { trustedDeviceDays: 7 }, META);
    const a = await agent(m).withTotp().build();
    const token = await remember(a);
    const [listed] = await devices.list(a.user.id, token);
    expect(listed.current).toBe(true);
    expect(listed.expiresAt.getTime() - listed.createdAt.getTime()).toBe(7 * DAY);

    m.clock.advance(7 * DAY - 60_000);
    expect(await loginKind(a, token)).toBe('session');
    expect((await devices.list(a.user.id, token))[0].lastUsedAt!.getTime()).toBe(m.clock.ms());

    m.clock.advance(60_000);
    expect(await loginKind(a, token)).toBe('challenge');
    expect(await devices.list(a.user.id, token)).toEqual([]);
  });

  it('lowering trustedDeviceDays shortens browsers remembered before; 0 turns them all off', async () => {
    const a = await agent(m).withTotp().build();
    const token = await remember(a); // 30 days
    m.clock.advance(10 * DAY);
    expect(await loginKind(a, token)).toBe('session');
    await policies.update(admin.user.id, { trustedDeviceDays: 5 }, META);
    expect(await loginKind(a, token)).toBe('challenge');
    await policies.update(admin.user.id, { trustedDeviceDays: 30 }, META);
    expect(await loginKind(a, token)).toBe('session');
    await policies.update(admin.user.id, { trustedDeviceDays: 0 }, META);
    expect(await loginKind(a, token)).toBe('challenge');
  });

  it("a device cookie is only ever its own account's", async () => {
    const a = await agent(m).withTotp().build();
    const b = await agent(m).withTotp().build();
    const token = await remember(a);
    expect(await loginKind(b, token)).toBe('challenge');
    expect((await devices.list(b.user.id, token)).length).toBe(0);
  });

  it('is never remembered for a phishingResistantFor role, nor with trustedDeviceDays 0', async () => {
    const a = await agent(m).withTotp().build();
    await policies.update(admin.user.id, { phishingResistantFor: [Role.AGENT] }, META);
    try {
      expect(await devices.remember(a.user, META)).toBeNull();
    } finally {
      await policies.update(admin.user.id, { phishingResistantFor: [] }, META);
    }
    await policies.update(admin.user.id, { trustedDeviceDays: 0 }, META);
    expect(await devices.remember(a.user, META)).toBeNull();
    await policies.update(admin.user.id, { trustedDeviceDays: 30 }, META);
    expect(await devices.remember(a.user, META)).not.toBeNull();
  });

  it('remembering again from a browser that holds an older device of the account replaces it', async () => {
    const a = await agent(m).withTotp().build();
    const old = await remember(a);
    await policies.update(admin.user.id, { trustedDeviceDays: 1 }, META);
    m.clock.advance(2 * DAY); // the old device has lapsed under the 1-day policy
    const first = await auth.login(a.user.email, a.password, META, old);
    if (first.kind !== 'challenge') throw new Error('expected a challenge');
    const r = await auth.verifyCode(first.challengeToken, TwoFactorMethod.BACKUP_CODE, a.unusedBackupCodes[0], META, { rememberDevice: true, deviceToken: old });
    const listed = await devices.list(a.user.id, r.rememberedDevice!.token);
    expect(listed.map((d) => d.current)).toEqual([true]);
    // Back to 30 days the old device would count again, had it not been replaced.
    await policies.update(admin.user.id, { trustedDeviceDays: 30 }, META);
    expect(await loginKind(a, old)).toBe('challenge');
    expect(await loginKind(a, r.rememberedDevice!.token)).toBe('session');
  });
});
