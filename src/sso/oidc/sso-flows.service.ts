import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { CryptoService } from '../../common/crypto/crypto.service';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { SsoFlowEntity, SsoFlowPurpose } from '../sso-flow.entity';
import { ssoConfig } from '../sso.config';

/** What a flow carries from its start to its callback (passport's "app state"). */
export interface FlowIntent {
  purpose: SsoFlowPurpose;
  userId?: string | null;
  sessionId?: string | null;
}

/**
 * What the start of a flow hands to the strategy: the intent, the PKCE verifier to keep and the
 * hash of the starting browser's binding cookie.
 */
export interface FlowStart extends FlowIntent {
  codeVerifier: string;
  browserHash: string;
}

export interface ConsumedFlow {
  /** True only for the one request that consumed a live row. */
  ok: boolean;
  /** The row the handle names (even when used or expired): its purpose picks the error page. */
  flow: SsoFlowEntity | null;
}

/** The rows behind the `state` parameter: one per authorization request, single use, expiring. */
@Injectable()
export class SsoFlowsService {
  constructor(
    @InjectRepository(SsoFlowEntity) private readonly flows: Repository<SsoFlowEntity>,
    @Inject(ssoConfig.KEY) private readonly config: ConfigType<typeof ssoConfig>,
    private readonly crypto: CryptoService,
  ) {}

  /** Returns the `state` handle to send; only its hash is stored. */
  async create(providerId: string, nonce: string, start: FlowStart): Promise<string> {
    const handle = randomToken(32);
    const now = new Date();
    const id = randomUUID();
    await this.flows.insert({
      id,
      providerId,
      stateHash: sha256(handle),
      nonce,
      codeVerifierSealed: this.crypto.encrypt(start.codeVerifier, id),
      purpose: start.purpose,
      browserHash: start.browserHash,
      userId: start.userId ?? null,
      sessionId: start.sessionId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.flowTtlSeconds * 1000),
      consumedAt: null,
    });
    // Housekeeping: rows an hour past their expiry are of no use, not even to name a replay's page.
    await this.flows.delete({ expiresAt: LessThan(new Date(now.getTime() - 3600_000)) });
    return handle;
  }

  /** The purpose of a live flow of this provider and browser, without using it (a disabled provider's TEST flows go on). */
  async livePurpose(providerId: string, handle: unknown, browserHash: string | null): Promise<SsoFlowPurpose | null> {
    if (typeof handle !== 'string' || !handle || handle.length > 128 || !browserHash) return null;
    const flow = await this.flows.findOneBy({ stateHash: sha256(handle), providerId, browserHash, consumedAt: IsNull(), expiresAt: MoreThan(new Date()) });
    return flow?.purpose ?? null;
  }

  codeVerifierOf(flow: SsoFlowEntity): string {
    return this.crypto.decrypt(flow.codeVerifierSealed, flow.id);
  }

  /**
   * One conditional UPDATE decides: a replayed or concurrent callback finds the row used. The
   * browser binding is part of the condition, so a callback opened in another browser (a link
   * an attacker sent) neither succeeds nor uses up the flow.
   */
  async consume(providerId: string, handle: unknown, browserHash: string | null): Promise<ConsumedFlow> {
    if (typeof handle !== 'string' || !handle || handle.length > 128) return { ok: false, flow: null };
    const stateHash = sha256(handle);
    const now = new Date();
    const res = browserHash
      ? await this.flows.update({ stateHash, providerId, browserHash, consumedAt: IsNull(), expiresAt: MoreThan(now) }, { consumedAt: now })
      : { affected: 0 };
    const flow = await this.flows.findOneBy({ stateHash });
    if (!flow || flow.providerId !== providerId) return { ok: false, flow: null };
    return { ok: res.affected === 1, flow };
  }
}
