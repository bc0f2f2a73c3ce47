#!/bin/sh
# make install into a temporary prefix, build a consumer with
# `pkg-config --cflags --libs procopt`, run it; then DESTDIR staging and
# make uninstall, which must leave nothing of procopt behind.
set -eu
src=${PROCOPT_SRC:-$(cd "$(dirname "$0")/.." && pwd)}
build=${PROCOPT_BUILD:-$src/build}
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "install test: FAIL: $*" >&2; exit 1; }

make -s -C "$src" BUILD="$build" PREFIX="$tmp/usr" install >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "make install"; }
for f in bin/procopt include/procopt.h lib/libprocopt.a lib/libprocopt.so lib/libprocopt.so.0 \
         lib/pkgconfig/procopt.pc share/man/man1/procopt.1; do
  [ -e "$tmp/usr/$f" ] || fail "missing $f"
done
soname=$(objdump -p "$tmp/usr/lib/libprocopt.so" | awk '/SONAME/ {print $2}')
[ "$soname" = libprocopt.so.0 ] || fail "SONAME is '$soname'"

export PKG_CONFIG_PATH="$tmp/usr/lib/pkgconfig"
flags=$(pkg-config --cflags --libs procopt) || fail "pkg-config"
# shellcheck disable=SC2086
$cc ${CFLAGS:-} -o "$tmp/consumer" "$src/tests/install/consumer.c" $flags ${LDFLAGS:-} -lm \
    || fail "consumer does not build with: $flags"
# shellcheck disable=SC2086
LD_LIBRARY_PATH="$tmp/usr/lib" ${PROCOPT_TEST_WRAP:-} "$tmp/consumer" || fail "consumer run"
sflags=$(pkg-config --static --cflags --libs procopt) || fail "pkg-config --static"
# shellcheck disable=SC2086
$cc ${CFLAGS:-} -o "$tmp/consumer-static" "$src/tests/install/consumer.c" \
    "$tmp/usr/lib/libprocopt.a" $(echo "$sflags" | sed 's/-lprocopt//') ${LDFLAGS:-} \
    || fail "static consumer does not build with: $sflags"
"$tmp/consumer-static" >/dev/null || fail "static consumer run"
"$tmp/usr/bin/procopt" --version >/dev/null || fail "installed procopt --version"

make -s -C "$src" BUILD="$build" PREFIX="$tmp/usr" uninstall >/dev/null 2>&1 || fail "make uninstall"
left=$(find "$tmp/usr" -type f -o -type l)
[ -z "$left" ] || fail "uninstall left: $left"

make -s -C "$src" BUILD="$build" prefix=/opt/po DESTDIR="$tmp/stage" install >/dev/null 2>&1 || fail "DESTDIR install"
[ -x "$tmp/stage/opt/po/bin/procopt" ] || fail "DESTDIR: no bin/procopt"
grep -q '^prefix=/opt/po$' "$tmp/stage/opt/po/lib/pkgconfig/procopt.pc" || fail "DESTDIR leaked into procopt.pc"
make -s -C "$src" BUILD="$build" prefix=/opt/po DESTDIR="$tmp/stage" uninstall >/dev/null 2>&1 || fail "DESTDIR uninstall"
[ -z "$(find "$tmp/stage" -type f)" ] || fail "DESTDIR uninstall left files"
echo "install test: ok"
