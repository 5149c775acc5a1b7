import { INestApplication, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { errorResponseBody } from './common/errors/error-response';
import { graphqlRequestGuard } from './common/graphql/graphql-request-guard';
import { validateEnv } from './config/env.validation';
import { httpConfig } from './config/http.config';
import { GRAPHQL_PATH, queryLimits } from './graphql.options';
import { bindRequestLogger, httpLogger, REQUEST_ID_HEADER } from './logging/http-logger';
import { configureRootLogger, levelFromNestOption } from './logging/root-logger';
import { CSP_DIRECTIVES } from './web/content-security-policy';

type NestLogLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/**
 * Builds the HTTP app (shared by main.ts and the e2e tests, so tests exercise exactly what runs).
 * Middleware order: access log + request id, security headers, CORS, body parsers (100 kB; a
 * larger or malformed body gets a clean JSON 4xx), the GraphQL abuse guard, the request's logger
 * binding, then Nest/Apollo.
 *
 * Logging: JSON lines through pino (nestjs-pino replaces the Nest logger). Level: LOG_LEVEL, else
 * the `logger` option (tests pass ['error'] to stay quiet), else info.
 */
export async function createApp(options: { logger?: false | NestLogLevel[] } = {}): Promise<INestApplication> {
  // Validated here rather than at import time, so every boot (tests included) checks its env.
  validateEnv(process.env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    abortOnError: false,
    bodyParser: false,
    bufferLogs: true,
    // Used only if the boot fails before the JSON logger takes over (buffered lines are flushed there).
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  const http = app.get<ConfigType<typeof httpConfig>>(httpConfig.KEY);
  const root = configureRootLogger({ level: http.log.level ?? levelFromNestOption(options.logger) ?? 'info', file: http.log.file });
  app.useLogger(app.get(PinoNestLogger));

  // Whose X-Forwarded-For to believe (per-IP limits, event IPs): loopback by default; behind a
  // proxy on a private network set TRUST_PROXY (Express syntax, e.g. `uniquelocal` or a CIDR list).
  const trust = process.env.TRUST_PROXY || 'loopback';
  app.set('trust proxy', /^\d+$/.test(trust) ? Number(trust) : trust);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  // No ETag on API answers: a hash of every response body, for POSTs no cache revalidates (the
  // pages' static files get theirs from express.static / sendFile, which do not use this setting).
  app.getHttpAdapter().getInstance().set('etag', false);
  app.use(httpLogger(root));
  app.use(
    helmet({
      // One policy for the API and the pages (src/web/content-security-policy.ts).
      contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
      // No `upgrade-insecure-requests` (development runs on plain http://localhost); HSTS still
      // tells browsers to stay on https once they reached the service over TLS.
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    }),
  );
  if (http.corsOrigins.length) {
    const cors = {
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', REQUEST_ID_HEADER],
      exposedHeaders: [REQUEST_ID_HEADER],
      maxAge: 600,
    };
    // Per request: a listed origin may send the session cookie along (credentials); any other
    // origin gets no CORS header at all (the cors package would add Allow-Credentials regardless).
    app.enableCors((req: Request, done: (err: Error | null, options: object) => void) => {
      const origin = req.header('origin');
      done(null, origin && http.corsOrigins.includes(origin) ? { ...cors, origin, credentials: true } : { origin: false });
    });
  }
  app.useBodyParser('json', { limit: '100kb' });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
    const message = err.type === 'entity.too.large' ? 'Request body too large' : 'Malformed request body';
    res.status(status).json(errorResponseBody({ message, code: 'BAD_REQUEST' }));
  });
  app.use(GRAPHQL_PATH, graphqlRequestGuard(queryLimits(http)));
  // From here on, logs written while serving the request carry its reqId (after the body parsers:
  // their stream callbacks would lose an async context entered before them).
  app.use(bindRequestLogger);
  app.enableShutdownHooks();
  return app;
}

export const bootLogger = new Logger('Bootstrap');
