# dragoman — the two commands of the Quick start are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
DEMO_DB ?= sqlite:///demo.sqlite

# BENCH_PG=postgresql://postgres@127.0.0.1:5432/test: make bench also measures the API on PostgreSQL
BENCH_PG ?=

.PHONY: setup demo test lint eval bench fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	# browser tests drive Debian's Chromium (a tool's own browser download does not work offline)
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
		|| echo "warning: could not install chromium; browser tests will be skipped outside CI"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	rm -f demo.sqlite
	$(BIN)/dragoman ingest examples --db $(DEMO_DB)
	$(BIN)/dragoman stories --db $(DEMO_DB)
	$(BIN)/dragoman events --db $(DEMO_DB)
	$(BIN)/dragoman timeline RUS USA --db $(DEMO_DB)

lint: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

eval: setup
	$(BIN)/python scripts/eval.py
	$(BIN)/python scripts/eval_og2021.py | tail -n 1
	$(BIN)/python scripts/eval_og2021.py --via-extract | tail -n 1

bench: setup
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_stories.py
	$(BIN)/python scripts/bench_stories.py --titles
	$(BIN)/python scripts/bench_embed.py | tail -n 2
	$(BIN)/python scripts/bench_api.py
	$(if $(BENCH_PG),$(BIN)/python scripts/bench_api.py --db $(BENCH_PG) --out reports/bench_api_pg.json)
	$(BIN)/python scripts/bench_ray.py
	$(BIN)/python scripts/bench_live.py --sizes 1000 10000 --posts 10
	$(BIN)/python scripts/bench_live.py --phases --sizes 1000 10000 --posts 10

# issue #15: 2,000 generated bad inputs ingested one by one; report in reports/fuzz.json
fuzz: setup
	$(BIN)/python scripts/fuzz.py --count $(or $(FUZZ_COUNT),2000)

clean:
	rm -rf $(VENV) demo.sqlite reports .pytest_cache
