# Every target creates .venv and installs what it needs, so each works on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-postgres lint bench clean lock install-check image-check

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m bot.demo

lint: $(STAMP)
	$(BIN)/ruff check bot tests bench
	$(BIN)/ruff format --check bot tests bench
	$(BIN)/mypy bot

test: $(STAMP) lint
	$(BIN)/python -m pytest -q -n 2 tests

# The store-backed tests on PostgreSQL: point NEWSBOT_TEST_DATABASE_URL at a server whose
# user may create databases, e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
test-postgres: $(STAMP)
	@test -n "$$NEWSBOT_TEST_DATABASE_URL" || { echo "set NEWSBOT_TEST_DATABASE_URL=postgresql+asyncpg://USER@HOST:PORT/DB"; exit 2; }
	$(BIN)/python -m pip install -q -e '.[dev,bench,postgres]'
	$(BIN)/python -m pytest -q -n 2 tests/test_store.py tests/test_scheduler.py tests/test_services.py tests/feeds tests/summarize/test_cache.py tests/test_scale_out.py tests/community

# requirements.lock pins every runtime dependency for the image; regenerate after changing
# [project] dependencies in pyproject.toml
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra postgres --python-version 3.11 --annotation-style line \
		--custom-compile-command "make lock" -q -o requirements.lock

# fresh venvs, plain `pip install .` (venv's own pip, current pip, uv) on every Python 3.11+
# found, then sources export / poll / digest against the demo snapshots
install-check: $(STAMP)
	bash .ci/install-check.sh

# build the Dockerfile (offline stand-in base, ../shared/tools/docker-offline) and run it
image-check:
	bash .ci/image-check.sh

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) data/demo .pytest_cache .mypy_cache .ruff_cache
