"""FastAPI service of geo-events (REST + OGC API – Features) built on the geo_events library."""
