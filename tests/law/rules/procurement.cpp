// procurement.required (include/avtal/law/rules/procurement.hpp): not
// applicable for exercise of authority, exempt, required, undetermined.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::exception_value;
using avtal::test::general_service;
using avtal::test::kr;
using avtal::test::norrstrom;
using avtal::test::resolve;
using avtal::test::ymd;

TEST_CASE("Exercise of authority is outside LOU, unknown nature stays undetermined", "[procurement]") {
    Agreement a = general_service(kr(5'000'000));
    a.tasks[0].nature = TaskNature::exercise_of_authority;
    CHECK(exception_value(a, predicates::exception_public_authority()) == Truth::yes);
    CHECK(resolve(a).outcome == ProcurementOutcome::not_applicable);
    CHECK(test::status_of(check(a), "procurement.required") == Status::satisfied);
    a.tasks[0].nature.reset();
    const ProcurementResult r = resolve(a);
    CHECK(r.outcome == ProcurementOutcome::undetermined);
    CHECK(r.missing == std::vector<std::string>{"/tasks/0/nature"});
}

TEST_CASE("A replacement threshold table flips a task from required to exempt", "[procurement][what-if]") {
    Agreement a = general_service(kr(900'000));
    CHECK(resolve(a).outcome == ProcurementOutcome::required);
    // A hypothetical reform: the general limit raised to 1 000 000 kr from 2024.
    ThresholdTable reform;
    reform.name = "hypotetisk höjning 2024";
    reform.rows.push_back(ThresholdRow{std::string{direct_award_limit}, Category::general, ymd(2024, 1, 1), std::nullopt, kr(1'000'000), true,
                                       "förslag", "hypotetisk reform (test)"});
    const auto extended = std::make_shared<const ThresholdTable>(builtin_thresholds()->extended_with(reform));
    CHECK(resolve(a, 0, extended).outcome == ProcurementOutcome::exempt);
    CheckOptions options;
    options.thresholds = extended;
    const Report r = check(a, options);
    CHECK(test::status_of(r, "procurement.required") == Status::satisfied);
    const Receipt receipt = r.receipt();
    CHECK_THAT(receipt.thresholds, Catch::Contains("hypotetisk höjning 2024"));
    REQUIRE(receipt.rows.size() == 1);
    CHECK(receipt.rows[0]->amount == kr(1'000'000));
    // Earlier dates still use the shipped rows.
    a.assessment_date = ymd(2023, 6, 1);
    CHECK(resolve(a, 0, extended).outcome == ProcurementOutcome::required);
}
