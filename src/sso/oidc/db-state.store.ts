import { Logger } from '@nestjs/common';
import type { HttpRequest as Request } from './http-request';
import { SsoFlowEntity } from '../sso-flow.entity';
import { FlowIntent, FlowStart, SsoFlowsService } from './sso-flows.service';

/** Where the store leaves the flow row it consumed, for the verify callback and the controller. */
export const FLOW_KEY = Symbol('ssoFlow');
/** Where the callback leaves the hash of the browser's binding cookie for the store (null: none). */
export const BROWSER_KEY = Symbol('ssoBrowser');
export type RequestWithFlow = Request & { [FLOW_KEY]?: SsoFlowEntity | null; [BROWSER_KEY]?: string | null };
/** The callback's request as the SSO service sees it (the service itself imports nothing of express). */
export type CallbackRequest = RequestWithFlow;

const logger = new Logger('SsoStateStore');

/**
 * The library continues the flow synchronously inside our callback. Called from a promise
 * handler, a throw there would become an unhandled rejection (fatal on Node 20): log it instead;
 * the strategy runner's time limit then ends the request with a redirect.
 */
function safely(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    logger.error(`OpenID Connect strategy failed after the state store answered: ${(e as Error)?.stack ?? e}`);
  }
}

type StoreCallback = (err: Error | null, handle?: string) => void;
type VerifyCallback = (err: Error | null, ctx?: false | { nonce?: string }, stateOrInfo?: unknown) => void;

/**
 * passport-openidconnect's custom `store` (`store(req, ctx, appState, meta, cb)` /
 * `verify(req, handle, cb)`), backed by the database instead of express-session: one row per
 * flow, so two tabs or two providers never overwrite each other, and any instance can finish a
 * flow another one started.
 */
export class DbStateStore {
  constructor(
    readonly flows: SsoFlowsService,
    private readonly providerId: string,
  ) {}

  store(_req: unknown, ctx: { nonce?: string }, appState: FlowStart | undefined, _meta: unknown, cb: StoreCallback): void {
    if (!ctx.nonce) return cb(new Error('nonce missing: the strategy must run with nonce: true'));
    if (!appState?.purpose || !appState.codeVerifier || !appState.browserHash) return cb(new Error('flow purpose, PKCE verifier or browser binding missing'));
    this.flows.create(this.providerId, ctx.nonce, appState).then(
      (handle) => safely(() => cb(null, handle)),
      (e: Error) => safely(() => cb(e)),
    );
  }

  verify(req: RequestWithFlow, handle: unknown, cb: VerifyCallback): void {
    this.flows.consume(this.providerId, handle, req[BROWSER_KEY] ?? null).then(
      ({ ok, flow }) => {
        req[FLOW_KEY] = flow;
        if (!ok || !flow) return safely(() => cb(null, false, { code: 'invalid_state', message: 'Unknown, used or expired state, or another browser' }));
        const intent: FlowIntent = { purpose: flow.purpose, userId: flow.userId, sessionId: flow.sessionId };
        safely(() => cb(null, { nonce: flow.nonce }, intent));
      },
      (e: Error) => safely(() => cb(e)),
    );
  }
}
