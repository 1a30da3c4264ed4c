# snowgate: build and install from source.
#   swift build -c release --static-swift-stdlib --disable-local-rpath
#   make install PREFIX=/usr/local      (or PREFIX=$HOME/.local; DESTDIR for packaging)
# Installs the binary, the man page snowgate(1) and the bash, zsh and fish completions,
# all made by the binary itself from its one command table.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
BUILT = .build/release/snowgate

.PHONY: all build install uninstall

all: build

build:
	swift build -c release --static-swift-stdlib --disable-local-rpath

$(BUILT):
	swift build -c release --static-swift-stdlib --disable-local-rpath

install: $(BUILT)
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)"
	install -m 0755 "$(BUILT)" "$(BINDIR)/snowgate"
	"$(BUILT)" man > "$(MANDIR)/snowgate.1"
	"$(BUILT)" completion bash > "$(BASHDIR)/snowgate"
	"$(BUILT)" completion zsh > "$(ZSHDIR)/_snowgate"
	"$(BUILT)" completion fish > "$(FISHDIR)/snowgate.fish"
	chmod 0644 "$(MANDIR)/snowgate.1" "$(BASHDIR)/snowgate" "$(ZSHDIR)/_snowgate" "$(FISHDIR)/snowgate.fish"

uninstall:
	rm -f "$(BINDIR)/snowgate" "$(MANDIR)/snowgate.1" "$(BASHDIR)/snowgate" "$(ZSHDIR)/_snowgate" \
	  "$(FISHDIR)/snowgate.fish"
