# ar-followup — the commands a person types. Everything installs what it needs itself (npm ci, Maven).
SHELL := /bin/bash
MVN ?= mvn -B -q -Dstyle.color=never
ENGINES := infra/local/node_modules/.package-lock.json

.PHONY: help test demo build bench eval parse-email engines browser clean lint

help:
	@echo "make demo      run the main job on the local engines (ARGS=--once to stop after one pass, EMAILS=<dir>)"
	@echo "make test      run every test (unit + integration on local engines)"
	@echo "make bench     every performance budget of docs/benchmarks.md (BENCH=email-pipeline|slack-ack|suggester to run one)"
	@echo "make build     build every function's Lambda jar (functions/*/target/lambda/*.jar)"
	@echo "make lint      cfn-lint template.yaml (skipped with a message when cfn-lint is not installed)"
	@echo "make parse-email FILES=\"a.eml b.eml\"  print what the inbound parser reads (INBOUND_DOMAINS=...)"
	@echo "make eval      score the suggester (FILE=replies.jsonl: on your labelled replies; none: cross-validation on ../shared/corpus/dev)"

# the local AWS stand-ins (dynalite, aws-ses-v2-local, s3rver), pinned by infra/local/package-lock.json
$(ENGINES): infra/local/package.json infra/local/package-lock.json
	cd infra/local && npm ci --no-audit --no-fund
engines: $(ENGINES)

# the main job end to end on the embedded defaults: engines, sample data, real .eml files (events/emails)
# ARGS=--once stops after the report; EMAILS=<folder> ingests another folder (e.g. ../shared/emails/dev)
# (when the demo stops on an error it has explained itself, e.g. a port in use: Maven's exec stack trace is cut)
demo: engines
	@set -o pipefail; $(MVN) -Ddemo -Ddemo.args="$(ARGS) $(if $(EMAILS),--emails=$(abspath $(EMAILS)))" -DskipTests \
		-pl infra/local -am package 2>&1 | sed -u -e '/^\[ERROR\] Command execution failed/,$$d'

# Debian's chromium + chromium-driver for the customer-page browser test (WebFormBrowserIT), installed once when
# missing (sudo when not root). Without them the browser test says it is skipped and the rest still runs.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		echo "installing chromium and chromium-driver (apt-get) for the browser test..."; \
		( $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium chromium-driver >/dev/null ) \
		|| echo "warning: could not install chromium; WebFormBrowserIT will be skipped"; }

test: engines browser
	$(MVN) verify

build:
	$(MVN) -DskipTests package

# CloudFormation's own linter on the SAM template (the SAM transform included); TemplateTest and
# TemplateSecurityTest (make test) check the schema, IAM least privilege and the SnapStart aliases
lint:
	@if command -v cfn-lint >/dev/null 2>&1; then \
		cfn-lint template.yaml && echo "cfn-lint: template.yaml clean"; \
	else \
		echo "cfn-lint is not installed: lint skipped (pip install cfn-lint to run it)"; \
	fi

clean:
	$(MVN) clean

# every performance budget (docs/benchmarks.md); BENCH=name[,name] runs only those (email-pipeline, slack-ack, suggester)
bench: engines
	$(MVN) -Dbench -Dbench.only="$(BENCH)" -DskipTests -pl infra/bench -am verify

# what the inbound parser reads from each message, one JSON object per file (INBOUND_DOMAINS from the environment)
parse-email:
	@test -n "$(FILES)" || { echo 'usage: make parse-email FILES="a.eml b.eml"'; exit 64; }
	@set -o pipefail; $(MVN) -Dparse-email -Dparse.files="$(abspath $(FILES))" -DskipTests \
		-pl shared/adapters -am verify | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^\[ERROR\] Command execution failed/,$$d'

# the suggester's figures (docs/suggester.md): FILE=<replies.jsonl> scores the shipped model on your own labelled
# replies; without FILE, k-fold cross-validation on ../shared/corpus/dev
eval:
	$(MVN) -Deval -Deval.file="$(if $(FILE),$(abspath $(FILE)),)" -DskipTests -pl shared/adapters -am verify
