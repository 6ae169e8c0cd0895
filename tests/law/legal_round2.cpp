// The second legal round (issue 13; docs/legal-sources.md): the general
// direct-award limit as a floor for every category, shares that follow the
// allocation key, other direct awards of the same kind, the wording and
// citations of the limits, the LVU matters reserved from employees, taking
// the task back, the body that decided the agreement, and the corrected
// citations. Each rule where it holds, where it is violated and where a fact
// is unknown.
#include "support.hpp"

#include <avtal/io/json.hpp>
#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::kr;
using avtal::test::norrstrom;
using avtal::test::status_of;
using avtal::test::ymd;

namespace {

using S = Status;

const Predicate<TaskSubject>& direct = predicates::exception_direct_award();

Truth direct_award(const Agreement& a, std::size_t task = 0) {
    const Context ctx{a, std::nullopt, nullptr};
    return direct(TaskSubject{&ctx, task});
}

Explanation explain_direct(const Agreement& a, std::size_t task = 0) {
    const Context ctx{a, std::nullopt, nullptr};
    return direct.explain(TaskSubject{&ctx, task});
}

/// All notes of an explanation tree, Swedish, joined.
std::string notes_sv(const Explanation& e) {
    std::string out;
    for (const auto& n : e.notes) out += n.sv + "\n";
    for (const auto& c : e.children) out += notes_sv(c);
    return out;
}

/// One service task of `category` bought by Fjällviken from Norrström on
/// `date`, for `months` months at `annual` a year.
Agreement one_purchase(Category category, Date date, Money annual, std::int32_t months = 12) {
    Agreement a = norrstrom();
    a.assessment_date = date;
    a.term = Term{months, 0, false};
    a.tasks[0].category = category;
    a.tasks[0].annual_value = annual;
    return a;
}

/// Norrström performs a service for Åsby (3 000 residents) and Bergvik
/// (1 000 residents); the shares are not stated; the agreement-level key is
/// the population.
Agreement two_principals(Money annual, Category category = Category::general, Date date = ymd(2024, 3, 1)) {
    Agreement a = norrstrom();
    a.assessment_date = date;
    a.parties = {Party{"norrstrom", "Norrströms kommun", PartyKind::municipality, 9000, std::nullopt},
                 Party{"asby", "Åsby kommun", PartyKind::municipality, 3000, std::nullopt},
                 Party{"bergvik", "Bergviks kommun", PartyKind::municipality, 1000, std::nullopt}};
    a.tasks[0].principals = std::vector<Id>{"asby", "bergvik"};
    a.tasks[0].huvudman = std::vector<Id>{"asby", "bergvik"};
    a.tasks[0].category = category;
    a.tasks[0].annual_value = annual;
    a.tasks[0].principal_shares.reset();
    a.compensation->money_per_year = annual;
    a.compensation->allocation = Allocation{AllocationKey::population, std::nullopt};
    return a;
}

} // namespace

TEST_CASE("The general limit is a floor for every category, also on dates with no row for the category", "[procurement][floor]") {
    SECTION("social and other special services in 2026: no row, within the general limit of 700 000") {
        CHECK(direct_award(one_purchase(Category::social_and_other_specific, ymd(2026, 3, 1), kr(350'000), 24)) == Truth::yes); // 700 000
        const Agreement above = one_purchase(Category::social_and_other_specific, ymd(2026, 3, 1), kr(350'001), 24);            // 700 002
        CHECK(direct_award(above) == Truth::unknown);
        const Explanation e = explain_direct(above);
        CHECK(std::find(e.missing.begin(), e.missing.end(), "/thresholds/direct_award_limit/social_and_other_specific/2026-03-01") !=
              e.missing.end());
        CHECK_THAT(notes_sv(e), Catch::Contains("Ingen bekräftad direktupphandlingsgräns"));
    }
    SECTION("welfare services in January 2022: no row, within the general limit of 626 284") {
        CHECK(direct_award(one_purchase(Category::welfare, ymd(2022, 1, 15), kr(626'284))) == Truth::yes);
        CHECK(direct_award(one_purchase(Category::welfare, ymd(2022, 1, 15), kr(626'285))) == Truth::unknown);
        CHECK_THAT(notes_sv(explain_direct(one_purchase(Category::welfare, ymd(2022, 1, 15), kr(626'284)))),
                   Catch::Contains("som gäller för alla kategorier"));
    }
    SECTION("welfare services in 2020: the general limit decides below it, the welfare limit above it") {
        CHECK(direct_award(one_purchase(Category::welfare, ymd(2020, 6, 1), kr(615'312))) == Truth::yes);
        CHECK(direct_award(one_purchase(Category::welfare, ymd(2020, 6, 1), kr(2'156'469))) == Truth::yes);
        CHECK(direct_award(one_purchase(Category::welfare, ymd(2020, 6, 1), kr(2'156'470))) == Truth::no);
    }
    SECTION("social services in 2020 above their limit: a hint that the welfare limit would apply, the answer unchanged") {
        const Agreement mid = one_purchase(Category::social_and_other_specific, ymd(2020, 6, 1), kr(1'000'000));
        CHECK(direct_award(mid) == Truth::no); // the category stated is not a welfare service
        CHECK_THAT(notes_sv(explain_direct(mid)), Catch::Contains("om tjänsten är en välfärdstjänst (bilaga 2 a till LOU) gäller i stället "
                                                                  "gränsen " +
                                                                  kr(2'156'469).display(true) + " (19 kap. LOU"));
        // Beyond the welfare limit too, or within the social limit, or after 2021: no hint.
        CHECK_THAT(notes_sv(explain_direct(one_purchase(Category::social_and_other_specific, ymd(2020, 6, 1), kr(2'156'470)))),
                   !Catch::Contains("välfärdstjänst (bilaga 2 a"));
        CHECK_THAT(notes_sv(explain_direct(one_purchase(Category::social_and_other_specific, ymd(2020, 6, 1), kr(600'000)))),
                   !Catch::Contains("välfärdstjänst (bilaga 2 a"));
        CHECK_THAT(notes_sv(explain_direct(one_purchase(Category::social_and_other_specific, ymd(2023, 6, 1), kr(9'000'000)))),
                   !Catch::Contains("välfärdstjänst (bilaga 2 a"));
    }
    SECTION("social services in 2024: within 700 000 by the floor, the EU threshold is exclusive above it") {
        CHECK(direct_award(one_purchase(Category::social_and_other_specific, ymd(2024, 3, 1), kr(700'000))) == Truth::yes);
        CHECK(direct_award(one_purchase(Category::social_and_other_specific, ymd(2024, 3, 1), kr(8'109'449))) == Truth::yes);
        CHECK(direct_award(one_purchase(Category::social_and_other_specific, ymd(2024, 3, 1), kr(8'109'450))) == Truth::no);
    }
    SECTION("general services: the general limit alone") {
        CHECK(direct_award(one_purchase(Category::general, ymd(2019, 5, 1), kr(586'907))) == Truth::yes);
        CHECK(direct_award(one_purchase(Category::general, ymd(2019, 5, 1), kr(586'908))) == Truth::no);
        CHECK(direct_award(one_purchase(Category::general, ymd(2026, 3, 1), kr(700'001))) == Truth::no);
    }
    SECTION("no general row either (before 2018): unknown, never a guess") {
        CHECK(direct_award(one_purchase(Category::social_and_other_specific, ymd(2017, 6, 1), kr(1))) == Truth::unknown);
    }
}

TEST_CASE("The limits' wording and paragraphs: inclusive 'överstiger inte', exclusive 'understiger'", "[procurement][wording]") {
    CHECK_THAT(direct.info().text.sv, Catch::Contains("överstiger inte direktupphandlingsgränsen"));
    CHECK_THAT(direct.info().citation, Catch::Contains("19 a kap. 2 §") && Catch::Contains("19 kap. 7 §"));
    const std::string within_general = notes_sv(explain_direct(one_purchase(Category::general, ymd(2024, 3, 1), kr(700'000))));
    CHECK_THAT(within_general, Catch::Contains("överstiger inte gränsen 700") && Catch::Contains("19 a kap. 2 § LOU") &&
                                   Catch::Contains("värdet får uppgå till högst beloppet"));
    CHECK_THAT(within_general, !Catch::Contains("understiger"));
    const std::string over_2021 = notes_sv(explain_direct(one_purchase(Category::general, ymd(2021, 3, 1), kr(700'000))));
    CHECK_THAT(over_2021, Catch::Contains("överstiger gränsen 615") && Catch::Contains("19 kap. 7 § LOU"));
    const std::string eu = notes_sv(explain_direct(one_purchase(Category::social_and_other_specific, ymd(2024, 3, 1), kr(5'000'000))));
    CHECK_THAT(eu, Catch::Contains("understiger gränsen 8") && Catch::Contains("EU:s tröskelvärde"));
}

TEST_CASE("Without principal_shares, the shares follow the allocation key that pays for the task", "[procurement][shares]") {
    SECTION("population key: Åsby pays 75 %, Bergvik 25 %") {
        CHECK(direct_award(two_principals(kr(933'333))) == Truth::yes); // Åsby 699 999,75
        CHECK(direct_award(two_principals(kr(933'334))) == Truth::no);  // Åsby 700 000,50
        const std::string n = notes_sv(explain_direct(two_principals(kr(900'000))));
        CHECK_THAT(n, Catch::Contains("Åsby kommun: andel av uppgiften «familjebehandling» 75 %") && Catch::Contains("fördelningsnyckeln") &&
                          Catch::Contains("Bergviks kommun: andel av uppgiften «familjebehandling» 25 %"));
    }
    SECTION("across dates and categories: 2020 general, 2024 social") {
        CHECK(direct_award(two_principals(kr(820'416), Category::general, ymd(2020, 6, 1))) == Truth::yes); // Åsby 615 312
        CHECK(direct_award(two_principals(kr(820'417), Category::general, ymd(2020, 6, 1))) == Truth::no);
        CHECK(direct_award(two_principals(kr(10'000'000), Category::social_and_other_specific)) == Truth::yes); // Åsby 7 500 000
        CHECK(direct_award(two_principals(kr(11'000'000), Category::social_and_other_specific)) == Truth::no);  // Åsby 8 250 000
    }
    SECTION("a date with no category row: the floor with key shares") {
        CHECK(direct_award(two_principals(kr(933'333), Category::social_and_other_specific, ymd(2026, 3, 1))) == Truth::yes);
        CHECK(direct_award(two_principals(kr(933'334), Category::social_and_other_specific, ymd(2026, 3, 1))) == Truth::unknown);
    }
    SECTION("fixed shares; the contractor's own weight is no purchase") {
        Agreement a = two_principals(kr(1'000'000));
        a.compensation->contractor_bears_share = true;
        a.compensation->allocation =
            Allocation{AllocationKey::fixed_shares,
                       std::vector<Weight>{{"norrstrom", Decimal::whole(50)}, {"asby", Decimal::whole(30)}, {"bergvik", Decimal::whole(20)}}};
        CHECK(direct_award(a) == Truth::yes);    // among the principals: Åsby 60 % = 600 000
        a.tasks[0].annual_value = kr(1'200'000); // Åsby 720 000
        CHECK(direct_award(a) == Truth::no);
    }
    SECTION("the task's own compensation decides over the agreement's") {
        Agreement a = two_principals(kr(1'000'000));
        Compensation own = *a.compensation;
        own.allocation = Allocation{AllocationKey::usage, std::vector<Weight>{{"asby", Decimal::whole(1)}, {"bergvik", Decimal::whole(1)}}};
        a.tasks[0].compensation = own;
        a.compensation.reset();
        CHECK(direct_award(a) == Truth::yes); // 500 000 each
        const std::string n = notes_sv(explain_direct(a));
        CHECK_THAT(n, Catch::Contains("/tasks/0/compensation") && Catch::Contains("50 %"));
    }
    SECTION("the key cannot give the shares: unknown, with what is missing") {
        Agreement a = two_principals(kr(1'000'000));
        a.compensation->allocation = Allocation{AllocationKey::fixed_shares, std::vector<Weight>{{"asby", Decimal::whole(100)}}};
        CHECK(direct_award(a) == Truth::unknown); // Bergvik missing from the key
        auto missing = explain_direct(a).missing;
        CHECK(std::find(missing.begin(), missing.end(), "/tasks/0/principal_shares") != missing.end());
        CHECK(std::find(missing.begin(), missing.end(), "/compensation/allocation/weights") != missing.end());
        a = two_principals(kr(1'000'000));
        a.parties[2].population.reset();
        CHECK(direct_award(a) == Truth::unknown);
        missing = explain_direct(a).missing;
        CHECK(std::find(missing.begin(), missing.end(), "/parties/2/population") != missing.end());
        a = two_principals(kr(1'000'000));
        a.compensation->allocation.reset();
        CHECK(direct_award(a) == Truth::unknown);
    }
    SECTION("stated shares still win over the key") {
        Agreement a = two_principals(kr(1'000'000));
        a.tasks[0].principal_shares = std::vector<PrincipalShare>{{"asby", Percent::whole(50)}, {"bergvik", Percent::whole(50)}};
        CHECK(direct_award(a) == Truth::yes);
    }
}

TEST_CASE("Other direct awards of the same kind count before 2022-02-01 only", "[procurement][same-kind]") {
    Agreement a = one_purchase(Category::general, ymd(2021, 6, 1), kr(500'000));
    CHECK(direct_award(a) == Truth::yes);
    CHECK_THAT(notes_sv(explain_direct(a)), Catch::Contains("other_direct_awards_same_kind"));
    a.parties[1].other_direct_awards_same_kind = OtherDirectAwards{kr(115'312), Category::general}; // 615 312 in all
    CHECK(direct_award(a) == Truth::yes);
    a.parties[1].other_direct_awards_same_kind = OtherDirectAwards{kr(115'313), Category::general};
    CHECK(direct_award(a) == Truth::no);
    CHECK_THAT(notes_sv(explain_direct(a)), Catch::Contains("räknas in i värdet"));
    a.assessment_date = ymd(2022, 2, 1); // 19 a kap.: 5 kap. governs the value; not added
    CHECK(direct_award(a) == Truth::yes);
    CHECK_THAT(notes_sv(explain_direct(a)), Catch::Contains("räknas inte in") && Catch::Contains("19 a kap. 1 §"));
    // The other awards may move the main object to another category.
    a = one_purchase(Category::general, ymd(2021, 6, 1), kr(500'000));
    a.parties[1].other_direct_awards_same_kind = OtherDirectAwards{kr(1'000'000), Category::welfare};
    CHECK(direct_award(a) == Truth::yes); // 1 500 000 under the welfare limit of 2 156 469
}

TEST_CASE("delegation.non_delegable: the LVU matters may never go to an employee", "[rules][delegation][lvu]") {
    Agreement a = norrstrom();
    a.tasks[0].nature = TaskNature::exercise_of_authority;
    a.delegation = Delegation{
        true, true, OnwardDelegation::forbidden, true, {Delegate{"familjebehandling", DelegateTo::employee, "norrstrom", Matter::individual_case}}};
    a.clauses->push_back(Clause::delegation_scope);
    CHECK(status_of(check(a), "delegation.non_delegable") == S::satisfied);
    a.delegation.delegates[0].matter = Matter::lvu_immediate_custody;
    Report r = check(a);
    CHECK(status_of(r, "delegation.non_delegable") == S::violated);
    CHECK_THAT(r.explain(*r.findings_of("delegation.non_delegable")[0]).notes.at(0).sv,
               Catch::Contains("6 § andra stycket") && Catch::Contains("ordföranden"));
    a.delegation.delegates[0].matter = Matter::lvu_whereabouts_secret;
    r = check(a);
    CHECK(status_of(r, "delegation.non_delegable") == S::violated);
    CHECK_THAT(r.explain(*r.findings_of("delegation.non_delegable")[0]).notes.at(0).sv, Catch::Contains("HFD 2016 ref. 74"));
    a.delegation.delegates[0].matter.reset();
    CHECK(status_of(check(a), "delegation.non_delegable") == S::undetermined);
    CHECK_THAT(rules::delegation_non_delegable().info().citation, Catch::Contains("lagen (1990:52)") && Catch::Contains("HFD 2016 ref. 74"));
}

TEST_CASE("content.take_back: how the principal takes the task back, distinct from termination", "[rules][content]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "content.take_back") == S::satisfied); // the fixture has the section
    a.clauses->erase(std::remove(a.clauses->begin(), a.clauses->end(), Clause::take_back), a.clauses->end());
    Report r = check(a);
    CHECK(status_of(r, "content.take_back") == S::violated);
    CHECK(r.verdict() == Verdict::ok);                                                 // a warning
    for (Status st : test::statuses(r, "content.required")) CHECK(st == S::satisfied); // termination is still there
    CHECK_THAT(rules::content_take_back().info().citation, Catch::Contains("prop. 2017/18:151 s. 29"));
    a.clauses.reset();
    CHECK(status_of(check(a), "content.take_back") == S::undetermined);
}

TEST_CASE("party.decision_body: the council decides, a committee or no decision is a warning", "[rules][party]") {
    Agreement a = norrstrom();
    Report r = check(a);
    CHECK(test::statuses(r, "party.decision_body") == std::vector<Status>{S::satisfied, S::satisfied});
    CHECK(rules::party_decision_body().info().severity == Severity::warning);
    a.parties[1].decision_body = DecisionBody::committee;
    r = check(a);
    CHECK(test::statuses(r, "party.decision_body") == std::vector<Status>{S::satisfied, S::violated});
    CHECK(r.verdict() == Verdict::ok);
    CHECK_THAT(r.explain(*r.findings_of("party.decision_body")[1]).notes.at(0).sv, Catch::Contains("5 kap. 1 § KL"));
    a.parties[1].decision_body = DecisionBody::not_decided;
    CHECK(test::statuses(check(a), "party.decision_body") == std::vector<Status>{S::satisfied, S::violated});
    a.parties[1].decision_body.reset();
    r = check(a);
    CHECK(test::statuses(r, "party.decision_body") == std::vector<Status>{S::satisfied, S::undetermined});
    CHECK(r.explain(*r.findings_of("party.decision_body")[1]).missing == std::vector<std::string>{"/parties/1/decision_body"});
}

TEST_CASE("Corrected citations: federations, content.conditional, the precedence rule of 9 kap. 37 § tredje stycket", "[rules][citations]") {
    CHECK_THAT(rules::party_federation_mandate().info().citation, Catch::Contains("9 kap. 2–3 §§") && Catch::Contains("3 kap. 8 §"));
    CHECK_THAT(rules::party_federation_mandate().info().citation, !Catch::Contains("9 kap. 3 § kommunallagen"));
    CHECK_THAT(rules::content_conditional().info().citation, !Catch::Contains("9 kap. 37 §"));
    CHECK_THAT(rules::content_conditional().info().citation, Catch::Contains("SKR"));
    CHECK_THAT(rules::task_special_legislation().info().citation, Catch::Contains("tredje stycket") && Catch::Contains("avvikande"));
    // Per area: what the area's statutes say on avtalssamverkan or delegation.
    Agreement a = norrstrom();
    a.tasks[0].area = Area::children_and_youth;
    Report r = check(a);
    std::string m = message(r, *r.findings_of("task.special_legislation")[0], Lang::sv);
    CHECK_THAT(m, Catch::Contains("6 § andra stycket") && Catch::Contains("10 kap. socialtjänstlagen (2001:453)"));
    a.assessment_date = ymd(2025, 9, 1);
    r = check(a);
    CHECK_THAT(message(r, *r.findings_of("task.special_legislation")[0], Lang::sv), Catch::Contains("socialtjänstlagens (2025:400)"));
    a.tasks[0].area = Area::environment;
    a.tasks[0].target_group_children = false;
    r = check(a);
    CHECK_THAT(message(r, *r.findings_of("task.special_legislation")[0], Lang::sv), Catch::Contains("upphävdes 2018-07-01"));
    a.tasks[0].area = Area::it;
    r = check(a);
    CHECK_THAT(message(r, *r.findings_of("task.special_legislation")[0], Lang::sv), !Catch::Contains("avtalssamverkan och delegering"));
}

TEST_CASE("JSON: decision_body and other_direct_awards_same_kind are read, written and checked", "[io][json]") {
    Agreement a = norrstrom();
    a.parties[1].other_direct_awards_same_kind = OtherDirectAwards{kr(125'000), Category::general};
    a.parties[0].decision_body = DecisionBody::committee;
    a.delegation = Delegation{true,
                              true,
                              OnwardDelegation::forbidden,
                              true,
                              {Delegate{"familjebehandling", DelegateTo::employee, "norrstrom", Matter::lvu_whereabouts_secret}}};
    const std::string text = json::write_agreement(a);
    CHECK_THAT(text, Catch::Contains("\"other_direct_awards_same_kind\"") && Catch::Contains("\"take_back\"") &&
                         Catch::Contains("\"lvu_whereabouts_secret\""));
    const json::ReadResult back = json::read_agreement(text);
    for (const auto& p : back.problems) INFO(p.path << ": " << p.message);
    if (!back.problems.empty()) FAIL(back.problems[0].path + ": " + back.problems[0].message);
    REQUIRE(back);
    CHECK(*back.agreement == a);
    const json::ReadResult r = json::read_agreement(R"({"parties":[{"id":"a","other_direct_awards_same_kind":{"amount":1000}}]})");
    CHECK_FALSE(r);
    bool found = false;
    for (const auto& p : r.problems) found = found || p.path == "/parties/0/other_direct_awards_same_kind/category";
    CHECK(found);
    const json::ReadResult r2 = json::read_agreement(R"({"parties":[{"id":"a","decision_body":"mayor"}]})");
    CHECK_FALSE(r2);
}

TEST_CASE("A principal named by many tasks: each task's direct-award test sums all of them, the same whatever the order",
          "[procurement][shares][memo]") {
    // Twelve tasks for Åsby (75 % by population) and Bergvik (25 %), each
    // 80 000 kr a year for 12 months: Åsby's value is 12 × 60 000 = 720 000
    // kr, over the general limit of 700 000 kr (2024); eleven give 660 000.
    const auto tasks = [](std::size_t n) {
        Agreement a = two_principals(kr(80'000));
        a.term = Term{12, 0, false};
        for (std::size_t i = 1; i < n; ++i) {
            Task t = a.tasks[0];
            t.id += "-" + std::to_string(i);
            a.tasks.push_back(std::move(t));
        }
        return a;
    };
    const Agreement twelve = tasks(12);
    const Agreement eleven = tasks(11);
    for (std::size_t i = 0; i < 12; ++i) CHECK(direct_award(twelve, i) == Truth::no);
    for (std::size_t i = 0; i < 11; ++i) CHECK(direct_award(eleven, i) == Truth::yes);
    // One more task whose nature is unknown may be a service: at most 720 000, so unknown.
    Agreement maybe = eleven;
    maybe.tasks.push_back(maybe.tasks[0]);
    maybe.tasks.back().id = "maybe";
    maybe.tasks.back().nature.reset();
    CHECK(direct_award(maybe, 0) == Truth::unknown);
    CHECK(direct_award(maybe, 10) == Truth::unknown);
    const Explanation fresh = explain_direct(maybe, 3);
    CHECK(std::find(fresh.missing.begin(), fresh.missing.end(), "/tasks/11/nature") != fresh.missing.end());
    CHECK_THAT(notes_sv(fresh), Catch::Contains("Åsby kommun: andel av uppgiften «familjebehandling-7» 75 %"));
    // The same explanation after other tasks were tested and explained in one context.
    const Context ctx{maybe, std::nullopt, nullptr};
    for (std::size_t i = 0; i < maybe.tasks.size(); ++i) (void)direct(TaskSubject{&ctx, i});
    (void)direct.explain(TaskSubject{&ctx, 0});
    const Explanation later = direct.explain(TaskSubject{&ctx, 3});
    CHECK(notes_sv(later) == notes_sv(fresh));
    CHECK(later.missing == fresh.missing);
    CHECK(later.value == fresh.value);
}
