# showcase: one GNU Makefile. `make site` and `make test` are the two
# commands a new user types; both install what is missing first.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/showcase
MANDIR   ?= $(PREFIX)/share/man
COMPDIR  ?= $(PREFIX)/share/bash-completion/completions
DESTDIR  ?=

CC       ?= cc
CXX      ?= c++
PKG_CONFIG ?= pkg-config
PKGS     = libcmark-gfm libctemplate gdlib libcjson libfyaml freetype2 fontconfig libpng \
	   icu-uc libxml-2.0 libmicrohttpd harfbuzz-subset libqrencode

CFLAGS   ?= -O2 -g
CXXFLAGS ?= -O2 -g
# The strict set is on by default (git's DEVELOPER=1): the tree stays free
# of warnings.
WARN     = -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wvla \
	   -Wformat=2 -Wno-format-nonliteral
CWARN    = $(WARN) -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	   -DSHOWCASE_DATADIR='"$(DATADIR)"' -Igenerator -I$(BUILD)
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
LDLIBS   += $(PKG_LIBS) -lpthread -lm

# A sanitizer build lives in its own folder so both can coexist:
# `make BUILD=build-san SAN=1`.
BUILD    ?= build
ifeq ($(SAN),1)
CFLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
CXXFLAGS = $(CFLAGS)
LDFLAGS  += -fsanitize=address,undefined
endif

# libFuzzer targets (clang): `make fuzz`, then run build-fuzz/fuzz_md etc.
ifeq ($(SAN),fuzz)
CC       = clang
CXX      = clang++
CFLAGS   = -O1 -g -fsanitize=fuzzer-no-link,address,undefined
CXXFLAGS = $(CFLAGS)
LDFLAGS  += -fsanitize=fuzzer,address,undefined
endif

-include Makefile.local

# Short lines unless `make V=1`.
ifneq ($(V),1)
Q = @
E = @echo
else
Q =
E = @:
endif

# The library of showcase: every module but main. Keep the list explicit.
LIB_SRCS = \
	generator/assess.c \
	generator/brochure.c \
	generator/buf.c \
	generator/build.c \
	generator/bulletin.c \
	generator/chart.c \
	generator/chart_canvas.c \
	generator/chart_desc.c \
	generator/chart_draw.c \
	generator/chart_parse.c \
	generator/chart_route.c \
	generator/chart_text.c \
	generator/chartset.c \
	generator/content.c \
	generator/data.c \
	generator/diag.c \
	generator/figures.c \
	generator/front.c \
	generator/honour.c \
	generator/htmltext.c \
	generator/imageset.c \
	generator/inputs.c \
	generator/json.c \
	generator/manifest.c \
	generator/md.c \
	generator/mdshape.c \
	generator/model.c \
	generator/modelchart.c \
	generator/page.c \
	generator/pagedict.c \
	generator/pdf.c \
	generator/plan.c \
	generator/pool.c \
	generator/printfont.c \
	generator/privacy.c \
	generator/qrcode.c \
	generator/render.c \
	generator/report.c \
	generator/routes.c \
	generator/scaffold.c \
	generator/screen.c \
	generator/search.c \
	generator/serve.c \
	generator/site.c \
	generator/src.c \
	generator/stage.c \
	generator/stats.c \
	generator/strmap.c \
	generator/summary.c \
	generator/target.c \
	generator/typeset.c \
	generator/unicode.c \
	generator/utf8.c \
	generator/util.c \
	generator/venue.c \
	generator/watch.c \
	generator/webfile.c \
	generator/xalloc.c
LIB_CXX_SRCS = generator/tmpl.cc
MAIN_SRCS = generator/main.c

LIB_OBJS  = $(LIB_SRCS:%.c=$(BUILD)/%.o) $(LIB_CXX_SRCS:%.cc=$(BUILD)/%.o)
MAIN_OBJS = $(MAIN_SRCS:%.c=$(BUILD)/%.o)
UNIT_SRCS = $(sort $(wildcard tests/unit/t_*.c))
UNIT_BINS = $(UNIT_SRCS:%.c=$(BUILD)/%)

ifeq ($(BUILD),build)
BIN = showcase
else
BIN = $(BUILD)/showcase
endif

.PHONY: all data covers deps site test test-fresh unit valgrind bench bless install \
	uninstall clean fuzz

all: $(BIN)

$(BIN): $(LIB_OBJS) $(MAIN_OBJS)
	$(E) "  LINK    $@"
	$(Q)$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c $(BUILD)/version.h
	@mkdir -p $(@D)
	$(E) "  CC      $<"
	$(Q)$(CC) -std=c11 $(CWARN) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.cc
	@mkdir -p $(@D)
	$(E) "  CXX     $<"
	$(Q)$(CXX) -std=c++11 $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(CXXFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/unit/%: tests/unit/%.c tests/unit/harness.h $(LIB_OBJS)
	@mkdir -p $(@D)
	$(E) "  TEST    $@"
	$(Q)$(CC) -std=c11 $(CWARN) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Itests/unit -o $@.o -c $<
	$(Q)$(CXX) $(LDFLAGS) -o $@ $@.o $(LIB_OBJS) $(LDLIBS)

# Benchmark programs link like unit tests; `make bench` builds them.
$(BUILD)/tests/bench/%: tests/bench/%.c $(LIB_OBJS)
	@mkdir -p $(@D)
	$(E) "  BENCH   $@"
	$(Q)$(CC) -std=c11 $(CWARN) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@.o -c $<
	$(Q)$(CXX) $(LDFLAGS) -o $@ $@.o $(LIB_OBJS) $(LDLIBS)

FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_OBJS)
	$(E) "  FUZZ    $@"
	$(Q)$(CC) -std=c11 $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@.o -c $<
	$(Q)$(CXX) $(LDFLAGS) -o $@ $@.o $(LIB_OBJS) $(LDLIBS)

fuzz:
	$(MAKE) BUILD=build-fuzz SAN=fuzz $(FUZZ_SRCS:tests/fuzz/%.c=build-fuzz/%)

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
$(BUILD)/version.h: VERSION
	@mkdir -p $(@D)
	@printf '#define SHOWCASE_VERSION "%s"\n' "$(VERSION)" > $@.tmp
	@cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# The preview's page script and stylesheet are files (node --check reads
# the script) compiled into serve.o as C strings.
RELOAD = generator/reload.js generator/reload.css
$(BUILD)/reload.h: $(RELOAD)
	@mkdir -p $(@D)
	$(E) "  GEN     $@"
	$(Q)for f in $(RELOAD); do \
		printf 'static const char %s[] =\n' "$$(basename $$f | tr . _)"; \
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$$/\\n"/' $$f; \
		printf ';\n'; \
	done > $@.tmp && mv $@.tmp $@
$(BUILD)/generator/serve.o: $(BUILD)/reload.h

# The example site's data exports are generated, deterministically, rather
# than committed: 15,000 organisations are 4 MB of JSON.
GENDATA = $(BUILD)/tools/gendata
$(GENDATA): tools/gendata.c
	@mkdir -p $(@D)
	$(E) "  CC      $<"
	$(Q)$(CC) -std=c11 $(CWARN) $(CPPFLAGS) $(CFLAGS) -o $@ $<

content/data/.generated: $(GENDATA)
	@mkdir -p $(@D)
	$(E) "  GEN     content/data"
	$(Q)$(GENDATA) content/data && touch $@

data: content/data/.generated

# The example site's covers and banner and the theme's logo are committed
# (the site, its golden files and the tests use them as they are);
# tools/mkcovers.c is their source. `make covers` draws them again from
# the Noto CJK fonts: the same bytes unless mkcovers.c changed.
MKCOVERS = $(BUILD)/tools/mkcovers
$(MKCOVERS): tools/mkcovers.c
	@mkdir -p $(@D)
	$(E) "  CC      $<"
	$(Q)$(CC) -std=c11 $(CPPFLAGS) $(CFLAGS) $(shell $(PKG_CONFIG) --cflags gdlib) \
		-o $@ $< $(shell $(PKG_CONFIG) --libs gdlib) -lm

covers: $(MKCOVERS)
	$(MKCOVERS) assets/images
	mv assets/images/logo.png assets/theme/logo.png

# Install the Debian packages the build, the tests and the example site
# need, only when one is missing.
deps:
	@scripts/deps

site: deps
	$(MAKE) all data
	./showcase build

unit: $(UNIT_BINS)

test: deps
	$(MAKE) all unit data
	$(MAKE) BUILD=build-san SAN=1 all unit
	tests/run

# The two commands on a bare Debian 12 (a debootstrap chroot, as root):
# slow and needs the network, so not part of `make test`.
test-fresh:
	tests/fresh

valgrind: deps all data
	tests/valgrind

bench: deps all $(BUILD)/tests/bench/chart_bench $(BUILD)/tests/bench/cmark_floor
	@scripts/deps bench
	tests/bench/run

bless: all
	tests/bless

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 showcase $(DESTDIR)$(BINDIR)/showcase
	install -d $(DESTDIR)$(DATADIR)/assets
	cp -R templates $(DESTDIR)$(DATADIR)/
	cp -R assets/css assets/js assets/theme $(DESTDIR)$(DATADIR)/assets/
	install -m 644 man/showcase.1 $(DESTDIR)$(MANDIR)/man1/showcase.1
	install -d $(DESTDIR)$(COMPDIR)
	install -m 644 tools/completion/showcase.bash $(DESTDIR)$(COMPDIR)/showcase

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/showcase $(DESTDIR)$(MANDIR)/man1/showcase.1
	rm -f $(DESTDIR)$(COMPDIR)/showcase
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san build-fuzz showcase public .public.* tests/out report
	rm -f content/data/*.json content/data/*.jsonl content/data/.generated
