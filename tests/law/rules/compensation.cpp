// The compensation rules (include/avtal/law/rules/compensation.hpp):
// holds, violated, unknown, per contractor.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::norrstrom;
using avtal::test::status_of;
using avtal::test::statuses;
using avtal::test::with_delegation;
using S = Status;

TEST_CASE("compensation.stated", "[rules][compensation]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "compensation.stated") == S::satisfied);
    a.compensation->money_per_year = Money{};
    CHECK(status_of(check(a), "compensation.stated") == S::violated);
    a.compensation->in_kind_value_per_year.reset(); // in kind, without a value: terms exist
    CHECK(status_of(check(a), "compensation.stated") == S::satisfied);
    a.compensation->in_kind_value_per_year = Money{};
    a.compensation->money_per_year.reset();
    const Report r = check(a);
    CHECK(status_of(r, "compensation.stated") == S::undetermined);
    CHECK(test::missing_of(r, "compensation.stated") == std::vector<std::string>{"/compensation/money_per_year"});
}

TEST_CASE("compensation.no_profit and covers_cost", "[rules][compensation]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "compensation.no_profit") == S::satisfied);
    CHECK(status_of(check(a), "compensation.covers_cost") == S::satisfied);
    SECTION("above cost: no_profit violated with the surplus") {
        a.compensation->money_per_year = Money::from_kronor(5'100'000);
        const Report r = check(a);
        CHECK(status_of(r, "compensation.no_profit") == S::violated);
        CHECK(status_of(r, "compensation.covers_cost") == S::satisfied);
        CHECK(r.verdict() == Verdict::violations);
    }
    SECTION("within the tolerance passes, in kronor and in percent") {
        a.compensation->money_per_year = Money::from_kronor(5'100'000);
        a.compensation->tolerance = Tolerance::of_amount(Money::from_kronor(100'000));
        CHECK(status_of(check(a), "compensation.no_profit") == S::satisfied);
        a.compensation->tolerance = Tolerance::of_percent(Percent::whole(2)); // 2 % of 5 MSEK = 100 000
        CHECK(status_of(check(a), "compensation.no_profit") == S::satisfied);
        a.compensation->money_per_year = Money::from_ore(510'000'001); // one öre beyond
        CHECK(status_of(check(a), "compensation.no_profit") == S::violated);
    }
    SECTION("below cost: covers_cost warns with the deficit") {
        a.compensation->money_per_year = Money::from_kronor(4'750'000);
        const Report r = check(a);
        CHECK(status_of(r, "compensation.no_profit") == S::satisfied);
        CHECK(status_of(r, "compensation.covers_cost") == S::violated);
        CHECK_THAT(message(r, *r.findings_of("compensation.covers_cost")[0], Lang::sv), Catch::Contains("Underskott: 250\u00a0000\u00a0kr"));
        CHECK(r.verdict() == Verdict::ok); // guidance: a warning
    }
    SECTION("in-kind without a value is undetermined, never silently ok") {
        a.compensation->in_kind_value_per_year.reset();
        const Report r = check(a);
        CHECK(status_of(r, "compensation.no_profit") == S::undetermined);
        CHECK(test::missing_of(r, "compensation.no_profit") == std::vector<std::string>{"/compensation/in_kind_value_per_year"});
        CHECK(r.verdict() == Verdict::incomplete);
    }
    SECTION("bounds: known costs already above the payment decide both rules") {
        a.compensation->cost_per_year->capital.reset(); // unknown, but costs are never negative
        a.compensation->money_per_year = Money::from_kronor(4'000'000);
        const Report r = check(a);
        CHECK(status_of(r, "compensation.no_profit") == S::satisfied);
        CHECK(status_of(r, "compensation.covers_cost") == S::violated);
    }
    SECTION("bounds: a partly unknown cost below the payment cannot decide no_profit") {
        a.compensation->cost_per_year->capital.reset();
        a.compensation->money_per_year = Money::from_kronor(5'500'000);
        const Report r = check(a);
        CHECK(status_of(r, "compensation.no_profit") == S::undetermined);
        CHECK(test::missing_of(r, "compensation.no_profit") == std::vector<std::string>{"/compensation/cost_per_year/capital"});
    }
}

TEST_CASE("compensation.in_kind_valued", "[rules][compensation]") {
    Agreement a = norrstrom();
    a.compensation->in_kind_value_per_year = Money::from_kronor(200'000);
    a.compensation->money_per_year = Money::from_kronor(4'800'000);
    CHECK(status_of(check(a), "compensation.in_kind_valued") == S::satisfied);
    CHECK(status_of(check(a), "compensation.no_profit") == S::satisfied);
    a.compensation->in_kind_value_per_year.reset();
    CHECK(status_of(check(a), "compensation.in_kind_valued") == S::violated);
    a.compensation.reset(); // no economic terms stated at all
    const Report r = check(a);
    CHECK(status_of(r, "compensation.in_kind_valued") == S::undetermined);
    CHECK(test::missing_of(r, "compensation.in_kind_valued") == std::vector<std::string>{"/compensation"});
}

TEST_CASE("compensation.allocation_complete", "[rules][compensation]") {
    Agreement a = norrstrom();
    a.compensation->contractor_bears_share = true; // Norrström also uses the unit
    a.compensation->money_per_year = Money::from_kronor(5'000'000 * 4 / 13);
    CHECK(status_of(check(a), "compensation.allocation_complete") == S::satisfied);
    a.compensation->allocation = Allocation{AllocationKey::fixed_shares, std::vector<Weight>{{"fjallviken", Decimal::whole(40)}}};
    CHECK(status_of(check(a), "compensation.allocation_complete") == S::violated); // the contractor is not covered
    a.compensation->allocation = Allocation{AllocationKey::usage, std::vector<Weight>{{"fjallviken", Decimal{}}, {"norrstrom", Decimal{}}}};
    CHECK(status_of(check(a), "compensation.allocation_complete") == S::violated); // all zero
    a.compensation->allocation = Allocation{AllocationKey::population, std::nullopt};
    a.parties[0].population.reset();
    const Report r = check(a);
    CHECK(status_of(r, "compensation.allocation_complete") == S::undetermined);
    CHECK(test::missing_of(r, "compensation.allocation_complete") == std::vector<std::string>{"/parties/0/population"});
}
