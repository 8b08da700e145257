# tongliao.disclosure — all set-up from a fresh clone.
#   make start   create .venv, install, write the Zope instance, create the site
#                (once) and serve it on http://localhost:$(PORT)/tongliao
#   make test    install if needed and run the whole pytest suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8080
HOST ?= 0.0.0.0
ADMIN_PASSWORD ?= admin
SITE_ID ?= tongliao
SITE_STAMP := $(VENV)/.installed-site
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: help install start instance site test lint format bench i18n clean constraints

help:
	@echo "make start | make test | make lint | make bench | make i18n | make clean"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The site needs the add-on only; the test tools (Playwright, ruff …) come with
# the "test" extra, installed by make test.
$(SITE_STAMP): $(BIN)/python setup.py constraints.txt
	$(BIN)/pip install -q -c constraints.txt setuptools wheel
	$(BIN)/pip install -q -c constraints.txt -e .
	touch $(SITE_STAMP)

$(STAMP): $(SITE_STAMP)
	$(BIN)/pip install -q -c constraints.txt -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

instance: $(SITE_STAMP)
	$(BIN)/python scripts/write_instance.py --port $(PORT) --host $(HOST)

site: instance
	ADMIN_PASSWORD='$(ADMIN_PASSWORD)' SITE_ID='$(SITE_ID)' \
	  $(BIN)/zconsole run instance/etc/zope.conf scripts/create_site.py

start: site
	@echo "======================================================================"
	@echo " 通辽市政务公开平台: http://localhost:$(PORT)/$(SITE_ID)"
	@echo " Admin login: admin / $(ADMIN_PASSWORD)   (Zope root: http://localhost:$(PORT)/manage)"
	@echo "======================================================================"
	$(BIN)/runwsgi instance/etc/zope.ini

test: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	find src -name '*.zcml' -o -name '*.xml' | xargs $(BIN)/zpretty --check

format: $(STAMP)
	$(BIN)/ruff check --fix src tests bench scripts
	$(BIN)/ruff format src tests bench scripts
	find src -name '*.zcml' -o -name '*.xml' | xargs $(BIN)/zpretty -i

bench: $(STAMP)
	$(BIN)/python bench/run.py

i18n: $(STAMP)
	$(BIN)/i18ndude find-untranslated src/tongliao/disclosure || true

constraints: $(STAMP)
	$(BIN)/pip freeze --exclude-editable | sort -f > constraints.new && echo "review constraints.new"

clean:
	rm -rf $(VENV) instance
	@echo "var/ (the site's data) is kept; remove it by hand to start afresh."
