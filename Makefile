# OpsKit. The two commands a newcomer needs: `make demo` and `make test`.
SHELL         := /bin/bash
CONFIGURATION ?= Release
PREFIX        ?= /usr/local
DESTDIR       ?=
DOTNET        ?= dotnet
BIN           := out/bin/opskit
VERSION       := $(shell sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
# The symlink names that run one tool (Invocation.MultiCallNames): raid_check, vbladectl, ...
MULTICALL     := $(shell sed -n 's/^ *\["\([a-z_-]*\)"\] = \[.*/\1/p' src/OpsKit/Invocation.cs)
# The timers and their services (packaging/systemd; installed, not enabled).
SYSTEMD_UNITS := $(wildcard packaging/systemd/*.service packaging/systemd/*.timer)
# Native (NativeAOT) binary when a C toolchain is there to link it, else ReadyToRun on the shared runtime.
AOT           ?= $(shell printf 'int main(void){return 0;}' | cc -x c -o /dev/null - >/dev/null 2>&1 && echo true || echo false)
# PIE=true links the native binary position-independent (see src/OpsKit/OpsKit.csproj for why it is not by default).
PIE           ?= false
PUBLISH       = $(DOTNET) publish src/OpsKit/OpsKit.csproj -c $(CONFIGURATION) -o out/bin -nologo -clp:ErrorsOnly -p:OpsKitPie=$(PIE)
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: all deps build test bench demo docs golden-update install uninstall dist tarball deb rpm clean

all: build

## deps: install the real peers the tests use (Debian packages; no-op when present)
deps:
	@scripts/deps.sh

## build: compile everything and publish the binary to out/bin (native with cc, else ReadyToRun; AOT=false forces the latter; PIE=true for a PIE image)
build:
	$(DOTNET) build OpsKit.sln -c $(CONFIGURATION) -nologo -clp:ErrorsOnly
	rm -rf out/bin
	$(PUBLISH) -p:PublishAot=$(AOT) \
	  || { [ "$(AOT)" = true ] && echo "build: the native publish failed (see above); publishing ReadyToRun instead" >&2 \
	       && rm -rf out/bin && $(PUBLISH) -p:PublishAot=false; }
	rm -f out/bin/*.pdb

## test: deps, build, every test; ends with "tests: N passed, N failed, N skipped"
test: deps build
	@scripts/test.sh

## bench: speed ratios against the anchors, measured in the same run
bench: build
	@scripts/bench.sh

## demo: a tour of every tool on built-in defaults in a temp directory
demo: build
	@scripts/demo.sh

## docs: regenerate man pages and shell completions from the command tree
docs: build
	$(BIN) generate man -o man
	$(BIN) generate bash -o completions
	$(BIN) generate zsh -o completions
	$(BIN) generate fish -o completions
	$(BIN) generate example -o examples

## golden-update: rewrite golden files from current output (review the diff!)
golden-update: build
	OPSKIT_UPDATE_GOLDEN=1 OPSKIT_BIN=$(CURDIR)/$(BIN) $(DOTNET) test OpsKit.sln -c $(CONFIGURATION) --no-build -nologo || true

## install: binary, man pages, completions, example config, systemd units (aoe serve; timers, not enabled) (PREFIX, DESTDIR honoured)
install: build
	install -d $(DESTDIR)$(PREFIX)/lib/opskit $(DESTDIR)$(PREFIX)/bin
	cp -a out/bin/. $(DESTDIR)$(PREFIX)/lib/opskit/
	ln -sfn ../lib/opskit/opskit $(DESTDIR)$(PREFIX)/bin/opskit
	for n in $(MULTICALL); do ln -sfn opskit $(DESTDIR)$(PREFIX)/bin/$$n; done
	install -Dm644 -t $(DESTDIR)$(PREFIX)/share/man/man1 man/*.1
	install -Dm644 -t $(DESTDIR)$(PREFIX)/share/man/man8 man/*.8
	install -Dm644 completions/opskit.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/opskit
	install -Dm644 completions/_opskit $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_opskit
	install -Dm644 completions/opskit.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/opskit.fish
	install -d $(DESTDIR)$(PREFIX)/share/doc/opskit/examples
	cp -a examples/. $(DESTDIR)$(PREFIX)/share/doc/opskit/examples/
	@if [ ! -e $(DESTDIR)/etc/opskit/opskit.toml ]; then install -Dm644 examples/opskit.toml $(DESTDIR)/etc/opskit/opskit.toml; fi
	install -d $(DESTDIR)$(PREFIX)/lib/systemd/system
	sed 's:/usr/local/bin/opskit:$(PREFIX)/bin/opskit:' packaging/opskit-aoe.service > $(DESTDIR)$(PREFIX)/lib/systemd/system/opskit-aoe.service
	install -m755 packaging/systemd/opskit-textfile $(DESTDIR)$(PREFIX)/lib/opskit/opskit-textfile
	for u in $(SYSTEMD_UNITS); do sed 's:/usr/local/:$(PREFIX)/:g' $$u > $(DESTDIR)$(PREFIX)/lib/systemd/system/$${u##*/}; done

## uninstall: remove what install put in place (keeps /etc/opskit/opskit.toml)
uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/lib/opskit $(DESTDIR)$(PREFIX)/share/doc/opskit
	rm -f $(DESTDIR)$(PREFIX)/bin/opskit $(addprefix $(DESTDIR)$(PREFIX)/bin/,$(MULTICALL))
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/share/man/man1/,$(notdir $(wildcard man/*.1)))
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/share/man/man8/,$(notdir $(wildcard man/*.8)))
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/opskit
	rm -f $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_opskit
	rm -f $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/opskit.fish
	rm -f $(DESTDIR)$(PREFIX)/lib/systemd/system/opskit-aoe.service
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/lib/systemd/system/,$(notdir $(SYSTEMD_UNITS)))

## dist: the source tarball, the .deb and the rpm in out/ (packages of the committed tree's build)
dist: tarball deb rpm

## tarball: source tarball out/opskit-VERSION.tar.gz from the committed tree
tarball:
	@mkdir -p out
	@git archive --format=tar.gz --prefix=opskit-$(VERSION)/ -o out/opskit-$(VERSION).tar.gz HEAD && echo out/opskit-$(VERSION).tar.gz

## deb: out/opskit_VERSION-1_ARCH.deb with dpkg-deb from out/bin (no network), then lintian
deb: build
	@deb=$$(packaging/deb/build-deb.sh out) && echo "$$deb" && lintian --fail-on error "$$deb"

## rpm: binary and source rpm of packaging/opskit.spec from the tarball, through 'opskit rpm build' (rpmlint included)
rpm: build tarball
	@packaging/rpm-build.sh

clean:
	rm -rf out
	find src tests bench -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
