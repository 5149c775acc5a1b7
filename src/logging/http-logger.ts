import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { storage, Store } from 'nestjs-pino/storage';
import type { Logger, LevelWithSilent } from 'pino';
import { OPERATION_NAME } from './operation-name.plugin';
import { accessLogger } from './root-logger';

export const REQUEST_ID_HEADER = 'x-request-id';
/** An incoming id is kept when it looks like an id (a proxy's UUID, a trace id), else replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** Headers worth a log line; the credentials ones only ever show as "[Redacted]". */
const LOGGED_HEADERS = ['host', 'user-agent', 'content-type', 'content-length', 'origin', 'x-forwarded-for'];
const CREDENTIAL_HEADERS = ['authorization', 'cookie'];
const REDACTED = '[Redacted]';

const SCOPE = Symbol('requestLogScope');

type Req = IncomingMessage & { id?: string; originalUrl?: string; auth?: { userId?: string }; [OPERATION_NAME]?: unknown; [SCOPE]?: RequestLogScope };
type Res = ServerResponse & { err?: unknown };

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

/** The request's path as it arrived (Express rewrites `url` below a mounted middleware). */
const arrivedPath = (req: Req) => pathOf(req.originalUrl ?? req.url);

/**
 * What nestjs-pino binds to a request (its `Store`): the logger that logs written while serving
 * the request go to, carrying its `reqId`. The child logger is made on first use: most requests
 * log nothing but their access line, and a child of the redacting root costs more than a
 * `{ __typename }` request without it (see `accessLogger`).
 */
export class RequestLogScope implements Store {
  private child?: Logger;
  responseLogger?: Logger;

  constructor(
    private readonly root: Logger,
    readonly reqId: string,
  ) {}

  get logger(): Logger {
    return (this.child ??= this.root.child({ reqId: this.reqId }));
  }

  /** nestjs-pino's `PinoLogger.assign` replaces it with a child carrying more fields. */
  set logger(logger: Logger) {
    this.child = logger;
  }
}

/**
 * The access log: one JSON line per request with its id, method, path, status and time, plus the
 * signed-in user and the GraphQL operation name once known. Never the body, the query string or
 * a credential header's value. Registered first in `createApp`, so even refused bodies (413)
 * are logged and answered with an `x-request-id`.
 *
 * Built by hand rather than with pino-http, for cost: pino-http makes three child loggers per
 * request (one binding the whole serialized request) whether or not a line is written, and each
 * goes through the root's redaction (~150 µs per request here, the largest single cost of a
 * request). Here nothing is built until the request ends, and only if its level is on; the line
 * is made from the allow-list above and written through `accessLogger` (no redaction needed);
 * a line that carries an error goes through the redacting root, as every other log does.
 * The line's shape is pino-http's: `reqId`, `req` {id, method, path, remoteAddress, headers},
 * `userId`, `operation`, `res` {statusCode}, `responseTime`, `err`, and its messages.
 */
export function httpLogger(root: Logger) {
  const access = accessLogger();
  return function accessLog(req: Req, res: Res, next: () => void): void {
    const reqId = requestIdOf(req, res);
    const scope = new RequestLogScope(root, reqId);
    req.id = reqId;
    req[SCOPE] = scope;
    const started = Date.now();
    // A line when a request arrives, at debug (LOG_LEVEL=debug shows what was in flight at a crash).
    if (root.isLevelEnabled('debug')) scope.logger.debug({ method: req.method, path: pathOf(req.url) }, 'request received');

    const done = (error?: unknown) => {
      res.removeListener('close', done);
      res.removeListener('finish', done);
      res.removeListener('error', done);
      const err = error ?? res.err;
      const level = levelOf(req, res, err);
      if (!root.isLevelEnabled(level)) return;
      const line = { req: requestFields(req, reqId), ...requestProps(req), res: { statusCode: res.statusCode }, responseTime: Date.now() - started };
      if (err) scope.logger[level]({ ...line, err }, 'request errored');
      else access[level]({ reqId, ...line }, res.statusCode < 500 && (req.readableAborted || !res.writableEnded) ? 'request aborted' : 'request completed');
    };
    res.on('close', done);
    res.on('finish', done);
    res.on('error', done);
    next();
  };
}

/**
 * nestjs-pino's per-request binding (its `Store` in its AsyncLocalStorage), registered by
 * `createApp` after the body parsers, whose stream callbacks would lose an async context entered
 * before them.
 */
export function bindRequestLogger(req: IncomingMessage, _res: ServerResponse, next: () => void): void {
  const scope = (req as Req)[SCOPE];
  if (!scope) return next();
  storage.run(scope, next);
}

function levelOf(req: Req, res: ServerResponse, err: unknown): Exclude<LevelWithSilent, 'silent'> {
  const health = arrivedPath(req).startsWith('/health');
  if (err || res.statusCode >= 500) return health && !err ? 'warn' : 'error';
  if (res.statusCode >= 400) return 'warn';
  return health ? 'debug' : 'info';
}

function requestFields(req: Req, id: string) {
  const headers: Record<string, unknown> = {};
  for (const h of LOGGED_HEADERS) if (req.headers[h] !== undefined) headers[h] = req.headers[h];
  for (const h of CREDENTIAL_HEADERS) if (req.headers[h] !== undefined) headers[h] = REDACTED;
  return { id, method: req.method, path: arrivedPath(req), remoteAddress: req.socket?.remoteAddress, headers };
}

function requestProps(req: Req): { userId?: string; operation?: string } {
  const props: { userId?: string; operation?: string } = {};
  if (req.auth?.userId) props.userId = req.auth.userId;
  const op = req[OPERATION_NAME];
  if (typeof op === 'string') props.operation = op.slice(0, 100);
  return props;
}
