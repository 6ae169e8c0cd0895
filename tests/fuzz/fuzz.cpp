// libFuzzer target over the JSON reader, check() and the report writers
// (clang 14, -fsanitize=fuzzer,address,undefined). Run: ./build.sh fuzz 60
#include "fuzz_body.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    avtal::fuzz::run_one({reinterpret_cast<const char*>(data), size});
    return 0;
}
