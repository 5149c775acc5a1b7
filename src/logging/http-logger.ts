import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { OPERATION_NAME } from './operation-name.plugin';

export const REQUEST_ID_HEADER = 'x-request-id';
/** An incoming id is kept when it looks like an id (a proxy's UUID, a trace id), else replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** Headers worth a log line; `authorization` and `cookie` are kept only to show "[Redacted]". */
const LOGGED_HEADERS = ['host', 'user-agent', 'content-type', 'content-length', 'origin', 'x-forwarded-for', 'authorization', 'cookie'];

const ARRIVED = Symbol('arrived');

type Req = IncomingMessage & { auth?: { userId?: string } };

export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Path only: query strings carry GraphQL variables (GET) and OIDC codes/state (SSO callbacks). */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0].slice(0, 300);
}

function operationNameOf(req: Req): string | undefined {
  const name = (req as Req & { [OPERATION_NAME]?: unknown })[OPERATION_NAME];
  return typeof name === 'string' ? name.slice(0, 100) : undefined;
}

/**
 * The access log: one JSON line per request with its id, method, path, status and time, plus the
 * signed-in user and the GraphQL operation name once known. Never the body, the query string or
 * a credential header's value. Registered first in `createApp`, so even refused bodies (413)
 * are logged and answered with an `x-request-id`.
 */
export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestIdOf,
    quietReqLogger: true,
    // A line when a request arrives, at debug (LOG_LEVEL=debug shows what was in flight at a crash).
    customReceivedMessage: () => 'request received',
    customReceivedObject: (req) => ({ method: req.method, path: pathOf(req.url) }),
    customLogLevel: (req, res, err) => {
      // pino-http asks first when the request arrives (the "request received" line), then when it ends.
      const r = req as Req & { [ARRIVED]?: true };
      if (!r[ARRIVED]) {
        r[ARRIVED] = true;
        return 'debug';
      }
      const health = pathOf(req.url).startsWith('/health');
      if (err || res.statusCode >= 500) return health && !err ? 'warn' : 'error';
      if (res.statusCode >= 400) return 'warn';
      return health ? 'debug' : 'info';
    },
    // pino-http invents an Error (with a stack of its own internals) for any 5xx; keep real errors only.
    customErrorObject: (_req, res, error, value) =>
      error.message === `failed with status code ${res.statusCode}` ? { res: value.res, responseTime: value.responseTime } : value,
    customErrorMessage: (_req, res, error) =>
      error.message === `failed with status code ${res.statusCode}` ? 'request completed' : 'request errored',
    customProps: (req) => {
      const r = req as Req;
      const props: Record<string, string> = {};
      if (r.auth?.userId) props.userId = r.auth.userId;
      const op = operationNameOf(r);
      if (op) props.operation = op;
      return props;
    },
    serializers: {
      req: (r: { id: string; method: string; url: string; headers: Record<string, unknown>; remoteAddress?: string }) => ({
        id: r.id,
        method: r.method,
        path: pathOf(r.url),
        remoteAddress: r.remoteAddress,
        headers: Object.fromEntries(LOGGED_HEADERS.filter((h) => r.headers?.[h] !== undefined).map((h) => [h, r.headers[h]])),
      }),
      res: (r: { statusCode: number }) => ({ statusCode: r.statusCode }),
    },
  });
}
