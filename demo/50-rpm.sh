# RPM: set up a build tree, write a spec for a source tarball (trial build
# computes %files), build binary and source RPMs, lint them, list the payload.
set -u
say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; echo "(exit $?)"; }

export HOME="$PWD/home"          # a private ~/.rpmmacros for the demo
mkdir -p "$HOME"
allow=""; [ "$(id -u)" -eq 0 ] && allow="--allow-root"   # building as root is refused unless asked for
run "$OPSKIT" rpm setup $allow --topdir "$PWD/rpmbuild"
run "$OPSKIT" rpm setup $allow --topdir "$PWD/rpmbuild"   # again: nothing changes

# A small upstream project: C program, man page, config file, MIT license, plain Makefile.
mkdir -p hello-1.0
cat > hello-1.0/hello.c <<'EOF'
#include <stdio.h>
int main(void) { puts("hello, rpm"); return 0; }
EOF
cat > hello-1.0/Makefile <<'EOF'
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
hello: hello.c
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ hello.c
install: hello
	install -Dm755 hello $(DESTDIR)$(BINDIR)/hello
	install -Dm644 hello.1 $(DESTDIR)$(MANDIR)/man1/hello.1
	install -Dm644 hello.conf $(DESTDIR)/etc/hello.conf
EOF
printf '.TH HELLO 1\n.SH NAME\nhello \\- print a greeting\n' > hello-1.0/hello.1
echo "greeting = hello" > hello-1.0/hello.conf
printf '# hello - prints a greeting\n\nA demo program for opskit rpm. https://example.org/hello\n' > hello-1.0/README.md
sed -n '1,21p' "$REPO/tests/OpsKit.Rpm.Tests/Fixtures/samples/hello-make/LICENSE" > hello-1.0/LICENSE
tar -czf hello-1.0.tar.gz hello-1.0
say "tar -tzf hello-1.0.tar.gz"; tar -tzf hello-1.0.tar.gz

run "$OPSKIT" rpm spec hello-1.0.tar.gz --probe --packager "Demo Packager <demo@example.org>" -o hello.spec
say "cat hello.spec"; cat hello.spec
run "$OPSKIT" rpm build hello.spec
for rpm in rpmbuild/RPMS/*/*.rpm; do
    say "rpm -qlp $rpm"; rpm -qlp "$rpm" | grep -v '^/usr/lib/.build-id'
done

# The old how-to's troubleshooting case: a file the install creates but %files forgets.
grep -v 'hello.conf' hello.spec > broken.spec
mv broken.spec hello.spec
run "$OPSKIT" rpm build hello.spec --no-lint
