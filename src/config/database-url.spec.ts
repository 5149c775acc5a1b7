import { mysqlUrlParts } from './database-url';

describe('mysqlUrlParts', () => {
  it('reads mariadb:// and mysql:// alike, decoding the credentials', () => {
    expect(mysqlUrlParts('mariadb://app:p%40ss%2Fword@db.internal:3307/acctsec')).toEqual({
      host: 'db.internal',
      port: 3307,
      user: 'app',
      password: 'p@ss/word',
      database: 'acctsec',
    });
    expect(mysqlUrlParts('mysql://root@127.0.0.1')).toEqual({ host: '127.0.0.1', port: 3306, user: 'root', password: '', database: '' });
  });

  it('refuses other schemes', () => {
    expect(() => mysqlUrlParts('postgres://x@y/z')).toThrow(/mysql/);
  });
});
