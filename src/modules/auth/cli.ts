import type { Command } from 'commander';
import { systemActor } from '../../platform/actor.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { readStdin, runCommand } from '../../platform/cli/run-command.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { createUser } from './create-user.ts';
import { createApiToken } from './api-tokens.ts';

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerAuthCommands(program: Command): void {
  const user = program.command('user').description('users and their roles');
  user
    .command('add <username>')
    .description('create a user; the password is read from standard input')
    .requiredOption('--role <role>', 'a role (repeatable): admin, sales, customer_service, warehouse, quality, finance, planner, auditor, hospital_portal', collect, [])
    .option('--password-stdin', 'read the password from standard input (the only way: never on the command line)')
    .option('--display-name <name>', 'the name shown and printed on signatures')
    .option('--org <partyCode>', 'the organisation (customer code) of a hospital_portal user')
    .option('--json', 'machine-readable output')
    .action((username: string, o: { role: string[]; passwordStdin?: boolean; displayName?: string; org?: string; json?: boolean }) =>
      runCommand(o, async () => {
        if (!o.passwordStdin) throw invalid('password', 'give --password-stdin and pipe the password in');
        const password = (await readStdin()).replace(/\r?\n$/, '');
        return withRuntime(async (rt) => {
          let organisationId: string | null = null;
          if (o.org) {
            const p = await rt.db.query<{ id: string }>('SELECT id FROM parties WHERE code = $1', [o.org]);
            if (!p.rows[0]) throw notFound('party', o.org);
            organisationId = p.rows[0].id;
          }
          return createUser(rt.db, systemActor('cli'), {
            username, password, roles: o.role, organisationId, ...(o.displayName ? { displayName: o.displayName } : {}),
          });
        }, { quiet: o.json });
      }, (u) => `user ${u.username} created (${u.roles.join(', ')})`),
    );

  const token = program.command('token').description('API tokens for integrations');
  token
    .command('create <username>')
    .description('issue an API token acting as the user (shown once)')
    .option('--name <name>', 'what the token is for, e.g. "EDI partner Kangming"')
    .option('--scope <permission...>', 'only these of the user’s permissions, e.g. --scope edi.receive orders.read')
    .option('--json', 'machine-readable output')
    .action((username: string, o: { name?: string; scope?: string[]; json?: boolean }) =>
      runCommand(o, () =>
        withRuntime((rt) => createApiToken(rt.db, systemActor('cli'), { username, ...(o.name ? { name: o.name } : {}), ...(o.scope ? { scopes: o.scope } : {}) }), { quiet: o.json }),
      (t) => `token for ${t.username} (${t.name}${t.scopes ? `; scopes ${t.scopes.join(' ')}` : ''}): ${t.token}`),
    );
}
