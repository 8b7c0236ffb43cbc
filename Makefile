# Makefile for survey: sets up its own dependencies (Debian packages), builds ./survey,
# and runs the tests under AddressSanitizer and UBSan.
#   make          build ./survey          make run    set up, build, start the main job
#   make test     set up, build with sanitizers, run every suite
#   make test-full  the long variants too (crash test x200, PSPP and browser checks)
#   make fuzz     libFuzzer harnesses (clang)      make bench   benchmarks in bench/

PKGS     = ncursesw sqlite3 gsl libzip expat xlsxwriter nettle freexl
BUILD    = build
CC      ?= cc
WARN     = -Wall -Wextra -Werror -Wno-unused-parameter
BASEFLAGS = -std=gnu11 -g -D_GNU_SOURCE $(WARN) -Isrc
OPT      = -O2
SANFLAGS = -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

SRCS      := $(shell find src -name '*.c' | sort)
LIB_SRCS  := $(filter-out src/main.c,$(SRCS))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))

REL_OBJS  := $(SRCS:%.c=$(BUILD)/rel/%.o)
ASAN_OBJS := $(SRCS:%.c=$(BUILD)/asan/%.o)
ASAN_LIB  := $(LIB_SRCS:%.c=$(BUILD)/asan/%.o)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/asan/tests/%)

# Compiler and linker flags come from pkg-config, once the packages are there.
-include $(BUILD)/config.mk
$(BUILD)/config.mk: tools/install-deps Makefile
	@tools/install-deps
	@mkdir -p $(BUILD)
	@printf 'PC_CFLAGS = %s\nPC_LIBS = %s -lreadstat -lm\n' \
		"$$(pkg-config --cflags $(PKGS))" "$$(pkg-config --libs $(PKGS))" > $@.tmp
	@mv $@.tmp $@

.PHONY: all run test test-full fuzz bench clean deps
.SECONDARY:
all: survey

deps: $(BUILD)/config.mk

survey: $(REL_OBJS)
	$(CC) $(BASEFLAGS) $(OPT) -o $@ $^ $(PC_LIBS)

$(BUILD)/rel/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(OPT) $(PC_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/asan/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) $(PC_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/asan/survey: $(ASAN_OBJS)
	$(CC) $(BASEFLAGS) $(SANFLAGS) -o $@ $^ $(PC_LIBS)

$(BUILD)/asan/tests/%: $(BUILD)/asan/tests/unit/%.o $(ASAN_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(SANFLAGS) -o $@ $^ $(PC_LIBS) -lcmocka

run: survey
	./survey run surveys/covid19-lsg.md

test: $(BUILD)/asan/survey $(UNIT_BINS) survey
	@SURVEY=$(CURDIR)/$(BUILD)/asan/survey UNIT_BINS="$(UNIT_BINS)" tests/run

test-full: $(BUILD)/asan/survey $(UNIT_BINS) survey
	@tools/install-deps full
	@SURVEY=$(CURDIR)/$(BUILD)/asan/survey UNIT_BINS="$(UNIT_BINS)" FULL=1 tests/run

FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZFLAGS = -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
$(BUILD)/fuzz/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	clang -std=gnu11 -D_GNU_SOURCE -Isrc $(FUZZFLAGS) $(PC_CFLAGS) -c -o $@ $<
$(BUILD)/fuzz/%: $(BUILD)/fuzz/tests/fuzz/%.o $(LIB_SRCS:%.c=$(BUILD)/fuzz/%.o)
	clang $(FUZZFLAGS) -o $@ $^ $(PC_LIBS)
fuzz: $(FUZZ_BINS)
	@echo "fuzzers built in $(BUILD)/fuzz; run e.g. $(BUILD)/fuzz/fuzz_expr -max_total_time=600 tests/fuzz/corpus/expr"

bench: survey
	@for b in bench/*.sh; do echo "== $$b"; sh $$b || exit 1; done

clean:
	rm -rf $(BUILD) survey

-include $(REL_OBJS:.o=.d) $(ASAN_OBJS:.o=.d) $(UNIT_SRCS:%.c=$(BUILD)/asan/%.d)
