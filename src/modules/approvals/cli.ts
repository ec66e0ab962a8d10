import type { Command } from 'commander';
import { withRuntime } from '../../commands/with-runtime.ts';
import { systemActor } from '../../platform/actor.ts';
import { runCommand } from '../../platform/cli/run-command.ts';
import { readJsonFile } from '../../platform/cli/read-json-file.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { escalateOverdueApprovals } from './escalate-overdue-approvals.ts';
import { activateWorkflow, createWorkflowVersion, getWorkflow, listWorkflows } from './workflow-admin.ts';
import { WorkflowInput } from './workflow-schema.ts';

const readWorkflowFile = (file: string): Promise<WorkflowInput> => readJsonFile(file, WorkflowInput) as Promise<WorkflowInput>;

const describeSteps = (steps: Array<{ name?: string; approvals: Array<{ role: string }> }>): string =>
  steps.map((s, i) => `  ${i + 1}. ${s.name ?? 'step'}: ${s.approvals.map((a) => a.role).join(' + ')}`).join('\n');

/** `lotline workflows list|show|create|activate` and `lotline approvals escalate`. */
export function registerApprovalCommands(program: Command): void {
  const wf = program.command('workflows').description('approval workflows per hold type (versioned data)');
  wf.command('list').description('versions saved, and what is in force per hold type').option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) => readTx(rt.db, (tx) => listWorkflows(tx)), { quiet: o.json }),
      (r) => r.inForce.map((f) => `${f.holdType}: ${f.builtIn ? 'built-in' : `version ${f.version}`}`).join('\n')));

  wf.command('show <ref>').description('a version by id, or what is in force for a hold type').option('--json', 'machine-readable output')
    .action((ref: string, o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) => readTx(rt.db, (tx) => getWorkflow(tx, ref)), { quiet: o.json }),
      (r) => `${String(r.holdType)} version ${String(r.version)} (${String(r.status)})\n${describeSteps(r.steps as never)}`));

  wf.command('create <file>').description('save a new draft version from a JSON file {holdType, steps, notes}').option('--json', 'machine-readable output')
    .action((file: string, o: { json?: boolean }) => runCommand(o, async () => {
      const input = await readWorkflowFile(file);
      return withRuntime((rt) => createWorkflowVersion(rt.db, systemActor('cli'), input, null), { quiet: o.json });
    }, (r) => `${r.holdType} workflow version ${r.version} saved as a draft (${r.id})`));

  wf.command('activate <id>').description('activate a draft version; the one before is retired').option('--json', 'machine-readable output')
    .action((id: string, o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) => activateWorkflow(rt.db, systemActor('cli'), id, null), { quiet: o.json }),
      (r) => `${r.holdType} workflow version ${r.version} is active`));

  const approvals = program.command('approvals').description('approval requests of order holds');
  approvals.command('escalate').description('escalate approval tasks unanswered past their time (safe to run from several places)')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) => escalateOverdueApprovals(rt.db), { quiet: o.json }),
      (r) => `${r.escalated.length} task(s) escalated`));
}
