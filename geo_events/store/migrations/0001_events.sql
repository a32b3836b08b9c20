-- geo-events schema 1: one `events` table that QGIS, GDAL (`PG:` driver) and tipg read directly.
-- Typed columns for every flat property, jsonb for the nested ones, the Feature as served in `feature`.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE events (
    id              text COLLATE "C" PRIMARY KEY,
    seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,  -- insertion order: every sort's tie-break
    event_date      date NOT NULL,
    date_precision  text NOT NULL CHECK (date_precision IN ('day', 'week', 'month')),
    date_first      date NOT NULL,  -- first and last day the event may have happened on (its week/month)
    date_last       date NOT NULL,
    event_type      text NOT NULL,
    sub_event_type  text NOT NULL,
    actor1          text,
    actor2          text,
    assoc_actors    jsonb NOT NULL DEFAULT '[]',
    location        text NOT NULL,
    admin1          text,
    admin2          text,
    country         text,
    iso3            text,
    geo_precision   smallint NOT NULL CHECK (geo_precision BETWEEN 1 AND 3),
    place_id        text,
    fatalities_best integer NOT NULL,
    fatalities_low  integer NOT NULL,
    fatalities_high integer NOT NULL,
    claims          jsonb NOT NULL DEFAULT '[]',
    sources         jsonb NOT NULL DEFAULT '[]',
    control_zone    text,
    side_of_line    text CHECK (side_of_line IN ('east', 'west', 'on_line')),
    notes           text,
    geocoder        text,
    confidence      double precision,
    extracted_at    timestamptz,
    geom            geometry(Geometry, 4326) NOT NULL,
    feature         text NOT NULL,  -- the GeoJSON Feature exactly as the API serves it
    search_actors   text NOT NULL,  -- case-folded text the `actor`, `source` and `q` filters search
    search_sources  text NOT NULL,
    search_text     text NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX events_geom ON events USING gist (geom);
CREATE INDEX events_geography ON events USING gist ((geom::geography));  -- `near` radius searches
-- start/end match by span overlap plus a redundant event_date range (spans are at most 31 days), so the
-- (event_date, seq) index serves date filters and the date sort; date_first/date_last need no index.
CREATE INDEX events_event_date ON events (event_date, seq);
CREATE INDEX events_fatalities ON events (fatalities_best, seq);
CREATE INDEX events_event_type ON events (lower(event_type));
CREATE INDEX events_sub_event_type ON events (lower(sub_event_type));
CREATE INDEX events_country ON events (lower(country));
CREATE INDEX events_iso3 ON events (lower(iso3));
CREATE INDEX events_admin1 ON events (lower(admin1));
CREATE INDEX events_control_zone ON events (lower(control_zone));
CREATE INDEX events_side_of_line ON events (side_of_line);

COMMENT ON TABLE events IS 'geo-events: one conflict event a row (ACLED/UCDP field names); written by geo-events only';
