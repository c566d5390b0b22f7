# The two commands of the README:  make demo  (a demo build into output/)  and  make test.
# Both create .venv and install kgbuild with its pinned dependencies on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test seed bench clean

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
test: $(BIN)/kgbuild
	@$(BIN)/python -m pytest -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; exit $$rc

bench: $(BIN)/kgbuild
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) output/*.ttl output/*.json output/*.jsonl output/*.nt output/*.trig output/*.gexf output/*.graphml output/*.csv
