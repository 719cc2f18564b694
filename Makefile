# The portal's two commands: `make run` and `make test` (README.md).
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTHON ?= python3
# What WeasyPrint, the official-document fonts, the browser tests and the PDF checks need from Debian.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-liberation2 \
	fonts-dejavu-core chromium poppler-utils gettext
PYTEST_ARGS ?=

.PHONY: run test install messages sysdeps lint check-migrations security worker clean backup restore

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	@touch $@

# The compiled catalogue (msgfmt comes from Debian's gettext; without it the Vietnamese source strings show).
MO := locale/vi/LC_MESSAGES/django.mo
$(MO): locale/vi/LC_MESSAGES/django.po $(VENV)/.installed
	@if command -v msgfmt >/dev/null 2>&1; then $(PY) manage.py compilemessages -v 0; \
	else echo "Thiếu msgfmt (gói gettext): bỏ qua biên dịch locale/, giao diện vẫn hiện tiếng Việt gốc."; fi

install: $(VENV)/.installed $(MO)

# After changing a user-facing string: refresh locale/vi/LC_MESSAGES/django.po (a test checks it is current).
messages: install
	@PY=$(PY) bash bin/messages

sysdeps:
	@missing=""; \
	if ! command -v dpkg >/dev/null 2>&1; then \
		echo "Không có dpkg: hãy tự cài tương đương các gói Debian: $(SYSTEM_PACKAGES)"; exit 0; fi; \
	for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Cài các gói hệ thống còn thiếu:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "Thiếu các gói hệ thống:$$missing"; \
			echo "Hãy chạy: sudo apt-get install$$missing"; exit 1; \
		fi; \
	fi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

security: install
	@VENV=$(VENV) bash bin/security-gates

check-migrations: install
	$(PY) manage.py makemigrations --check --dry-run

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_plan169
	$(PY) manage.py seed_demo
	$(PY) manage.py seed_demo_activity
	@PORT=$(PORT) PY=$(PY) bash bin/run-dev

test: sysdeps install lint check-migrations security
	@rc=0; $(PY) -m pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc = 5 ]; then echo "pytest không chạy test nào (mã 5): coi là lỗi."; exit 1; fi; \
	exit $$rc

worker: install
	$(PY) -m celery -A emulation_portal worker --beat --loglevel INFO

clean:
	rm -rf var/test-artifacts var/celery-broker

# Backups: the database and uploaded files with a manifest; restore into an empty database and media folder.
BACKUP_DIR ?= var/backups
backup: install
	$(PY) manage.py backup --output $(BACKUP_DIR)

restore: install
	@test -n "$(FROM)" || { echo "Hãy chỉ thư mục sao lưu: make restore FROM=var/backups/portal-YYYYmmdd-HHMMSS"; exit 1; }
	$(PY) manage.py restore $(FROM)

# Load figures (docs/bench.md): province-scale data on PostgreSQL and Redis, gunicorn on loopback, wrk.
.PHONY: bench
bench: install
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Cài wrk (công cụ đo tải)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else echo "Thiếu công cụ wrk. Hãy chạy: sudo apt-get install wrk"; exit 1; fi; }
	$(PY) bench/run.py
