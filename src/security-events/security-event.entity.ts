import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Append-only audit trail: rows are inserted, never updated or deleted by the service. */
@Entity('security_events')
@Index('IDX_security_events_user', ['userId', 'createdAt', 'id'])
@Index('IDX_security_events_created', ['createdAt', 'id'])
export class SecurityEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  detail: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
