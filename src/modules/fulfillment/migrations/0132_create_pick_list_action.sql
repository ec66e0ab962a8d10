-- The trigger action `create_pick_list`: on an order event (e.g. status → allocated) it makes a
-- pick list of the order's open allocations. `generate_documents` (shipping documents) is listed
-- too, so whichever of the two migrations runs last leaves both types allowed.
ALTER TABLE trigger_actions DROP CONSTRAINT IF EXISTS trigger_actions_type_check;
ALTER TABLE trigger_actions ADD CONSTRAINT trigger_actions_type_check
  CHECK (type IN ('webhook', 'notify', 'in_app', 'create_pick_list', 'generate_documents'));
