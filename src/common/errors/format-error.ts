import type { GraphQLFormattedError } from 'graphql';
import { ApiErrorCode } from './api-error-code';

/** Codes Apollo itself produces before a resolver runs; API.md lets them through unchanged. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
const API_CODES = new Set<string>(Object.values(ApiErrorCode));

/**
 * Apollo's last word on every error: keep message, path, locations and our extensions, drop
 * stack traces and anything else. Apollo's own BAD_USER_INPUT (variable coercion) stays as is.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? ApiErrorCode.INTERNAL_SERVER_ERROR);
  if (!API_CODES.has(code) && !APOLLO_CODES.has(code)) {
    return { message: 'Internal server error', path: formatted.path, extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR } };
  }
  const { stacktrace: _drop, exception: _exc, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const message =
    code === ApiErrorCode.INTERNAL_SERVER_ERROR ? 'Internal server error' : formatted.message;
  return { message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code } };
}
