# Unico — every target installs what it needs by itself (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test bench dist dist-check sysdeps venv clean translations

# Debian packages Qt needs to run offscreen (PLATFORM.md); installed when we are root.
QT_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 fonts-dejavu-core libdbus-1-3 libglib2.0-0

sysdeps:
	@./build/sysdeps.sh $(QT_DEBS)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

venv: sysdeps $(STAMP)

translations: venv
	@$(PY) -m app.gui.i18n_build

run: venv translations
	$(PY) -m app gui --demo

test: venv translations
	$(PY) -m pytest -q -p no:cacheprovider

bench: venv
	$(PY) -m pip install -q -e '.[dev,bench]'
	$(PY) -m bench.run --out BENCHMARKS.md

dist: venv translations
	$(PY) -m pip install -q -c requirements.lock -e '.[dev,package]'
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/work build/unico.spec

dist-check: dist
	./build/smoke.sh dist/unico/unico

clean:
	rm -rf $(VENV) dist build/work *.egg-info
