// Property test over seeded generated agreements (issue 19): the fuzzer's
// invariants in every ctest run. Starting from every bundled agreement,
// 4 000 agreements are made by the fuzzer's structure-aware mutation, often
// with extreme amounts and weights; each is either bad input named by
// validate() (and then checked without a wrapped figure) or goes through
// the whole fuzzed path: no negative amount, allocation parts that sum
// exactly, a report that reads back, a verdict unchanged when amounts are
// written as strings with leading zeros.
#include "fuzz/fuzz_body.hpp"
#include "fuzz/mutate.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace avtal;

TEST_CASE("Generated agreements with extreme amounts keep the money invariants", "[property][overflow]") {
    const std::vector<Agreement> seeds = test::bundled_agreements();
    REQUIRE(seeds.size() > 10);
    std::mt19937_64 rng{20261201};
    std::size_t valid = 0, invalid = 0;
    for (int i = 0; i < 4000; ++i) {
        Agreement a = seeds[static_cast<std::size_t>(i) % seeds.size()];
        const int steps = 1 + static_cast<int>(rng() % 6);
        for (int k = 0; k < steps; ++k) fuzz::mutate(a, rng);
        INFO("case " << i);
        if (!validate(a).empty()) {
            // Bad input: still checked without a negative or wrapped figure.
            ++invalid;
            const Report r = check(a);
            REQUIRE(r.verdict() == Verdict::invalid);
            for (const AllocationLine& l : r.allocation()) REQUIRE(l.amount.ore() >= 0);
            continue;
        }
        ++valid;
        const std::string text = json::write_agreement(a);
        fuzz::run_one(text); // aborts with the property's name if one fails
    }
    // Both kinds occur in good number: the generator reaches the limits.
    CHECK(valid > 500);
    CHECK(invalid > 500);
}
