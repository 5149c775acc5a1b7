import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, Repository } from 'typeorm';
import { decodeCursor } from '../common/pagination/keyset';
import { Db, TransactionHost } from '../database/transactions';
import { RequestMeta } from '../common/auth/request-context';
import { plainAddress, storedSpellings } from '../common/net/client-address';
import { readableEvent } from './event-detail';
import { SecurityEventEntity } from './security-event.entity';
import { SecurityEventType } from './security-event-type';

export interface EventPage {
  items: SecurityEventEntity[];
  hasNextPage: boolean;
}

export interface NewEvent {
  userId: string;
  type: SecurityEventType;
  meta?: RequestMeta | null;
  actorId?: string | null;
  detail?: string | null;
}


@Injectable()
export class SecurityEventsService {
  constructor(
    @InjectRepository(SecurityEventEntity) private readonly events: Repository<SecurityEventEntity>,
    private readonly tx: TransactionHost<Db>,
  ) {}

  /** Recorded in the call's transaction when there is one (it then commits or rolls back with the change). */
  async record(e: NewEvent): Promise<void> {
    const repo = this.tx.tx.getRepository(SecurityEventEntity);
    await repo.insert({
      id: randomUUID(),
      userId: e.userId,
      type: e.type,
      actorId: e.actorId ?? null,
      ip: plainAddress(e.meta?.ip)?.slice(0, 64) ?? null,
      userAgent: e.meta?.userAgent ?? null,
      detail: e.detail?.slice(0, 500) ?? null,
      createdAt: new Date(),
    });
  }

  /**
   * Whether the user signed in (`types`) from this IP and user agent in [since, before): the
   * new-device alert's memory. Events keep both for as long as the trail lasts, unlike sessions.
   */
  async signedInFrom(userId: string, types: string[], meta: RequestMeta, since: Date, before: Date): Promise<boolean> {
    const qb = this.tx.tx
      .getRepository(SecurityEventEntity)
      .createQueryBuilder('e')
      .select('e.id')
      .where('e.user_id = :userId AND e.type IN (:...types) AND e.created_at >= :since AND e.created_at < :before', { userId, types, since, before });
    const ip = plainAddress(meta.ip)?.slice(0, 64) ?? null;
    if (ip === null) qb.andWhere('e.ip IS NULL');
    // Rows written before addresses were stored plain may hold `::ffff:a.b.c.d`: the same browser.
    else qb.andWhere('e.ip IN (:...ips)', { ips: storedSpellings(ip) });
    if (meta.userAgent === null) qb.andWhere('e.user_agent IS NULL');
    else qb.andWhere('e.user_agent = :ua', { ua: meta.userAgent });
    return (await qb.limit(1).getRawMany()).length > 0;
  }

  /**
   * Newest first; `after` is an opaque cursor from a previous page. Returns null for a bad cursor.
   * Events come as people read them (`readableEvent`: a provider's name without its id, a plain
   * IPv4 address), whoever lists them.
   */
  async list(filter: { userId?: string | null }, first: number, after?: string | null): Promise<EventPage | null> {
    const qb = this.events.createQueryBuilder('e');
    if (filter.userId) qb.andWhere('e.user_id = :userId', { userId: filter.userId });
    if (after) {
      const c = decodeCursor(after);
      if (!c) return null;
      qb.andWhere(
        new Brackets((w) =>
          w.where('e.created_at < :at', { at: c.createdAt }).orWhere('e.created_at = :at AND e.id < :id', { at: c.createdAt, id: c.id }),
        ),
      );
    }
    const rows = await qb.orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC').take(first + 1).getMany();
    return { items: rows.slice(0, first).map(readableEvent), hasNextPage: rows.length > first };
  }
}
