/**
 * A tiny GraphQL-over-HTTP client for the e2e tests: real HTTP, real JSON.
 *
 * It takes a typed document of ./operations.ts or ./sso-operations.ts (result typed; for `ok` the
 * variables checked too), or a plain string for the ad-hoc queries a test builds itself (result
 * `any`). `request` and `fail` take loose variables: that is where tests send malformed input.
 */
import type { TypedDocumentString } from './generated/graphql';

declare const operationTypes: unique symbol;
/**
 * A generated document as the tests hold it: the query text, a primitive string (so it goes
 * wherever a query string goes: bursts, GET URLs, fuzz tables, the SSO browser), carrying the
 * operation's result and variables types (a type-only brand: nothing but the string at run time).
 */
export type TypedDocument<R = any, V = any> = string & { readonly [operationTypes]: (variables: V) => R };
/** The text of an ad-hoc query: any string but a typed document, so those always get their types checked. */
export type AdHocQuery = string & { readonly [operationTypes]?: never };
/** `typed(graphql(`…`))`: the generated document's text, keeping its types. */
export const typed = <R, V>(document: TypedDocumentString<R, V>): TypedDocument<R, V> => document.toString() as TypedDocument<R, V>;

/** The generated result and variables types of a document: `ResultOf<typeof ME>`. */
export type ResultOf<D> = D extends TypedDocument<infer R, infer _V> ? R : never;
export type VariablesOf<D> = D extends TypedDocument<infer _R, infer V> ? V : never;

/**
 * The variables argument of `ok()`: the operation's variables (names, nesting, required ones),
 * with enum values as plain strings, since tests build inputs as object literals (`kind: 'GOOGLE'`).
 */
export type VariablesArg<V> = Record<string, never> extends V ? [variables?: TestVariables<V>] : [variables: TestVariables<V>];
type TestVariables<T> = T extends string
  ? string
  : T extends ReadonlyArray<infer E>
    ? Array<TestVariables<E>>
    : T extends object
      ? { [K in keyof T]: TestVariables<T[K]> }
      : T;

type KeysOfUnion<U> = U extends unknown ? keyof U : never;
type ValueOfUnion<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;
/**
 * The result as a test reads it: the generated shape (field names, nesting, leaf types), with
 * presence left to the test: nullable fields are read as present, and the members of a union
 * (`LoginResult = AuthSession | TwoFactorChallenge`) are merged into one object with every
 * member's fields. A test knows what its scenario produces and asserts it at run time
 * (`toBeNull()`, `__typename`); what the types catch is a renamed or unselected field.
 * `ResultOf<typeof LOGIN>` is the exact generated type, for a test that narrows.
 */
export type TestResult<T> = [NonNullable<T>] extends [never]
  ? T
  : [NonNullable<T>] extends [string | number | boolean]
    ? NonNullable<T>
    : [NonNullable<T>] extends [ReadonlyArray<infer E>]
      ? Array<TestResult<E>>
      : { [K in KeysOfUnion<NonNullable<T>>]: TestResult<ValueOfUnion<NonNullable<T>, K>> };

export interface GqlError {
  message: string;
  extensions?: { code?: string; retryAfterSeconds?: number; [k: string]: unknown };
}
export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: GqlError[];
}

export class GqlClient {
  constructor(readonly baseUrl: string, public token?: string) {}

  withToken(token?: string): GqlClient {
    return new GqlClient(this.baseUrl, token);
  }

  request<R, V>(query: TypedDocument<R, V>, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<TestResult<R>>>;
  request<T = any>(query: AdHocQuery, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  async request(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: GqlError[] };
    return { status: res.status, data: body.data ?? undefined, errors: body.errors };
  }

  /** Expects success; throws with the errors otherwise. */
  ok<R, V>(query: TypedDocument<R, V>, ...variables: VariablesArg<V>): Promise<TestResult<R>>;
  ok<T = any>(query: AdHocQuery, variables?: Record<string, unknown>): Promise<T>;
  async ok(query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
    const r = await this.request(query, variables);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  /** Expects exactly one error and returns it. */
  async fail(query: string, variables: Record<string, unknown> = {}): Promise<GqlError> {
    const r = await this.request(query, variables);
    if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
    return r.errors[0];
  }
}

export const codeOf = (e: GqlError) => e.extensions?.code;
