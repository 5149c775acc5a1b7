import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { AfterCommit } from '../database/after-commit';
import { Db, TransactionHost } from '../database/transactions';
import { isUniqueViolation } from '../common/errors/db-errors';
import { appConfig } from '../config/app.config';
import { dummyHash, hashPassword, verifyPassword } from './password-hasher';
import { passwordProblem } from './password-policy';
import { Role } from './role.enum';
import { UserEntity } from './user.entity';
import { UserListCounts } from './user-list-counts';
import { UserStatus } from './user-status.enum';
import { DEFAULT_USER_SORT, SortDirection, UserSort, UserSortField, UserSortValue } from './user-sort';
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
  /** Default: oldest first (`DEFAULT_USER_SORT`). */
  order?: UserSort | null;
  /** The last row of the page before, as its sort key (`UserSortValue`) and id. */
  after?: { value: UserSortValue; id: string } | null;
  /**
   * The filter as a stable string: pages of one filter share its `totalCount` (`UserListCounts`:
   * exact, at most 10 s old, dropped at once by this instance's changes). Absent: counted each time.
   */
  countKey?: string | null;
}

export interface UserPage {
  items: UserEntity[];
  /** The sort key of each item, as a cursor carries it (`UserSortValue`). */
  sortValues: UserSortValue[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * The SQL of each sort key, each served by an index whose order is (key, id), so a page is a range
 * read of 51 index entries wherever it starts, never a sort of the table:
 * - CREATED_AT: IDX_users_created (created_at, id).
 * - EMAIL: UQ_users_email_lower. The key is unique, so no two rows tie and the id is left out of
 *   the ORDER BY (with it, MariaDB does not see that the unique index gives the order and sorts).
 * - LAST_LOGIN_AT: IDX_users_last_login (last_login_at, id).
 * - DISPLAY_NAME, case-insensitively: IDX_users_display_name. On MySQL/MariaDB the column's
 *   collation (utf8mb4_unicode_ci, as the database is created; every stock utf8mb4 collation is
 *   case-insensitive) compares and orders exactly as LOWER(display_name) did, so the plain column
 *   and index serve it. On SQLite, COLLATE NOCASE folds ASCII letters as its LOWER() does, and
 *   the index there is built with that collation.
 */
function sortSql(field: UserSortField, sqlite: boolean): string {
  switch (field) {
    case UserSortField.CREATED_AT:
      return 'u.created_at';
    case UserSortField.EMAIL:
      return 'u.email_lower';
    case UserSortField.LAST_LOGIN_AT:
      return 'u.last_login_at';
    case UserSortField.DISPLAY_NAME:
      return sqlite ? 'u.display_name COLLATE NOCASE' : 'u.display_name';
  }
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
  /** The admin list's totals, per filter (see `page`). */
  private readonly listCounts = new UserListCounts();

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly tx: TransactionHost<Db>,
    private readonly afterCommit: AfterCommit,
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
      this.usersChanged();
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
   * Admin listing, sorted by `order` (default oldest first) with the id as the tie-break, paged by
   * keyset: the next page starts after the last row's (sort key, id), so rows inserted or changed
   * while paging are neither skipped nor repeated within the rows already passed. Timestamps that
   * are NULL (never signed in) sort below every date, as on both SQLite and MySQL: first when
   * ascending, last when descending. Search matches any part of the email or display name.
   * Every sort reads its page from an index (see `sortSql`). Statements: the page, plus the COUNT
   * when the filter's total is not held (`countKey`, `UserListCounts`).
   */
  async page(q: UserPageQuery): Promise<UserPage> {
    const sqlite = this.users.manager.connection.options.type === 'better-sqlite3';
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
    const order = q.order ?? DEFAULT_USER_SORT;
    const asc = order.direction === SortDirection.ASC;
    const key = sortSql(order.field, sqlite);
    const dates = order.field === UserSortField.CREATED_AT || order.field === UserSortField.LAST_LOGIN_AT;
    const pageQb = base();
    if (q.after) {
      const cmp = asc ? '>' : '<';
      const params = { kv: dates && q.after.value !== null ? new Date(Number(q.after.value)) : q.after.value, kid: q.after.id };
      if (q.after.value === null) {
        // After a row that never signed in. Ascending, NULLs come first: the rest of them, then
        // every date. Descending, NULLs come last: only the rest of them. MariaDB plans a bare
        // `IS NULL AND id < :kid` as a lookup of every NULL row plus a sort of them (all the accounts
        // that never signed in); the disjunct that can never hold (DATETIME starts at 1000-01-01)
        // makes it the range read of IDX_users_last_login that SQLite makes of the bare form.
        const rest = asc ? `(${key} IS NOT NULL OR (${key} IS NULL AND u.id > :kid))` : `((${key} IS NULL AND u.id < :kid)${sqlite ? '' : ` OR ${key} < '1000-01-01'`})`;
        pageQb.andWhere(rest, params);
      } else {
        const nullsAfter = order.field === UserSortField.LAST_LOGIN_AT && !asc ? ` OR ${key} IS NULL` : '';
        pageQb.andWhere(`(${key} ${cmp} :kv OR (${key} = :kv AND u.id ${cmp} :kid)${nullsAfter})`, params);
      }
    }
    pageQb.orderBy(key, order.direction);
    if (order.field !== UserSortField.EMAIL) pageQb.addOrderBy('u.id', order.direction);
    // COUNT(*) rather than getCount(): TypeORM's COUNT(DISTINCT id) is several times slower at 100k rows.
    const count = async () => Number((await base().select('COUNT(*)', 'n').getRawOne<{ n: string | number }>())?.n ?? 0);
    const [entities, totalCount] = await Promise.all([pageQb.limit(q.first + 1).getMany(), q.countKey != null ? this.listCounts.get(q.countKey, count) : count()]);
    const items = entities.slice(0, q.first);
    const sortValues = items.map((u): UserSortValue => {
      switch (order.field) {
        case UserSortField.CREATED_AT:
          return u.createdAt.getTime();
        case UserSortField.LAST_LOGIN_AT:
          return u.lastLoginAt ? u.lastLoginAt.getTime() : null;
        case UserSortField.EMAIL:
          return u.emailLower;
        case UserSortField.DISPLAY_NAME:
          // As stored: the database compares it case-insensitively (see sortSql).
          return u.displayName;
      }
    });
    return { items, sortValues, hasNextPage: entities.length > q.first, totalCount };
  }

  /**
   * Every held `totalCount` of the admin list is counted again at its next use. For callers whose
   * change alters who matches a filter (an admin's reset, unlock or unlink); the writes of this
   * service call it themselves.
   */
  forgetListCounts(): void {
    this.listCounts.invalidate();
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
      this.usersChanged();
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
    if (res.affected === 1) this.usersChanged();
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
    this.usersChanged();
  }

  async setRole(userId: string, role: Role): Promise<void> {
    await this.tx.tx.getRepository(UserEntity).update({ id: userId }, { role });
    this.usersChanged();
  }

  /**
   * A change of who matches the admin list's filters (its totals): the totals are counted again
   * once the caller's transaction commits (at once outside one), so a count made meanwhile from
   * the rows before the change is not kept.
   */
  private usersChanged(): void {
    this.afterCommit.run(async () => this.listCounts.invalidate());
  }
}
