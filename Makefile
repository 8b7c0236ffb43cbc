# Makefile for survey: sets up its own dependencies (Debian packages), builds ./survey,
# and runs the tests under AddressSanitizer and UBSan.
#   make          build ./survey (the default goal; installs only missing Debian packages)
#   make deps     install the Debian packages it needs     make run    set up, build, start the main job
#   make test     set up, build with sanitizers, run every suite
#   make test-full  the long variants too (crash test x200, PSPP and browser checks)
#   make fuzz     libFuzzer harnesses (clang)      make bench   benchmarks in bench/
# Fuzzing: `make fuzz` builds build/fuzz/fuzz_NAME for each tests/fuzz/fuzz_NAME.c; run one
# (one job; new inputs go to the first folder, WORK, the seeds stay as they are):
#   mkdir -p WORK && build/fuzz/fuzz_NAME -max_total_time=3600 -timeout=10 -rss_limit_mb=2048 \
#       -fork=1 -ignore_crashes=1 -artifact_prefix=WORK/ WORK tests/fuzz/corpus/NAME
# (fuzz_merge: seeds from tests/fuzz/make-merge-corpus.sh). Keep a crash's input, minimised
# (build/fuzz/fuzz_NAME -minimize_crash=1 -runs=10000 CRASH), in tests/fuzz/regress/NAME/:
# `make test` replays corpus/NAME and regress/NAME through build/asan/fuzz-replay/fuzz_NAME
# (gcc, ASan+UBSan, tests/fuzz/replay.c), in tests/cli/t0590-fuzz-replay.sh.

PKGS     = ncursesw sqlite3 gsl libzip expat xlsxwriter nettle freexl jansson libsodium
# make test, make test-full: the two builds and the unit programs compiled one job a processor
# (a -j given on the command line wins); tests/run then runs the suites as many at once
ifneq ($(filter test test-full,$(MAKECMDGOALS)),)
MAKEFLAGS += -j$(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
endif
BUILD    = build
CC      ?= cc
WARN     = -Wall -Wextra -Werror -Wno-unused-parameter
# -ffile-prefix-map: the folder the build runs in never reaches the binary, so two checkouts
# of the same commit build byte-identical programs (tests/cli/t0002-reproducible-build.sh).
# CPPFLAGS, CFLAGS and LDFLAGS from the environment or the command line come last.
BASEFLAGS = -std=gnu11 -g -pthread -D_GNU_SOURCE $(WARN) -Isrc -I$(BUILD) \
	-ffile-prefix-map=$(CURDIR)=. $(CPPFLAGS) $(CFLAGS)
OPT      = -O2
SANFLAGS = -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

SRCS      := $(shell find src -name '*.c' | sort)
LIB_SRCS  := $(filter-out src/main.c,$(SRCS))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz_*.c))

REL_OBJS  := $(SRCS:%.c=$(BUILD)/rel/%.o)
ASAN_OBJS := $(SRCS:%.c=$(BUILD)/asan/%.o)
ASAN_LIB  := $(LIB_SRCS:%.c=$(BUILD)/asan/%.o)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/asan/tests/%)
REPLAY_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/asan/fuzz-replay/%)

# Compiler and linker flags come from pkg-config, once the packages are there.
-include $(BUILD)/config.mk
$(BUILD)/config.mk: tools/install-deps Makefile
	@tools/install-deps
	@mkdir -p $(BUILD)
	@printf 'PC_CFLAGS = %s\nPC_LIBS = %s -lreadstat -lm\n' \
		"$$(pkg-config --cflags $(PKGS))" "$$(pkg-config --libs $(PKGS))" > $@.tmp
	@mv $@.tmp $@

.PHONY: all run test test-full fuzz fuzz-deps bench clean deps FORCE
.SECONDARY:
.DEFAULT_GOAL := all
all: survey

deps:
	@tools/install-deps

# The version: the VERSION file, and the commit when built from a git checkout. Rewritten only
# when it changes, so that only main.c is rebuilt after a commit.
$(BUILD)/version.h: FORCE
	@mkdir -p $(BUILD)
	@v="$$(cat VERSION)"; c="$$(git rev-parse --short=12 HEAD 2>/dev/null || true)"; \
	printf '#define SURVEY_VERSION "%s%s"\n' "$$v" "$${c:+ ($$c)}" > $@.tmp; \
	cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(BUILD)/rel/src/main.o $(BUILD)/asan/src/main.o: $(BUILD)/version.h

# The layers of DESIGN.md, checked before every link: an inversion breaks the build.
HDRS := $(shell find src -name '*.h' | sort)
$(BUILD)/layers.ok: tools/check-layers $(SRCS) $(HDRS)
	@mkdir -p $(BUILD)
	@tools/check-layers src
	@touch $@

survey: $(REL_OBJS) | $(BUILD)/layers.ok
	$(CC) $(BASEFLAGS) $(OPT) -o $@ $^ $(PC_LIBS) $(LDFLAGS)

$(BUILD)/rel/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(OPT) $(PC_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/asan/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) $(PC_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/asan/survey: $(ASAN_OBJS) | $(BUILD)/layers.ok
	$(CC) $(BASEFLAGS) $(SANFLAGS) -o $@ $^ $(PC_LIBS) $(LDFLAGS)

$(BUILD)/asan/tests/%: $(BUILD)/asan/tests/unit/%.o
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) -o $@ $^ $(PC_LIBS) -lcmocka $(LDFLAGS)

# A unit test links the objects of its layers and the layers below them only (the table of
# tools/check-layers), so that code reaching above its layer fails to link. Its layers are those
# its #includes name; a test of the commands (including "cmd*.h") links them all.
BELOW_util      := util
BELOW_form      := util form
BELOW_stats     := util stats
BELOW_store     := util store
BELOW_interview := util form store interview
BELOW_ui        := util form store interview ui
BELOW_analysis  := util form store stats analysis
BELOW_export    := util form store interview export
BELOW_report    := util form store stats analysis report
unit_layer = $(if $(shell grep -l '^\#include "cmd' $(1)),,$(sort $(filter report analysis \
	export ui interview store stats form util,$(shell sed -n 's|^\#include "\([a-z]*\)/.*|\1|p' $(1)))))
unit_objs = $(if $(1),$(filter $(foreach l,$(sort $(foreach x,$(1),$(BELOW_$(x)))),$(BUILD)/asan/src/$(l)/%),\
	$(ASAN_LIB)),$(ASAN_LIB))
$(foreach t,$(UNIT_SRCS),$(eval $(BUILD)/asan/tests/$(basename $(notdir $(t))): \
	$(call unit_objs,$(call unit_layer,$(t)))))

# Each fuzz harness with tests/fuzz/replay.c instead of libFuzzer: replays its corpus in `make test`.
$(BUILD)/asan/fuzz-replay/%: $(BUILD)/asan/tests/fuzz/%.o $(BUILD)/asan/tests/fuzz/replay.o $(ASAN_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) -o $@ $^ $(PC_LIBS) $(LDFLAGS)

run: survey
	./survey run surveys/covid19-lsg.md

test: $(BUILD)/asan/survey $(UNIT_BINS) $(REPLAY_BINS) survey
	@SURVEY=$(CURDIR)/$(BUILD)/asan/survey UNIT_BINS="$(UNIT_BINS)" tests/run

test-full: $(BUILD)/asan/survey $(UNIT_BINS) $(REPLAY_BINS) survey
	@tools/install-deps full
	@SURVEY=$(CURDIR)/$(BUILD)/asan/survey UNIT_BINS="$(UNIT_BINS)" FULL=1 tests/run

FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZFLAGS = -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
$(BUILD)/fuzz/%.o: %.c $(BUILD)/config.mk | fuzz-deps
	@mkdir -p $(dir $@)
	clang -std=gnu11 -D_GNU_SOURCE -Isrc $(FUZZFLAGS) $(PC_CFLAGS) -MMD -MP -c -o $@ $<
$(BUILD)/fuzz/%: $(BUILD)/fuzz/tests/fuzz/%.o $(LIB_SRCS:%.c=$(BUILD)/fuzz/%.o)
	clang $(FUZZFLAGS) -o $@ $^ $(PC_LIBS)
fuzz: $(FUZZ_BINS)
	@echo "fuzzers built in $(BUILD)/fuzz; how to run them: the comment at the top of the Makefile"
fuzz-deps:
	@tools/install-deps fuzz

# The helper of tests/fuzz/make-merge-corpus.sh (edits an interview through the store API).
$(BUILD)/rel/tests/fuzz/merge_seed: $(BUILD)/rel/tests/fuzz/merge_seed.o $(LIB_SRCS:%.c=$(BUILD)/rel/%.o)
	$(CC) $(BASEFLAGS) $(OPT) -o $@ $^ $(PC_LIBS)

bench: survey
	@for b in bench/*.sh; do echo "== $$b"; sh $$b || exit 1; done

clean:
	rm -rf $(BUILD) survey

-include $(REL_OBJS:.o=.d) $(ASAN_OBJS:.o=.d) $(UNIT_SRCS:%.c=$(BUILD)/asan/%.d)
-include $(FUZZ_SRCS:%.c=$(BUILD)/asan/%.d) $(BUILD)/asan/tests/fuzz/replay.d
-include $(FUZZ_SRCS:%.c=$(BUILD)/fuzz/%.d) $(LIB_SRCS:%.c=$(BUILD)/fuzz/%.d) $(BUILD)/rel/tests/fuzz/merge_seed.d
