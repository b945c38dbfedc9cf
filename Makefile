# Thin wrapper around CMake. `make test` installs what is missing, builds twice
# (normal and -fsanitize=address,undefined) and runs ctest in both, then
# builds the libFuzzer harnesses (clang) and runs each for FUZZ_CI_SECONDS.
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc)
# `make fuzz` runs each harness this long, one at a time (FUZZ_JOBS=2: two).
FUZZ_SECONDS    ?= 600
FUZZ_CI_SECONDS ?= 30
FUZZ_CC         ?= clang-14

# Debian packages the build, the tests and the demo need.
DEPS = cmake make gcc pkg-config libyaml-dev libhpdf-dev libxlsxwriter-dev libpng-dev libjpeg-dev \
       libfontconfig-dev zlib1g-dev libcmocka-dev fonts-nanum fonts-dejavu-core \
       poppler-utils qpdf python3 python3-openpyxl python3-yaml python3-jsonschema libreoffice-calc-nogui \
       valgrind groff-base bash-completion dpkg-dev file parallel ninja-build clang-14 libclang-rt-14-dev
# the PDF tests read links and content streams with pikepdf
DEPS += python3-pikepdf
# libxml2: the output check parses every XML part of a workbook (src/verify.c)
DEPS += libxml2-dev
# PDF/A's sRGB output intent profile (issue 10), found at run time
DEPS += icc-profiles-free
# SHA-256 of render --manifest and manifest check (issue 17)
DEPS += nettle-dev
# the cluster test (tests/slurm, issue 17): a one-node Slurm on localhost
DEPS += slurmctld slurmd slurm-client munge
# tests/shard counts the files a batch opens (the template and plugins once)
DEPS += strace
# the HTML tests (issue 18): Debian's chromium driven by npm's puppeteer-core,
# and the Nu Html Checker, which runs on Java
DEPS += chromium default-jre-headless nodejs
# npm: Debian's package, unless the nodejs installed brings its own
NPM_DEP = $(if $(shell command -v npm),,npm)
# the font engine (issue 16): HarfBuzz with hb-subset, and Noto Sans CJK (CFF
# outlines in a collection) for its tests; DejaVu Sans Math letters beyond the BMP
DEPS += libharfbuzz-dev fonts-noto-cjk fonts-dejavu-extra
# tests/html: reads the HTML page's embedded @font-face subsets (cmap, size)
DEPS += python3-fonttools
# tests/deb reads the package's copyright file (DEP-5) with its parser
DEPS += python3-debian
# ... and the benchmarks' peers and tools (only for `make bench`).
BENCH_DEPS = time bc python3-xlsxwriter python3-reportlab python3-renderpm

.PHONY: all deps build demo test test-normal test-asan test-fuzz fuzz fuzz-build bench install \
        clean

all: build

deps:
	@missing=$$(for p in $(DEPS) $(NPM_DEP) $(EXTRA_DEPS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# Only what the demo runs: quire and the plugins of the template's formats.
demo: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target quire quire-pdf quire-xlsx
	$(BUILD)/src/quire render data/cloud-ai-briefing.yaml -o out
	@echo "wrote out/cloud-ai-briefing.pdf and out/cloud-ai-briefing.xlsx"

test-normal: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DQUIRE_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) -LE no-asan

# The harnesses of tests/fuzz (see tests/fuzz/README.md), in a build of their own.
fuzz-build: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=$(FUZZ_CC) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DQUIRE_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS)

fuzz: fuzz-build
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

test-fuzz: fuzz-build
	FUZZ_JOBS=$(JOBS) tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_CI_SECONDS)

test: test-normal test-asan test-fuzz

# Benchmarks print figures beside their floors and peers; see bench/README.md.
bench:
	$(MAKE) build EXTRA_DEPS="$(BENCH_DEPS)"
	bench/load/run.sh $(BUILD)
	bench/xlsx/run.sh $(BUILD)
	bench/pdf/run.sh $(BUILD)
	bench/html/run.sh $(BUILD)

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) out
