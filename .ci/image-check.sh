#!/usr/bin/env bash
# `make image-check`: build ./Dockerfile (only its base's digest set aside) and exercise the image as a user would.
#
# Docker Hub is out of reach here, so ../shared/tools/docker-offline starts a private dockerd
# and builds a stand-in python:3.11-slim from Debian packages (tagged here under the name the
# Dockerfile pins, without the digest, which only Docker Hub's image can match); pip inside the build is served from a loopback wheelhouse made from
# requirements.lock. Then: the image runs as a numeric non-root user; `sources export`, `poll`
# of the demo snapshots (loopback server) and a digest work (.ci/smoke.py); the bot started
# with `--env-file .env.example` reports healthy through `doctor --health`; SIGTERM stops it
# within 10 s; the database is in the volume. Prints timings and the runtime venv's size.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOL=${DOCKER_OFFLINE:-$ROOT/../shared/tools/docker-offline}
[[ -f $TOOL ]] || { echo "image-check: $TOOL not found (needs ../shared)" >&2; exit 1; }
TAG=${IMAGE_TAG:-newsbot:check}
DIR=${DOCKER_OFFLINE_DIR:-$(python3 -c "import tempfile; print(tempfile.gettempdir())")/docker-offline}
PORT=${DOCKER_OFFLINE_WHEEL_PORT:-18799}
VOLUME=newsbot-check-$$
# the bot gets its own volume: the smoke run stored the demo feeds (loopback URLs) under
# the default feeds' names, and config sync refuses such a name clash (issue 10 item 4)
BOTVOL=newsbot-check-bot-$$
NAME=newsbot-check-$$
eval "$(bash "$TOOL" env)"

t0=$(date +%s)
stamp() { echo "[image-check +$(( $(date +%s) - t0 ))s] $*"; }
fail() { echo "image-check: FAILED: $*" >&2; exit 1; }
cleanup() {
  docker rm -f "$NAME" >/dev/null 2>&1 || true
  docker volume rm -f "$VOLUME" "$BOTVOL" >/dev/null 2>&1 || true
  [[ -n ${WHEELS_PID:-} ]] && kill "$WHEELS_PID" 2>/dev/null || true
}
trap cleanup EXIT

stamp "starting the private docker daemon and the stand-in base"
bash "$TOOL" base
base=$(sed -n 's/^ARG PYTHON_BASE=//p' Dockerfile | head -1)
[[ -n $base ]] || fail "Dockerfile has no ARG PYTHON_BASE=..."
[[ $base =~ @sha256:[0-9a-f]{64}$ ]] || fail "Dockerfile's base '$base' is not pinned by digest"
# A digest names Docker Hub's bytes, which the stand-in cannot have: the stand-in is tagged
# under the pinned name without its digest, and only that build argument is overridden.
BASE_TAG=${base%@*}
docker tag python:3.11-slim "$BASE_TAG"

stamp "wheelhouse from requirements.lock"
wh=$DIR/wheels-lock
rm -rf "$wh" && mkdir -p "$wh"
[[ -x $DIR/pip/bin/pip ]] || { python3 -m venv "$DIR/pip" && "$DIR/pip/bin/pip" install -q --upgrade pip; }
"$DIR/pip/bin/pip" wheel -q --no-deps -r requirements.lock -w "$wh" >"$DIR/wheel-lock.log" 2>&1 \
  || { tail -20 "$DIR/wheel-lock.log" >&2; fail "pip wheel -r requirements.lock"; }
"$DIR/pip/bin/pip" download -q pip "setuptools>=68" wheel -d "$wh" >>"$DIR/wheel-lock.log" 2>&1
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$wh" >"$DIR/wheels-http.log" 2>&1 &
WHEELS_PID=$!
sleep 1

stamp "docker build"
b0=$(date +%s)
docker build --network host --build-arg PYTHON_BASE="$BASE_TAG" -t "$TAG" . >"$DIR/build.log" 2>&1 || { tail -30 "$DIR/build.log" >&2; fail "docker build (log: $DIR/build.log)"; }
stamp "built $TAG in $(( $(date +%s) - b0 ))s"
kill "$WHEELS_PID" 2>/dev/null || true; WHEELS_PID=

user=$(docker image inspect -f '{{.Config.User}}' "$TAG")
[[ $user =~ ^[1-9][0-9]*(:[0-9]+)?$ ]] || fail "USER is '$user', not a numeric non-root id"
# one container for the facts (under the vfs driver every container copies the whole image)
read -r uid venv_mb version < <(docker run --rm "$TAG" sh -c \
  'echo "$(id -u) $(du -sm /opt/venv | cut -f1) $(newsbot --version | cut -d" " -f2)"')
[[ $uid != 0 ]] || fail "the container runs as root"
stamp "runs as uid $uid (USER $user); newsbot $version"
stamp "runtime virtualenv: $venv_mb MB"
(( venv_mb <= ${VENV_LIMIT_MB:-250} )) || echo "image-check: WARNING: runtime venv $venv_mb MB is over the ${VENV_LIMIT_MB:-250} MB target" >&2

# the pruned venv still extracts a page's text and names its outlet (.ci/image_extract.py)
docker run --rm -i "$TAG" python - < .ci/image_extract.py || fail "full-text extraction in the image"

stamp "sources export, poll, digest (demo snapshots on loopback)"
python3 .ci/smoke.py --image "$TAG" --volume "$VOLUME" || fail "smoke run in the image"

stamp "the bot, started with --env-file .env.example"
docker run -d --name "$NAME" --network host --env-file .env.example -v "$BOTVOL:/data" "$TAG" >/dev/null
healthy=0
for _ in $(seq 60); do
  if docker exec "$NAME" newsbot doctor --health >/dev/null 2>&1; then healthy=1; break; fi
  [[ $(docker inspect -f '{{.State.Running}}' "$NAME") == true ]] || break
  sleep 1
done
(( healthy )) || { docker logs "$NAME" 2>&1 | tail -20 >&2; docker exec "$NAME" newsbot doctor --health >&2 || true; fail "doctor --health never passed"; }
stamp "doctor --health: ok"
s0=$(date +%s%N)
docker stop -t 10 "$NAME" >/dev/null
took_ms=$(( ($(date +%s%N) - s0) / 1000000 ))
code=$(docker inspect -f '{{.State.ExitCode}}' "$NAME")
[[ $code == 0 ]] || { docker logs "$NAME" 2>&1 | tail -20 >&2; fail "exit code $code after SIGTERM (137: killed after the 10 s grace)"; }
stamp "SIGTERM: stopped in ${took_ms} ms, exit code 0"
for vol in "$VOLUME" "$BOTVOL"; do
  mount=$(docker volume inspect -f '{{.Mountpoint}}' "$vol")
  [[ -s $mount/newsbot.db ]] || fail "no database in the volume $vol"
  ls -l "$mount/newsbot.db"
done
[[ ! -e $mount/heartbeat.json ]] || fail "the heartbeat outlived the bot"
stamp "database is in the volume; image-check passed"
