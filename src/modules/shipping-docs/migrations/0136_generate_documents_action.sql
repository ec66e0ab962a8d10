-- The trigger action `generate_documents`: on 'shipment.shipped' it renders the shipment's
-- documents and records them in shipment_documents. `create_pick_list` (fulfilment) is listed
-- too, so whichever of the two migrations runs last leaves both types allowed.
ALTER TABLE trigger_actions DROP CONSTRAINT IF EXISTS trigger_actions_type_check;
ALTER TABLE trigger_actions ADD CONSTRAINT trigger_actions_type_check
  CHECK (type IN ('webhook', 'notify', 'in_app', 'create_pick_list', 'generate_documents'));
