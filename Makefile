# claimwire's entry points for people and CI. Each target sets up what it needs on a fresh clone:
# a virtualenv in .venv (re-installed only when pyproject.toml changes) and, on first use, the
# development broker's Kafka jars (resolved by Maven into ~/.cache/claimwire, see docs).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.claimwire-installed

.PHONY: demo test lint typecheck layers unit integration reliability browser kafka-jars dev-broker

## demo: run the whole pipeline on the bundled sample items against a throwaway local broker
demo: $(INSTALLED) kafka-jars
	$(BIN)/claimwire demo

## test: lint, type-check, check the layering and run every test (integration tests start their own broker); every
## step runs even when an earlier one fails, and the target fails if any did
test: $(INSTALLED) kafka-jars browser
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/mypy || status=1; \
	$(BIN)/lint-imports || status=1; \
	$(BIN)/pytest || status=1; \
	exit $$status

lint: $(INSTALLED)
	$(BIN)/ruff check .

typecheck: $(INSTALLED)
	$(BIN)/mypy

## layers: the import contracts in pyproject.toml ([tool.importlinter]): packages import only downwards
layers: $(INSTALLED)
	$(BIN)/lint-imports

unit: $(INSTALLED)
	$(BIN)/pytest tests/unit

integration: $(INSTALLED) kafka-jars
	$(BIN)/pytest tests/integration

## reliability: no input can stop a partition (issue 13): bad records, killed children and workers,
## broker loss and restart, exactly-once, rebalances, linear extraction; prints the figures at the end
reliability: $(INSTALLED) kafka-jars
	$(BIN)/pytest tests/integration -m reliability

## dev-broker: a local broker on 127.0.0.1:9092 with its data in .cache/dev-broker
dev-broker: $(INSTALLED) kafka-jars
	$(BIN)/claimwire dev-broker --port 9092 --data-dir .cache/dev-broker

## browser: Debian's Chromium and its driver for the series explorer's browser test (installed when
## missing; needs root, as on the CI and development machines)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	    apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver </dev/null; }

kafka-jars: $(INSTALLED)
	$(BIN)/claimwire dev-broker --fetch-only

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@
