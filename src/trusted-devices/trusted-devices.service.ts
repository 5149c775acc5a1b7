import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { RequestMeta } from '../common/auth/request-context';
import { Clock } from '../common/clock/clock';
import { notFound } from '../common/errors/domain-error';
import { randomToken, sha256 } from '../common/crypto/tokens';
import { TOKEN_VALUE } from '../common/http/cookies';
import { AfterCommit } from '../database/after-commit';
import { Db, TransactionHost } from '../database/transactions';
import { MailService } from '../mailer/mail.service';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { DAY_MS } from '../security-policy/policy-rules';
import { SecurityPolicyService } from '../security-policy/security-policy.service';
import { UserStatus } from '../users/user-status.enum';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { TrustedDeviceEntity } from './trusted-device.entity';
import { parseUserAgent as describeUserAgent } from '../common/http/user-agent';

/** What `verifyCode(rememberDevice: true)` hands the resolver for the device cookie. */
export interface RememberedDevice {
  token: string;
  expiresAt: Date;
}

export type TrustedDeviceView = TrustedDeviceEntity & { current: boolean };

/** A browser is "known" to an account for this long after a sign-in from its IP and user agent (API.md Part 2). */
const KNOWN_BROWSER_DAYS = 30;
/** Event types that are sign-ins (they carry the IP and user agent of the browser). */
const SIGN_IN_EVENTS = [SecurityEventType.LOGIN, SecurityEventType.SSO_LOGIN, SecurityEventType.NEW_DEVICE_LOGIN, 'PASSKEY_LOGIN'];

/**
 * Trusted browsers ("Remember this browser") and new-device alerts. Below auth: sign-in asks
 * it whether a browser may skip the second factor, is exempt from the per-address failure
 * limit for its account, or is new to the account.
 */
@Injectable()
export class TrustedDevicesService {
  private readonly logger = new Logger(TrustedDevicesService.name);

  constructor(
    private readonly tx: TransactionHost<Db>,
    private readonly clock: Clock,
    private readonly policy: SecurityPolicyService,
    private readonly events: SecurityEventsService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly afterCommit: AfterCommit,
  ) {}

  private get repo(): Repository<TrustedDeviceEntity> {
    return this.tx.tx.getRepository(TrustedDeviceEntity);
  }

  /**
   * How many days this user's browsers may be trusted: 0 when the policy turned the feature off
   * or the role must use phishing-resistant factors (a remembered browser would skip that).
   */
  async trustDaysFor(user: Pick<UserEntity, 'role'>): Promise<number> {
    const p = await this.policy.current();
    return p.phishingResistantFor.includes(user.role as never) ? 0 : p.trustedDeviceDays;
  }

  /**
   * Remembers the browser after a second factor; null when the policy does not allow it.
   * `replacing`: the device cookie the browser already holds; a device of this user it names is
   * ended, so one browser is listed once.
   */
  async remember(user: UserEntity, meta: RequestMeta, replacing: string | null = null): Promise<RememberedDevice | null> {
    const days = await this.trustDaysFor(user);
    if (days <= 0) return null;
    const token = randomToken(32);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + days * DAY_MS);
    const { browser, os } = describeUserAgent(meta.userAgent);
    await this.tx.withTransaction(async () => {
      if (replacing && TOKEN_VALUE.test(replacing)) await this.repo.update({ tokenHash: sha256(replacing), userId: user.id, revokedAt: IsNull() }, { revokedAt: now });
      await this.repo.insert({ id: randomUUID(), userId: user.id, tokenHash: sha256(token), createdAt: now, lastUsedAt: null, expiresAt, browser, os, ip: meta.ip?.slice(0, 64) ?? null, revokedAt: null });
      await this.events.record({ userId: user.id, type: SecurityEventType.TRUSTED_DEVICE_ADDED, meta, detail: [browser, os].filter(Boolean).join(' on ') || null });
    });
    return { token, expiresAt };
  }

  /**
   * When a device stops counting: its own expiry, or earlier if the policy's days were lowered
   * since it was added (a shorter policy applies to browsers remembered before it).
   */
  private effectiveExpiry(d: TrustedDeviceEntity, days: number): Date {
    return new Date(Math.min(d.expiresAt.getTime(), d.createdAt.getTime() + days * DAY_MS));
  }

  private async byToken(token: string | null | undefined): Promise<TrustedDeviceEntity | null> {
    if (!token || !TOKEN_VALUE.test(token)) return null;
    return this.repo.findOneBy({ tokenHash: sha256(token) });
  }

  /**
   * The live trusted device a cookie names for the account of `email` (the login form's): not
   * revoked, not expired, its account active. Null for anything else, without saying why.
   */
  async findForAccount(token: string | null | undefined, email: string): Promise<TrustedDeviceEntity | null> {
    const device = await this.byToken(token);
    if (!device || device.revokedAt) return null;
    const owner = await this.users.findById(device.userId);
    if (!owner || owner.status !== UserStatus.ACTIVE || owner.emailLower !== email.trim().toLowerCase()) return null;
    const days = await this.trustDaysFor(owner);
    if (days <= 0 || this.effectiveExpiry(device, days).getTime() <= this.clock.ms()) return null;
    return device;
  }

  /** The device just let its browser skip the second factor. */
  async markUsed(deviceId: string): Promise<void> {
    await this.repo.update({ id: deviceId }, { lastUsedAt: this.clock.now() });
  }

  /** The user's live trusted browsers, newest first; `current`: the one whose cookie came with the request. */
  async list(userId: string, currentToken: string | null): Promise<TrustedDeviceView[]> {
    const user = await this.users.getById(userId);
    const days = await this.trustDaysFor(user);
    const rows = await this.repo.find({ where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) }, order: { createdAt: 'DESC', id: 'DESC' } });
    const currentHash = currentToken && TOKEN_VALUE.test(currentToken) ? sha256(currentToken) : null;
    const now = this.clock.ms();
    return rows
      .map((d) => Object.assign(d, { expiresAt: days > 0 ? this.effectiveExpiry(d, days) : d.expiresAt, current: d.tokenHash === currentHash }))
      .filter((d) => d.expiresAt.getTime() > now);
  }

  /** Revokes one of the user's own trusted browsers (NOT_FOUND for anyone else's or an ended one). */
  async revoke(userId: string, deviceId: string, meta: RequestMeta): Promise<void> {
    await this.tx.withTransaction(async () => {
      const res = await this.repo.update({ id: deviceId, userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      if (!res.affected) throw notFound('Trusted browser');
      await this.events.record({ userId, type: SecurityEventType.TRUSTED_DEVICE_REVOKED, meta, detail: '1 trusted browser revoked' });
    });
  }

  /**
   * Revokes every trusted browser of the account; records TRUSTED_DEVICE_REVOKED when there was
   * any. Also run (in the caller's transaction) by password change and reset, admin reset,
   * deactivation and a method turned off, with `reason` saying which.
   */
  async revokeAll(userId: string, meta: RequestMeta | null, reason?: string): Promise<number> {
    const res = await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    const n = res.affected ?? 0;
    if (n > 0) {
      await this.events.record({ userId, type: SecurityEventType.TRUSTED_DEVICE_REVOKED, meta, detail: `${n} trusted browser${n === 1 ? '' : 's'} revoked${reason ? `: ${reason}` : ''}` });
    }
    return n;
  }

  /**
   * Whether the browser is known to the account: it holds a device cookie of this account
   * (even an expired one: it proved itself before), or the account signed in from the same IP
   * and user agent in the 30 days before `before` (the sign-in under way is after it).
   */
  async isKnownBrowser(userId: string, deviceToken: string | null | undefined, meta: RequestMeta, before: Date): Promise<boolean> {
    const device = await this.byToken(deviceToken);
    if (device && device.userId === userId && !device.revokedAt) return true;
    // Event rows are stamped with the wall clock, so the window is too.
    return this.events.signedInFrom(userId, SIGN_IN_EVENTS, meta, new Date(before.getTime() - KNOWN_BROWSER_DAYS * DAY_MS), before);
  }

  /**
   * Records NEW_DEVICE_LOGIN and mails "New sign-in to your account" (time, browser, OS, IP).
   * Called after the sign-in committed; the mail goes out after this call's transaction (if any)
   * and a failure is logged, never thrown: the sign-in did happen.
   */
  async alertNewDevice(user: UserEntity, meta: RequestMeta): Promise<void> {
    const { browser, os } = describeUserAgent(meta.userAgent);
    const seenAs = `${browser ?? 'An unknown browser'} on ${os ?? 'an unknown system'}, IP address ${meta.ip ?? 'unknown'}`;
    await this.events.record({ userId: user.id, type: SecurityEventType.NEW_DEVICE_LOGIN, meta, detail: seenAs });
    const when = new Date().toUTCString();
    this.afterCommit.run(async () => {
      try {
        await this.mail.send({
          to: user.email,
          subject: 'New sign-in to your account',
          template: 'security-change',
          context: { name: user.displayName, message: 'Your account was just signed in to from a browser it had not used before.', detail: `Browser: ${seenAs}.`, when },
        });
      } catch {
        this.logger.warn(`new-device notification for user ${user.id} not delivered`);
      }
    });
  }
}
