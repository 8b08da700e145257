# tongliao.disclosure — all set-up from a fresh clone.
#   make start   create .venv, install, write the Zope instance, create the site
#                (once) and serve it on http://localhost:$(PORT)/tongliao
#   make test    install if needed and run the whole pytest suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8080
SMTP_PORT ?= 8025
HOST ?= 0.0.0.0
# Space-separated addresses of reverse proxies in front (nginx, haproxy).
TRUSTED_PROXIES ?=
ADMIN_PASSWORD ?= admin
SITE_ID ?= tongliao
SITE_STAMP := $(VENV)/.installed-site
# collective.exportimport still imports pkg_resources (hence setuptools < 81);
# its deprecation warning is not the site's problem, so it is not shown.
export PYTHONWARNINGS := ignore:pkg_resources is deprecated:UserWarning
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: help install start start-zeo start-relstorage instance site test lint format bench load i18n clean constraints \
	export import-site import-legacy

help:
	@echo "make start | make test | make lint | make bench | make i18n | make clean"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The site needs the add-on only; the test tools (Playwright, ruff …) come with
# the "test" extra, installed by make test. pip speaks only on errors (-qq): a
# machine's extra package indexes that lack a package would otherwise print a
# warning for each one.
PIP_INSTALL = $(BIN)/pip install -qq -c constraints.txt
$(SITE_STAMP): $(BIN)/python setup.py constraints.txt
	$(PIP_INSTALL) setuptools wheel
	$(PIP_INSTALL) -e ".[demo]"
	@touch $(SITE_STAMP)

$(STAMP): $(SITE_STAMP)
	$(PIP_INSTALL) -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

instance: $(SITE_STAMP)
	$(BIN)/python scripts/write_instance.py --port $(PORT) --host $(HOST) \
	  $(foreach proxy,$(TRUSTED_PROXIES),--trusted-proxy $(proxy))

# The demo's mail goes to a local sink (aiosmtpd): one file per message in var/mail.
MAIL_SINK = mkdir -p var/mail/tmp var/mail/new var/mail/cur; \
	$(BIN)/python -m aiosmtpd -n -l 127.0.0.1:$(SMTP_PORT) \
	  -c aiosmtpd.handlers.Mailbox var/mail & sink=$$!; \
	trap 'kill $$sink 2>/dev/null' EXIT INT TERM; sleep 1;
CREATE_SITE = ADMIN_PASSWORD='$(ADMIN_PASSWORD)' SITE_ID='$(SITE_ID)' \
	$(BIN)/zconsole run instance/etc/zope.conf scripts/create_site.py

site: instance
	@$(MAIL_SINK) $(CREATE_SITE)

start: instance
	@$(MAIL_SINK) $(CREATE_SITE) && \
	echo "======================================================================" && \
	echo " 通辽市政务公开平台: http://localhost:$(PORT)/$(SITE_ID)" && \
	echo " Admin login: admin / $(ADMIN_PASSWORD)   (Zope root: http://localhost:$(PORT)/manage)" && \
	echo " Demo staff (demo only!): demo-editor, demo-department, demo-secrecy," && \
	echo "   demo-approver, demo-officer, demo-siteadmin, demo-complaints," && \
	echo "   demo-supervisor; password Tongliao-demo-2026" && \
	echo " Mail sent by the site: var/mail (local sink on port $(SMTP_PORT))" && \
	echo "======================================================================" && \
	$(BIN)/runwsgi instance/etc/zope.ini

# Two instances on one database (ports PORT_A and PORT_B; put a load balancer in
# front in production, see docs/deployment.rst): a ZEO server over the
# FileStorage in var/, or RelStorage on a local PostgreSQL in var/postgres.
PORT_A ?= 8081
PORT_B ?= 8082
ZEO_ADDRESS ?= 127.0.0.1:8100
PG_PORT ?= 5433
# Where the instances share their rate-limit counts (PostgreSQL); RelStorage's
# database when empty with start-relstorage, each process's memory with start-zeo.
RATELIMIT_DSN ?=
PG_DSN = dbname='tongliao' host='$(CURDIR)/var/postgres/socket' port=$(PG_PORT) user='postgres'
INSTANCES = for name in a b; do port=$$([ $$name = a ] && echo $(PORT_A) || echo $(PORT_B)); \
	  $(BIN)/python scripts/write_instance.py --instance instance-$$name --port $$port \
	  --host $(HOST) $(foreach proxy,$(TRUSTED_PROXIES),--trusted-proxy $(proxy)) \
	  $(if $(RATELIMIT_DSN),--ratelimit-dsn "$(RATELIMIT_DSN)") $(1); done
SERVE_TWO = $(BIN)/runwsgi instance-a/etc/zope.ini & a=$$!; \
	trap 'kill $$a $$sink $(1) 2>/dev/null' EXIT INT TERM; \
	echo " 通辽市政务公开平台 on two instances: http://localhost:$(PORT_A)/$(SITE_ID)" \
	     "and http://localhost:$(PORT_B)/$(SITE_ID)"; \
	$(BIN)/runwsgi instance-b/etc/zope.ini
CREATE_SITE_ON = ADMIN_PASSWORD='$(ADMIN_PASSWORD)' SITE_ID='$(SITE_ID)' \
	$(BIN)/zconsole run instance-a/etc/zope.conf scripts/create_site.py

start-zeo: $(SITE_STAMP)
	@$(call INSTANCES,--storage zeo --zeo $(ZEO_ADDRESS))
	@$(MAIL_SINK) $(BIN)/runzeo -C var/zeo.conf & zeo=$$!; sleep 2; \
	$(CREATE_SITE_ON) && { $(call SERVE_TWO,$$zeo); }

start-relstorage: $(SITE_STAMP)
	@bash scripts/postgres.sh start var/postgres $(PG_PORT) tongliao
	@$(call INSTANCES,--storage relstorage --dsn "$(PG_DSN)")
	@$(MAIL_SINK) $(CREATE_SITE_ON) && { $(call SERVE_TWO,); }

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

# Bounded load test on loopback (not run by CI): LOAD_ARGS="--seconds 60
# --readers 50 --editors 5 --setup both" (one FileStorage instance, then two
# RelStorage instances on a PostgreSQL of its own). See docs/deployment.rst.
LOAD_ARGS ?=
load: $(STAMP)
	$(BIN)/python bench/load.py $(LOAD_ARGS)

# The translation pipeline: msgids are extracted from the code, templates and
# profiles into the committed .pot, then synced into the en, zh_CN and mn catalogs;
# translate new entries with scripts/translate.py (tests/test_locales.py fails on
# an untranslated or stale msgid). mn: public msgids in Mongolian (translate.py
# --lang mn), the others carry the zh_CN text (--fallback; docs/bilingual.rst).
LOCALES := src/tongliao/disclosure/locales
i18n: $(STAMP)
	@$(BIN)/i18ndude rebuild-pot --pot $(LOCALES)/tongliao.disclosure.pot \
	  --create tongliao.disclosure src/tongliao/disclosure >/dev/null
	@$(BIN)/i18ndude sync --pot $(LOCALES)/tongliao.disclosure.pot \
	  $(LOCALES)/*/LC_MESSAGES/tongliao.disclosure.po
	@$(BIN)/python scripts/translate.py --fallback
	@$(BIN)/python scripts/translate.py --check
	@$(BIN)/python scripts/translate.py --check --lang mn

constraints: $(STAMP)
	$(BIN)/pip freeze --exclude-editable | sort -f > constraints.new && echo "review constraints.new"

clean:
	rm -rf $(VENV) instance instance-a instance-b
	@echo "var/ (the site's data) is kept; remove it by hand to start afresh."

# Moving in and out (docs/migration.rst). Stop the running instance first, or
# use a ZEO set-up: zconsole opens the same Data.fs.
ZCONSOLE = $(BIN)/zconsole run instance/etc/zope.conf

export: instance
	SITE_ID='$(SITE_ID)' EXPORT_FILE='$(FILE)' $(ZCONSOLE) scripts/export_site.py

import-site: instance
	SITE_ID='$(SITE_ID)' IMPORT_FILE='$(FILE)' $(ZCONSOLE) scripts/import_site.py

import-legacy: instance
	SITE_ID='$(SITE_ID)' LEGACY_FILE='$(FILE)' AGENCY='$(AGENCY)' \
	  IMPORT_USER='$(IMPORT_USER)' FOLDER='$(FOLDER)' APPLY='$(APPLY)' \
	  SKIP_BAD='$(SKIP_BAD)' $(ZCONSOLE) scripts/import_legacy.py
