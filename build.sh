#!/usr/bin/env bash
# avtal's one entry point: installs what is missing (apt-get, as root or via
# sudo), configures, builds and runs. Quick when nothing changed.
#
#   ./build.sh run [ARGS...]   build the avtal command and check the bundled
#                              Norrström–Fjällviken agreement (the main job)
#   ./build.sh test            build everything and run every test (ctest)
#   ./build.sh clang           build and test with clang 14
#   ./build.sh sanitize        clang + AddressSanitizer, UBSan, LeakSanitizer
#   ./build.sh tsan [SECONDS]  clang + ThreadSanitizer: the C API from 8 threads
#                              over the fuzzer's corpus (default 5 s), and avtal
#                              serve's concurrency test (ctest serve.concurrency)
#   ./build.sh serve-sanitize  avtal serve's fault tests under ASan+UBSan and its
#                              concurrency test under TSan (clang; for CI)
#   ./build.sh consumer        install into a temporary prefix and build a
#                              consumer with find_package(avtal CONFIG)
#   ./build.sh docs            Doxygen documentation (fails on any warning)
#   ./build.sh coverage        gcovr line and branch coverage of include/ and src/
#   ./build.sh tidy            clang-tidy with the checked-in .clang-tidy
#   ./build.sh format          check clang-format (./build.sh format fix applies it)
#   ./build.sh schema          regenerate docs/schema/avtal-1.schema.json from the
#                              reader's field tables (src/io/json/fields.hpp)
#   ./build.sh floors          fail on an #include that runs up the floors
#                              (core < model < law < io < tools)
#   ./build.sh fuzz [SECONDS]  libFuzzer over reader + check + report (default 60)
#   ./build.sh bench           Google Benchmark medians and the CLI batch timing
#   ./build.sh bench-serve [S] wrk against avtal serve and its Node.js peer (S s per run)
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
jobs=$(nproc 2>/dev/null || echo 2)

need() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    ((${#missing[@]} == 0)) && return 0
    echo "build.sh: installing ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

base_packages=(cmake make g++ libboost1.81-dev libssl-dev)
# The C API's tests: a C compiler and pkg-config (the installed-prefix C
# consumer), abigail-tools (abidiff), Python with pip, pytest and setuptools,
# Mono (C#), OpenJDK 17 and JNA (Java).
capi_packages=(gcc binutils pkg-config abigail-tools python3 python3-pip python3-pytest python3-setuptools mono-devel
    openjdk-17-jdk-headless libjna-java)
# The web page's browser tests: Chromium and its driver, Selenium, and npm
# for axe-core (the accessibility checker, installed into build/npm;
# npm itself only when the machine has none).
web_packages=(chromium chromium-driver python3-selenium)
test_packages=("${base_packages[@]}" catch2 pandoc "${capi_packages[@]}" python3-jsonschema "${web_packages[@]}")
clang_packages=(clang-14 lld-14 libclang-rt-14-dev)

axe_core() { # axe-core from npm for the web page's accessibility test, once, in build/npm
    local dir=$root/build/npm
    [ -f "$dir/node_modules/axe-core/axe.min.js" ] && return 0
    command -v npm >/dev/null || need npm # Debian's npm (and Node.js) on a fresh machine
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" axe-core@4 >/dev/null
}

configure() { # configure BUILD_DIR [cmake args...]: our builds treat warnings as errors
    local dir=$1
    shift
    cmake -S "$root" -B "$dir" -DAVTAL_WERROR=ON "$@" >/dev/null
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case "$cmd" in
run)
    need "${base_packages[@]}"
    configure build/release -DCMAKE_BUILD_TYPE=Release -DAVTAL_BUILD_TESTS=OFF -DAVTAL_BUILD_EXAMPLES=OFF
    cmake --build build/release -j"$jobs" --target avtal_cli >/dev/null
    if [ $# -eq 0 ]; then set -- check examples/agreements/norrstrom-fjallviken.json; fi
    exec build/release/avtal "$@"
    ;;
test)
    need "${test_packages[@]}"
    configure build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAVTAL_BUILD_TESTS=ON -DAVTAL_BUILD_EXAMPLES=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
    axe_core
    cmake --build build/test -j"$jobs"
    ctest --test-dir build/test --output-on-failure -j"$jobs"
    ;;
clang)
    need "${test_packages[@]}" "${clang_packages[@]}"
    axe_core
    configure build/clang -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAVTAL_BUILD_TESTS=ON -DAVTAL_BUILD_EXAMPLES=ON
    cmake --build build/clang -j"$jobs"
    ctest --test-dir build/clang --output-on-failure -j"$jobs"
    ;;
sanitize)
    need "${test_packages[@]}" "${clang_packages[@]}"
    axe_core
    configure build/sanitize -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug -DAVTAL_BUILD_TESTS=ON -DAVTAL_BUILD_EXAMPLES=ON \
        -DAVTAL_SANITIZE=address,undefined
    cmake --build build/sanitize -j"$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build/sanitize --output-on-failure -j"$jobs"
    ;;
tsan)
    need "${base_packages[@]}" catch2 python3 "${clang_packages[@]}"
    seconds=${1:-5}
    configure build/tsan -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DAVTAL_BUILD_TESTS=ON -DAVTAL_BUILD_EXAMPLES=OFF -DAVTAL_SANITIZE=thread
    cmake --build build/tsan -j"$jobs" --target capi_stress avtal_cli
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build/tsan/tests/capi/capi_stress "$seconds" 8 \
        examples/agreements tests/malformed tests/cli tests/fuzz/seeds tests/fuzz/regressions
    # The service under TSan: the test starts the TSan build of avtal serve on
    # 127.0.0.1 with --port 0 (1 000 keep-alive connections, 16 threads on
    # mixed endpoints) and stops it; a report makes the service exit non-zero
    # and the test fail. Bounded: ctest stops it after 300 s.
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 ctest --test-dir build/tsan --output-on-failure -L serve-concurrency --timeout 300
    ;;
serve-sanitize)
    # Only the avtal command is built (the service's tests drive it over
    # sockets); two builds, one per sanitizer, kept short for 2 cores.
    need "${test_packages[@]}" "${clang_packages[@]}"
    configure build/serve-asan -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAVTAL_BUILD_TESTS=ON -DAVTAL_BUILD_EXAMPLES=OFF \
        -DAVTAL_SANITIZE=address,undefined
    cmake --build build/serve-asan -j"$jobs" --target avtal_cli
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build/serve-asan --output-on-failure -L serve-fault
    configure build/serve-tsan -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAVTAL_BUILD_TESTS=ON -DAVTAL_BUILD_EXAMPLES=OFF \
        -DAVTAL_SANITIZE=thread
    cmake --build build/serve-tsan -j"$jobs" --target avtal_cli
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 ctest --test-dir build/serve-tsan --output-on-failure -L serve-concurrency
    ;;
schema)
    need "${base_packages[@]}" catch2
    configure build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAVTAL_BUILD_TESTS=ON -DAVTAL_BUILD_EXAMPLES=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
    cmake --build build/test -j"$jobs" --target avtal_schema
    build/test/tests/schema/avtal_schema docs/schema/avtal-1.schema.json
    echo "schema: wrote docs/schema/avtal-1.schema.json"
    ;;
consumer)
    need "${base_packages[@]}"
    configure build/release -DCMAKE_BUILD_TYPE=Release -DAVTAL_BUILD_TESTS=OFF -DAVTAL_BUILD_EXAMPLES=OFF
    cmake --build build/release -j"$jobs" >/dev/null
    prefix=$(mktemp -d)
    trap 'rm -rf "$prefix"' EXIT
    cmake --install build/release --prefix "$prefix/usr" >/dev/null
    cmake -S tests/consumer -B "$prefix/consumer-build" -DCMAKE_PREFIX_PATH="$prefix/usr" >/dev/null
    cmake --build "$prefix/consumer-build" -j"$jobs" >/dev/null
    "$prefix/consumer-build/consumer" examples/agreements/norrstrom-fjallviken.json
    echo "consumer: find_package(avtal CONFIG REQUIRED) against $prefix/usr works"
    ;;
docs)
    need "${base_packages[@]}" doxygen graphviz
    configure build/docs -DAVTAL_BUILD_DOCS=ON -DAVTAL_BUILD_TESTS=OFF -DAVTAL_BUILD_EXAMPLES=OFF
    cmake --build build/docs --target docs
    echo "docs: build/docs/docs/html/index.html"
    ;;
coverage)
    need "${test_packages[@]}" gcovr
    axe_core
    configure build/coverage -DCMAKE_BUILD_TYPE=Debug -DAVTAL_BUILD_TESTS=ON -DAVTAL_BUILD_EXAMPLES=ON -DAVTAL_COVERAGE=ON
    cmake --build build/coverage -j"$jobs"
    find build/coverage -name '*.gcda' -delete
    # The tests' output goes to a log, printed whole when a test fails (a CI
    # log that only said "Errors while running CTest" named no test).
    if ! ctest --test-dir build/coverage -j"$jobs" --output-on-failure >build/coverage/ctest.log 2>&1; then
        cat build/coverage/ctest.log
        exit 1
    fi
    grep -E 'tests passed' build/coverage/ctest.log
    gcovr --root "$root" --filter "$root/include/" --filter "$root/src/" --exclude-throw-branches --exclude-unreachable-branches \
        --print-summary --txt build/coverage/coverage.txt build/coverage | tail -3
    ;;
tidy)
    need "${test_packages[@]}" clang-tidy-14
    configure build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAVTAL_BUILD_TESTS=ON -DAVTAL_BUILD_EXAMPLES=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
    files=$(git ls-files 'src/*.cpp' 'src/**/*.cpp' | grep -v boost_json.cpp)
    log=build/test/tidy.log
    # clang-tidy failing (a crash, a missing compile command) fails the step
    # too, not only its findings.
    # The compile commands are g++'s: clang-tidy passes over g++-only warning flags.
    if ! run-clang-tidy-14 -quiet -p build/test -j "$jobs" -extra-arg=-Wno-unknown-warning-option $files >"$log" 2>&1; then
        grep -E "warning:|error:" "$log" || tail -20 "$log"
        echo "tidy: failed (see $log)" >&2
        exit 1
    fi
    if grep -E "warning:|error:" "$log"; then exit 1; fi
    echo "tidy: clean"
    ;;
format)
    need clang-format-14
    files=$(git ls-files '*.hpp' '*.cpp')
    if [ "${1:-}" = fix ]; then clang-format-14 -i $files; else clang-format-14 --dry-run --Werror $files && echo "format: clean"; fi
    ;;
floors)
    exec "$root/cmake/check-floors.sh"
    ;;
fuzz)
    need "${base_packages[@]}" "${clang_packages[@]}"
    seconds=${1:-60}
    configure build/fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAVTAL_BUILD_FUZZ=ON \
        -DAVTAL_BUILD_TESTS=OFF -DAVTAL_BUILD_EXAMPLES=OFF -DAVTAL_BUILD_TOOL=ON \
        "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
    cmake --build build/fuzz -j"$jobs" --target avtal_fuzz
    mkdir -p build/fuzz/corpus
    cp -n examples/agreements/*.json build/fuzz/corpus/ 2>/dev/null || true
    cp -n tests/malformed/*.json tests/cli/*.json* tests/fuzz/seeds/*.json build/fuzz/corpus/ 2>/dev/null || true
    # Crashes are written to build/fuzz/crash-*: add each to tests/fuzz/regressions with its fix.
    build/fuzz/tests/fuzz/avtal_fuzz -max_total_time="$seconds" -dict=tests/fuzz/avtal.dict -max_len=16384 -print_final_stats=1 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix=build/fuzz/ build/fuzz/corpus tests/fuzz/regressions
    ;;
bench)
    need "${base_packages[@]}" libbenchmark-dev
    configure build/bench -DCMAKE_BUILD_TYPE=Release -DAVTAL_BUILD_BENCH=ON -DAVTAL_BUILD_TESTS=OFF -DAVTAL_BUILD_EXAMPLES=OFF
    cmake --build build/bench -j"$jobs"
    bench/run.sh build/bench
    ;;
bench-serve)
    need "${base_packages[@]}" wrk curl
    command -v npm >/dev/null || need nodejs npm
    configure build/release -DCMAKE_BUILD_TYPE=Release -DAVTAL_BUILD_TESTS=OFF -DAVTAL_BUILD_EXAMPLES=OFF
    cmake --build build/release -j"$jobs" --target avtal_cli >/dev/null
    bench/serve.sh build/release "${1:-10}"
    ;;
*)
    sed -n '2,24p' "$0" >&2
    exit 2
    ;;
esac
