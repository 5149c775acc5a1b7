export enum Role {
  AGENT = 'AGENT',
  ADMIN = 'ADMIN',
}
