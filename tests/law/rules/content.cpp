// The content rules (include/avtal/law/rules/content.hpp): one finding per
// section; holds, violated, unknown.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::norrstrom;
using avtal::test::status_of;
using avtal::test::statuses;
using avtal::test::with_delegation;
using S = Status;

TEST_CASE("content.required: one finding per missing section", "[rules][content]") {
    Agreement a = norrstrom();
    CHECK(statuses(check(a), "content.required") == std::vector<S>(8, S::satisfied));
    a.clauses = std::vector<Clause>{Clause::parties, Clause::economic_terms};
    const Report r = check(a);
    // parties ok, contractor_tasks missing, delegation_scope not needed, economic ok, 4 more missing
    CHECK(statuses(r, "content.required") ==
          std::vector<S>{S::satisfied, S::violated, S::satisfied, S::satisfied, S::violated, S::violated, S::violated, S::violated});
    CHECK_THAT(message(r, *r.findings_of("content.required")[7], Lang::sv), Catch::Contains("uppsägning"));
    Agreement d = with_delegation();
    d.clauses->pop_back(); // no delegation_scope
    CHECK(statuses(check(d), "content.required")[2] == S::violated);
    a.clauses.reset();
    const Report u = check(a);
    // Unknown sections, except delegation_scope, which is not needed here.
    CHECK(statuses(u, "content.required") == std::vector<S>{S::undetermined, S::undetermined, S::satisfied, S::undetermined, S::undetermined,
                                                            S::undetermined, S::undetermined, S::undetermined});
    CHECK(u.findings_of("content.required")[0]->missing == std::vector<std::string>{"/clauses"});
}

TEST_CASE("content.conditional", "[rules][content]") {
    Agreement a = norrstrom();
    CHECK(statuses(check(a), "content.conditional") == std::vector<S>(4, S::satisfied));
    a.clauses = std::vector<Clause>{};
    a.creates_copyright_material = true;
    CHECK(statuses(check(a), "content.conditional") == std::vector<S>(4, S::violated));
    a.information.personal_data = false;
    a.creates_copyright_material = false;
    CHECK(statuses(check(a), "content.conditional") == std::vector<S>{S::satisfied, S::satisfied, S::satisfied, S::violated}); // insurance always
    a.creates_copyright_material.reset();
    const Report r = check(a);
    CHECK(statuses(r, "content.conditional")[2] == S::undetermined);
    CHECK(r.findings_of("content.conditional")[2]->missing == std::vector<std::string>{"/creates_copyright_material"});
}

TEST_CASE("content.children (Socialstyrelsen)", "[rules][content]") {
    Agreement a = norrstrom();
    CHECK(statuses(check(a), "content.children") == std::vector<S>(5, S::satisfied));
    a.clauses = std::vector<Clause>{Clause::target_group};
    CHECK(statuses(check(a), "content.children") == std::vector<S>{S::satisfied, S::violated, S::violated, S::violated, S::violated});
    a.tasks[0].target_group_children = false;
    CHECK(statuses(check(a), "content.children") == std::vector<S>(5, S::satisfied));
    a.tasks[0].target_group_children.reset();
    const Report r = check(a);
    CHECK(statuses(r, "content.children")[1] == S::undetermined);
    CHECK(r.findings_of("content.children")[1]->missing == std::vector<std::string>{"/tasks/0/target_group_children"});
}

TEST_CASE("content.children_warranted (Socialstyrelsen)", "[rules][content]") {
    Agreement a = norrstrom(); // structured family treatment for children aged 12–17
    a.tasks.push_back(a.tasks[0]);
    a.tasks[1].id = "ekonomiservice";
    a.tasks[1].target_group_children = false;
    SECTION("a task for children: an info finding naming the situations") {
        const Report r = check(a);
        const auto f = r.findings_of("content.children_warranted");
        REQUIRE(f.size() == 1);
        CHECK(f[0]->subject.index == 0);
        CHECK(f[0]->status == S::satisfied);
        const std::string sv = message(r, *f[0], Lang::sv);
        CHECK_THAT(sv, Catch::Contains("Uppgiften gäller barn och unga."));
        for (const char* situation : {"insatser med tvång", "omfattande insatser från flera verksamheter", "neuropsykiatriska tillstånd",
                                      "funktionsnedsättning eller sjukdom", "ogiltig frånvaro", "falla ur skolsystemet"})
            CHECK_THAT(sv, Catch::Contains(situation));
        const std::string en = message(r, *f[0], Lang::en);
        for (const char* situation : {"compulsory care", "extensive support from several services", "neuropsychiatric conditions",
                                      "disability or illness", "unauthorised absence", "leaving school"})
            CHECK_THAT(en, Catch::Contains(situation));
        CHECK(f[0]->rule->info().severity == Severity::info); // never part of the verdict
    }
    SECTION("no task for children: no finding") {
        a.tasks[0].target_group_children = false;
        CHECK(check(a).findings_of("content.children_warranted").empty());
    }
    SECTION("the target group unknown: listed, saying the fact is not stated") {
        a.tasks[0].target_group_children = std::nullopt;
        const Report r = check(a);
        const auto f = r.findings_of("content.children_warranted");
        REQUIRE(f.size() == 1);
        CHECK(f[0]->status == S::satisfied);
        CHECK(f[0]->missing.empty());
        CHECK_THAT(message(r, *f[0], Lang::sv), Catch::Contains("Det är inte angivet om uppgiften gäller barn och unga"));
        CHECK_THAT(message(r, *f[0], Lang::en), Catch::Contains("if it does: Socialstyrelsen says"));
    }
}
