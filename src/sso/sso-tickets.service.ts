import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { Db, TransactionHost } from '../database/transactions';
import { randomToken, sha256 } from '../common/crypto/tokens';
import { ssoConfig } from './sso.config';
import { SsoError } from './sso.errors';
import { SsoTicketEntity, SsoTicketKind } from './sso-ticket.entity';

export interface NewTicket {
  kind: SsoTicketKind;
  providerId: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  userId?: string | null;
  /** The flow's browser binding: only that browser's cookie can use the ticket. */
  browserHash: string;
}

/**
 * The tickets the callback hands to the web app: random, stored as SHA-256, single use,
 * 5 minutes, and usable only together with the cookie of the browser that ran the flow. Every
 * decision is one conditional UPDATE whose condition includes that browser binding, so
 * concurrent requests cannot both win and a request from another browser changes nothing
 * (it neither uses the ticket up nor counts as a try).
 */
@Injectable()
export class SsoTicketsService {
  constructor(
    @InjectRepository(SsoTicketEntity) private readonly tickets: Repository<SsoTicketEntity>,
    @Inject(ssoConfig.KEY) private readonly config: ConfigType<typeof ssoConfig>,
    private readonly tx: TransactionHost<Db>,
  ) {}

  async issue(t: NewTicket): Promise<string> {
    const ticket = randomToken(32);
    const now = new Date();
    await this.tickets.insert({
      id: randomUUID(),
      ticketHash: sha256(ticket),
      kind: t.kind,
      providerId: t.providerId,
      userId: t.userId ?? null,
      subject: t.subject,
      email: t.email,
      emailVerified: t.emailVerified,
      browserHash: t.browserHash,
      attempts: 0,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.ticketTtlSeconds * 1000),
      consumedAt: null,
    });
    await this.tickets.delete({ expiresAt: LessThan(new Date(now.getTime() - 3600_000)) });
    return ticket;
  }

  /** `ssoTicket`: a live ticket of this browser, read without using it up. */
  async peek(ticket: string, browserHash: string | null): Promise<SsoTicketEntity> {
    const { hash, browser } = this.keys(ticket, browserHash);
    const row = await this.tickets
      .createQueryBuilder('t')
      .where('t.ticket_hash = :hash AND t.browser_hash = :browser AND t.consumed_at IS NULL AND t.expires_at > :now', { hash, browser, now: new Date() })
      .andWhere('(t.kind = :login OR t.attempts < :max)', { login: SsoTicketKind.LOGIN, max: this.config.ticketMaxAttempts })
      .getOne();
    if (!row) throw SsoError.ticketExpired();
    return row;
  }

  /** LOGIN tickets: used up by the first call from the right browser, whatever follows. */
  async consumeLogin(ticket: string, browserHash: string | null): Promise<SsoTicketEntity> {
    const { hash, browser } = this.keys(ticket, browserHash);
    const now = new Date();
    const res = await this.tickets
      .createQueryBuilder()
      .update()
      .set({ consumedAt: now })
      .where('ticket_hash = :hash AND browser_hash = :browser AND kind = :kind AND consumed_at IS NULL AND expires_at > :now', {
        hash,
        browser,
        kind: SsoTicketKind.LOGIN,
        now,
      })
      .execute();
    if (res.affected !== 1) throw SsoError.ticketExpired();
    return (await this.tickets.findOneBy({ ticketHash: hash }))!;
  }

  /**
   * BIND tickets: each password try takes one of the 5 attempts first (so parallel guesses
   * cannot exceed them); a wrong password leaves the ticket usable until they are gone.
   */
  async reserveBindAttempt(ticket: string, browserHash: string | null): Promise<SsoTicketEntity> {
    const { hash, browser } = this.keys(ticket, browserHash);
    const res = await this.tickets
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1' })
      .where('ticket_hash = :hash AND browser_hash = :browser AND kind = :kind AND consumed_at IS NULL AND expires_at > :now AND attempts < :max', {
        hash,
        browser,
        kind: SsoTicketKind.BIND,
        now: new Date(),
        max: this.config.ticketMaxAttempts,
      })
      .execute();
    if (res.affected !== 1) throw SsoError.ticketExpired();
    return (await this.tickets.findOneBy({ ticketHash: hash }))!;
  }

  /** The proof succeeded: the ticket is used up (or someone else used it first). */
  async consume(id: string): Promise<void> {
    const res = await this.tickets
      .createQueryBuilder()
      .update()
      .set({ consumedAt: new Date() })
      .where('id = :id AND consumed_at IS NULL AND expires_at > :now', { id, now: new Date() })
      .execute();
    if (res.affected !== 1) throw SsoError.ticketExpired();
  }

  /**
   * A password change or reset, or an admin reset: the account's live LOGIN tickets die with
   * the other pending sign-ins, in the caller's transaction. (A BIND ticket names no account
   * until its password is proven, and then it is used up at once: what is pending from there
   * on is a login challenge, which auth voids itself.)
   */
  async voidForUser(userId: string): Promise<void> {
    await this.tx.tx
      .getRepository(SsoTicketEntity)
      .createQueryBuilder()
      .update()
      .set({ consumedAt: new Date() })
      .where('user_id = :userId AND consumed_at IS NULL', { userId })
      .execute();
  }

  private keys(ticket: string, browserHash: string | null): { hash: string; browser: string } {
    if (typeof ticket !== 'string' || !ticket || ticket.length > 128) throw SsoError.ticketExpired();
    // No binding cookie: this browser owns no ticket. Nothing is read or written.
    if (!browserHash) throw SsoError.ticketExpired();
    return { hash: sha256(ticket), browser: browserHash };
  }
}
