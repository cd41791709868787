/** `fibrograph user`: add users, list them, issue and revoke their API tokens. */
import { storeConfigFromEnv } from '../../store/open-store.ts';
import { describeUserStoreConfig, openUserStore } from '../../users/open-user-store.ts';
import { USER_ROLES, type UserStore, type UserSummary } from '../../users/user-store.ts';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { assertChoice, parseOptions, stringOption, type ParsedOptions } from '../parse-options.ts';
import { UsageError } from '../usage-error.ts';

const ROLES = USER_ROLES.join('|');

/** The user command. */
export const userCommand: Command = {
  name: 'user',
  summary: 'add users, list them, issue and revoke their API tokens',
  help: `Usage: fibrograph user <action> [options]

Actions:
  add NAME --role ${ROLES}   add a user and print their first API token
  list [--json]                        list users, their roles and token ids (never the tokens)
  token NAME                           issue another API token for a user
  revoke TOKEN_ID                      revoke one token (its id, fg_<id>, or the whole token)
  revoke --user NAME                   revoke every token of a user

Names are 1-64 characters of a-z, 0-9, ".", "_" and "-". Roles: reader (read the graph),
editor (also change it), admin (also manage users).

A token is printed on stdout once, when it is issued; only a hash of it is stored. Users live
next to the graph: in FIBROGRAPH_DATA_DIR/users.sqlite, or in Neo4j when NEO4J_URI is set. A
running server notices a revocation made here within a minute.

Options:
  --role ROLE   the new user's role: ${ROLES}
  --user NAME   with revoke: revoke all of this user's tokens
  --json        with list: print JSON
  -h, --help    show this help
`,
  async run(args, io) {
    const parsed = parseOptions(
      'user',
      args,
      { role: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' } },
      2,
    );
    const [action, target] = parsed.positionals;
    if (parsed.help || action === 'help') {
      io.out(this.help);
      return 0;
    }
    switch (action) {
      case 'add':
        return addUser(parsed, requireName(target, 'add'), io);
      case 'list':
        assertOnly(parsed, 'list', ['json'], target);
        return listUsers(parsed.values['json'] === true, io);
      case 'token':
        assertOnly(parsed, 'token', [], undefined);
        return issueToken(requireName(target, 'token'), io);
      case 'revoke':
        return revoke(parsed, target, io);
      case undefined:
        throw new UsageError('"fibrograph user" needs an action: add, list, token or revoke');
      default:
        throw new UsageError(`unknown action "${action}" for "fibrograph user" (add, list, token, revoke)`);
    }
  },
};

async function addUser(parsed: ParsedOptions, name: string, io: CliIo): Promise<number> {
  assertOnly(parsed, 'add', ['role'], undefined);
  const roleText = stringOption(parsed, 'role');
  if (roleText === undefined) throw new UsageError(`"fibrograph user add" needs --role ${ROLES}`);
  const role = assertChoice('role', roleText, USER_ROLES);
  const issued = await withUserStore(io, (users) => users.addUser(name, role));
  io.err(`added user "${issued.user.name}" with role ${issued.user.role}; token id ${issued.tokenId}\n`);
  printToken(issued.token, io);
  return 0;
}

async function issueToken(name: string, io: CliIo): Promise<number> {
  const issued = await withUserStore(io, (users) => users.issueToken(name));
  io.err(`issued a new token for user "${issued.user.name}"; token id ${issued.tokenId}\n`);
  printToken(issued.token, io);
  return 0;
}

async function listUsers(json: boolean, io: CliIo): Promise<number> {
  const users = await withUserStore(io, (store) => store.listUsers());
  io.out(json ? `${JSON.stringify(users, null, 2)}\n` : formatUsers(users));
  return 0;
}

async function revoke(parsed: ParsedOptions, target: string | undefined, io: CliIo): Promise<number> {
  assertOnly(parsed, 'revoke', ['user'], undefined);
  const user = stringOption(parsed, 'user');
  if (user !== undefined && target !== undefined) {
    throw new UsageError('give either a TOKEN_ID or --user NAME to "fibrograph user revoke", not both');
  }
  if (user !== undefined) {
    const revoked = await withUserStore(io, (users) => users.revokeUser(user));
    const ids = revoked.map((token) => token.tokenId).join(', ');
    io.out(
      `revoked ${revoked.length} token${revoked.length === 1 ? '' : 's'} of user "${user}"${ids ? `: ${ids}` : ''}\n`,
    );
    return 0;
  }
  if (target === undefined) {
    throw new UsageError('"fibrograph user revoke" needs a TOKEN_ID or --user NAME');
  }
  const revoked = await withUserStore(io, (users) => users.revokeToken(target));
  io.out(`revoked token ${revoked.tokenId} of user "${revoked.name}"\n`);
  return 0;
}

/** The token alone on stdout (so `TOKEN=$(fibrograph user add ...)` works), the warning on stderr. */
function printToken(token: string, io: CliIo): void {
  io.out(`${token}\n`);
  io.err('This token will not be shown again: store it somewhere safe now.\n');
}

/** Users and their tokens as an aligned table, one row per token. */
export function formatUsers(users: readonly UserSummary[]): string {
  if (users.length === 0) return 'no users yet; add one with "fibrograph user add NAME --role ROLE"\n';
  const rows = [['NAME', 'ROLE', 'CREATED', 'TOKEN ID', 'TOKEN LAST USED']];
  for (const user of users) {
    const created = user.createdAt.slice(0, 19).replace('T', ' ');
    if (user.tokens.length === 0) rows.push([user.name, user.role, created, '(no tokens)', '']);
    for (const token of user.tokens) {
      const lastUsed = token.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never';
      rows.push([user.name, user.role, created, token.id, lastUsed]);
    }
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return (
    rows
      .map((row) =>
        row
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

function requireName(name: string | undefined, action: string): string {
  if (name === undefined) throw new UsageError(`"fibrograph user ${action}" needs a user NAME`);
  return name;
}

function assertOnly(
  parsed: ParsedOptions,
  action: string,
  allowed: readonly string[],
  extra: string | undefined,
): void {
  if (extra !== undefined)
    throw new UsageError(`unexpected argument "${extra}" for "fibrograph user ${action}"`);
  for (const [option, value] of Object.entries(parsed.values)) {
    if (value !== undefined && option !== 'help' && !allowed.includes(option)) {
      throw new UsageError(`option "--${option}" does not apply to "fibrograph user ${action}"`);
    }
  }
}

/** Opens the users of the configured store, says which on stderr, and always closes them. */
async function withUserStore<T>(io: CliIo, work: (users: UserStore) => Promise<T>): Promise<T> {
  const config = storeConfigFromEnv(io.env);
  io.err(`using ${describeUserStoreConfig(config)}\n`);
  const users = await openUserStore(config);
  try {
    return await work(users);
  } finally {
    await users.close();
  }
}
