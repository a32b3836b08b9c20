-- geo-events schema 2: trigram indexes so `q`, `actor` and `source` (substring searches) use an index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;  -- a trusted extension: the database owner may create it

CREATE INDEX events_search_text ON events USING gin (search_text gin_trgm_ops);
CREATE INDEX events_search_actors ON events USING gin (search_actors gin_trgm_ops);
CREATE INDEX events_search_sources ON events USING gin (search_sources gin_trgm_ops);
