-- The KPI queries select orders by the date that puts them in a period: due (promised, else
-- requested delivery date), submitted, confirmed. Without these a dashboard scans every order.
CREATE INDEX orders_kpi_due ON orders ((coalesce(promised_date, requested_date))) WHERE lifecycle NOT IN ('draft', 'cancelled');
CREATE INDEX orders_kpi_submitted ON orders (submitted_at) WHERE submitted_at IS NOT NULL;
CREATE INDEX orders_kpi_confirmed ON orders (confirmed_at) WHERE confirmed_at IS NOT NULL;
