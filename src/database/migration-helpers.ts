import { TableColumnOptions } from 'typeorm';

/** Column builders shared by migrations, so SQLite and MySQL/MariaDB get the same shapes. */
export const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true });
export const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
export const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
export const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
export const int = (name: string, dflt = 0): TableColumnOptions => ({ name, type: 'int', default: dflt, isNullable: false });
export const bigint = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
export const bool = (name: string, dflt = false): TableColumnOptions => ({ name, type: 'boolean', default: dflt, isNullable: false });
