import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from '../config/app.config';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiErrorCode } from '../common/errors/api-error-code';
import { tooManyAttempts } from '../common/errors/domain-error';
import { errorResponseBody } from '../common/errors/error-response';
import { clientBucket } from '../common/net/client-bucket';

const COUNTED = Symbol('requestRateCounted');
type CountedRequest = Request & { [COUNTED]?: Map<string, Promise<boolean>> };

const BUCKET_CACHE = 10_000;

export const RATE_LIMITED_MESSAGE = 'Too many requests from this address, try again later';

/**
 * The general per-IP request limit (@nestjs/throttler), global. The stock guard reads the
 * request from the HTTP context, which on GraphQL is empty: take `req`/`res` from the GraphQL
 * context instead. Guards run once per root field, so one HTTP request (however many root
 * fields or aliases it holds) is counted once and every field of a refused request is refused.
 *
 * Refusal: a GraphQL error TOO_MANY_ATTEMPTS with `retryAfterSeconds`; on plain HTTP routes a
 * 429 with a `Retry-After` header and the same JSON error shape as the API's other errors.
 */
@Injectable()
export class RequestRateGuard extends ThrottlerGuard {
  /** Property injection: the base class owns the constructor. */
  @Inject(appConfig.KEY) private readonly app!: ConfigType<typeof appConfig>;

  protected getRequestResponse(context: ExecutionContext): { req: Record<string, any>; res: Record<string, any> } {
    if (context.getType<GqlContextType>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<{ req: Request; res: Response }>();
      return { req: ctx.req, res: ctx.res };
    }
    return super.getRequestResponse(context);
  }

  /**
   * Buckets of the addresses seen lately: working one out (IPv6 parsing, `::ffff:` mapping) costs
   * more than the rest of the limit per request. Forgotten all at once when it gets large.
   */
  private readonly buckets = new Map<string, string>();

  /** One bucket per IPv4 address or IPv6 /64 (a subscriber can pick any address of its /64). */
  protected async getTracker(req: Record<string, any>): Promise<string> {
    const ip = (req as Request).ip;
    if (!ip) return clientBucket(null);
    let bucket = this.buckets.get(ip);
    if (bucket === undefined) {
      if (this.buckets.size >= BUCKET_CACHE) this.buckets.clear();
      bucket = clientBucket(ip);
      this.buckets.set(ip, bucket);
    }
    return bucket;
  }

  protected async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const req = this.getRequestResponse(props.context).req as CountedRequest | undefined;
    if (!req) return true; // not a request (e.g. a subscription or an internal call)
    const counted = (req[COUNTED] ??= new Map());
    const name = props.throttler.name ?? 'default';
    let verdict = counted.get(name);
    if (!verdict) {
      verdict = super.handleRequest(props);
      counted.set(name, verdict);
    }
    return verdict;
  }

  protected async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    if (context.getType<GqlContextType>() !== 'graphql') {
      // The API's exception filter answers unknown codes with 500: answer the 429 here.
      const res = context.switchToHttp().getResponse<Response>();
      const req = context.switchToHttp().getRequest<Request>();
      if (!res.headersSent && req.path?.startsWith('/auth/sso/')) {
        // A browser in the SSO round trip: a page with a sentence, never a JSON body.
        res.setHeader('Retry-After', String(retryAfterSeconds)).redirect(303, `${this.app.webAppUrl}/login?error=too_many_requests`);
      } else if (!res.headersSent) {
        res
          .status(429)
          .setHeader('Retry-After', String(retryAfterSeconds))
          .json(errorResponseBody({ message: RATE_LIMITED_MESSAGE, code: ApiErrorCode.TOO_MANY_ATTEMPTS, extensions: { retryAfterSeconds } }));
      }
    }
    throw tooManyAttempts(retryAfterSeconds, RATE_LIMITED_MESSAGE);
  }
}
