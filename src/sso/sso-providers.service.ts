import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { CryptoService } from '../common/crypto/crypto.service';
import { appConfig } from '../config/app.config';
import { defaultIssuer, isMultiTenant, issuerProblem, isTenantId, MULTI_TENANTS } from './oidc/issuer-rules';
import { OutboundPolicy } from './oidc/outbound-policy';
import { redirectUri, SsoStrategies } from './oidc/sso-strategies';
import { SsoIdentityEntity } from './sso-identity.entity';
import { SsoProviderEntity } from './sso-provider.entity';
import { SsoProviderKind } from './sso-provider-kind';
import { SsoError } from './sso.errors';

export interface ProviderSettings {
  id?: string | null;
  kind: SsoProviderKind;
  displayName: string;
  clientId: string;
  clientSecret?: string | null;
  issuer?: string | null;
  tenant?: string | null;
  enabled?: boolean | null;
  requireTwoFactor?: boolean | null;
  allowedTenants?: string[] | null;
}

/** A provider as the admin console sees it: never the secret. */
export interface ProviderView {
  id: string;
  kind: SsoProviderKind;
  displayName: string;
  clientId: string;
  issuer: string;
  tenant: string | null;
  allowedTenants: string[];
  enabled: boolean;
  requireTwoFactor: boolean;
  redirectUri: string;
}

const byName = (a: SsoProviderEntity, b: SsoProviderEntity) =>
  a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id);

/** Providers configured at run time by an admin. */
@Injectable()
export class SsoProvidersService {
  constructor(
    @InjectRepository(SsoProviderEntity) private readonly providers: Repository<SsoProviderEntity>,
    @InjectRepository(SsoIdentityEntity) private readonly identities: Repository<SsoIdentityEntity>,
    private readonly crypto: CryptoService,
    private readonly strategies: SsoStrategies,
    private readonly outbound: OutboundPolicy,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async listEnabled(): Promise<SsoProviderEntity[]> {
    return (await this.providers.findBy({ enabled: true })).sort(byName);
  }

  async listAll(): Promise<ProviderView[]> {
    return (await this.providers.find()).sort(byName).map((p) => this.view(p));
  }

  findById(id: string): Promise<SsoProviderEntity | null> {
    if (!id || id.length > 36) return Promise.resolve(null);
    return this.providers.findOneBy({ id });
  }

  /** Unknown and disabled answer the same: PROVIDER_NOT_CONFIGURED. */
  async getEnabled(id: string): Promise<SsoProviderEntity> {
    const provider = await this.findById(id);
    if (!provider?.enabled) throw SsoError.providerNotConfigured();
    return provider;
  }

  view(p: SsoProviderEntity): ProviderView {
    return {
      id: p.id,
      kind: p.kind,
      displayName: p.displayName,
      clientId: p.clientId,
      issuer: p.issuer,
      tenant: p.tenant,
      allowedTenants: p.allowedTenantsJson ? (JSON.parse(p.allowedTenantsJson) as string[]) : [],
      enabled: p.enabled,
      requireTwoFactor: p.requireTwoFactor,
      redirectUri: redirectUri(this.app.publicUrl, p.id),
    };
  }

  /** Create (no id) or replace (id) a provider; the client secret is kept when not given on update. */
  async configure(input: ProviderSettings): Promise<ProviderView> {
    const existing = input.id ? await this.findById(input.id) : null;
    if (input.id && !existing) throw SsoError.providerNotFound();
    const s = this.normalize(input, existing);
    // Production: the issuer's host must resolve to public addresses only (no connection is made
    // here, so the answer says nothing about which internal ports are open).
    const refused = this.outbound.strict ? await this.outbound.problem(s.issuer, 'issuer') : null;
    if (refused) throw SsoError.invalidConfig(refused);
    const now = new Date();
    const id = existing?.id ?? randomUUID();

    if (existing && (existing.kind !== s.kind || existing.issuer !== s.issuer)) {
      // A `sub` is only unique per issuer: links made under another issuer must not carry over.
      if (await this.identities.existsBy({ providerId: id })) {
        throw SsoError.providerInUse('Accounts are linked to this provider: its kind and issuer cannot change. Add a new provider instead.');
      }
    }
    const entity: SsoProviderEntity = {
      id,
      kind: s.kind,
      displayName: s.displayName,
      clientId: s.clientId,
      clientSecretSealed: s.clientSecret !== null ? this.crypto.encrypt(s.clientSecret, id) : existing!.clientSecretSealed,
      issuer: s.issuer,
      tenant: s.tenant,
      allowedTenantsJson: s.allowedTenants.length ? JSON.stringify(s.allowedTenants) : null,
      enabled: s.enabled,
      requireTwoFactor: s.requireTwoFactor,
      version: (existing?.version ?? 0) + 1,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    if (existing) {
      const { id: _id, ...changes } = entity;
      await this.providers.update({ id }, changes);
      this.strategies.forget(existing);
    } else {
      await this.providers.insert(entity);
    }
    return this.view(entity);
  }

  /** Removes the provider with its links, flows and tickets (foreign keys cascade). */
  async remove(id: string): Promise<SsoProviderEntity> {
    const provider = await this.findById(id);
    if (!provider) throw SsoError.providerNotFound();
    await this.providers.delete({ id });
    this.strategies.forget(provider);
    return provider;
  }

  private normalize(input: ProviderSettings, existing: SsoProviderEntity | null) {
    const creating = !existing;
    const kind = input.kind;
    const displayName = input.displayName.trim();
    const clientId = input.clientId.trim();
    if (!displayName) throw SsoError.invalidConfig('displayName must not be empty');
    if (!clientId) throw SsoError.invalidConfig('clientId must not be empty');
    const clientSecret = input.clientSecret ?? null;
    if (creating && !clientSecret) throw SsoError.invalidConfig('clientSecret is required when creating a provider');
    if (clientSecret !== null && !clientSecret.trim()) throw SsoError.invalidConfig('clientSecret must not be empty');

    let tenant: string | null = null;
    if (kind === SsoProviderKind.OFFICE365) {
      tenant = (input.tenant ?? 'common').trim().toLowerCase();
      if (!MULTI_TENANTS.has(tenant) && !isTenantId(tenant)) {
        throw SsoError.invalidConfig('tenant must be common, organizations or a tenant id (GUID)');
      }
    } else if (input.tenant != null) {
      throw SsoError.invalidConfig('tenant applies to OFFICE365 providers only');
    }

    const allowedTenants = [...new Set((input.allowedTenants ?? []).map((t) => t.trim().toLowerCase()))];
    if (allowedTenants.length) {
      if (!isMultiTenant(kind, tenant)) throw SsoError.invalidConfig('allowedTenants applies to OFFICE365 with tenant common or organizations only');
      if (!allowedTenants.every(isTenantId)) throw SsoError.invalidConfig('allowedTenants must be tenant ids (GUIDs)');
    }

    const issuer = input.issuer?.trim() || defaultIssuer(kind, tenant);
    if (!issuer) throw SsoError.invalidConfig('issuer is required for OIDC providers');
    const problem = this.outbound.shapeProblem(issuer, 'issuer') ?? issuerProblem(issuer);
    if (problem) throw SsoError.invalidConfig(problem);

    return {
      kind,
      displayName,
      clientId,
      clientSecret,
      issuer,
      tenant,
      allowedTenants,
      enabled: input.enabled ?? true,
      // API.md Part 2: true unless the admin says otherwise (the input defaults to true; an
      // explicit null keeps what is stored).
      requireTwoFactor: input.requireTwoFactor ?? existing?.requireTwoFactor ?? true,
    };
  }
}
