import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { uniqueParam } from '../database/query-params';
import { Db, TransactionHost } from '../database/transactions';
import type { UserCondition } from '../users/users.service';
import { TwoFactorMethod } from './two-factor-method';
import { EmailCodeEntity } from './email-code.entity';
import { TwoFactorSettingsEntity } from './two-factor-settings.entity';

export interface MethodsState {
  emailEnabledAt: Date | null;
  totpEnabledAt: Date | null;
  webauthnEnabledAt: Date | null;
  lastTwoFactorAt: Date | null;
  lockedUntil: Date | null;
}

const EMPTY_STATE: MethodsState = { emailEnabledAt: null, totpEnabledAt: null, webauthnEnabledAt: null, lastTwoFactorAt: null, lockedUntil: null };

/** SQL over the settings row `s`: any primary method on. */
const ANY_METHOD_ON = 's.email_enabled_at IS NOT NULL OR s.totp_enabled_at IS NOT NULL OR s.webauthn_enabled_at IS NOT NULL';

/** The primary methods a state has on, in the order pages and challenges list them. */
export function enabledMethodsOf(s: MethodsState): TwoFactorMethod[] {
  return [
    ...(s.emailEnabledAt ? [TwoFactorMethod.EMAIL] : []),
    ...(s.totpEnabledAt ? [TwoFactorMethod.TOTP] : []),
    ...(s.webauthnEnabledAt ? [TwoFactorMethod.WEBAUTHN] : []),
  ];
}

/** Admin list filters this module answers. */
export interface MethodFilter {
  twoFactorEnabled?: boolean | null;
  method?: TwoFactorMethod | null;
  locked?: boolean | null;
}


/**
 * The per-account settings row of the email and authenticator-app methods: state views for
 * pages and the admin list, and the admin reset. Factors (EmailCodeFactor, TotpFactor) and the
 * account lock (AccountLock) work on the same row through `row()`.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectRepository(TwoFactorSettingsEntity) private readonly settingsRepo: Repository<TwoFactorSettingsEntity>,
    private readonly tx: TransactionHost<Db>,
  ) {}

  /** The settings repository of the call's transaction (or none). */
  get settings(): Repository<TwoFactorSettingsEntity> {
    return this.tx.tx.getRepository(TwoFactorSettingsEntity);
  }

  /** The account's row, made on first use. */
  async row(userId: string): Promise<TwoFactorSettingsEntity> {
    const repo = this.settings;
    const found = await repo.findOneBy({ userId });
    if (found) return found;
    const fresh = repo.create({
      userId, emailEnabledAt: null, totpSecret: null, totpEnabledAt: null, webauthnEnabledAt: null, totpPendingSecret: null,
      totpLastStep: null, failedCount: 0, lockedUntil: null, lastTwoFactorAt: null, lastCodeSentAt: null,
    });
    // orIgnore: two first requests at once must not fail on the primary key.
    await repo.createQueryBuilder().insert().values(fresh).orIgnore().execute();
    return (await repo.findOneBy({ userId }))!;
  }

  /** The row if there is one (a read; makes nothing). */
  find(userId: string): Promise<TwoFactorSettingsEntity | null> {
    return this.settings.findOneBy({ userId });
  }

  async statesFor(userIds: readonly string[]): Promise<Map<string, MethodsState>> {
    const rows = userIds.length ? await this.settings.findBy({ userId: In([...new Set(userIds)]) }) : [];
    const map = new Map<string, MethodsState>();
    for (const r of rows) {
      map.set(r.userId, {
        emailEnabledAt: r.emailEnabledAt,
        totpEnabledAt: r.totpEnabledAt,
        webauthnEnabledAt: r.webauthnEnabledAt,
        lastTwoFactorAt: r.lastTwoFactorAt,
        lockedUntil: r.lockedUntil && r.lockedUntil.getTime() > Date.now() ? r.lockedUntil : null,
      });
    }
    return map;
  }

  async state(userId: string): Promise<MethodsState> {
    return (await this.statesFor([userId])).get(userId) ?? EMPTY_STATE;
  }

  /** The primary methods that are on (EMAIL, TOTP, WEBAUTHN, in that order). */
  async enabledMethods(userId: string): Promise<TwoFactorMethod[]> {
    return enabledMethodsOf(await this.state(userId));
  }

  /** WEBAUTHN is on while the account holds a credential (the webauthn module keeps this in step). */
  async setWebAuthnEnabled(userId: string, on: boolean): Promise<void> {
    await this.row(userId);
    if (on) {
      await this.settings.createQueryBuilder().update().set({ webauthnEnabledAt: new Date(), lastTwoFactorAt: new Date() }).where('user_id = :userId AND webauthn_enabled_at IS NULL', { userId }).execute();
    } else {
      await this.settings.update({ userId }, { webauthnEnabledAt: null });
    }
  }

  /** Admin reset: every method off, pending setups and live codes dropped, the lock cleared. */
  async resetAll(userId: string): Promise<void> {
    await this.row(userId);
    await this.settings.update(
      { userId },
      { emailEnabledAt: null, totpEnabledAt: null, webauthnEnabledAt: null, totpSecret: null, totpPendingSecret: null, totpLastStep: null, failedCount: 0, lockedUntil: null },
    );
    await this.voidEmailCodes(userId);
  }

  /** Every live emailed code of the account stops working (password change or reset). */
  async voidEmailCodes(userId: string): Promise<void> {
    await this.tx.tx.getRepository(EmailCodeEntity).update({ userId, consumedAt: IsNull() }, { consumedAt: new Date() });
  }

  /**
   * Admin list conditions, as sub-queries on the settings table (no id lists in memory), each
   * correlated to the user row: one primary-key probe per row. (`id NOT IN (SELECT user_id …)`
   * took about a second at 100k users on MariaDB when few rows matched.)
   */
  userConditions(filter: MethodFilter): UserCondition[] {
    const out: UserCondition[] = [];
    const inSettings = (where: string, params: Record<string, unknown> = {}, negate = false): UserCondition => (qb, alias) => {
      const sub = qb.subQuery().select('1').from(TwoFactorSettingsEntity, 's').where(`s.user_id = ${alias}.id AND (${where})`).getQuery();
      qb.andWhere(`${negate ? 'NOT EXISTS' : 'EXISTS'} ${sub}`, params);
    };
    const anyOn = ANY_METHOD_ON;
    if (filter.twoFactorEnabled != null) out.push(inSettings(anyOn, {}, !filter.twoFactorEnabled));
    if (filter.method === TwoFactorMethod.EMAIL) out.push(inSettings('s.email_enabled_at IS NOT NULL'));
    if (filter.method === TwoFactorMethod.TOTP) out.push(inSettings('s.totp_enabled_at IS NOT NULL'));
    if (filter.method === TwoFactorMethod.WEBAUTHN) out.push(inSettings('s.webauthn_enabled_at IS NOT NULL'));
    if (filter.locked != null) {
      const now = uniqueParam('lockedNow');
      out.push(inSettings(`s.locked_until > :${now}`, { [now]: new Date() }, !filter.locked));
    }
    return out;
  }

  /** Dashboard counts. */
  async counts(): Promise<{ twoFactor: number; email: number; totp: number; webauthn: number; locked: number }> {
    const r = await this.settingsRepo
      .createQueryBuilder('s')
      .select(`SUM(CASE WHEN ${ANY_METHOD_ON} THEN 1 ELSE 0 END)`, 'twoFactor')
      .addSelect('SUM(CASE WHEN s.email_enabled_at IS NOT NULL THEN 1 ELSE 0 END)', 'email')
      .addSelect('SUM(CASE WHEN s.totp_enabled_at IS NOT NULL THEN 1 ELSE 0 END)', 'totp')
      .addSelect('SUM(CASE WHEN s.webauthn_enabled_at IS NOT NULL THEN 1 ELSE 0 END)', 'webauthn')
      .addSelect('SUM(CASE WHEN s.locked_until > :now THEN 1 ELSE 0 END)', 'locked')
      .setParameter('now', new Date())
      .getRawOne<Record<string, string | null>>();
    return { twoFactor: Number(r?.twoFactor ?? 0), email: Number(r?.email ?? 0), totp: Number(r?.totp ?? 0), webauthn: Number(r?.webauthn ?? 0), locked: Number(r?.locked ?? 0) };
  }
}
