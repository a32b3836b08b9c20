"""API routers, one per resource: events, geo (geocode, reverse, zones, line), articles, ogc and maps."""
