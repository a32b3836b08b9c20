# geo-events API + map server on the bundled seed data.
#   docker build -t geo-events .
#   docker run -p 8000:8000 -e GEO_EVENTS_API_KEY=change-me geo-events
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    GEO_EVENTS_SEEDS=/app/seeds \
    GEO_EVENTS_STORE=/data/events.geojson

WORKDIR /app
COPY pyproject.toml README.md ./
COPY geo_events ./geo_events
COPY api ./api
COPY maps ./maps
COPY seeds ./seeds
RUN pip install . && useradd --create-home --uid 1000 geo && mkdir -p /data && chown geo /data

USER geo
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"
CMD ["geo-events", "serve", "--host", "0.0.0.0", "--port", "8000"]
