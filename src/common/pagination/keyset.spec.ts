import { decodeCursor, decodeSortCursor, encodeCursor, encodeSortCursor } from './keyset';

describe('keyset cursors', () => {
  it('a sort cursor names its sort: refused under another, and anything malformed is refused', () => {
    const c = encodeSortCursor({ sort: 'EMAIL:ASC', value: 'a|b@example.com', id: 'u1' });
    expect(decodeSortCursor(c, 'EMAIL:ASC')).toEqual({ sort: 'EMAIL:ASC', value: 'a|b@example.com', id: 'u1' });
    expect(decodeSortCursor(c, 'EMAIL:DESC')).toBeNull();
    expect(decodeSortCursor(encodeSortCursor({ sort: 'LAST_LOGIN_AT:DESC', value: null, id: 'u2' }), 'LAST_LOGIN_AT:DESC')?.value).toBeNull();
    for (const bad of ['', 'garbage', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["EMAIL:ASC",{},"u"]').toString('base64url'), Buffer.from('["EMAIL:ASC","x",""]').toString('base64url')]) {
      expect(decodeSortCursor(bad, 'EMAIL:ASC')).toBeNull();
    }
    // The default sort's cursor of old is not a sort cursor, and the other way round.
    const old = encodeCursor({ createdAt: new Date(5), id: 'u3' });
    expect(decodeSortCursor(old, 'CREATED_AT:ASC')).toBeNull();
    expect(decodeCursor(c)).toBeNull();
  });
});
