// Every input the fuzzer ever found trouble with (tests/fuzz/regressions),
// and every bundled and malformed document, goes through the fuzzed path
// with its properties checked: so a fixed crash stays fixed in every build.
#include "fuzz/fuzz_body.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

TEST_CASE("The fuzzed path holds its properties on every known input", "[fuzz][regression]") {
    std::size_t inputs = 0;
    for (const char* dir : {"/tests/fuzz/regressions", "/tests/fuzz/seeds", "/examples/agreements", "/tests/malformed", "/tests/cli"}) {
        for (const auto& e : std::filesystem::directory_iterator{std::string{AVTAL_SOURCE_DIR} + dir}) {
            if (!e.is_regular_file()) continue;
            std::ifstream in{e.path(), std::ios::binary};
            std::stringstream s;
            s << in.rdbuf();
            INFO(e.path().string());
            avtal::fuzz::run_one(s.str());
            ++inputs;
        }
    }
    CHECK(inputs > 90);
}
