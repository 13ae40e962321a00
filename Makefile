# Every target creates .venv and installs what it needs, so each works on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-postgres lint bench clean

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
	$(BIN)/mypy bot

test: $(STAMP) lint
	$(BIN)/python -m pytest -q -n 2 tests

# The store-backed tests on PostgreSQL: point NEWSBOT_TEST_DATABASE_URL at a server whose
# user may create databases, e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
test-postgres: $(STAMP)
	@test -n "$$NEWSBOT_TEST_DATABASE_URL" || { echo "set NEWSBOT_TEST_DATABASE_URL=postgresql+asyncpg://USER@HOST:PORT/DB"; exit 2; }
	$(BIN)/python -m pip install -q -e '.[dev,bench,postgres]'
	$(BIN)/python -m pytest -q -n 2 tests/test_store.py tests/test_scheduler.py tests/test_services.py tests/feeds tests/summarize/test_cache.py

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) data/demo .pytest_cache .mypy_cache .ruff_cache
