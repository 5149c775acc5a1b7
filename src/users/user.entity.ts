import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Role } from './role.enum';
import { UserStatus } from './user-status.enum';

@Entity('users')
@Index('UQ_users_email_lower', ['emailLower'], { unique: true })
@Index('IDX_users_created', ['createdAt', 'id'])
// The admin list's other sorts and its status filter (see sortSql in users.service.ts). On SQLite
// IDX_users_display_name is built with COLLATE NOCASE (migration 1764091600000).
@Index('IDX_users_last_login', ['lastLoginAt', 'id'])
@Index('IDX_users_display_name', ['displayName', 'id'])
@Index('IDX_users_status', ['status', 'createdAt', 'id'])
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** As typed by the admin; shown back as is. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** Lower-cased copy: uniqueness and login are case-insensitive on every database. */
  @Column({ name: 'email_lower', type: 'varchar', length: 254 })
  emailLower: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** argon2id; '' while INVITED (no password: every check fails). */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16, default: UserStatus.ACTIVE })
  status: UserStatus;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'last_login_at', type: 'datetime', precision: 3, nullable: true })
  lastLoginAt: Date | null;

  @Column({ name: 'password_changed_at', type: 'datetime', precision: 3, nullable: true })
  passwordChangedAt: Date | null;
}
