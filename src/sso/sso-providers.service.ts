import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { CryptoService } from '../common/crypto/crypto.service';
import { appConfig } from '../config/app.config';
import { defaultIssuer, discoveredIssuerFits, isMultiTenant, issuerProblem, isTenantId, MULTI_TENANTS } from './oidc/issuer-rules';
import { OidcDiscovery } from './oidc/oidc-discovery';
import { OutboundPolicy } from './oidc/outbound-policy';
import { redirectUri, SsoStrategies } from './oidc/sso-strategies';
import { SsoIdentityEntity } from './sso-identity.entity';
import { SsoProviderEntity } from './sso-provider.entity';
import { SsoProviderKind } from './sso-provider-kind';
import { SsoError } from './sso.errors';

export interface ProviderSettings {
  id?: string | null;
  /** Create only: the id to create it with (from `ssoProviderDraft`), so a redirect URI registered before saving is right. */
  newId?: string | null;
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
  /** Why the last save could not enable it (discovery); null when the check passed or did not run. */
  discoveryProblem: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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
    private readonly discovery: OidcDiscovery,
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
      discoveryProblem: p.discoveryProblem ?? null,
    };
  }

  /**
   * `ssoProviderDraft`: an id for a provider not saved yet, with its redirect URI, so the admin
   * can register the URI at the provider before saving (create with `newId`). Nothing is stored.
   */
  draft(): { id: string; redirectUri: string } {
    const id = randomUUID();
    return { id, redirectUri: redirectUri(this.app.publicUrl, id) };
  }

  /** Accounts linked to each provider (for the console and the remove dialog). */
  async linkCounts(): Promise<Map<string, number>> {
    const rows: Array<{ providerId: string; n: string | number }> = await this.identities
      .createQueryBuilder('i')
      .select('i.provider_id', 'providerId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('i.provider_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.providerId, Number(r.n)]));
  }

  /** Create (no id) or replace (id) a provider; the client secret is kept when not given on update. */
  async configure(input: ProviderSettings): Promise<ProviderView> {
    const existing = input.id ? await this.findById(input.id) : null;
    if (input.id && !existing) throw SsoError.providerNotFound();
    if (input.id && input.newId) throw SsoError.invalidConfig('newId is for creating a provider; an update names it with id');
    const s = this.normalize(input, existing);
    // Production: the issuer's host must resolve to public addresses only (no connection is made
    // here, so the answer says nothing about which internal ports are open).
    const refused = this.outbound.strict ? await this.outbound.problem(s.issuer, 'issuer') : null;
    if (refused) throw SsoError.invalidConfig(refused);
    const id = existing?.id ?? (await this.newIdFor(input));
    if (existing && (existing.kind !== s.kind || existing.issuer !== s.issuer)) {
      // A `sub` is only unique per issuer: links made under another issuer must not carry over.
      if (await this.identities.existsBy({ providerId: id })) {
        throw SsoError.providerInUse('Accounts are linked to this provider: its kind and issuer cannot change. Add a new provider instead.');
      }
    }
    // Saved enabled only when its discovery document answers now and fits: an unreachable issuer
    // would put a sign-in button that always fails in front of every agent. Saved disabled
    // instead, with the reason, so nothing the admin typed is lost.
    let discoveryProblem: string | null = null;
    if (s.enabled) {
      discoveryProblem = await this.discovery.problem(s.issuer, (found) => discoveredIssuerFits(s.kind, s.tenant, s.issuer, found));
      if (discoveryProblem) s.enabled = false;
    }
    const now = new Date();
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
      discoveryProblem,
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

  /** Create: the draft id the admin's form holds (a fresh UUID nobody uses), else a new one. */
  private async newIdFor(input: ProviderSettings): Promise<string> {
    const wanted = input.newId?.trim().toLowerCase();
    if (!wanted) return randomUUID();
    if (!UUID.test(wanted)) throw SsoError.invalidConfig('newId must be a UUID (from ssoProviderDraft)');
    if (await this.providers.existsBy({ id: wanted })) throw SsoError.providerInUse('A provider with this id exists already: ask for a new draft');
    return wanted;
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
