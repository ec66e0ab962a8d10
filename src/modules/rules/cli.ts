import type { Command } from 'commander';
import { withRuntime } from '../../commands/with-runtime.ts';
import { systemActor } from '../../platform/actor.ts';
import { runCommand } from '../../platform/cli/run-command.ts';
import { readJsonFile } from '../../platform/cli/read-json-file.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { dryRunRuleSet } from '../orders/dry-run-rule-set.ts';
import { activateRuleSet, createRuleSetVersion, getRuleSet, listRuleSets } from './rule-set-admin.ts';
import { RuleSetInput } from './rule-schema.ts';
import type { Rule } from './rule-types.ts';

/** `lotline rules list|show|create|dry-run|activate`: rule sets are versioned data. */
export function registerRuleCommands(program: Command): void {
  const rules = program.command('rules').description('order rules (versioned data): list, show, create a version, dry-run, activate');
  rules.command('list').description('saved versions, newest first, and the built-in rules').option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) => readTx(rt.db, (tx) => listRuleSets(tx)), { quiet: o.json }),
      (r) => [...r.items.map((s: Record<string, unknown>) => `version ${String(s.version)}  ${String(s.status)}  from ${String(s.effectiveFrom)}  ${String(s.ruleCount)} rules  ${String(s.id)}`),
        `built-in: ${r.builtIn.rules.length} rules`].join('\n')));

  rules.command('show <id>').description('one version with its rules').option('--json', 'machine-readable output')
    .action((id: string, o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) => readTx(rt.db, (tx) => getRuleSet(tx, id)), { quiet: o.json }),
      (r) => `version ${String(r.version)} (${String(r.status)})\n${(r.rules as Rule[]).map((x) => `  ${x.code}: ${x.name.en} / ${x.name.zh}`).join('\n')}`));

  rules.command('create <file>').description('save a new draft version from a JSON file {effectiveFrom, rules, notes?}').option('--json', 'machine-readable output')
    .action((file: string, o: { json?: boolean }) => runCommand(o, async () => {
      const input = await readJsonFile(file, RuleSetInput);
      return withRuntime((rt) => createRuleSetVersion(rt.db, systemActor('cli'), { ...input, rules: input.rules as Rule[] }, null), { quiet: o.json });
    }, (r) => `rule set version ${r.version} saved as a draft (${r.id})`));

  rules.command('dry-run <id>').description('what the version would change on recent orders').option('--limit <n>', 'orders to check', '200')
    .option('--json', 'machine-readable output')
    .action((id: string, o: { limit: string; json?: boolean }) => runCommand(o, () => withRuntime((rt) => dryRunRuleSet(rt.db, id, { limit: Number(o.limit) || 200 }), { quiet: o.json }),
      (r) => `${r.ordersChecked} orders checked; ${r.changed.length} would change:\n${r.changed.map((c) => `  ${c.number}: ${c.holdsNow.join(',') || '-'} → ${c.holdsWithCandidate.join(',') || '-'}`).join('\n')}`));

  rules.command('activate <id>').description('activate a draft version; the active one is retired').option('--json', 'machine-readable output')
    .action((id: string, o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) => activateRuleSet(rt.db, systemActor('cli'), id, null), { quiet: o.json }),
      (r) => `rule set version ${r.version} is active${r.retired.length ? `; retired ${r.retired.join(', ')}` : ''}`));
}
