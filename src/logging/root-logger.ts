import pino, { DestinationStream, Logger } from 'pino';
import type { LogLevel } from '../config/http.config';

/**
 * Keys whose values never reach a log line, at the top level and two levels down (pino `redact`).
 * GraphQL bodies and variables are dropped whole: they carry passwords, codes and tokens.
 * (`code` is only redacted at the top level: `err.code` such as ECONNREFUSED is worth keeping.)
 */
const SECRET_KEYS = [
  'password', 'currentPassword', 'newPassword',
  'token', 'challengeToken', 'accessToken', 'refreshToken', 'idToken', 'access_token', 'refresh_token', 'id_token',
  'secret', 'clientSecret', 'client_secret', 'ticket', 'codes', 'backupCodes', 'otpauthUrl', 'qrCodeDataUrl',
  'authorization', 'cookie', 'set-cookie', 'variables', 'body', 'args', 'input',
];
export const REDACT_PATHS = [
  'code',
  ...SECRET_KEYS.flatMap((k) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `["${k}"]`;
    return [key.replace(/^\./, ''), `*${key}`, `*.*${key}`];
  }),
];

let root: Logger | undefined;
let access: Logger | undefined;
let destination: DestinationStream;
let destinationFile: string | null = null;

/** A stable stream for pino whose target can change when another app boots in this process. */
const sink: DestinationStream = { write: (line: string) => destination.write(line) };

/**
 * The one pino logger of the process. nestjs-pino keeps the first logger it is given for every
 * log written outside a request (a module-level singleton), so owning a single root and
 * reconfiguring it per boot is the only way level and destination stay right when tests boot
 * several apps in one process.
 */
export function rootLogger(): Logger {
  if (!root) {
    destination = pino.destination({ dest: 1, sync: true });
    root = pino(
      {
        level: 'info',
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
        serializers: { err: pino.stdSerializers.err },
      },
      sink,
    );
  }
  return root;
}

/**
 * The access log's own logger: the root's destination and line format, WITHOUT redaction, and
 * always at `trace` (whether a line is written is the root's level, decided by `httpLogger`).
 * pino's redaction walks every logged object and every child's bindings against REDACT_PATHS
 * (79 paths, wildcards two levels deep): about 150 µs of CPU per access line or per child on
 * this machine, more than the rest of a `{ __typename }` request. The access line does not need
 * it: `httpLogger` builds it only from an allow-list (method, path without query, status, time,
 * user id, operation name, chosen headers with the credentials ones replaced by `[Redacted]`), and
 * lines that carry an error still go through the root. Nothing else may log through this one.
 */
export function accessLogger(): Logger {
  rootLogger(); // the shared destination
  access ??= pino(
    {
      level: 'trace',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    sink,
  );
  return access;
}

/** Sets level and destination (stdout, or LOG_FILE, written synchronously: nothing lost on exit). */
export function configureRootLogger(opts: { level: LogLevel; file: string | null }): Logger {
  const logger = rootLogger();
  if (opts.file !== destinationFile) {
    const previous = destinationFile ? (destination as ReturnType<typeof pino.destination>) : null;
    destination = opts.file
      ? pino.destination({ dest: opts.file, sync: true, mkdir: true })
      : pino.destination({ dest: 1, sync: true });
    destinationFile = opts.file;
    previous?.end();
  }
  logger.level = opts.level;
  return logger;
}

/** `createApp({ logger })` (Nest's level list) as a pino level: the most verbose one listed. */
export function levelFromNestOption(option: false | string[] | undefined): LogLevel | null {
  if (option === undefined) return null;
  if (option === false || option.length === 0) return 'silent';
  const order: Array<[string, LogLevel]> = [['verbose', 'trace'], ['debug', 'debug'], ['log', 'info'], ['warn', 'warn'], ['error', 'error'], ['fatal', 'fatal']];
  return order.find(([nest]) => option.includes(nest))?.[1] ?? 'info';
}
