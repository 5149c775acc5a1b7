import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { Db, TransactionHost } from '../database/transactions';
import { isUniqueViolation } from '../common/errors/db-errors';
import { appConfig } from '../config/app.config';
import { dummyHash, hashPassword, verifyPassword } from './password-hasher';
import { passwordProblem } from './password-policy';
import { Role } from './role.enum';
import { UserEntity } from './user.entity';
import { UserStatus } from './user-status.enum';
import { UsersError } from './users.errors';

/**
 * A condition on the users query contributed by another module: it adds its own `andWhere`
 * (typically `alias.id IN <sub-query>` built with the query builder, parameters named with
 * `uniqueParam`), so modules compose without sharing SQL strings.
 */
export type UserCondition = (qb: SelectQueryBuilder<UserEntity>, alias: string) => void;

export interface UserPageQuery {
  search?: string | null;
  status?: UserStatus | null;
  conditions?: UserCondition[];
  first: number;
  after?: { createdAt: Date; id: string } | null;
}

export interface UserPage {
  items: UserEntity[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role?: Role;
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly tx: TransactionHost<Db>,
  ) {}

  /** BOOTSTRAP_ADMIN_*: create the first admin when there is none; never touch an existing one. */
  async onApplicationBootstrap(): Promise<void> {
    const boot = this.app.bootstrapAdmin;
    if (!boot) return;
    if (await this.users.exists({ where: { role: Role.ADMIN } })) return;
    if (await this.findByEmail(boot.email)) {
      this.logger.warn('BOOTSTRAP_ADMIN_EMAIL belongs to an existing non-admin account; not changed');
      return;
    }
    await this.create({ email: boot.email, displayName: 'Administrator', password: boot.password, role: Role.ADMIN });
    this.logger.log('bootstrap admin created');
  }

  async create(input: NewUser): Promise<UserEntity> {
    const email = input.email.trim();
    const problem = passwordProblem(input.password, email);
    if (problem) throw UsersError.weakPassword(problem);
    if (await this.findByEmail(email)) throw UsersError.emailTaken();
    const user = this.users.create({
      id: randomUUID(),
      email,
      emailLower: email.toLowerCase(),
      displayName: input.displayName.trim(),
      role: input.role ?? Role.AGENT,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date(),
      lastLoginAt: null,
      passwordChangedAt: null,
      status: UserStatus.ACTIVE,
    });
    try {
      // insert, not save: save opens an implicit transaction of its own, which on SQLite's one
      // shared connection would bypass the transaction lane (src/database/sqlite-lane.ts).
      await this.users.insert(user);
      return user;
    } catch (e) {
      // Lost a race with a concurrent create of the same email.
      if (isUniqueViolation(e)) throw UsersError.emailTaken();
      throw e;
    }
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.findById(id);
    if (!user) throw UsersError.notFound();
    return user;
  }

  async findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    if (!ids.length) return [];
    return this.users.findBy({ id: In([...new Set(ids)]) });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ emailLower: email.trim().toLowerCase() });
  }

  /**
   * Password check. An unknown email costs one argon2 verification too, and both failures throw
   * the same error, so neither the answer nor its timing tells whether the account exists.
   */
  async verifyCredentials(email: string, password: string): Promise<UserEntity> {
    const user = await this.findByEmail(email);
    // An invited (no password yet) or deactivated account answers exactly as a wrong password,
    // after the same argon2 work.
    const usable = user?.status === UserStatus.ACTIVE && user.passwordHash ? user : null;
    const ok = await verifyPassword(usable?.passwordHash ?? (await dummyHash()), password);
    if (!usable || !ok) throw UsersError.invalidCredentials();
    return usable;
  }

  async verifyPassword(userId: string, password: string): Promise<boolean> {
    const user = await this.getById(userId);
    return verifyPassword(user.passwordHash, password);
  }

  /** The argon2 hash of an acceptable new password (the policy of createUser), or BAD_USER_INPUT. */
  async hashNewPassword(userId: string, newPassword: string): Promise<string> {
    const user = await this.getById(userId);
    const problem = passwordProblem(newPassword, user.email);
    if (problem) throw UsersError.weakPassword(problem);
    return hashPassword(newPassword);
  }

  async storePasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.tx.tx.getRepository(UserEntity).update({ id: userId }, { passwordHash, passwordChangedAt: new Date() });
  }

  /**
   * Admin listing: oldest first by (created_at, id), so rows inserted while paging land after the
   * cursor and nothing is skipped or repeated. Search matches any part of email or display name.
   */
  async page(q: UserPageQuery): Promise<UserPage> {
    const base = () => {
      const qb = this.users.createQueryBuilder('u');
      if (q.search) {
        // '!' as the LIKE escape: the same SQL text means the same on SQLite and MySQL.
        const like = `%${q.search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
        qb.andWhere(`(u.email_lower LIKE :like ESCAPE '!' OR LOWER(u.display_name) LIKE :like ESCAPE '!')`, { like });
      }
      if (q.status) qb.andWhere('u.status = :status', { status: q.status });
      for (const condition of q.conditions ?? []) condition(qb, 'u');
      return qb;
    };
    const pageQb = base();
    if (q.after) {
      pageQb.andWhere('(u.created_at > :at OR (u.created_at = :at AND u.id > :aid))', { at: q.after.createdAt, aid: q.after.id });
    }
    const [rows, count] = await Promise.all([
      pageQb.orderBy('u.created_at', 'ASC').addOrderBy('u.id', 'ASC').take(q.first + 1).getMany(),
      // COUNT(*) rather than getCount(): TypeORM's COUNT(DISTINCT id) is several times slower at 100k rows.
      base().select('COUNT(*)', 'n').getRawOne<{ n: string | number }>(),
    ]);
    const totalCount = Number(count?.n ?? 0);
    return { items: rows.slice(0, q.first), hasNextPage: rows.length > q.first, totalCount };
  }

  async count(): Promise<number> {
    return this.users.count();
  }

  async touchLastLogin(userId: string): Promise<void> {
    await this.tx.tx.getRepository(UserEntity).update({ id: userId }, { lastLoginAt: new Date() });
  }

  // ---- invitations and password reset (src/password-reset) -----------------------------------

  /** `inviteUser`: an INVITED account with no password (every password check fails until it is set). */
  async createInvited(input: { email: string; displayName: string; role?: Role }): Promise<UserEntity> {
    const email = input.email.trim();
    const repo = this.tx.tx.getRepository(UserEntity);
    if (await repo.findOneBy({ emailLower: email.toLowerCase() })) throw UsersError.emailTaken();
    const user = repo.create({
      id: randomUUID(),
      email,
      emailLower: email.toLowerCase(),
      displayName: input.displayName.trim(),
      role: input.role ?? Role.AGENT,
      passwordHash: '',
      createdAt: new Date(),
      lastLoginAt: null,
      passwordChangedAt: null,
      status: UserStatus.INVITED,
    });
    try {
      await repo.insert(user);
      return user;
    } catch (e) {
      if (isUniqueViolation(e)) throw UsersError.emailTaken();
      throw e;
    }
  }

  /**
   * The first password of an invited account, which becomes ACTIVE. Conditional on the status,
   * in the caller's transaction: false when the account is no longer INVITED.
   */
  async activate(userId: string, passwordHash: string): Promise<boolean> {
    const res = await this.tx.tx
      .getRepository(UserEntity)
      .update({ id: userId, status: UserStatus.INVITED }, { passwordHash, passwordChangedAt: new Date(), status: UserStatus.ACTIVE });
    return res.affected === 1;
  }

  /** A reset password, only while the account is ACTIVE (a deactivation that won the race keeps it out). */
  async storePasswordHashIfActive(userId: string, passwordHash: string): Promise<boolean> {
    const res = await this.tx.tx
      .getRepository(UserEntity)
      .update({ id: userId, status: UserStatus.ACTIVE }, { passwordHash, passwordChangedAt: new Date() });
    return res.affected === 1;
  }

  // ---- lifecycle (admin) ----------------------------------------------------------------------

  /**
   * The active admins, locked for the rest of the call's transaction (MySQL/MariaDB: FOR UPDATE;
   * SQLite runs one transaction at a time anyway), so two admins demoting or deactivating each
   * other at once cannot both pass the last-admin check.
   */
  async lockActiveAdmins(): Promise<string[]> {
    const qb = this.tx.tx.getRepository(UserEntity).createQueryBuilder('u').select('u.id', 'id').where('u.role = :role AND u.status = :status', { role: Role.ADMIN, status: UserStatus.ACTIVE });
    if (this.tx.tx.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
    return (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
  }

  async setStatus(userId: string, status: UserStatus): Promise<void> {
    await this.tx.tx.getRepository(UserEntity).update({ id: userId }, { status });
  }

  async setRole(userId: string, role: Role): Promise<void> {
    await this.tx.tx.getRepository(UserEntity).update({ id: userId }, { role });
  }
}
