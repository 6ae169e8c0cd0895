// The task rules (include/avtal/law/rules/tasks.hpp): holds, violated,
// unknown, on the chapter 5 agreement with one fact changed.
#include "support.hpp"

#include <avtal/law/rules.hpp>

#include <algorithm>

using namespace avtal;
using avtal::test::norrstrom;
using avtal::test::status_of;
using avtal::test::statuses;
using avtal::test::with_delegation;
using avtal::test::ymd;
using S = Status;

TEST_CASE("task.cooperation_in_force", "[rules][task]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "task.cooperation_in_force") == S::satisfied);
    SECTION("on the day 9 kap. 37 § KL came into force") {
        a.assessment_date = ymd(2018, 7, 1);
        CHECK(status_of(check(a), "task.cooperation_in_force") == S::satisfied);
    }
    SECTION("the day before: no general right to avtalssamverkan, so undetermined, and the verdict with it") {
        a.assessment_date = ymd(2018, 6, 30);
        const Report r = check(a);
        CHECK(status_of(r, "task.cooperation_in_force") == S::undetermined);
        CHECK(r.verdict() == Verdict::incomplete);
        const std::string sv = message(r, *r.findings_of("task.cooperation_in_force")[0], Lang::sv);
        CHECK_THAT(sv, Catch::Contains("före 2018-07-01") && Catch::Contains("stöd i speciallag"));
        CHECK_THAT(sv, !Catch::Contains("1991:900"));
    }
    SECTION("before kommunallagen (2017:725) itself") {
        a.assessment_date = ymd(2017, 10, 1);
        const Report r = check(a);
        CHECK(status_of(r, "task.cooperation_in_force") == S::undetermined);
        CHECK_THAT(message(r, *r.findings_of("task.cooperation_in_force")[0], Lang::en), Catch::Contains("kommunallagen (1991:900) applied"));
    }
}

TEST_CASE("task.roles", "[rules][task]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "task.roles") == S::satisfied);
    SECTION("contractor among the principals") {
        a.tasks[0].principals->push_back("norrstrom");
        CHECK(status_of(check(a), "task.roles") == S::violated);
    }
    SECTION("no principal") {
        a.tasks[0].principals->clear();
        CHECK(status_of(check(a), "task.roles") == S::violated);
    }
    SECTION("a principal that is not a party: a finding, and invalid input, never an exception") {
        a.tasks[0].principals = std::vector<Id>{"gransby"};
        Report r = check(a);
        CHECK(status_of(r, "task.roles") == S::violated);
        CHECK(r.verdict() == Verdict::invalid);
        REQUIRE(r.problems().size() >= 1);
        CHECK(r.problems()[0].to_string() == "/tasks/0/principals/0: unknown party \"gransby\"");
    }
    SECTION("contractor unknown") {
        a.tasks[0].contractor.reset();
        const Report r = check(a);
        CHECK(status_of(r, "task.roles") == S::undetermined);
        CHECK(test::missing_of(r, "task.roles") == std::vector<std::string>{"/tasks/0/contractor"});
    }
}

TEST_CASE("task.within_competence", "[rules][task]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "task.within_competence") == S::satisfied);
    a.tasks[0].within_competence = false;
    CHECK(status_of(check(a), "task.within_competence") == S::violated);
    a.tasks[0].within_competence.reset();
    const Report r = check(a);
    CHECK(status_of(r, "task.within_competence") == S::undetermined);
    CHECK(test::missing_of(r, "task.within_competence") == std::vector<std::string>{"/tasks/0/within_competence"});
}

TEST_CASE("task.contractor_competence", "[rules][task]") {
    Agreement a = norrstrom();
    const auto party = [&](const char* id) -> Party& {
        for (auto& p : a.parties)
            if (p.id == id) return p;
        FAIL("no party " << id);
        return a.parties[0];
    };
    // Two municipalities: the same kind of competence.
    CHECK(status_of(check(a), "task.contractor_competence") == S::satisfied);
    SECTION("stated: outside the contractor's competence") {
        a.tasks[0].within_contractor_competence = false;
        CHECK(status_of(check(a), "task.contractor_competence") == S::violated);
    }
    SECTION("a municipality performs health care for a region: unknown until stated") {
        party("fjallviken").kind = PartyKind::region;
        a.tasks[0].area = Area::health_care;
        const Report r = check(a);
        CHECK(status_of(r, "task.contractor_competence") == S::undetermined);
        CHECK(test::missing_of(r, "task.contractor_competence") == std::vector<std::string>{"/tasks/0/within_contractor_competence"});
        a.tasks[0].within_contractor_competence = true;
        CHECK(status_of(check(a), "task.contractor_competence") == S::satisfied);
    }
    SECTION("a municipality performs social services with a region among the principals (Östergötland HVB)") {
        party("fjallviken").kind = PartyKind::region;
        a.tasks[0].area = Area::children_and_youth;
        CHECK(status_of(check(a), "task.contractor_competence") == S::satisfied);
    }
    SECTION("a region performs building permits for a municipality: unknown") {
        party("norrstrom").kind = PartyKind::region;
        a.tasks[0].area = Area::planning_and_building;
        CHECK(status_of(check(a), "task.contractor_competence") == S::undetermined);
    }
    SECTION("a federation's competence is its mandate (party.federation_mandate), not this rule") {
        party("norrstrom").kind = PartyKind::municipal_federation;
        a.tasks[0].within_contractor_competence = false;
        CHECK(status_of(check(a), "task.contractor_competence") == S::satisfied);
    }
    SECTION("a principal's kind unknown") {
        party("fjallviken").kind.reset();
        const Report r = check(a);
        CHECK(status_of(r, "task.contractor_competence") == S::undetermined);
        const auto missing = test::missing_of(r, "task.contractor_competence");
        CHECK(std::find(missing.begin(), missing.end(), "/parties/1/kind") != missing.end());
    }
}

TEST_CASE("task.huvudman_retained", "[rules][task]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "task.huvudman_retained") == S::satisfied);
    SECTION("moved to the contractor: not avtalssamverkan") {
        a.tasks[0].huvudman = std::vector<Id>{"norrstrom"};
        CHECK(status_of(check(a), "task.huvudman_retained") == S::violated);
    }
    SECTION("the contractor may be huvudman of the facility it runs (Östergötland HVB)") {
        a.tasks[0].huvudman = std::vector<Id>{"fjallviken", "norrstrom"};
        CHECK(status_of(check(a), "task.huvudman_retained") == S::satisfied);
    }
    SECTION("unknown") {
        a.tasks[0].huvudman.reset();
        const Report r = check(a);
        CHECK(status_of(r, "task.huvudman_retained") == S::undetermined);
        CHECK(test::missing_of(r, "task.huvudman_retained") == std::vector<std::string>{"/tasks/0/huvudman"});
    }
}

TEST_CASE("task.special_legislation lists the statutes in force on the assessment date", "[rules][task]") {
    using test::ymd;
    const auto laws = [](Area area, std::optional<Date> d, bool children = false) {
        Task t;
        t.area = area;
        t.target_group_children = children;
        std::vector<std::string> out;
        for (const auto& l : special_legislation(t, d)) out.push_back(l.sv);
        return out;
    };
    CHECK(laws(Area::social_services, ymd(2025, 6, 30)) == std::vector<std::string>{"socialtjänstlagen (2001:453)"});
    CHECK(laws(Area::social_services, ymd(2025, 7, 1)) == std::vector<std::string>{"socialtjänstlag (2025:400)"});
    CHECK(laws(Area::disability, ymd(2024, 1, 1)) ==
          std::vector<std::string>{"lagen (1993:387) om stöd och service till vissa funktionshindrade (LSS)", "socialtjänstlagen (2001:453)"});
    CHECK(laws(Area::addiction, ymd(2026, 1, 1)) ==
          std::vector<std::string>{"socialtjänstlag (2025:400)", "lagen (1988:870) om vård av missbrukare i vissa fall (LVM)"});
    CHECK(laws(Area::social_services, ymd(2024, 3, 1), true) ==
          std::vector<std::string>{"socialtjänstlagen (2001:453)", "lagen (1990:52) med särskilda bestämmelser om vård av unga (LVU)"});
    CHECK(laws(Area::education, ymd(2024, 1, 1)) == std::vector<std::string>{"skollagen (2010:800)"});
    CHECK(laws(Area::planning_and_building, ymd(2024, 1, 1)) == std::vector<std::string>{"plan- och bygglagen (2010:900)"});
    CHECK(laws(Area::it, ymd(2024, 1, 1)).empty());
    // The seed's "lagen om stöd och skydd för barn och unga" was never enacted.
    for (const auto& l : laws(Area::children_and_youth, ymd(2024, 1, 1), true)) CHECK(l.find("stöd och skydd") == std::string::npos);
    // An unknown date names both versions of socialtjänstlagen.
    CHECK_THAT(laws(Area::social_services, std::nullopt)[0], Catch::Contains("2001:453") && Catch::Contains("2025:400"));

    // Miljöbalken's and PBL's own rules on avtalssamverkan were repealed on
    // 2018-07-01: they apply instead of 9 kap. 37 § only before that day, and
    // after it the message says they are gone (never that they apply).
    {
        Task t;
        t.area = Area::waste;
        CHECK(special_cooperation_rules(t, ymd(2018, 7, 1)).empty());
        REQUIRE(special_cooperation_rules(t, ymd(2018, 6, 30)).size() == 1);
        CHECK_THAT(special_cooperation_rules(t, ymd(2018, 6, 30))[0].sv, Catch::Contains("Miljöbalken (1998:808) har egna regler"));
        CHECK_FALSE(repealed_cooperation_rules(t, ymd(2018, 6, 30)));
        REQUIRE(repealed_cooperation_rules(t, ymd(2024, 1, 1)));
        CHECK_THAT(repealed_cooperation_rules(t, ymd(2024, 1, 1))->sv, Catch::Contains("upphävdes 2018-07-01"));
        t.area = Area::it;
        CHECK_FALSE(repealed_cooperation_rules(t, ymd(2024, 1, 1)));
        Agreement w = norrstrom();
        w.tasks[0].area = Area::environment;
        const Report rw = check(w);
        const std::string sv = message(rw, *rw.findings_of("task.special_legislation")[0], Lang::sv);
        CHECK_THAT(sv, Catch::Contains("upphävdes 2018-07-01") && !Catch::Contains("gäller i stället"));
    }

    // In a report: info, always listed, satisfied, never violated.
    Agreement a = norrstrom();
    const Report r = check(a);
    CHECK(status_of(r, "task.special_legislation") == S::satisfied);
    CHECK_THAT(message(r, *r.findings_of("task.special_legislation")[0], Lang::sv), Catch::Contains("socialtjänstlagen (2001:453)"));
    a.tasks[0].area.reset();
    CHECK(status_of(check(a), "task.special_legislation") == S::satisfied);
}

TEST_CASE("task.special_legislation: the message kept per setting is the one built afresh, for every setting", "[rules][task]") {
    // Every area (and none) × children (unstated, no, yes) × nature (unstated,
    // service, authority) × dates around each cut, visited twice in opposite
    // orders: whichever task of a setting filled the rule's store, every other
    // task of that setting gets its own freshly built message.
    std::vector<std::optional<Area>> areas{std::nullopt};
    for (int k = 0; k <= static_cast<int>(Area::other); ++k) areas.emplace_back(static_cast<Area>(k));
    const std::vector<std::optional<bool>> children{std::nullopt, false, true};
    const std::vector<std::optional<TaskNature>> natures{std::nullopt, TaskNature::service, TaskNature::exercise_of_authority};
    const std::vector<std::optional<Date>> dates{std::nullopt,     ymd(2017, 1, 1), ymd(2018, 6, 30), ymd(2018, 7, 1),
                                                 ymd(2025, 6, 30), ymd(2025, 7, 1), ymd(2026, 3, 1)};
    std::vector<Agreement> cases;
    for (const auto& area : areas)
        for (const auto& c : children)
            for (const auto& n : natures)
                for (const auto& d : dates) {
                    Agreement a = norrstrom();
                    a.tasks[0].area = area;
                    a.tasks[0].target_group_children = c;
                    a.tasks[0].nature = n;
                    a.assessment_date = d;
                    cases.push_back(std::move(a));
                }
    const auto compare = [](const Agreement& a) {
        const Context ctx{a};
        const Text kept = rules::task_special_legislation().detail(ctx, SubjectRef{Scope::task, 0}, Status::satisfied);
        const Text fresh = detail::special_legislation_message(a.tasks[0], ctx.date());
        CHECK(kept == fresh);
    };
    for (const Agreement& a : cases) compare(a);
    std::reverse(cases.begin(), cases.end());
    for (const Agreement& a : cases) compare(a);
}
