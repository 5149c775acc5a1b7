import { randomBytes } from 'node:crypto';
import { AccountLock, TwoFactorError } from '../../../src/two-factor';
import { BackupCodesService } from '../../../src/backup-codes/backup-codes.service';
import { SecuritySettingsService } from '../../../src/security-settings/security-settings.service';
import { Role } from '../../../src/users/role.enum';
import { UserEntity } from '../../../src/users/user.entity';
import { UsersService } from '../../../src/users/users.service';
import { totpFor } from '../../support/totp';
import { META, Medium } from './medium';

export interface Agent {
  user: UserEntity;
  password: string;
  totpSecret?: string;
  backupCodes: string[];
  /** Backup codes still unused, in order. */
  unusedBackupCodes: string[];
}

/**
 * Builds accounts in the states rules are about, through the services (immich's factories):
 * `agent(m).withTotp().withBackupCodesLeft(3).locked().build()`.
 */
export class AgentBuilder {
  private steps: Array<(a: Agent) => Promise<void>> = [];
  private role = Role.AGENT;

  constructor(private readonly m: Medium) {}

  admin(): this {
    this.role = Role.ADMIN;
    return this;
  }

  withTotp(): this {
    this.steps.push(async (a) => {
      const settings = this.m.get(SecuritySettingsService);
      const { secret } = await settings.beginTotp(a.user.id);
      const { backupCodes } = await settings.confirmTotp(a.user.id, totpFor(secret, this.m.clock.ms()), META);
      a.totpSecret = secret;
      if (backupCodes) a.backupCodes = a.unusedBackupCodes = backupCodes;
    });
    return this;
  }

  withEmail(): this {
    this.steps.push(async (a) => {
      const settings = this.m.get(SecuritySettingsService);
      await settings.setupEmail(a.user.id);
      const { backupCodes } = await settings.confirmEmail(a.user.id, this.m.mail.lastCode(a.user.email), META);
      if (backupCodes) a.backupCodes = a.unusedBackupCodes = backupCodes;
      this.m.clock.advance(31_000); // past the re-send limit, so the test can ask for a code at once
    });
    return this;
  }

  withBackupCodesLeft(n: number): this {
    this.steps.push(async (a) => {
      const codes = this.m.get(BackupCodesService);
      while (a.unusedBackupCodes.length > n) {
        const [code, ...rest] = a.unusedBackupCodes;
        if ((await codes.redeem(a.user.id, code)) === null) throw new Error('backup code not redeemed');
        a.unusedBackupCodes = rest;
      }
    });
    return this;
  }

  /** 10 failed code checks in a row: code checks locked for 15 minutes. */
  locked(): this {
    this.steps.push(async (a) => {
      const lock = this.m.get(AccountLock);
      for (let i = 0; i < 10; i++) {
        await lock.budgeted(a.user.id, META, async () => {
          throw TwoFactorError.invalidCode('factory: locked()');
        }).catch((e) => {
          if (!TwoFactorError.isInvalidCode(e)) throw e;
        });
      }
    });
    return this;
  }

  async build(): Promise<Agent> {
    const password = `Agent-${randomBytes(6).toString('hex')}-2026`;
    const user = await this.m.get(UsersService).create({
      email: `agent-${randomBytes(4).toString('hex')}@example.com`,
      displayName: 'Service Agent',
      password,
      role: this.role,
    });
    const agent: Agent = { user, password, backupCodes: [], unusedBackupCodes: [] };
    for (const step of this.steps) await step(agent);
    return agent;
  }
}

export const agent = (m: Medium) => new AgentBuilder(m);
