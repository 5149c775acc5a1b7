import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { BackupCodesService, BackupCodesState } from '../backup-codes/backup-codes.service';
import { SsoConnectionView, SsoIdentitiesService } from '../sso/sso-identities.service';
import { MethodsState, TwoFactorService } from '../two-factor';
import { WebAuthnCredentialEntity, WebAuthnService } from '../webauthn';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';

export interface SecurityParts {
  methods: MethodsState;
  backupCodes: BackupCodesState;
  ssoConnections: SsoConnectionView[];
}

interface Loaders {
  security: DataLoader<string, SecurityParts>;
  users: DataLoader<string, UserEntity | null>;
  /** Only when `webauthnCredentials` is asked for (the admin list does not): one query per page then. */
  webauthnCredentials: DataLoader<string, WebAuthnCredentialEntity[]>;
}

const EMPTY_METHODS: MethodsState = { emailEnabledAt: null, totpEnabledAt: null, webauthnEnabledAt: null, lastTwoFactorAt: null, lockedUntil: null };
const EMPTY_CODES: BackupCodesState = { total: 0, remaining: 0, generatedAt: null };

/**
 * Per-request DataLoaders: a page of users with their full security state costs one query per
 * table, whatever the page size. Keyed on the request object, so nothing outlives a request.
 */
@Injectable()
export class AccountSecurityLoaders {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly backupCodes: BackupCodesService,
    private readonly users: UsersService,
    private readonly sso: SsoIdentitiesService,
    private readonly webauthn: WebAuthnService,
  ) {}

  for(req: object): Loaders {
    let l = this.perRequest.get(req);
    if (!l) {
      l = {
        security: new DataLoader(async (ids) => {
          const [methods, codes, sso] = await Promise.all([
            this.twoFactor.statesFor(ids),
            this.backupCodes.statesFor(ids),
            this.sso.connectionsFor([...ids]),
          ]);
          return ids.map((id) => ({
            methods: methods.get(id) ?? EMPTY_METHODS,
            backupCodes: codes.get(id) ?? EMPTY_CODES,
            ssoConnections: sso.get(id) ?? [],
          }));
        }),
        webauthnCredentials: new DataLoader(async (ids) => {
          const byUser = await this.webauthn.listFor(ids);
          return ids.map((id) => byUser.get(id) ?? []);
        }),
        users: new DataLoader(async (ids) => {
          const rows = await this.users.findByIds(ids);
          const byId = new Map(rows.map((u) => [u.id, u]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
      };
      this.perRequest.set(req, l);
    }
    return l;
  }
}
