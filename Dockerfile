# syntax=docker/dockerfile:1
# geo-events API + map server on the bundled seed data.
#   docker build -t geo-events .
#   docker run -p 8000:8000 -e GEO_EVENTS_API_KEY=change-me -v geo-events-data:/data geo-events
#   docker compose up            # the same, with a named volume and a health check (docker-compose.yml)
#
# Layers, from least to most often changed: pinned base image → dependencies (from pyproject.toml,
# pinned by docker/constraints.txt) → the geo-events wheel. Editing code rebuilds only the last layers.
# The image holds the installed wheel, not the source tree: the seed data comes with the wheel as package
# data (geo_events/seeds, copied by setup.py), so GEO_EVENTS_SEEDS is not needed. `bash scripts/check_wheel.sh`
# checks the same thing without Docker (wheel in a clean venv, served as an unprivileged user).

# Pinned to an exact Python and Debian release (bump deliberately; add @sha256:<digest> where your
# registry mirror allows it).
ARG PYTHON_IMAGE=python:3.11.11-slim-bookworm

# ---- dependencies only: cached until pyproject.toml or docker/constraints.txt change
FROM ${PYTHON_IMAGE} AS deps
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
COPY pyproject.toml docker/constraints.txt ./
# EXTRAS: optional dependency groups to add, comma-separated (docker-compose.yml builds with EXTRAS=postgis).
ARG EXTRAS=""
RUN python -c "import os, tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
extras = [e.strip() for e in os.environ.get('EXTRAS', '').split(',') if e.strip()]; \
print('\n'.join(p['dependencies'] + [d for e in extras for d in p['optional-dependencies'][e]]))" \
        > requirements.txt \
    && pip install -r requirements.txt -c constraints.txt

# ---- the wheel, built from the source tree
FROM deps AS wheel
COPY README.md setup.py ./
COPY geo_events ./geo_events
COPY api ./api
COPY maps ./maps
COPY seeds ./seeds
RUN pip wheel --no-deps -w /wheels .

# ---- runtime: dependencies + the wheel, an unprivileged user, a volume for the store
FROM deps AS runtime
COPY --from=wheel /wheels /wheels
RUN pip install --no-deps /wheels/*.whl && rm -rf /wheels /build \
    && useradd --create-home --uid 1000 geo && mkdir -p /data && chown geo /data
ENV GEO_EVENTS_STORE=/data/events.geojson \
    GEO_EVENTS_CACHE_DIR=/home/geo/.cache/geo-events
USER geo
WORKDIR /home/geo
# Build the gazetteer index now, not on the first request of every new container.
RUN geo-events geocode Khusham --date 2018-02-07 > /dev/null
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"
CMD ["geo-events", "serve", "--host", "0.0.0.0", "--port", "8000"]
