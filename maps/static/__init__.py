"""Package data (installed with geo-events; see maps/vendor/README.md)."""
