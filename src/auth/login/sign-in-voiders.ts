import { Injectable } from '@nestjs/common';

/** Runs in the call's transaction. */
export type SignInVoider = (userId: string) => Promise<void>;

/**
 * What a password change, a password reset or an admin 2FA reset must end besides auth's own
 * challenges and emailed codes: modules above auth (sso: its tickets) register a voider at
 * start-up, and `AuthService.endPendingSignIns` runs them all in the caller's transaction.
 */
@Injectable()
export class SignInVoiders {
  private readonly voiders: SignInVoider[] = [];

  register(voider: SignInVoider): void {
    this.voiders.push(voider);
  }

  async runAll(userId: string): Promise<void> {
    for (const v of this.voiders) await v(userId);
  }
}
