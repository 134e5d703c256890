# The README's two set-up commands: `make run` and `make test`, on a fresh machine.
VENV    := .venv
PY      := $(VENV)/bin/python
BITEXTO := $(VENV)/bin/bitexto
STAMP   := $(VENV)/.installed
# An Argos es→en package file to provision, if you have one (see README).
ARGOS_MODEL ?= $(wildcard models/translate-es_en-*.argosmodel)

.PHONY: run test install engine browser redis model bench clean

# Serves the app on 127.0.0.1:5000, opening on the seed article (translated, summarised,
# quoted). `bitexto translate` prints the same article side by side in the terminal.
run: install
	$(BITEXTO) serve --host 127.0.0.1 --port 5000

test: install browser redis
	@$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure"; exit 1; fi; \
	exit $$status

install: $(STAMP) engine model

$(PY):
	python3 -m venv $(VENV)

# CPU torch first: installed the other way round, pip resolves a several-GB CUDA build.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

engine:
	@if command -v apertium >/dev/null && apertium -l | grep -qw spa-eng; then \
		echo "Apertium spa-eng: installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
		(apt-get install -y -qq apertium-eng-spa || (apt-get update -qq && apt-get install -y -qq apertium-eng-spa)); \
	else \
		echo "Apertium is missing. Install it with: sudo apt-get install -y apertium-eng-spa"; \
	fi

# Debian's Chromium and its matching driver, for the browser tests.
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then \
		echo "Chromium: installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
		(apt-get install -y -qq chromium chromium-driver || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver)); \
	else \
		echo "Chromium is missing. Install it with: sudo apt-get install -y chromium chromium-driver"; \
	fi

# A real redis-server binary for the job-queue tests (they start their own on loopback).
redis:
	@if command -v redis-server >/dev/null; then \
		echo "redis-server: installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
		(apt-get install -y -qq redis-server || (apt-get update -qq && apt-get install -y -qq redis-server)); \
	else \
		echo "redis-server is missing. Install it with: sudo apt-get install -y redis-server"; \
	fi

model: $(STAMP)
	@if [ -n "$(ARGOS_MODEL)" ]; then \
		$(BITEXTO) models install --from "$(firstword $(ARGOS_MODEL))"; \
	else \
		echo "No Argos model file given (ARGOS_MODEL=path/to/translate-es_en-1_0.argosmodel): using what is installed, else Apertium."; \
	fi

bench: install
	$(PY) bench/translate_bench.py
	$(PY) bench/web_latency.py

clean:
	rm -rf $(VENV) .pytest_cache
