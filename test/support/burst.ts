import { connect, Socket } from 'node:net';
import { GqlError, GqlResponse } from './gql';

export interface BurstRequest {
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface BurstResponse<T = any> extends GqlResponse<T> {
  headers: Record<string, string | string[]>;
}

/**
 * Sends every request at once, the way an attacker would: one TCP connection per request,
 * all connected first, each request written but for its last byte, then the last bytes written
 * in one synchronous loop. The server sees N requests complete within microseconds of each
 * other, so whatever it reads before it writes is read by all of them before any write lands.
 * Answers come back in the order of `requests`.
 */
export interface BurstOptions {
  timeoutMs?: number;
  /**
   * Requests (by index) whose last byte is held back until `until` holds for the answers already
   * back, or until every other request has been answered. A server may take requests released
   * together in any order; this makes "the right code sent after the limit, inside the burst"
   * deterministic: e.g. hold the right code until the limit's failures have been answered.
   */
  hold?: { indexes: number[]; until: (answered: BurstResponse[]) => boolean };
}

export async function burst<T = any>(baseUrl: string, requests: BurstRequest[], opts: BurstOptions = {}): Promise<BurstResponse<T>[]> {
  const url = new URL(baseUrl);
  const port = Number(url.port || 80);
  const host = url.hostname;
  const sockets: Socket[] = await Promise.all(
    requests.map(
      () =>
        new Promise<Socket>((resolve, reject) => {
          const s = connect({ host, port }, () => resolve(s));
          s.setNoDelay(true);
          s.once('error', reject);
        }),
    ),
  );
  const raw = requests.map((r) => {
    const body = Buffer.from(JSON.stringify({ query: r.query, variables: r.variables ?? {} }));
    const head = [
      `POST /graphql HTTP/1.1`,
      `Host: ${url.host}`,
      'Content-Type: application/json',
      `Content-Length: ${body.length}`,
      'Connection: close',
      ...Object.entries(r.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
      '',
      '',
    ].join('\r\n');
    return Buffer.concat([Buffer.from(head), body]);
  });
  const held = new Set(opts.hold?.indexes ?? []);
  const answered: BurstResponse<T>[] = [];
  let pendingOthers = requests.length - held.size;
  let released = false;
  const releaseHeld = () => {
    if (released) return;
    released = true;
    for (const i of held) sockets[i].write(raw[i].subarray(raw[i].length - 1));
  };
  const answers = sockets.map((s, i) =>
    collect(s, opts.timeoutMs ?? 120_000).then((buf) => {
      const r = parseResponse<T>(buf);
      if (!held.has(i)) {
        answered.push(r);
        pendingOthers--;
        if (opts.hold && (pendingOthers === 0 || opts.hold.until(answered))) releaseHeld();
      }
      return r;
    }),
  );
  // All but the last byte: each request is in the server's socket buffer, incomplete.
  await Promise.all(sockets.map((s, i) => new Promise<void>((resolve) => s.write(raw[i].subarray(0, raw[i].length - 1), () => resolve()))));
  // A moment for those bytes to arrive, then the release: one synchronous loop.
  await new Promise((r) => setTimeout(r, 50));
  for (let i = 0; i < sockets.length; i++) if (!held.has(i)) sockets[i].write(raw[i].subarray(raw[i].length - 1));
  if (held.size && pendingOthers === 0) releaseHeld();
  return Promise.all(answers);
}

function collect(s: Socket, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error('burst: no complete answer in time'));
    }, timeoutMs);
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    s.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

function parseResponse<T>(buf: Buffer): BurstResponse<T> {
  const sep = buf.indexOf('\r\n\r\n');
  if (sep < 0) throw new Error(`burst: malformed answer: ${buf.toString('utf8').slice(0, 200)}`);
  const lines = buf.subarray(0, sep).toString('latin1').split('\r\n');
  const status = Number(lines[0].split(' ')[1]);
  const headers: Record<string, string | string[]> = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    const k = l.slice(0, i).trim().toLowerCase();
    const v = l.slice(i + 1).trim();
    const prev = headers[k];
    headers[k] = prev === undefined ? v : ([] as string[]).concat(prev, v);
  }
  let body = buf.subarray(sep + 4);
  if (String(headers['transfer-encoding'] ?? '').includes('chunked')) body = dechunk(body);
  const json = JSON.parse(body.toString('utf8')) as { data?: T; errors?: GqlError[] };
  return { status, headers, data: json.data ?? undefined, errors: json.errors };
}

function dechunk(b: Buffer): Buffer {
  const out: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = b.indexOf('\r\n', pos);
    const size = parseInt(b.subarray(pos, eol).toString('latin1'), 16);
    if (!size) break;
    out.push(b.subarray(eol + 2, eol + 2 + size));
    pos = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/** How many answers carry each `extensions.code` ('OK' for no error). */
export function tally(answers: GqlResponse[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const code = a.errors?.length ? String(a.errors[0].extensions?.code) : 'OK';
    out[code] = (out[code] ?? 0) + 1;
  }
  return out;
}
