import { parse } from 'graphql';
import type { NextFunction, Request, Response } from 'express';
import { errorResponseBody } from '../errors/error-response';
import { checkQueryLimits, MAX_TOKENS, QueryLimits } from './query-limits';

const CACHE_ENTRIES = 1000;
const CACHEABLE_LENGTH = 8 * 1024;

/**
 * Express middleware in front of Apollo on the GraphQL path: applies the static query limits
 * (depth, aliases, top-level fields, expanded field count) BEFORE graphql's standard validation
 * runs. That order matters: graphql's OverlappingFieldsCanBeMerged rule is quadratic in repeated
 * fields (740 × `me { id }` in 3,000 tokens costs ~185 ms of CPU), so the cheap linear checks
 * must refuse a flood first. The refusal looks exactly like Apollo's validation errors
 * (HTTP 400, `extensions.code` GRAPHQL_VALIDATION_FAILED); no resolver runs.
 *
 * Variables must be well-formed Unicode (BAD_USER_INPUT otherwise, like any bad variable).
 *
 * Only requests Apollo would accept as GraphQL are inspected (POST application/json, or GET);
 * anything else, and documents that do not parse, go on to Apollo for its own error.
 */
export function graphqlRequestGuard(limits: QueryLimits) {
  // Verdicts for recent small documents: clients repeat the same few operations.
  const verdicts = new Map<string, string[]>();

  const verdictFor = (query: string): string[] => {
    const cached = verdicts.get(query);
    if (cached) return cached;
    let problems: string[];
    try {
      problems = checkQueryLimits(parse(query, { maxTokens: MAX_TOKENS, noLocation: true }), limits);
    } catch {
      problems = []; // not parseable: Apollo answers GRAPHQL_PARSE_FAILED
    }
    if (query.length <= CACHEABLE_LENGTH) {
      if (verdicts.size >= CACHE_ENTRIES) verdicts.delete(verdicts.keys().next().value!);
      verdicts.set(query, problems);
    }
    return problems;
  };

  // Named: it shows as itself in profiles and in the router's stack (npm run bench finds it there).
  return function graphqlRequestGuardMiddleware(req: Request, res: Response, next: NextFunction) {
    const query = queryOf(req);
    if (query === undefined) return next();
    const problems = verdictFor(query);
    if (problems.length) {
      return res.status(400).json(errorResponseBody(...problems.map((message) => ({ message, code: 'GRAPHQL_VALIDATION_FAILED' }))));
    }
    if (!wellFormed(variablesOf(req))) {
      return res
        .status(400)
        .json(errorResponseBody({ message: 'Variables must be well-formed Unicode text (a lone UTF-16 surrogate was found)', code: 'BAD_USER_INPUT' }));
    }
    next();
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * JSON may carry "\uD800", which no email, password, name or code can legitimately contain, and
 * which some validators crash on (validator.js' isEmail calls encodeURI: URIError). Checked once
 * here, keys and values, iteratively (variables may nest thousands of levels deep).
 */
export function wellFormed(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return false;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (LONE_SURROGATE.test(k)) return false;
        stack.push(item);
      }
    }
  }
  return true;
}

function variablesOf(req: Request): unknown {
  if (req.method === 'POST') return (req.body as { variables?: unknown }).variables;
  const raw = (req.query as Record<string, unknown>)?.variables;
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined; // Apollo answers BAD_REQUEST
  }
}

function queryOf(req: Request): string | undefined {
  if (req.method === 'POST') {
    if (!req.is('application/json')) return undefined;
    const body = req.body as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    const q = (body as { query?: unknown }).query;
    return typeof q === 'string' ? q : undefined;
  }
  if (req.method === 'GET') {
    const q = (req.query as Record<string, unknown>)?.query;
    return typeof q === 'string' ? q : undefined;
  }
  return undefined;
}
