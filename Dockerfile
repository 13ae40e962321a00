# syntax=docker/dockerfile:1
# newsbot: slim two-stage image. Build: docker build -t newsbot .
# Run:   docker run -d --env-file .env -v newsbot-data:/data newsbot
# (Not built on the machine this was written on: no Docker engine there. See README.)

# ---- build: install the package and its dependencies into a virtualenv ----------------
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# dependencies first, so code changes don't reinstall them
COPY pyproject.toml README.md ./
COPY bot ./bot
# the postgres extra (asyncpg) so the image also runs on PostgreSQL (compose profile "postgres")
RUN pip install --upgrade pip && pip install ".[postgres]"

# ---- runtime -----------------------------------------------------------------------------
FROM python:3.11-slim AS runtime
LABEL org.opencontainers.image.title="newsbot" \
      org.opencontainers.image.description="AI-news digests for Discord and Slack" \
      org.opencontainers.image.licenses="MIT"
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    NEWSBOT_CONFIG_DIR=/app/config \
    NEWSBOT_DATA_DIR=/data \
    NEWSBOT_DATABASE_URL=sqlite+aiosqlite:////data/newsbot.db
RUN groupadd --system --gid 10001 newsbot \
 && useradd --system --uid 10001 --gid newsbot --home-dir /app --shell /usr/sbin/nologin newsbot \
 && mkdir -p /data /app \
 && chown newsbot:newsbot /data
COPY --from=build /opt/venv /opt/venv
COPY --chown=newsbot:newsbot config /app/config
WORKDIR /app
USER newsbot
VOLUME ["/data"]
# Slack HTTP mode only (`--slack-http-port 3000`); Socket Mode and Discord need no port
EXPOSE 3000
HEALTHCHECK --interval=60s --timeout=10s --start-period=30s --retries=3 \
  CMD ["newsbot", "doctor", "--health"]
# newsbot handles SIGTERM: it stops taking jobs, finishes or cleanly abandons a post, exits
STOPSIGNAL SIGTERM
CMD ["newsbot", "run"]
