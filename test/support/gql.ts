/** A tiny GraphQL-over-HTTP client for the e2e tests: real HTTP, real JSON. */
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

  async request<T = any>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: GqlError[] };
    return { status: res.status, data: body.data ?? undefined, errors: body.errors };
  }

  /** Expects success; throws with the errors otherwise. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await this.request<T>(query, variables);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  /** Expects exactly one error and returns it. */
  async fail(query: string, variables: Record<string, unknown> = {}): Promise<GqlError> {
    const r = await this.request(query, variables);
    if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
    return r.errors[0];
  }
}

export const codeOf = (e: GqlError) => e.extensions?.code;
