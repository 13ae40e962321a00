# newsbot: slim two-stage image.
#   docker build -t newsbot .
#   docker run -d --env-file .env -v newsbot-data:/data newsbot
# Checked by `make image-check` (builds this file unchanged and runs the image; see README).
#
# The base is pinned to the byte: a patch release of the Debian bookworm variant and the
# digest of its multi-architecture index (amd64 and arm64 both resolve through it). To move
# it: `docker buildx imagetools inspect python:3.11.X-slim-bookworm` gives the new digest.
ARG PYTHON_BASE=python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d

# ---- build: the locked dependencies, then the package, into a virtualenv -----------------
FROM ${PYTHON_BASE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1 \
    PATH=/opt/venv/bin:$PATH
RUN python -m venv /opt/venv
WORKDIR /src
# dependencies first, from the lock file alone: a code change reuses this layer
# (the lock includes the postgres extra, asyncpg, so the image also runs on PostgreSQL:
# compose profile "postgres")
COPY requirements.lock ./
RUN pip install --upgrade pip \
 && pip install --no-deps -r requirements.lock
# then the code; --no-deps: everything it needs is already there (pip check proves it)
# (bot/defaults/ links to config/: the packaged defaults are the same files)
COPY pyproject.toml README.md ./
COPY config ./config
COPY bot ./bot
# then what a running bot never reads goes: the installers, the packages' own test suites
# type stubs and C/Cython sources (about 30 MB; image-check measures the venv: target 250 MB)
# and Babel's data for every locale but English (33 MB): courlan imports Babel only to
# read a URL's language in its language filter, which the bot never asks for (it passes no
# language), and an unknown locale there is an answer courlan already handles
RUN pip install --no-deps . \
 && pip check \
 && pip uninstall -y -q pip setuptools wheel \
 && find /opt/venv -depth -type d -name tests -exec rm -rf {} + \
 && find /opt/venv \( -name '*.pyi' -o -name '*.pyx' -o -name '*.pxd' -o -name '*.c' \
      -o -name '*.h' -o -name '*.cpp' \) -delete \
 && find /opt/venv -path '*/babel/locale-data/*.dat' ! -name root.dat ! -name 'en.dat' \
      ! -name 'en_*.dat' -delete \
 && python -m compileall -q -j 0 /opt/venv/lib

# ---- runtime -----------------------------------------------------------------------------
FROM ${PYTHON_BASE} AS runtime
# The database and digests live in the /data volume whatever .env says: the settings the
# image needs are fixed here and .env.example sets none of them (every line is commented).
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    NEWSBOT_CONFIG_DIR=/app/config \
    NEWSBOT_DATA_DIR=/data \
    NEWSBOT_DATABASE_URL=sqlite+aiosqlite:////data/newsbot.db
RUN groupadd --system --gid 10001 newsbot \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin newsbot \
 && mkdir -p /data /app \
 && chown 10001:10001 /data
COPY --from=build /opt/venv /opt/venv
COPY --chown=10001:10001 config /app/config
WORKDIR /app
# numeric, so a runtime that checks runAsNonRoot can see it is not root
USER 10001:10001
VOLUME ["/data"]
# (no EXPOSE: Socket Mode and Discord need no port; Slack HTTP mode listens on 3000 with
# `newsbot run --slack-http-port 3000`, published with -p 3000:3000)
# alive, not just present: the running bot's scheduler and chat adapters write a heartbeat
# every 30 s; `doctor --health` fails when it is older than 2 minutes or reports a failure
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
  CMD ["newsbot", "doctor", "--health"]
# docker stop sends SIGTERM: newsbot stops taking jobs, finishes or cleanly abandons a post,
# and exits (image-check: within 10 s)
CMD ["newsbot", "run"]
