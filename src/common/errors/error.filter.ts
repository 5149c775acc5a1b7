import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ApiErrorCode } from './api-error-code';
import { DomainError } from './domain-error';
import { errorResponseBody } from './error-response';

const GENERIC = 'Internal server error';
const UNAVAILABLE = 'Service temporarily unavailable, try again shortly';

/**
 * Database connectivity failures: answered SERVICE_UNAVAILABLE, never with the driver's text.
 * PROTOCOL_SEQUENCE_TIMEOUT: a query got no answer within DB_QUERY_TIMEOUT_MS (a frozen or
 * overloaded server). `fatal`: mysql2 marks errors that leave the connection unusable (e.g. the
 * next query on a connection dropped after such a timeout), whatever their code.
 */
export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: string; fatal?: boolean; driverError?: { code?: string; fatal?: boolean } } | undefined;
  const code = err?.code ?? err?.driverError?.code;
  if (err?.fatal === true || err?.driverError?.fatal === true) return true;
  return (
    typeof code === 'string' &&
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|PROTOCOL_CONNECTION_LOST|PROTOCOL_SEQUENCE_TIMEOUT|ER_CON_COUNT_ERROR|SQLITE_BUSY|POOL_CLOSED)$/.test(code)
  );
}

/**
 * The one place where an exception becomes what a client sees. Domain errors carry their API
 * code; validation (Nest HttpException from the ValidationPipe or body parser) becomes
 * BAD_USER_INPUT; anything else is logged here and answered with a generic message.
 */
@Catch()
export class ApiExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const error = this.toGraphQLError(exception);
    if (host.getType<GqlContextType>() === 'graphql') {
      GqlArgumentsHost.create(host);
      return error;
    }
    // Plain HTTP routes (SSO callbacks handle their own redirects; this is the fallback).
    const res = host.switchToHttp().getResponse<Response>();
    const status = exception instanceof HttpException ? exception.getStatus() : this.httpStatus(error);
    if (!res.headersSent) {
      res.status(status).json(errorResponseBody({ message: error.message, code: String(error.extensions.code), extensions: error.extensions }));
    }
    return undefined;
  }

  toGraphQLError(exception: unknown): GraphQLError {
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof DomainError) {
      return new GraphQLError(exception.message, {
        extensions: { ...exception.extensions, code: exception.apiCode },
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 401) return this.err('Authentication required', ApiErrorCode.UNAUTHENTICATED);
      if (status === 403) return this.err('You are not allowed to do this', ApiErrorCode.FORBIDDEN);
      if (status === 404) return this.err('Not found', ApiErrorCode.NOT_FOUND);
      if (status < 500) {
        const body = exception.getResponse() as { message?: string | string[] };
        const msg = Array.isArray(body?.message) ? body.message.join('; ') : (body?.message ?? exception.message);
        return this.err(String(msg).slice(0, 500), ApiErrorCode.BAD_USER_INPUT);
      }
    }
    if (isConnectionError(exception)) {
      this.logger.warn(`database unavailable: ${(exception as Error).message?.split('\n')[0]}`);
      return this.err(UNAVAILABLE, ApiErrorCode.SERVICE_UNAVAILABLE);
    }
    // Unknown: log the details (never parameters: QueryFailedError's message is the SQL text only).
    const e = exception as Error;
    const detail = exception instanceof QueryFailedError ? `QueryFailedError ${(e as any).driverError?.code ?? ''}` : e?.stack ?? String(e);
    this.logger.error(`unexpected error: ${detail}`);
    return this.err(GENERIC, ApiErrorCode.INTERNAL_SERVER_ERROR);
  }

  private err(message: string, code: ApiErrorCode) {
    return new GraphQLError(message, { extensions: { code } });
  }

  private httpStatus(error: GraphQLError): number {
    switch (error.extensions.code) {
      case ApiErrorCode.UNAUTHENTICATED: return 401;
      case ApiErrorCode.FORBIDDEN: return 403;
      case ApiErrorCode.NOT_FOUND: return 404;
      case ApiErrorCode.BAD_USER_INPUT: return 400;
      case ApiErrorCode.SERVICE_UNAVAILABLE: return 503;
      default: return 500;
    }
  }
}
