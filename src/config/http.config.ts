import { registerAs } from '@nestjs/config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `a, b ,c` → ['a', 'b', 'c']; unset or blank → []. */
export function commaList(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * The HTTP edge and operations: CORS, the GraphQL abuse limits, logging. Read by `createApp`
 * (before the container exists, for the logger) and injected everywhere else.
 */
export const httpConfig = registerAs('http', () => {
  const env = process.env.NODE_ENV ?? 'development';
  const introspection = process.env.GRAPHQL_INTROSPECTION;
  return {
    /** Origins allowed to call the API from a browser; empty: no CORS headers at all. */
    corsOrigins: commaList(process.env.CORS_ORIGINS).map((o) => o.replace(/\/+$/, '')),
    graphql: {
      /** On in development and test, off in production unless GRAPHQL_INTROSPECTION=true. */
      introspection: introspection ? /^(true|1)$/i.test(introspection) : env !== 'production',
      maxDepth: Number(process.env.GRAPHQL_MAX_DEPTH || 10),
      maxComplexity: Number(process.env.GRAPHQL_MAX_COMPLEXITY || 1000),
    },
    log: {
      /** Unset: `createApp`'s `logger` option decides (tests keep quiet), else `info`. */
      level: (process.env.LOG_LEVEL || null) as LogLevel | null,
      /** JSON lines to this file instead of stdout (tests read it back). */
      file: process.env.LOG_FILE || null,
    },
  };
});
export type HttpConfig = ReturnType<typeof httpConfig>;
