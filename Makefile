# Two commands to remember: `make report` and `make test`. `make help` lists the rest.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?= data/raw
# empty: reports/ for the seeds, reports/<corpus name>/ for any other CORPUS (never the shipped report)
OUT ?=
REPORT_DIR := $(or $(OUT),reports)

.DEFAULT_GOAL := help
.PHONY: help install report test lab docs strip clean

## List the targets with what they do
help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-z][a-z-]*:/{if(doc){split($$0,t,":"); printf "  make %-8s %s\n", t[1], doc}; doc=""}' $(MAKEFILE_LIST)

## Set up .venv with the pinned dependencies (constraints.txt) and the package
install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev,dask]"
	@touch $(STAMP)

## Run every numbered notebook headless on CORPUS (data/raw) and write OUT (reports/, or reports/<corpus name>/)
report: install
	$(PY) -m analysis report --corpus $(CORPUS) $(if $(OUT),--out $(OUT))

## Run the whole test suite (unit tests, doctests, notebooks, browser test)
test: install
	$(PY) -m pytest

LAB_PORT ?= 8888
# Jupyter refuses to run as root without --allow-root (containers, cloud notebooks run as root)
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

## Open JupyterLab on notebooks/ (as root too) and print the URL to open
lab: install
	@echo "JupyterLab on notebooks/: open http://localhost:$(LAB_PORT)/lab (the token is in the URL Jupyter prints below)"
	$(VENV)/bin/jupyter lab notebooks/ --ServerApp.port=$(LAB_PORT) --ServerApp.port_retries=0 $(ALLOW_ROOT)

## Regenerate the README's images in docs/: two charts from the report and a JupyterLab screenshot
docs: report
	cp $(REPORT_DIR)/figures/04-claims-by-source.png docs/claims-by-source.png
	cp $(REPORT_DIR)/figures/03-similarity-heatmap.png docs/similarity-heatmap.png
	$(PY) -m pytest -q -p no:cacheprovider tests/test_browser.py -k 04
	cp tests/artifacts/04-claimed-figures.png docs/jupyterlab.png

## Strip outputs from the notebooks before committing
strip: install
	$(VENV)/bin/nbstripout notebooks/*.ipynb

## Remove the environment and every build artefact
clean:
	rm -rf $(VENV) $(REPORT_DIR) .pytest_cache tests/artifacts
