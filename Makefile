# The two commands a newcomer needs: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Offline-friendly Prefect: no telemetry from a machine without internet.
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
# prefect.yaml's pull step runs flows from this checkout.
export EPAPER_REPO ?= $(CURDIR)
# Where `make ui` keeps its Prefect server database and settings.
UI_HOME ?= $(CURDIR)/data/prefect
UI_PORT ?= 4200

.PHONY: demo test lint ui clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "epaper-etl needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/epaper demo

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# A local Prefect server with the UI, a process worker, and the deployments of prefect.yaml.
ui: $(STAMP)
	PREFECT_HOME=$(UI_HOME) $(BIN)/prefect config set PREFECT_API_URL=http://127.0.0.1:$(UI_PORT)/api >/dev/null
	PREFECT_HOME=$(UI_HOME) $(BIN)/prefect server start --host 127.0.0.1 --port $(UI_PORT) & \
	  server=$$!; trap 'kill $$server $$worker 2>/dev/null' EXIT INT TERM; \
	  until $(BIN)/python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$(UI_PORT)/api/health')" 2>/dev/null; do sleep 1; done; \
	  PREFECT_HOME=$(UI_HOME) $(BIN)/prefect work-pool create epaper --type process --overwrite >/dev/null; \
	  PREFECT_HOME=$(UI_HOME) $(BIN)/prefect --no-prompt deploy --all; \
	  PREFECT_HOME=$(UI_HOME) $(BIN)/prefect worker start --pool epaper & worker=$$!; \
	  echo "Prefect UI: http://127.0.0.1:$(UI_PORT)  (Ctrl-C stops server and worker)"; \
	  wait $$server

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache .hypothesis
