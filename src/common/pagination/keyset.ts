/**
 * Keyset pagination over (created_at, id): the cursor carries both, so rows with the same
 * timestamp keep a stable order and rows inserted while paging are neither skipped nor repeated.
 */
export interface Keyset {
  createdAt: Date;
  id: string;
}

/** An opaque cursor for a row. */
export function encodeCursor(row: Keyset): string {
  return Buffer.from(`${row.createdAt.getTime()}|${row.id}`).toString('base64url');
}

/** The row a cursor names, or null for anything that is not one of ours. */
export function decodeCursor(cursor: string): Keyset | null {
  const [ms, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!id || !/^\d+$/.test(ms ?? '')) return null;
  return { createdAt: new Date(Number(ms)), id };
}

/** A Relay connection from a page of rows: one edge per row, `endCursor` the last one's. */
export function toConnection<R extends Keyset, N>(page: { items: R[]; hasNextPage: boolean }, node: (row: R) => N): { edges: Array<{ cursor: string; node: N }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } {
  const edges = page.items.map((row) => ({ cursor: encodeCursor(row), node: node(row) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
