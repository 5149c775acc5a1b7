import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { RequestMeta } from '../common/auth/decorators';
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

/** Cursor: createdAt ms and id, so that rows with the same timestamp keep a stable order. */
export function encodeEventCursor(e: SecurityEventEntity): string {
  return Buffer.from(`${e.createdAt.getTime()}|${e.id}`).toString('base64url');
}
function decodeEventCursor(cursor: string): { at: Date; id: string } | null {
  const [ms, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const n = Number(ms);
  if (!id || !Number.isFinite(n)) return null;
  return { at: new Date(n), id };
}

@Injectable()
export class SecurityEventsService {
  constructor(@InjectRepository(SecurityEventEntity) private readonly events: Repository<SecurityEventEntity>) {}

  async record(e: NewEvent, em?: EntityManager): Promise<void> {
    const repo = em ? em.getRepository(SecurityEventEntity) : this.events;
    await repo.insert({
      id: randomUUID(),
      userId: e.userId,
      type: e.type,
      actorId: e.actorId ?? null,
      ip: e.meta?.ip?.slice(0, 64) ?? null,
      userAgent: e.meta?.userAgent ?? null,
      detail: e.detail?.slice(0, 500) ?? null,
      createdAt: new Date(),
    });
  }

  /** Newest first; `after` is an opaque cursor from a previous page. Returns null for a bad cursor. */
  async list(filter: { userId?: string | null }, first: number, after?: string | null): Promise<EventPage | null> {
    const qb = this.events.createQueryBuilder('e');
    if (filter.userId) qb.andWhere('e.user_id = :userId', { userId: filter.userId });
    if (after) {
      const c = decodeEventCursor(after);
      if (!c) return null;
      qb.andWhere(
        new Brackets((w) =>
          w.where('e.created_at < :at', { at: c.at }).orWhere('e.created_at = :at AND e.id < :id', { at: c.at, id: c.id }),
        ),
      );
    }
    const rows = await qb.orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC').take(first + 1).getMany();
    return { items: rows.slice(0, first), hasNextPage: rows.length > first };
  }
}
