# Telaah: the two commands a newcomer needs.
#   make run   install missing packages, build, open the GUI on the sample project
#   make test  same set-up, then every test suite (ctest)
BUILD ?= build
JOBS  ?= $(shell nproc)
CMAKE_ARGS ?=
ifeq ($(CI),true)
  CMAKE_ARGS += -DTELAAH_WERROR=ON
endif
GENERATOR := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: all deps configure build run test bench fuzz sanitize tsan format format-check clean package
all: build

deps:
	@bash scripts/install-deps

configure: deps
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS)

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

run: build
	@bash scripts/run-gui $(BUILD)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS) --timeout 1200

bench: build
	@bash scripts/run-bench $(BUILD)

# libFuzzer targets of the importers, each for FUZZ_SECONDS (default 20).
fuzz: deps
	@bash scripts/fuzz

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
sanitize: deps
	@test -f build-asan/CMakeCache.txt || cmake -S . -B build-asan $(GENERATOR) -DCMAKE_BUILD_TYPE=Debug -DTELAAH_SANITIZE=ON -DTELAAH_BUILD_BENCH=OFF $(CMAKE_ARGS)
	@cmake --build build-asan -j$(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure -j$(JOBS) --timeout 1800

# The GUI suites (the window's worker threads: tasks, search, agreement,
# merge) under ThreadSanitizer, in build-tsan. A race fails the suite.
TSAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
tsan: deps
	@test -f build-tsan/CMakeCache.txt || cmake -S . -B build-tsan $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTELAAH_BUILD_BENCH=OFF \
	  -DCMAKE_C_FLAGS="$(TSAN_FLAGS)" -DCMAKE_CXX_FLAGS="$(TSAN_FLAGS)" -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread $(CMAKE_ARGS)
	@cmake --build build-tsan -j$(JOBS) --target telaah $$(cd tests && ls test_gui_*.cpp | sed 's/\.cpp$$//')
	@cd build-tsan && TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" ctest --output-on-failure -j$(JOBS) --timeout 1800 -R '^gui_'

# One formatting for the tree (.clang-format); CI fails on a file that differs.
format: deps
	@git ls-files '*.cpp' '*.h' '*.cc' | xargs clang-format -i
format-check: deps
	@bash scripts/check-format

# A Debian package of this build (cmake/Packaging.cmake): $(BUILD)/telaah_*.deb
package: build
	@cd $(BUILD) && cpack -G DEB

clean:
	rm -rf $(BUILD)
