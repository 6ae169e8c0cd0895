// libFuzzer target over the JSON reader, check() and the report writers
// (clang 14, -fsanitize=fuzzer,address,undefined). Run: ./build.sh fuzz 60
//
// Besides libFuzzer's byte mutations, a structure-aware mutator reads the
// input as an agreement, changes one deep fact of the model (an amount to
// the largest öre or one öre more, a weight near the int64 limit, a key, a
// share, a term, a duplicated task or party) and writes it back, so that
// the money and allocation code is reached with extreme values, not only
// the syntax.
#include "fuzz_body.hpp"
#include "mutate.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    avtal::fuzz::run_one({reinterpret_cast<const char*>(data), size});
    return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned int seed) {
    std::mt19937_64 rng{seed};
    if (rng() % 3 == 0) return LLVMFuzzerMutate(data, size, max_size);
    auto doc = avtal::json::read_agreement({reinterpret_cast<const char*>(data), size});
    if (!doc.agreement) return LLVMFuzzerMutate(data, size, max_size);
    const int steps = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < steps; ++i) avtal::fuzz::mutate(*doc.agreement, rng);
    const std::string out = avtal::json::write_agreement(*doc.agreement);
    if (out.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
    std::memcpy(data, out.data(), out.size());
    return out.size();
}
