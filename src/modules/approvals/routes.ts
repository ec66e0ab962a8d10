import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { registerApprovalTaskRoutes } from './approval-routes.ts';
import { registerWorkflowRoutes } from './workflow-routes.ts';

/** Approvals (inbox, decisions by electronic signature, delegations) and their workflow definitions. */
export function registerApprovalRoutes(app: App, deps: AppDeps): void {
  registerApprovalTaskRoutes(app, deps);
  registerWorkflowRoutes(app, deps);
}
