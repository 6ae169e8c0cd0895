// The procurement exceptions (include/avtal/law/rules/exceptions.hpp) as
// predicates: their ids, Hamburg criterion by criterion, Teckal, NESGI.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::exception_value;
using avtal::test::general_service;
using avtal::test::kr;
using avtal::test::norrstrom;
using avtal::test::resolve;
using avtal::test::ymd;

TEST_CASE("The exceptions are exported predicates with their stable ids", "[procurement]") {
    CHECK(predicates::exception_direct_award().id() == "exception.direct_award");
    CHECK(predicates::exception_public_authority().id() == "exception.public_authority");
    CHECK(predicates::exception_hamburg().id() == "exception.hamburg");
    CHECK(predicates::exception_teckal().id() == "exception.teckal");
    CHECK(predicates::exception_nesgi().id() == "exception.nesgi");
    std::vector<std::string> ids;
    for (const auto& e : *default_exceptions()) ids.push_back(e.id());
    CHECK(ids == std::vector<std::string>{"exception.public_authority", "exception.direct_award", "exception.hamburg", "exception.teckal"});
}

TEST_CASE("Hamburg: each criterion, the strict 20 % share, and missing facts", "[procurement][hamburg]") {
    const auto& hamburg = predicates::exception_hamburg();
    Agreement a = general_service(kr(5'000'000));
    a.tasks[0].hamburg.open_market_share_percent = Percent::parse("19.99");
    CHECK(exception_value(a, hamburg) == Truth::yes);
    CHECK(resolve(a).outcome == ProcurementOutcome::exempt);
    a.tasks[0].hamburg.open_market_share_percent = Percent::whole(20);
    CHECK(exception_value(a, hamburg) == Truth::no); // strict: 20.0 % fails
    CHECK(resolve(a).outcome == ProcurementOutcome::required);

    SECTION("partly unknown with a value over the threshold: undetermined, listing exactly the missing paths") {
        a.tasks[0].hamburg = HamburgFacts{true, std::nullopt, true, std::nullopt};
        const ProcurementResult r = resolve(a);
        CHECK(r.outcome == ProcurementOutcome::undetermined);
        CHECK(r.missing == std::vector<std::string>{"/tasks/0/hamburg/common_objectives", "/tasks/0/hamburg/open_market_share_percent"});
        const Report report = check(a);
        CHECK(report.verdict() == Verdict::incomplete);
        CHECK(test::missing_of(report, "procurement.required") == r.missing);
    }
    SECTION("one criterion false: required when no other exception holds") {
        a.tasks[0].hamburg = HamburgFacts{true, true, false, std::nullopt};
        CHECK(exception_value(a, hamburg) == Truth::no);
        const ProcurementResult r = resolve(a);
        CHECK(r.outcome == ProcurementOutcome::required);
        const Report report = check(a);
        CHECK(test::status_of(report, "procurement.required") == Status::violated);
        CHECK(report.verdict() == Verdict::violations);
    }
    SECTION("the first criterion's explanation says what cooperation takes (Remondis)") {
        const Context ctx{a};
        const Explanation e = hamburg.explain(TaskSubject{&ctx, 0});
        REQUIRE(e.children.size() == 5);
        CHECK(e.children[1].id == "hamburg.establishes_cooperation");
        CHECK_THAT(e.children[1].text.en, Catch::Contains("one side only paying") && Catch::Contains("C-429/19 Remondis"));
        CHECK(e.children[4].id == "hamburg.open_market_share");
    }
    SECTION("private parties may not take part") {
        a.parties[0].kind = PartyKind::private_company;
        a.tasks[0].hamburg.open_market_share_percent = Percent::whole(0);
        CHECK(exception_value(a, hamburg) == Truth::no);
    }
}

TEST_CASE("Teckal: no between municipalities, decided from facts for a federation, contested", "[procurement][teckal]") {
    const auto& teckal = predicates::exception_teckal();
    Agreement a = general_service(kr(5'000'000));
    CHECK(exception_value(a, teckal) == Truth::no);
    const Context c0{a};
    CHECK_THAT(teckal.explain(TaskSubject{&c0, 0}).notes.at(0).en, Catch::Contains("Between two municipalities"));
    a.parties[0].kind = PartyKind::municipal_federation;
    a.parties[0].mandate_covers_tasks = true;
    a.tasks[0].teckal = TeckalFacts{true, Percent::whole(95), false};
    CHECK(exception_value(a, teckal) == Truth::yes);
    CHECK(resolve(a).outcome == ProcurementOutcome::exempt);
    a.tasks[0].teckal.activity_share_percent = Percent::whole(80); // more than 80 % is needed
    CHECK(exception_value(a, teckal) == Truth::no);
    a.tasks[0].teckal = TeckalFacts{true, std::nullopt, std::nullopt};
    const Context ctx{a};
    const Explanation e = teckal.explain(TaskSubject{&ctx, 0});
    CHECK(e.value == Truth::unknown);
    CHECK(e.missing == std::vector<std::string>{"/tasks/0/teckal/activity_share_percent", "/tasks/0/teckal/private_capital"});
    CHECK_THAT(e.notes.at(0).sv, Catch::Contains("tveksamt"));
}

TEST_CASE("NESGI is always unknown and not in the default list", "[procurement][nesgi]") {
    const Agreement a = general_service(kr(5'000'000));
    CHECK(exception_value(a, predicates::exception_nesgi()) == Truth::unknown);
    for (const auto& e : *default_exceptions()) CHECK(e.id() != "exception.nesgi");
    CHECK(resolve(a).outcome == ProcurementOutcome::required);
    // A user who accepts the risk may add it: the verdict then stays undetermined.
    auto list = std::make_shared<ExceptionList>(*default_exceptions());
    list->push_back(predicates::exception_nesgi());
    const ProcurementResult r = resolve(a, 0, nullptr, list);
    CHECK(r.outcome == ProcurementOutcome::undetermined);
    CHECK(r.missing.empty()); // no fact can settle it
}
