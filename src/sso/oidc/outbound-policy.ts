import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { lookup as dnsLookup, LookupAddress, LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { ssoConfig } from '../sso.config';
import { classifyAddress, literalAddress } from './address-policy';
import { urlProblem } from './issuer-rules';

/** Error code of a connection refused because its host resolved to a non-public address. */
export const NOT_PUBLIC = 'EADDRNOTPUBLIC';

/**
 * One message for every refused URL, whatever the reason (http, loopback, metadata address,
 * private range, name that does not resolve): the answer must not tell an admin probing the
 * internal network anything about it.
 */
export const PUBLIC_ONLY = 'must be an https URL whose host resolves to public addresses only';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function notPublic(): NodeJS.ErrnoException {
  return Object.assign(new Error('refused: the host does not resolve to public addresses only'), { code: NOT_PUBLIC });
}

/** Resolves a host to every address it has; refuses unless all of them are public. */
function resolvePublic(hostname: string, family: number | undefined, cb: (err: NodeJS.ErrnoException | null, addrs?: LookupAddress[]) => void): void {
  const literal = literalAddress(hostname);
  const judge = (addrs: LookupAddress[]) => {
    if (!addrs.length || addrs.some((a) => classifyAddress(a.address) !== 'public')) return cb(notPublic());
    cb(null, addrs);
  };
  if (literal) return judge([{ address: literal, family: isIP(literal) }]);
  dnsLookup(hostname, { all: true, family: family ?? 0, verbatim: true }, (err, addrs) => (err ? cb(err) : judge(addrs)));
}

/**
 * `lookup` for sockets: the address that is checked is the address that is dialled, so a name
 * that resolves differently between the check and the connection (DNS rebinding) cannot reach
 * an internal address. Handles both shapes Node asks for (`all` is set by autoSelectFamily).
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  resolvePublic(hostname, typeof options?.family === 'number' ? options.family : undefined, (err, addrs) => {
    if (err || !addrs) return callback(err ?? notPublic(), '');
    if (options?.all) return callback(null, addrs);
    callback(null, addrs[0].address, addrs[0].family);
  });
}

/**
 * Where the service may connect when it talks to identity providers. With
 * SSO_ALLOW_PRIVATE_ISSUERS (development and tests) the historical rule holds: https, or plain
 * http on a loopback host. Without it (production default) every URL must be https and its host
 * must resolve to public addresses only: checked when an admin saves an issuer, when a discovery
 * document names its endpoints, and again on every connection through `agentFor`'s lookup.
 */
@Injectable()
export class OutboundPolicy {
  readonly strict: boolean;
  private readonly httpsAgent: https.Agent;
  private readonly httpAgent: http.Agent;

  constructor(@Inject(ssoConfig.KEY) config: ConfigType<typeof ssoConfig>) {
    this.strict = !config.allowPrivateIssuers;
    // No keep-alive: each connection is looked up (and so checked) afresh.
    this.httpsAgent = new https.Agent({ keepAlive: false, ...(this.strict ? { lookup: publicOnlyLookup } : {}) });
    this.httpAgent = new http.Agent({ keepAlive: false, ...(this.strict ? { lookup: publicOnlyLookup } : {}) });
  }

  /** Shape only (no DNS): scheme, credentials, literal addresses. Returns why not, or null. */
  shapeProblem(value: string, what: string): string | null {
    if (!this.strict) return urlProblem(value, what);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return `${what} must be an absolute URL`;
    }
    if (url.username || url.password) return `${what} must not contain credentials`;
    if (url.protocol !== 'https:') return `${what} ${PUBLIC_ONLY}`;
    const literal = literalAddress(url.hostname);
    if (literal && classifyAddress(literal) !== 'public') return `${what} ${PUBLIC_ONLY}`;
    return null;
  }

  /** Shape, then (strict) every address the host resolves to. Never connects. */
  async problem(value: string, what: string): Promise<string | null> {
    const shape = this.shapeProblem(value, what);
    if (shape || !this.strict) return shape;
    const hostname = new URL(value).hostname;
    const ok = await new Promise<boolean>((resolve) => resolvePublic(hostname, undefined, (err) => resolve(!err)));
    return ok ? null : `${what} ${PUBLIC_ONLY}`;
  }

  /** The agent to dial a provider with: pinned to checked addresses when strict. */
  agentFor(url: string | URL): http.Agent | https.Agent | undefined {
    if (!this.strict) return undefined;
    return new URL(url).protocol === 'https:' ? this.httpsAgent : this.httpAgent;
  }

  /**
   * For clients that build their own request options (the `oauth` package): pins the
   * connection, and refuses a literal address that the lookup would never see (Node dials
   * literals without a lookup). Returns null when the request must not be made.
   */
  pin<T extends { host?: string | null; hostname?: string | null; agent?: unknown }>(options: T, protocol: 'http:' | 'https:'): T | null {
    if (!this.strict) return options;
    if (protocol !== 'https:') return null;
    const host = options.hostname ?? options.host ?? '';
    const literal = literalAddress(host);
    if (literal && classifyAddress(literal) !== 'public') return null;
    return { ...options, agent: this.httpsAgent };
  }
}
