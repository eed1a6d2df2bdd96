# Conveniences around the two README commands. Everything runs from .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: venv install dev serve sandbox migrate test test-postgres nlu-eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

venv: $(BIN)/python

install: venv
	$(BIN)/pip install -q -e '.[test]'

dev: install
	$(BIN)/timebank dev

serve: install
	$(BIN)/timebank serve

sandbox: install
	$(BIN)/timebank sandbox

migrate: install
	$(BIN)/timebank migrate

test: install
	$(BIN)/pytest

test-postgres: install
	TIMEBANK_TEST_DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1:5432/test \
	TIMEBANK_TEST_REDIS_URL=redis://127.0.0.1:6379/0 $(BIN)/pytest

nlu-eval: install
	$(BIN)/python -m nlu.evaluate tests/nlu/cases.jsonl

clean:
	rm -rf $(VENV) var build *.egg-info .pytest_cache .hypothesis
