-- geo-events schema 5: the reference layers beside the events, for QGIS/GDAL/tipg: gazetteer places,
-- dated control zones (valid_from / valid_to) and the de-confliction line. Filled from the bundled seed
-- data when a store is seeded (`PostGISStore.load_reference_layers`).
CREATE TABLE places (
    id          text COLLATE "C" PRIMARY KEY,
    name        text NOT NULL,
    alt_names   text[] NOT NULL DEFAULT '{}',
    kind        text NOT NULL,
    admin1      text,
    country     text,
    population  integer,
    source      text,
    geom        geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX places_geom ON places USING gist (geom);
CREATE INDEX places_name ON places (lower(name));

CREATE TABLE zones (
    fid         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text NOT NULL,
    name        text,
    controller  text,
    valid_from  date NOT NULL,
    valid_to    date,  -- NULL: still valid
    confidence  text,
    source      text,
    notes       text,
    geom        geometry(Geometry, 4326) NOT NULL,
    UNIQUE (id, valid_from)
);
CREATE INDEX zones_geom ON zones USING gist (geom);
CREATE INDEX zones_valid ON zones (valid_from, valid_to);

-- the line has the columns of a zone but no controller (same keys and indexes, its own identity)
CREATE TABLE deconfliction_line (LIKE zones INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE deconfliction_line DROP COLUMN controller;
