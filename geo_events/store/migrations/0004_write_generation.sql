-- geo-events schema 4: a write generation, so the store can cache the seek keys of deep pages (keyset
-- paging behind `offset`) and exact counts until the table changes. A BEFORE STATEMENT trigger bumps it
-- inside the writing transaction, so a reader sees the new number exactly when it sees the new rows, and
-- every writer takes this row's lock before any event row's (one lock order: no deadlocks).
CREATE TABLE geo_events_writes (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    n        bigint NOT NULL
);
INSERT INTO geo_events_writes (only_row, n) VALUES (true, 0);

CREATE FUNCTION geo_events_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE geo_events_writes SET n = n + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER events_count_writes BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION geo_events_count_write();
