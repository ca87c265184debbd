# bienphong — two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
# uv from PATH, else the one pip installs for this Python (`python -m uv` works either way).
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(PYTHON) -m uv
endif
VENV := .venv
BIN := $(VENV)/bin
BP := $(BIN)/bienphong
HOST ?= 127.0.0.1
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never

.PHONY: help run setup uv venv i18n static migrate demo serve test lint typecheck pytest bench browser-deps messages clean

help:
	@echo "make run     install, migrate, load demo data, serve http://$(HOST):$(PORT)"
	@echo "make test    ruff, mypy and the whole test suite (browser tests included)"
	@echo "make bench   the benchmarks under bench/"
	@echo "make lint    ruff and mypy only"

uv:
	@$(UV) --version >/dev/null 2>&1 || { echo ">> installing uv with pip"; \
	  $(PYTHON) -m pip install --quiet --user uv || $(PYTHON) -m pip install --quiet uv; }

venv: uv
	@$(UV) sync --frozen --quiet

i18n: venv
	@if command -v msgfmt >/dev/null 2>&1 || scripts/ensure-system-packages gettext; then \
	  cd src/bienphong && ../../$(BP) compilemessages --verbosity 0; \
	else \
	  echo "!! GNU gettext missing: compiling translations with polib instead"; \
	  $(BIN)/python scripts/compile-translations.py >/dev/null; \
	fi

static: venv
	@$(BP) collectstatic --noinput --verbosity 0

migrate: venv
	@$(BP) migrate --noinput --verbosity 1

demo: migrate
	@$(BP) demo

setup: venv i18n static migrate

run: setup
	@$(BP) demo
	@echo
	@echo ">> bienphong on http://$(HOST):$(PORT)/  (API docs: http://$(HOST):$(PORT)/api/docs)"
	@$(BP) serve --host $(HOST) --port $(PORT)

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	@# mypy loads the test settings; give them a fixed scratch folder (mypy exits without atexit).
	BIENPHONG_VAR_DIR=$(CURDIR)/var/typecheck $(BIN)/mypy

typecheck: lint

browser-deps:
	@scripts/ensure-system-packages chromium fonts-dejavu-core || true

pytest: venv i18n browser-deps
	$(BIN)/pytest -q -p no:cacheprovider

test: lint pytest

bench: venv
	$(BIN)/python bench/run_all.py $(ARGS)

messages: venv
	cd src/bienphong && ../../$(BP) makemessages -l vi --no-obsolete --add-location file -i "engines/*"

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
