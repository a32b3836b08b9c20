-- geo-events schema 3: the secondary indexes a bulk load (`geo-events migrate`) dropped, recorded in the
-- same transaction as the DROP, so a load killed half-way never loses one: the next `migrate`,
-- `geo-events db upgrade` or the store's maintain() rebuilds what is listed here.
CREATE TABLE geo_events_deferred_indexes (
    name        text PRIMARY KEY,
    definition  text NOT NULL,  -- pg_get_indexdef() of the dropped index
    deferred_at timestamptz NOT NULL DEFAULT now()
);
