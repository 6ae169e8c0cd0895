// The direct-award test's arithmetic (src/law/direct_award_limit.cpp): the
// 128-bit fast path and its exact cpp_rational fall-back give the same
// values, so the same reports, whichever computes them.
#include "fuzz/mutate.hpp"
#include "support.hpp"

#include <avtal/io/json.hpp>
#include <avtal/io/render.hpp>
#include <avtal/law/rules.hpp>

#include <catch2/catch.hpp>

#include <random>

using namespace avtal;
using avtal::test::kr;

namespace {

/// Every report of `a` the direct-award figures reach: JSON with every
/// explanation, and the text report with every finding, in both languages.
std::string reports(const Agreement& a) {
    const Report r = check(a);
    std::string out;
    for (const Lang lang : {Lang::sv, Lang::en}) {
        out += json::write_report(r, json::ReportOptions{lang, true, true});
        RenderOptions text;
        text.lang = lang;
        text.all = true;
        out += render_text(r, text);
    }
    return out;
}

/// The reports of `a` computed with the fast path and with cpp_rational only.
std::pair<std::string, std::string> both_paths(const Agreement& a) {
    detail::direct_award_exact_only(false);
    std::string fast = reports(a);
    detail::direct_award_exact_only(true);
    std::string exact = reports(a);
    detail::direct_award_exact_only(false);
    return {std::move(fast), std::move(exact)};
}

/// Åsby buys twelve general services from Norrström with Bergvik-like
/// co-principals; each task's share is Åsby's population over a different
/// prime (the two principals' populations), so the value's denominator is the
/// product of twelve primes near 10⁶: about 240 bits, beyond 128.
Agreement twelve_coprime_shares() {
    Agreement a = test::norrstrom();
    a.parties = {Party{"norrstrom", "Norrströms kommun", PartyKind::municipality, 9000, std::nullopt, DecisionBody::council},
                 Party{"asby", "Åsby kommun", PartyKind::municipality, 10'000, std::nullopt, DecisionBody::council}};
    // Primes above 10⁶: Åsby's 10 000 plus each co-principal's population.
    const std::array<std::int64_t, 12> primes{1'000'003, 1'000'033, 1'000'037, 1'000'039, 1'000'081, 1'000'099,
                                              1'000'117, 1'000'121, 1'000'133, 1'000'151, 1'000'159, 1'000'171};
    const Task base = a.tasks[0];
    a.tasks.clear();
    for (std::size_t k = 0; k < primes.size(); ++k) {
        const std::string id = "p" + std::to_string(k);
        a.parties.push_back(
            Party{id, "Kommun " + std::to_string(k), PartyKind::municipality, primes[k] - 10'000, std::nullopt, DecisionBody::council});
        Task t = base;
        t.id = "uppgift-" + std::to_string(k);
        t.principals = std::vector<Id>{"asby", id};
        t.huvudman = std::vector<Id>{"asby", id};
        t.category = Category::general;
        t.area = Area::it;
        t.target_group_children = false;
        t.annual_value = kr(1'000'000 + static_cast<std::int64_t>(k));
        a.tasks.push_back(t);
    }
    a.compensation->allocation = Allocation{AllocationKey::population, std::nullopt};
    return a;
}

} // namespace

TEST_CASE("Direct award: where the 128-bit path overflows, cpp_rational gives the exact value", "[procurement][direct_award][overflow]") {
    const Agreement a = twelve_coprime_shares();
    REQUIRE(validate(a).empty());
    const std::uint64_t before = detail::direct_award_fallbacks();
    const Report r = check(a);
    CHECK(detail::direct_award_fallbacks() > before); // the fast path did overflow
    // Åsby's value, Σ annual·10 000/p over 12 months (a 240-bit denominator),
    // floored to öre: 119 989,22 kr (Python's fractions.Fraction), within the general limit.
    const Context ctx{a};
    const std::vector<DirectAwardLine> lines = direct_award_lines(ctx, 0);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0].principal == "asby");
    CHECK(lines[0].value_low.ore() == 11'998'922);
    REQUIRE(lines[0].value_high);
    CHECK(lines[0].value_high->ore() == 11'998'922);
    CHECK(lines[0].within == Truth::yes);
    const auto [fast, exact] = both_paths(a);
    CHECK(fast == exact);
    CHECK_THAT(fast, Catch::Contains("Åsby kommun: andel av uppgiften «uppgift-0» ≈0,99 %"));
}

TEST_CASE("Direct award: the fast path and cpp_rational agree on the bundled and mutated agreements", "[procurement][direct_award]") {
    const std::vector<Agreement> seeds = test::bundled_agreements();
    REQUIRE(seeds.size() > 10);
    for (const Agreement& a : seeds) {
        INFO(a.id);
        const auto [fast, exact] = both_paths(a);
        CHECK(fast == exact);
    }
    // Mutated ones reach the extreme amounts, shares and terms (tests/fuzz/mutate.hpp).
    std::mt19937_64 rng{20261202};
    for (int i = 0; i < 300; ++i) {
        Agreement a = seeds[static_cast<std::size_t>(i) % seeds.size()];
        const int steps = 1 + static_cast<int>(rng() % 6);
        for (int k = 0; k < steps; ++k) fuzz::mutate(a, rng);
        INFO("case " << i);
        const auto [fast, exact] = both_paths(a);
        CHECK(fast == exact);
    }
}
