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

/**
 * Keyset pagination under another sort: the cursor names the sort it belongs to (so a cursor of one
 * sort is refused under another), the row's value of the sort key and its id (the tie-break). The
 * value is what the database compares (a timestamp as epoch ms, a text as the database compares
 * it), so the next page starts exactly after the row, whatever changed since.
 */
export type SortValue = string | number | null;
export interface SortKeyset {
  sort: string;
  value: SortValue;
  id: string;
}

export function encodeSortCursor(k: SortKeyset): string {
  return Buffer.from(JSON.stringify([k.sort, k.value, k.id])).toString('base64url');
}

/** The position a cursor names under `sort`, or null for anything else (another sort's cursor, garbage). */
export function decodeSortCursor(cursor: string, sort: string): SortKeyset | null {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(v) || v.length !== 3 || v[0] !== sort || typeof v[2] !== 'string' || !v[2]) return null;
  const value: unknown = v[1];
  if (value !== null && typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return null;
  return { sort, value, id: v[2] };
}

/** A Relay connection whose cursors come from `cursorOf` (a sort other than the default one). */
export function toSortedConnection<R, N>(
  page: { items: R[]; hasNextPage: boolean },
  cursorOf: (row: R, index: number) => string,
  node: (row: R) => N,
): { edges: Array<{ cursor: string; node: N }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } {
  const edges = page.items.map((row, i) => ({ cursor: cursorOf(row, i), node: node(row) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
