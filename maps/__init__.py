"""Folium maps of geo-events: events, control zones and the de-confliction line."""
