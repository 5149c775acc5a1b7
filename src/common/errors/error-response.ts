/** One error as the API reports it: `extensions.code` always set, more extensions beside it. */
export interface ErrorEntry {
  message: string;
  code: string;
  extensions?: Record<string, unknown>;
}

export interface ErrorResponseBody {
  errors: Array<{ message: string; extensions: Record<string, unknown> & { code: string } }>;
}

/**
 * The GraphQL-shaped body (`{ errors: [{ message, extensions: { code, … } }] }`) for answers
 * given outside Apollo: the body-parser and request-guard middleware, the rate-limit guard and
 * the exception filter on the plain HTTP routes. Clients read one shape whoever answers.
 */
export function errorResponseBody(...entries: ErrorEntry[]): ErrorResponseBody {
  // `code` first in the JSON, and never replaced by a `code` among the other extensions.
  return { errors: entries.map(({ message, code, extensions }) => ({ message, extensions: Object.assign({ code }, extensions, { code }) })) };
}
