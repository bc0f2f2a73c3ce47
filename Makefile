# procopt -- build, test, install.  GNU make.
#
#   make            build/libprocopt.a, build/libprocopt.so*, build/procopt
#   make demo       install missing Debian packages, build, run an example
#   make check      install missing Debian packages, build, run every test
#   make check-sanitize   the test suite under ASan + UBSan
#   make check-valgrind   the test suite under valgrind (no leaks, no errors)
#   make install / uninstall   PREFIX (or prefix), DESTDIR
#   make bench / bench-quick   benchmarks against the peers (not tests)

VERSION       := 0.1.0
SOVERSION     := 0

prefix        ?= $(if $(PREFIX),$(PREFIX),/usr/local)
exec_prefix   ?= $(prefix)
bindir        ?= $(exec_prefix)/bin
libdir        ?= $(exec_prefix)/lib
includedir    ?= $(prefix)/include
datarootdir   ?= $(prefix)/share
mandir        ?= $(datarootdir)/man
pkgconfigdir  ?= $(libdir)/pkgconfig

CC            ?= cc
CFLAGS        ?= -O2 -g
BUILD         ?= build

BLAS_CFLAGS   := $(shell pkg-config --cflags openblas 2>/dev/null)
BLAS_LIBS     := $(shell pkg-config --libs openblas 2>/dev/null || echo -lopenblas)
JSON_CFLAGS   := $(shell pkg-config --cflags jansson 2>/dev/null)
JSON_LIBS     := $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

WARN          := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
LIB_DIRS      := lib/model lib/backend lib/preprocess lib/process lib/analysis
PO_CPPFLAGS   := -Iinclude $(LIB_DIRS:%=-I%) -D_POSIX_C_SOURCE=200809L $(BLAS_CFLAGS) $(JSON_CFLAGS)
PO_CFLAGS     := -std=c11 $(WARN) -fPIC -fvisibility=hidden -pthread
# OpenBLAS is not linked into the library: it is opened with dlopen when a
# caller has enough work for it (lib/preprocess/blas.h), so that processes
# that never need it do not pay its start-up.  Tests and benchmarks call
# cblas_* directly and link it.
DEP_LIBS      := -lglpk $(JSON_LIBS) -lz -lm -ldl -pthread

ALL_CFLAGS     = $(PO_CPPFLAGS) $(CPPFLAGS) $(PO_CFLAGS) $(CFLAGS)

LIB_SRC       := $(sort $(wildcard $(LIB_DIRS:%=%/*.c)))
CLI_SRC       := $(sort $(wildcard cli/*.c))
TEST_SRC      := $(sort $(wildcard tests/test_*.c))
# Helpers the suites share (tests/*.c that are not suites), linked into each.
TEST_HELP_SRC := $(filter-out $(TEST_SRC),$(sort $(wildcard tests/*.c)))
TEST_HELP_OBJ := $(TEST_HELP_SRC:%.c=$(BUILD)/obj/%.o)
BENCH_SRC     := $(sort $(wildcard bench/*.c))

LIB_OBJ       := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ       := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_BIN      := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
BENCH_BIN     := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

STATIC_LIB    := $(BUILD)/libprocopt.a
SHARED_REAL   := $(BUILD)/libprocopt.so.$(VERSION)
SHARED_SONAME := $(BUILD)/libprocopt.so.$(SOVERSION)
SHARED_LINK   := $(BUILD)/libprocopt.so
CLI_BIN       := $(BUILD)/procopt

DEB_PACKAGES  := libglpk-dev libopenblas-dev libcmocka-dev libjansson-dev zlib1g-dev \
                 pkg-config glpk-utils coinor-libcoinutils-dev coinor-cbc valgrind

.PHONY: all deps demo check check-unit check-sanitize check-valgrind install \
        uninstall clean bench bench-quick tests

all: $(STATIC_LIB) $(SHARED_REAL) $(SHARED_SONAME) $(SHARED_LINK) $(CLI_BIN)

# Installs only what is missing, and only through apt-get.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "procopt: installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing \
	  || { $$SUDO apt-get update -q && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; }; \
	fi

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(STATIC_LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	$(AR) rcs $@ $^

$(SHARED_REAL): $(LIB_OBJ)
	$(CC) $(PO_CFLAGS) $(CFLAGS) -shared -Wl,-soname,libprocopt.so.$(SOVERSION) \
	  -Wl,--no-undefined $(LDFLAGS) -o $@ $^ $(DEP_LIBS) $(LDLIBS)

$(SHARED_SONAME): $(SHARED_REAL)
	ln -sf libprocopt.so.$(VERSION) $@
$(SHARED_LINK): $(SHARED_REAL)
	ln -sf libprocopt.so.$(VERSION) $@

$(CLI_BIN): $(CLI_OBJ) $(STATIC_LIB)
	$(CC) $(PO_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC_LIB) $(DEP_LIBS) $(LDLIBS)

# Tests link the static library so they can reach po__ internals too.
$(BUILD)/tests/%: tests/%.c $(TEST_HELP_OBJ) $(STATIC_LIB) $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(TEST_HELP_OBJ) $(STATIC_LIB) $(CMOCKA_LIBS) $(DEP_LIBS) $(BLAS_LIBS) $(LDLIBS)

$(BUILD)/bench/%: bench/%.c $(STATIC_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(STATIC_LIB) $(DEP_LIBS) $(BLAS_LIBS) $(LDLIBS)

tests: all $(TEST_BIN)

# Test runners find the command, the examples and the sample data through
# the environment, so the same binaries run under the sanitizers and valgrind.
TEST_ENV = PROCOPT_BIN=$(abspath $(CLI_BIN)) PROCOPT_SRC=$(CURDIR) \
           PROCOPT_BUILD=$(abspath $(BUILD)) PROCOPT_SAMPLE=/usr/share/coin/Data/Sample
TEST_WRAP ?=

check-unit: tests
	@fail=0; for t in $(TEST_BIN); do \
	  echo "== $$t"; \
	  $(TEST_ENV) PROCOPT_TEST_WRAP="$(TEST_WRAP)" $(TEST_WRAP) $$t || fail=1; \
	done; \
	for s in $(sort $(wildcard tests/*.sh)); do \
	  echo "== $$s"; \
	  $(TEST_ENV) CC="$(CC)" CFLAGS="$(CFLAGS)" LDFLAGS="$(LDFLAGS)" PROCOPT_TEST_WRAP="$(TEST_WRAP)" sh $$s || fail=1; \
	done; \
	if [ $$fail = 0 ]; then echo "procopt: all tests passed"; else echo "procopt: TESTS FAILED"; exit 1; fi

check: deps
	$(MAKE) check-unit

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
check-sanitize: deps
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(MAKE) BUILD=$(BUILD)/sanitize CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" check-unit

VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --show-leak-kinds=definite,indirect --trace-children=no
check-valgrind: deps
	$(MAKE) BUILD=$(BUILD)/valgrind CFLAGS="-O1 -g" TEST_WRAP="$(VALGRIND)" check-unit

demo: deps all
	$(CLI_BIN) solve examples/bakery.json

# bench: every set (bench/all.sh: netlib, MIPLIB 3, process models, model
# building), raw files and report.md in $(BUILD)/bench-results; hours.
# BENCH_ARGS: options of bench/all.sh (--data, --sets, --time-limit, ...).
bench: all $(BENCH_BIN)
	PROCOPT_BUILD=$(abspath $(BUILD)) sh bench/all.sh --results $(abspath $(BUILD))/bench-results $(BENCH_ARGS)

bench-quick: all $(BENCH_BIN)
	PROCOPT_BUILD=$(abspath $(BUILD)) sh bench/run.sh --quick $(BENCH_ARGS)

# Generated at install time: the prefix is only known then.
PC_SED = sed -e 's|@prefix@|$(prefix)|g' -e 's|@libdir@|$(libdir)|g' \
             -e 's|@includedir@|$(includedir)|g' -e 's|@VERSION@|$(VERSION)|g'

install: all
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(libdir) $(DESTDIR)$(includedir) \
	           $(DESTDIR)$(pkgconfigdir) $(DESTDIR)$(mandir)/man1
	install -m 755 $(CLI_BIN) $(DESTDIR)$(bindir)/procopt
	install -m 644 $(STATIC_LIB) $(DESTDIR)$(libdir)/libprocopt.a
	install -m 755 $(SHARED_REAL) $(DESTDIR)$(libdir)/libprocopt.so.$(VERSION)
	ln -sf libprocopt.so.$(VERSION) $(DESTDIR)$(libdir)/libprocopt.so.$(SOVERSION)
	ln -sf libprocopt.so.$(VERSION) $(DESTDIR)$(libdir)/libprocopt.so
	install -m 644 include/procopt.h $(DESTDIR)$(includedir)/procopt.h
	$(PC_SED) procopt.pc.in > $(DESTDIR)$(pkgconfigdir)/procopt.pc
	install -m 644 docs/procopt.1 $(DESTDIR)$(mandir)/man1/procopt.1

uninstall:
	rm -f $(DESTDIR)$(bindir)/procopt $(DESTDIR)$(libdir)/libprocopt.a \
	      $(DESTDIR)$(libdir)/libprocopt.so.$(VERSION) $(DESTDIR)$(libdir)/libprocopt.so.$(SOVERSION) \
	      $(DESTDIR)$(libdir)/libprocopt.so $(DESTDIR)$(includedir)/procopt.h \
	      $(DESTDIR)$(pkgconfigdir)/procopt.pc $(DESTDIR)$(mandir)/man1/procopt.1

clean:
	rm -rf $(BUILD)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_HELP_OBJ:.o=.d)
