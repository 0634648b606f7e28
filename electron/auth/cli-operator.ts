// Who the CLI acts as, for the audit log: --operator NAME / --operator=NAME, else
// PADAN_OPERATOR, else the OS account name.
import { userInfo } from 'node:os';

export function cliOperator(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--operator' && argv[i + 1]?.trim()) return argv[i + 1]!.trim();
    if (a.startsWith('--operator=') && a.slice(11).trim()) return a.slice(11).trim();
  }
  if (env.PADAN_OPERATOR?.trim()) return env.PADAN_OPERATOR.trim();
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli'; // no passwd entry (some containers)
  }
}
