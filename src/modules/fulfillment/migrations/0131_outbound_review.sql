-- The device classes whose packages need the outbound review (出库复核) before they ship. A
-- package holding any unit of such a class cannot ship until a second person has reviewed it.
CREATE TABLE outbound_review_classes (
  device_class  text PRIMARY KEY CHECK (device_class IN ('I', 'II', 'III')),
  created_by    text NOT NULL DEFAULT 'migration',
  created_at    timestamptz NOT NULL DEFAULT now()
);
INSERT INTO outbound_review_classes (device_class) VALUES ('II'), ('III');

-- Listing pick lists by order reads pick_list_lines by order (index exists); by status here.
CREATE INDEX pick_lists_status ON pick_lists (status, created_at DESC);
CREATE INDEX picks_line ON picks (pick_list_line_id);
CREATE INDEX picks_allocation ON picks (allocation_id);

-- Who picked, by user id: the outbound review compares people, and display names may repeat.
ALTER TABLE picks ADD COLUMN picked_by_user uuid;
ALTER TABLE packages ADD COLUMN reviewed_by_user uuid;
