# Unico — every target installs what it needs by itself (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1
HEADLESS := QT_QPA_PLATFORM=offscreen

.PHONY: run test bench dist dist-check sysdeps sysdeps-gui venv clean translations

# Debian packages Qt needs (PLATFORM.md), installed when we are root: offscreen for the tests, and
# the X11 (xcb) plugin's libraries for a real window.
QT_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 fonts-dejavu-core libdbus-1-3 libglib2.0-0
XCB_DEBS := libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-image0 \
	libxcb-randr0 libxcb-render-util0 libxcb-xkb1 libx11-xcb1

sysdeps:
	@./build/sysdeps.sh $(QT_DEBS)

sysdeps-gui:
	@./build/sysdeps.sh $(QT_DEBS) $(XCB_DEBS)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

venv: sysdeps $(STAMP)

translations: venv
	@$(PY) -m app.gui.i18n_build

run: sysdeps-gui venv translations
	@if [ -z "$${DISPLAY}$${WAYLAND_DISPLAY}$${QT_QPA_PLATFORM}" ]; then \
	  echo "unico: no screen here (DISPLAY is not set). Run 'make run' in a desktop session," >&2; \
	  echo "       or on a server: apt-get install xvfb && xvfb-run -a make run" >&2; exit 1; fi
	$(PY) -m app gui --demo

test: venv translations
	$(HEADLESS) $(PY) -m pytest -q -p no:cacheprovider

# The peers live in their own environment: recordlinkage needs pandas < 3, Unico runs on the locked pandas.
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed: pyproject.toml
	@test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install -q --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install -q -e '.[bench]'
	@touch $@

bench: venv $(BENCH_VENV)/.installed
	$(PY) -m bench.run --out BENCHMARKS.md --peer-python $(BENCH_VENV)/bin/python
	$(PY) -m bench.repeat --dataset demo_100k --runs 5 --peer-python $(BENCH_VENV)/bin/python --append BENCHMARKS.md
	$(HEADLESS) $(PY) -m bench.gui_responsiveness --append BENCHMARKS.md

dist: venv translations
	$(PY) -m pip install -q -c requirements.lock -e '.[dev,package]'
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/work build/unico.spec

dist-check: dist
	$(HEADLESS) ./build/smoke.sh dist/unico/unico

clean:
	rm -rf $(VENV) $(BENCH_VENV) dist build/work *.egg-info
