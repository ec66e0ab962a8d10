-- Approval workflows as data, the approval requests that holds open, their tasks, and the
-- electronic signatures (21 CFR Part 11 §11.50/§11.70/§11.200) that decide them.

-- Versioned like rule sets: a change is a new version; the active one per hold type applies to
-- holds placed from its activation on (until one is saved, the built-in definitions apply).
CREATE TABLE workflow_definitions (
  id            uuid PRIMARY KEY,
  hold_type     text NOT NULL CHECK (hold_type IN ('credit', 'compliance', 'price', 'contract', 'stock', 'anomaly')),
  version       int NOT NULL CHECK (version > 0),
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'retired')),
  steps         jsonb NOT NULL,
  notes         text,
  created_by    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  activated_by  text,
  activated_at  timestamptz,
  UNIQUE (hold_type, version)
);
CREATE UNIQUE INDEX workflow_definitions_one_active ON workflow_definitions (hold_type) WHERE status = 'active';

-- One request per open hold and round: a rejected or superseded request stays as history, an
-- amendment of the order opens a new round for the holds still open.
CREATE TABLE approval_requests (
  id                  uuid PRIMARY KEY,
  order_id            uuid NOT NULL REFERENCES orders (id),
  order_version       int NOT NULL,
  hold_id             uuid NOT NULL REFERENCES order_holds (id),
  hold_type           text NOT NULL,
  round               int NOT NULL DEFAULT 1,
  workflow_id         text NOT NULL,
  workflow_version    int NOT NULL,
  -- The steps as instantiated for this hold and order total: [{stepNo, approvals:[{role}], escalation}]
  plan                jsonb NOT NULL,
  current_step        int NOT NULL DEFAULT 1,
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected', 'withdrawn', 'superseded')),
  order_total_minor   bigint NOT NULL,
  currency            text NOT NULL,
  opened_by           text NOT NULL,
  opened_at           timestamptz NOT NULL DEFAULT now(),
  closed_at           timestamptz,
  closed_by           text,
  close_note          text,
  UNIQUE (hold_id, round)
);
CREATE UNIQUE INDEX approval_requests_one_open ON approval_requests (hold_id) WHERE status = 'open';
CREATE INDEX approval_requests_order ON approval_requests (order_id, opened_at);
CREATE INDEX approval_requests_status ON approval_requests (status, opened_at DESC);

-- One approval a step needs. `roles` may decide it: the planned role, plus an escalation role
-- once escalated in add_approver mode.
CREATE TABLE approval_tasks (
  id                uuid PRIMARY KEY,
  request_id        uuid NOT NULL REFERENCES approval_requests (id),
  step_no           int NOT NULL CHECK (step_no > 0),
  role              text NOT NULL,
  roles             text[] NOT NULL,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  escalation        jsonb,
  escalate_at       timestamptz,
  escalated_at      timestamptz,
  decided_by        uuid REFERENCES users (id),
  decided_by_name   text,
  on_behalf_of      uuid REFERENCES users (id),
  decided_at        timestamptz,
  comment           text,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX approval_tasks_request ON approval_tasks (request_id, step_no);
CREATE INDEX approval_tasks_pending ON approval_tasks USING gin (roles) WHERE status = 'pending';
CREATE INDEX approval_tasks_due ON approval_tasks (escalate_at) WHERE status = 'pending' AND escalated_at IS NULL;

-- The signed records: printed name, server time, meaning, signer, the record signed (order and
-- version, hold, request, task), the hash binding them, and the audit record that carries the
-- signature. Append-only, like the audit trail.
CREATE TABLE approval_signatures (
  id             uuid PRIMARY KEY,
  request_id     uuid NOT NULL REFERENCES approval_requests (id),
  task_id        uuid NOT NULL REFERENCES approval_tasks (id),
  order_id       uuid NOT NULL,
  order_version  int NOT NULL,
  hold_id        uuid NOT NULL,
  decision       text NOT NULL CHECK (decision IN ('approve', 'reject')),
  meaning        text NOT NULL CHECK (meaning IN ('approved', 'reviewed', 'released', 'rejected')),
  signer_id      uuid NOT NULL REFERENCES users (id),
  signer_name    text NOT NULL,
  on_behalf_of   uuid REFERENCES users (id),
  signed_at      timestamptz NOT NULL,
  comment        text,
  binding_hash   text NOT NULL,
  audit_seq      bigint NOT NULL REFERENCES audit_log (seq)
);
CREATE INDEX approval_signatures_request ON approval_signatures (request_id);
CREATE INDEX approval_signatures_task ON approval_signatures (task_id);

CREATE FUNCTION approval_signatures_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'approval_signatures is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER approval_signatures_append_only BEFORE UPDATE OR DELETE ON approval_signatures
  FOR EACH ROW EXECUTE FUNCTION approval_signatures_refuse_change();

-- A user away hands their approval tasks (all their roles, or the ones named) to a delegate.
CREATE TABLE delegations (
  id           uuid PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  delegate_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  roles        text[],
  valid_from   date NOT NULL,
  valid_to     date NOT NULL,
  reason       text,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  revoked_by   text,
  CHECK (valid_to >= valid_from),
  CHECK (user_id <> delegate_id)
);
CREATE INDEX delegations_delegate ON delegations (delegate_id, valid_to) WHERE revoked_at IS NULL;
CREATE INDEX delegations_user ON delegations (user_id, valid_to) WHERE revoked_at IS NULL;

-- §11.200(a)(1): the first signing of a continuous session needs every component (username
-- and password), later ones the password. Keyed by the session's token hash.
CREATE TABLE signing_sessions (
  session_hash     text PRIMARY KEY REFERENCES sessions (token_hash) ON DELETE CASCADE,
  user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  first_signed_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO permissions (code, description) VALUES
  ('approvals.read', 'read approval requests, their tasks and signatures'),
  ('approvals.decide', 'see the approval inbox and sign approval decisions');
INSERT INTO role_permissions (role_code, permission_code) VALUES
  ('admin', 'approvals.read'), ('admin', 'approvals.decide'),
  ('sales', 'approvals.read'), ('sales', 'approvals.decide'),
  ('customer_service', 'approvals.read'), ('customer_service', 'approvals.decide'),
  ('quality', 'approvals.read'), ('quality', 'approvals.decide'),
  ('finance', 'approvals.read'), ('finance', 'approvals.decide'),
  ('planner', 'approvals.read'), ('planner', 'approvals.decide'),
  ('auditor', 'approvals.read');
