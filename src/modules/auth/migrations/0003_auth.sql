-- Users, roles and permissions. Roles and their permissions are data: an admin can change them
-- without a release; every route declares the one permission it needs.
CREATE TABLE permissions (
  code        text PRIMARY KEY,
  description text NOT NULL
);

CREATE TABLE roles (
  code        text PRIMARY KEY,
  name_en     text NOT NULL,
  name_zh     text NOT NULL,
  -- An organisation-scoped role only ever sees records of the user's own organisation.
  org_scoped  boolean NOT NULL DEFAULT false
);

CREATE TABLE role_permissions (
  role_code       text NOT NULL REFERENCES roles (code) ON DELETE CASCADE,
  permission_code text NOT NULL REFERENCES permissions (code) ON DELETE CASCADE,
  PRIMARY KEY (role_code, permission_code)
);

CREATE TABLE users (
  id                  uuid PRIMARY KEY,
  username            text NOT NULL,
  display_name        text NOT NULL,
  password_hash       text NOT NULL,
  organisation_id     uuid,
  locale              text NOT NULL DEFAULT 'zh-CN',
  active              boolean NOT NULL DEFAULT true,
  failed_logins       int NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username ON users (lower(username));

CREATE TABLE user_roles (
  user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_code text NOT NULL REFERENCES roles (code),
  PRIMARY KEY (user_id, role_code)
);

-- Only hashes of session and API tokens are stored: a copy of the database opens no session.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id           uuid PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  prefix       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  revoked_at   timestamptz,
  last_used_at timestamptz
);

INSERT INTO permissions (code, description) VALUES
  ('audit.read', 'read the audit trail'),
  ('users.manage', 'create users, assign roles, issue and revoke API tokens'),
  ('outbox.read', 'see outbox events and the dead-letter queue'),
  ('outbox.manage', 'retry dead-lettered events'),
  ('catalog.read', 'read devices and packaging'),
  ('catalog.write', 'create and change devices and packaging'),
  ('parties.read', 'read customers, suppliers, carriers and licences'),
  ('parties.write', 'create and change customers, suppliers, carriers and licences'),
  ('parties.sensitive.read', 'see decrypted contact personal data and bank details'),
  ('warehouses.read', 'read warehouses, zones and bins'),
  ('warehouses.write', 'create and change warehouses, zones and bins'),
  ('pricing.read', 'read price lists and contracts, quote prices'),
  ('pricing.write', 'create and change price lists and contracts'),
  ('import.run', 'run bulk imports'),
  ('udi.parse', 'parse UDI scans and render labels'),
  ('orders.read', 'read orders'),
  ('orders.write', 'create, amend and cancel orders'),
  ('orders.approve', 'approve or release order holds'),
  ('edi.receive', 'submit inbound EDI interchanges'),
  ('rules.manage', 'edit rules and workflows'),
  ('inventory.read', 'read stock, lots and serials'),
  ('inventory.write', 'receive, move and adjust stock'),
  ('fulfillment.pick', 'pick and pack'),
  ('fulfillment.review', 'outbound review'),
  ('fulfillment.ship', 'ship and confirm delivery'),
  ('quality.release', 'release, block or reject lots; release compliance holds'),
  ('planning.read', 'read planned and work orders'),
  ('planning.write', 'run planning, release work and purchase orders'),
  ('finance.read', 'read invoices, payments and reconciliation'),
  ('finance.write', 'issue invoices, record payments'),
  ('trace.read', 'trace lots, serials and orders'),
  ('kpi.read', 'read KPI dashboards'),
  ('portal.use', 'hospital portal: catalogue, cart and own orders');

INSERT INTO roles (code, name_en, name_zh, org_scoped) VALUES
  ('admin', 'Administrator', '系统管理员', false),
  ('sales', 'Sales', '销售', false),
  ('customer_service', 'Customer service', '客服', false),
  ('warehouse', 'Warehouse', '仓库', false),
  ('quality', 'Quality', '质量', false),
  ('finance', 'Finance', '财务', false),
  ('planner', 'Planner', '计划员', false),
  ('auditor', 'Auditor (read-only)', '审计员（只读）', false),
  ('hospital_portal', 'Hospital buyer (portal)', '医院采购（门户）', true);

INSERT INTO role_permissions (role_code, permission_code)
SELECT 'admin', code FROM permissions;

INSERT INTO role_permissions (role_code, permission_code) VALUES
  ('sales', 'catalog.read'), ('sales', 'parties.read'), ('sales', 'parties.write'), ('sales', 'pricing.read'),
  ('sales', 'pricing.write'), ('sales', 'orders.read'), ('sales', 'orders.write'), ('sales', 'orders.approve'),
  ('sales', 'inventory.read'), ('sales', 'trace.read'), ('sales', 'kpi.read'), ('sales', 'udi.parse'),
  ('customer_service', 'catalog.read'), ('customer_service', 'parties.read'), ('customer_service', 'pricing.read'),
  ('customer_service', 'orders.read'), ('customer_service', 'orders.write'), ('customer_service', 'orders.approve'),
  ('customer_service', 'edi.receive'), ('customer_service', 'inventory.read'), ('customer_service', 'trace.read'),
  ('customer_service', 'udi.parse'), ('customer_service', 'kpi.read'),
  ('warehouse', 'catalog.read'), ('warehouse', 'warehouses.read'), ('warehouse', 'orders.read'),
  ('warehouse', 'inventory.read'), ('warehouse', 'inventory.write'), ('warehouse', 'fulfillment.pick'),
  ('warehouse', 'fulfillment.review'), ('warehouse', 'fulfillment.ship'), ('warehouse', 'trace.read'),
  ('warehouse', 'udi.parse'),
  ('quality', 'catalog.read'), ('quality', 'parties.read'), ('quality', 'warehouses.read'), ('quality', 'orders.read'),
  ('quality', 'orders.approve'), ('quality', 'inventory.read'), ('quality', 'quality.release'),
  ('quality', 'trace.read'), ('quality', 'audit.read'), ('quality', 'udi.parse'), ('quality', 'kpi.read'),
  ('finance', 'parties.read'), ('finance', 'parties.sensitive.read'), ('finance', 'pricing.read'),
  ('finance', 'orders.read'), ('finance', 'orders.approve'), ('finance', 'finance.read'), ('finance', 'finance.write'),
  ('finance', 'kpi.read'),
  ('planner', 'catalog.read'), ('planner', 'orders.read'), ('planner', 'inventory.read'), ('planner', 'planning.read'),
  ('planner', 'planning.write'), ('planner', 'warehouses.read'), ('planner', 'kpi.read'),
  ('auditor', 'audit.read'), ('auditor', 'catalog.read'), ('auditor', 'parties.read'), ('auditor', 'warehouses.read'),
  ('auditor', 'pricing.read'), ('auditor', 'orders.read'), ('auditor', 'inventory.read'), ('auditor', 'trace.read'),
  ('auditor', 'planning.read'), ('auditor', 'finance.read'), ('auditor', 'kpi.read'), ('auditor', 'outbox.read'),
  ('hospital_portal', 'portal.use'), ('hospital_portal', 'orders.read'), ('hospital_portal', 'parties.read');
