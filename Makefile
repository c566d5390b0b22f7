# The two commands of the README:  make demo  (a demo build into output/)  and  make test.
# Both create .venv and install kgbuild with its pinned dependencies on first use.
# make test-fast runs the tests not marked slow (no spaCy model, no server): under a minute.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test test-fast seed bench clean

$(BIN)/kgbuild: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/kgbuild
	$(BIN)/kgbuild demo -o output --format all
	$(BIN)/kgbuild plot output -o output

seed: $(BIN)/kgbuild
	$(BIN)/kgbuild build ../shared/corpus/seed.fr.txt -o output --format all
	$(BIN)/kgbuild eval ../shared/eval/gold/seed.gold.json output/seed.json

# pytest exits 5 when it collected no test: that is a failure here, not a pass
PYTEST = $(BIN)/python -m pytest -q -p no:cacheprovider
NO_TESTS = rc=$$?; if [ $$rc -eq 5 ]; then echo "make $@: pytest collected no tests" >&2; exit 1; fi; exit $$rc

test: $(BIN)/kgbuild
	@$(PYTEST); $(NO_TESTS)

test-fast: $(BIN)/kgbuild
	@$(PYTEST) -m "not slow"; $(NO_TESTS)

bench: $(BIN)/kgbuild
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) output/*.ttl output/*.json output/*.jsonl output/*.nt output/*.trig output/*.gexf output/*.graphml output/*.csv
