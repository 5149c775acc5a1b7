import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { SqliteLane } from './sqlite-lane';

/**
 * The transaction bound to the call (nestjs-cls). Inject `TransactionHost<Db>`: its `tx` is the
 * EntityManager of the open transaction, or the plain manager outside one. Services take their
 * repositories from it, so nothing can silently run outside the transaction its caller opened;
 * orchestrators open one with `@Transactional()` or `tx.withTransaction(...)`.
 * (Write `TransactionHost<Db>` in constructors, not an alias: Nest injects by the emitted class.)
 */
export type Db = TransactionalAdapterTypeOrm;
export { TransactionHost, Transactional } from '@nestjs-cls/transactional';

/** The TypeORM adapter, with SQLite transactions taken through the one-at-a-time lane. */
export class SerializedTypeOrmAdapter extends TransactionalAdapterTypeOrm {
  constructor(options: ConstructorParameters<typeof TransactionalAdapterTypeOrm>[0]) {
    super(options);
    const base = this.optionsFactory;
    this.optionsFactory = (dataSource: DataSource) => {
      const options = base(dataSource);
      const lane = SqliteLane.of(dataSource);
      if (!lane) return options;
      return { ...options, wrapWithTransaction: (o, fn, setClient) => lane.run(() => options.wrapWithTransaction(o, fn, setClient)) };
    };
  }
}
