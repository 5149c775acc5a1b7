/** An account's life: invited (no password yet), active, deactivated (gets nothing from any sign-in path). */
export enum UserStatus {
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}
