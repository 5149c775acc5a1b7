/**
 * Password rules of NIST 800-63B: length, not a known-common password, not the account's own
 * email. No composition rules; they push users to predictable patterns.
 */
const COMMON = new Set(
  `password password1 password12 password123 password1234 passw0rd p@ssword p@ssw0rd 12345678 123456789
  1234567890 0123456789 87654321 11111111 00000000 12341234 qwertyui qwertyuiop qwerty123 qwerty12
  1q2w3e4r 1qaz2wsx zaq12wsx asdfghjk asdfasdf iloveyou sunshine princess football baseball letmein
  welcome welcome1 welcome123 admin123 administrator trustno1 superman starwars dragon123 monkey123
  abc12345 abcd1234 abcdefgh changeme changeme123 secret123 master123 whatever michael1 jennifer
  computer internet corvette mustang1 shadow12 freedom1 samsung1 liverpool chelsea1 arsenal1
  football1 baseball1 charlie1 jordan23 hello123 login123 default1 test1234 testtest
  guest123 root1234 service1 support1 cloudcx1 cloudcx123 contactcenter callcenter agent123`
    .split(/\s+/)
    .filter(Boolean),
);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Returns why the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if ([...password].length < PASSWORD_MIN) return `Password must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Password must be at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'This password is too common; choose another';
  if (/^(.)\1+$/.test(password)) return 'This password is too easy to guess; choose another';
  if (email && lower === email.toLowerCase()) return 'Password must not be your email address';
  return null;
}
