# The two README commands; the build itself is CMake's (CMakeLists.txt).
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build demo check fuzz valgrind clean

all: build

deps:
	./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

# Indexes corpus/ into build/demo and answers example claims and quotes.
demo: build
	./scripts/demo.sh $(BUILD)/citesearch $(BUILD)/demo

# Every test, then every test again under AddressSanitizer and UBSan.
check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCITESEARCH_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

# The end-to-end tests with every run of the program under valgrind.
valgrind: deps
	BUILD=$(BUILD) ./scripts/valgrind-e2e.sh

# The libFuzzer targets (clang), FUZZ_SECONDS each (default 60).
fuzz: deps
	./scripts/fuzz.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
