import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { randomToken, sha256 } from '../common/crypto/tokens';
import { ssoConfig } from './sso.config';
import { SsoError } from './sso.errors';
import { SsoTicketEntity, SsoTicketKind } from './sso-ticket.entity';

export interface NewTicket {
  kind: SsoTicketKind;
  providerId: string;
  subject: string;
  email: string | null;
  userId?: string | null;
}

/**
 * The tickets the callback hands to the web app: random, stored as SHA-256, single use,
 * 5 minutes. Every decision is one conditional UPDATE, so concurrent requests cannot both win.
 */
@Injectable()
export class SsoTicketsService {
  constructor(
    @InjectRepository(SsoTicketEntity) private readonly tickets: Repository<SsoTicketEntity>,
    @Inject(ssoConfig.KEY) private readonly config: ConfigType<typeof ssoConfig>,
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
      attempts: 0,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.ticketTtlSeconds * 1000),
      consumedAt: null,
    });
    await this.tickets.delete({ expiresAt: LessThan(new Date(now.getTime() - 3600_000)) });
    return ticket;
  }

  /** LOGIN tickets: used up by the first call, whatever follows. */
  async consumeLogin(ticket: string): Promise<SsoTicketEntity> {
    const hash = this.hash(ticket);
    const now = new Date();
    const res = await this.tickets
      .createQueryBuilder()
      .update()
      .set({ consumedAt: now })
      .where('ticket_hash = :hash AND kind = :kind AND consumed_at IS NULL AND expires_at > :now', { hash, kind: SsoTicketKind.LOGIN, now })
      .execute();
    if (res.affected !== 1) throw SsoError.ticketExpired();
    return (await this.tickets.findOneBy({ ticketHash: hash }))!;
  }

  /**
   * BIND tickets: each password try takes one of the 5 attempts first (so parallel guesses
   * cannot exceed them); a wrong password leaves the ticket usable until they are gone.
   */
  async reserveBindAttempt(ticket: string): Promise<SsoTicketEntity> {
    const hash = this.hash(ticket);
    const res = await this.tickets
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1' })
      .where('ticket_hash = :hash AND kind = :kind AND consumed_at IS NULL AND expires_at > :now AND attempts < :max', {
        hash,
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

  private hash(ticket: string): string {
    if (typeof ticket !== 'string' || !ticket || ticket.length > 128) throw SsoError.ticketExpired();
    return sha256(ticket);
  }
}
