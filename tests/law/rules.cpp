// The agreement rules of SPEC §4 (all but procurement): each rule with a
// case where it holds, one where it is violated and one where a needed fact
// is unknown. Cases are the Norrström–Fjällviken agreement of SKR 2023
// kap. 5 with one fact changed.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::norrstrom;
using avtal::test::status_of;
using avtal::test::statuses;

namespace {

using S = Status;

Agreement with_delegation() {
    Agreement a = norrstrom();
    a.delegation.used = true;
    a.delegation.agreed = true;
    a.delegation.onward_delegation = OnwardDelegation::forbidden;
    a.delegation.reporting_to_principal = true;
    a.delegation.delegates = {Delegate{"familjebehandling", DelegateTo::employee, "norrstrom", Matter::individual_case}};
    a.clauses->push_back(Clause::delegation_scope);
    return a;
}

} // namespace

TEST_CASE("The Norrström–Fjällviken agreement of chapter 5 passes the agreement rules", "[rules][seed]") {
    const Agreement a = norrstrom();
    const Report r = check(a);
    CHECK(r.problems().empty());
    CHECK(r.verdict() == Verdict::ok);
    CHECK(test::violated_ids(r).empty());
    for (const Finding& f : r.findings()) {
        INFO(f.rule->id() << " " << subject_path(r, f));
        CHECK(f.status == Status::satisfied);
    }
}

TEST_CASE("The chapter 5 agreement with one flaw fails with exactly the expected rule ids", "[rules][seed]") {
    SECTION("a municipal company as a party") {
        Agreement a = norrstrom();
        a.parties.push_back(Party{"norrstrom_bostader", "Norrströms Bostäder AB", PartyKind::municipal_company, std::nullopt, std::nullopt});
        const Report r = check(a);
        CHECK(test::violated_ids(r) == std::vector<std::string>{"party.kind_allowed"});
        CHECK(r.verdict() == Verdict::violations);
    }
    SECTION("decisions delegated to a consultant") {
        Agreement a = with_delegation();
        a.delegation.delegates[0].to = DelegateTo::consultant;
        const Report r = check(a);
        CHECK(test::violated_ids(r) == std::vector<std::string>{"delegation.employees_only"});
    }
    SECTION("compensation above cost") {
        Agreement a = norrstrom();
        a.compensation->money_per_year = Money::from_kronor(5'400'000);
        const Report r = check(a);
        CHECK(test::violated_ids(r) == std::vector<std::string>{"compensation.no_profit"});
        const auto f = r.findings_of("compensation.no_profit");
        REQUIRE(f.size() == 1);
        CHECK_THAT(message(r, *f[0], Lang::sv), Catch::Contains("Överskott: 400\u00a0000\u00a0kr"));
        CHECK_THAT(message(r, *f[0], Lang::en), Catch::Contains("Surplus: SEK 400,000"));
    }
    SECTION("the follow-up routine missing") {
        Agreement a = norrstrom();
        a.oversight.follow_up = false;
        const Report r = check(a);
        CHECK(test::violated_ids(r) == std::vector<std::string>{"oversight.follow_up"});
        CHECK(r.verdict() == Verdict::ok); // guidance, not law: a warning
    }
}

TEST_CASE("party.kind_allowed", "[rules][party]") {
    Agreement a = norrstrom();
    CHECK(statuses(check(a), "party.kind_allowed") == std::vector<S>{S::satisfied, S::satisfied});
    a.parties[1].kind = PartyKind::private_company;
    const Report r = check(a);
    CHECK(statuses(r, "party.kind_allowed") == std::vector<S>{S::satisfied, S::violated});
    const auto f = r.findings_of("party.kind_allowed");
    CHECK_THAT(message(r, *f[1], Lang::sv), Catch::Contains("Parten «Fjällvikens kommun» är inte"));
    CHECK(subject_path(r, *f[1]) == "/parties/1");
    a.parties[1].kind = PartyKind::state_agency;
    CHECK(statuses(check(a), "party.kind_allowed")[1] == S::violated);
    a.parties[1].kind = PartyKind::region;
    CHECK(statuses(check(a), "party.kind_allowed")[1] == S::satisfied);
    a.parties[1].kind.reset();
    const Report u = check(a);
    CHECK(statuses(u, "party.kind_allowed")[1] == S::undetermined);
    CHECK(u.findings_of("party.kind_allowed")[1]->missing == std::vector<std::string>{"/parties/1/kind"});
    CHECK(u.verdict() == Verdict::incomplete);
}

TEST_CASE("party.federation_mandate", "[rules][party]") {
    Agreement a = norrstrom();
    a.parties[0].kind = PartyKind::municipal_federation;
    a.parties[0].mandate_covers_tasks = true;
    CHECK(statuses(check(a), "party.federation_mandate") == std::vector<S>{S::satisfied, S::satisfied});
    a.parties[0].mandate_covers_tasks = false;
    CHECK(statuses(check(a), "party.federation_mandate")[0] == S::violated);
    a.parties[0].mandate_covers_tasks.reset();
    const Report u = check(a);
    CHECK(statuses(u, "party.federation_mandate")[0] == S::undetermined);
    CHECK(u.findings_of("party.federation_mandate")[0]->missing == std::vector<std::string>{"/parties/0/mandate_covers_tasks"});
}

TEST_CASE("party.at_least_two", "[rules][party]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "party.at_least_two") == S::satisfied);
    a.parties.pop_back();
    CHECK(status_of(check(a), "party.at_least_two") == S::violated);
    // A repeated party is one party (and bad input).
    Agreement b = norrstrom();
    b.parties[1].id = "norrstrom";
    const Report rb = check(b);
    CHECK(status_of(rb, "party.at_least_two") == S::violated);
    CHECK(rb.verdict() == Verdict::invalid);
    // Never unknown: ids are always stated. An agreement without parties.
    Agreement c = norrstrom();
    c.parties.clear();
    const Report rc = check(c);
    CHECK(status_of(rc, "party.at_least_two") == S::violated);
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

    // In a report: info, always listed, satisfied, never violated.
    Agreement a = norrstrom();
    const Report r = check(a);
    CHECK(status_of(r, "task.special_legislation") == S::satisfied);
    CHECK_THAT(message(r, *r.findings_of("task.special_legislation")[0], Lang::sv), Catch::Contains("socialtjänstlagen (2001:453)"));
    a.tasks[0].area.reset();
    CHECK(status_of(check(a), "task.special_legislation") == S::satisfied);
}

TEST_CASE("delegation.agreed", "[rules][delegation]") {
    Agreement a = with_delegation();
    CHECK(status_of(check(a), "delegation.agreed") == S::satisfied);
    CHECK(status_of(check(norrstrom()), "delegation.agreed") == S::satisfied); // not used: not applicable
    a.delegation.agreed = false;
    CHECK(status_of(check(a), "delegation.agreed") == S::violated);
    a.delegation.agreed.reset();
    const Report r = check(a);
    CHECK(status_of(r, "delegation.agreed") == S::undetermined);
    CHECK(test::missing_of(r, "delegation.agreed") == std::vector<std::string>{"/delegation/agreed"});
    Agreement b = norrstrom();
    b.delegation.used.reset();
    const Report rb = check(b);
    CHECK(status_of(rb, "delegation.agreed") == S::undetermined);
    CHECK(test::missing_of(rb, "delegation.agreed") == std::vector<std::string>{"/delegation/used", "/delegation/agreed"});
}

TEST_CASE("delegation.employees_only", "[rules][delegation]") {
    Agreement a = with_delegation();
    CHECK(status_of(check(a), "delegation.employees_only") == S::satisfied);
    for (DelegateTo to : {DelegateTo::consultant, DelegateTo::elected_official, DelegateTo::company_employee}) {
        a.delegation.delegates[0].to = to;
        CHECK(status_of(check(a), "delegation.employees_only") == S::violated);
    }
    a.delegation.delegates[0].to = DelegateTo::employee;
    a.delegation.delegates[0].employer = "fjallviken"; // the principal's own staff: ordinary, lawful delegation (7 kap. 5 § KL)
    CHECK(status_of(check(a), "delegation.employees_only") == S::satisfied);
    a.parties.push_back(Party{"gransby", "Gränsby kommun", PartyKind::municipality, 3000, std::nullopt});
    a.delegation.delegates[0].employer = "gransby"; // a third party's employee: no
    CHECK(status_of(check(a), "delegation.employees_only") == S::violated);
    a.delegation.delegates[0].employer = "norrstrom";
    a.delegation.delegates[0].to.reset();
    const Report r = check(a);
    CHECK(status_of(r, "delegation.employees_only") == S::undetermined);
    CHECK(test::missing_of(r, "delegation.employees_only") == std::vector<std::string>{"/delegation/delegates/0/to"});
}

TEST_CASE("A violated delegation finding says why in its message", "[rules][delegation]") {
    Agreement a = with_delegation();
    a.delegation.delegates[0].matter = Matter::appeal_statement;
    const Report r = check(a);
    CHECK_THAT(message(r, *r.findings_of("delegation.non_delegable")[0], Lang::sv),
               Catch::Contains("6 kap. 38 § 2") && Catch::Contains("överklagats"));
    a.delegation.delegates[0].matter = Matter::individual_case;
    a.delegation.delegates[0].to = DelegateTo::consultant;
    const Report c = check(a);
    CHECK_THAT(message(c, *c.findings_of("delegation.employees_only")[0], Lang::en), Catch::Contains("A consultant is not an employee."));
    // "used": false while delegations are listed is a contradiction: bad input.
    a.delegation.used = false;
    CHECK(check(a).problems().at(0).to_string() == "/delegation/used: delegation.used is false, but delegations are listed");
}

TEST_CASE("delegation.within_agreement", "[rules][delegation]") {
    Agreement a = with_delegation();
    CHECK(status_of(check(a), "delegation.within_agreement") == S::satisfied);
    a.delegation.delegates[0].task = "ekonomiskt_bistand";
    const Report r = check(a);
    CHECK(status_of(r, "delegation.within_agreement") == S::violated);
    CHECK(r.verdict() == Verdict::invalid); // also a dangling reference
    a.delegation.delegates[0].task.reset();
    const Report u = check(a);
    CHECK(status_of(u, "delegation.within_agreement") == S::undetermined);
    CHECK(test::missing_of(u, "delegation.within_agreement") == std::vector<std::string>{"/delegation/delegates/0/task"});
}

TEST_CASE("delegation.onward_stated", "[rules][delegation]") {
    Agreement a = with_delegation();
    CHECK(status_of(check(a), "delegation.onward_stated") == S::satisfied);
    a.delegation.onward_delegation.reset(); // the agreement does not say
    CHECK(status_of(check(a), "delegation.onward_stated") == S::violated);
    Agreement b = norrstrom();
    b.delegation.used.reset();
    const Report r = check(b);
    CHECK(status_of(r, "delegation.onward_stated") == S::undetermined);
    CHECK(test::missing_of(r, "delegation.onward_stated") == std::vector<std::string>{"/delegation/used"});
}

TEST_CASE("delegation.reporting", "[rules][delegation]") {
    Agreement a = with_delegation();
    CHECK(status_of(check(a), "delegation.reporting") == S::satisfied);
    a.delegation.reporting_to_principal = false;
    CHECK(status_of(check(a), "delegation.reporting") == S::violated);
    a.delegation.reporting_to_principal.reset();
    const Report r = check(a);
    CHECK(status_of(r, "delegation.reporting") == S::undetermined);
    CHECK(test::missing_of(r, "delegation.reporting") == std::vector<std::string>{"/delegation/reporting_to_principal"});
}

TEST_CASE("delegation.non_delegable follows 6 kap. 38 § KL", "[rules][delegation]") {
    Agreement a = with_delegation();
    CHECK(status_of(check(a), "delegation.non_delegable") == S::satisfied);
    for (Matter m : {Matter::policy, Matter::council_submission, Matter::appeal_statement, Matter::matter_of_principle, Matter::citizen_proposal,
                     Matter::reserved_by_statute}) {
        a.delegation.delegates[0].matter = m;
        const Report r = check(a);
        INFO(to_string(m));
        CHECK(status_of(r, "delegation.non_delegable") == S::violated);
        CHECK_THAT(r.explain(*r.findings_of("delegation.non_delegable")[0]).notes.at(0).sv, Catch::Contains("6 kap. 38 §"));
    }
    a.delegation.delegates[0].matter.reset();
    const Report r = check(a);
    CHECK(status_of(r, "delegation.non_delegable") == S::undetermined);
    CHECK(test::missing_of(r, "delegation.non_delegable") == std::vector<std::string>{"/delegation/delegates/0/matter"});
}

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

TEST_CASE("information.personal_data_arrangement", "[rules][information]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "information.personal_data_arrangement") == S::satisfied);
    a.information.arrangement = Arrangement::separate_controllers;
    CHECK(status_of(check(a), "information.personal_data_arrangement") == S::satisfied);
    a.information.arrangement = Arrangement::none;
    CHECK(status_of(check(a), "information.personal_data_arrangement") == S::violated);
    a.information.arrangement.reset();
    const Report r = check(a);
    CHECK(status_of(r, "information.personal_data_arrangement") == S::undetermined);
    CHECK(test::missing_of(r, "information.personal_data_arrangement") == std::vector<std::string>{"/information/arrangement"});
    a.information.personal_data = false;
    CHECK(status_of(check(a), "information.personal_data_arrangement") == S::satisfied);
}

TEST_CASE("information.records", "[rules][information]") {
    Agreement a = with_delegation();
    CHECK(status_of(check(a), "information.records") == S::satisfied);
    a.information.records_responsibility = false;
    CHECK(status_of(check(a), "information.records") == S::violated);
    Agreement b = norrstrom(); // a service without delegation: no case handling
    b.information.records_responsibility = false;
    CHECK(status_of(check(b), "information.records") == S::satisfied);
    b.tasks[0].nature = TaskNature::exercise_of_authority;
    CHECK(status_of(check(b), "information.records") == S::violated);
    b.information.records_responsibility.reset();
    const Report r = check(b);
    CHECK(status_of(r, "information.records") == S::undetermined);
    CHECK(test::missing_of(r, "information.records") == std::vector<std::string>{"/information/records_responsibility"});
}

TEST_CASE("information.confidentiality", "[rules][information]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "information.confidentiality") == S::satisfied);
    a.information.confidentiality = false;
    CHECK(status_of(check(a), "information.confidentiality") == S::violated);
    a.information.personal_data.reset();
    const Report r = check(a);
    CHECK(status_of(r, "information.confidentiality") == S::undetermined);
    CHECK(test::missing_of(r, "information.confidentiality") == std::vector<std::string>{"/information/personal_data"});
}

TEST_CASE("oversight rules", "[rules][oversight]") {
    for (auto [id, member] :
         {std::pair{"oversight.follow_up", &Oversight::follow_up}, std::pair{"oversight.annual_report", &Oversight::annual_report_to_council},
          std::pair{"oversight.internal_control", &Oversight::internal_control}}) {
        INFO(id);
        Agreement a = norrstrom();
        CHECK(status_of(check(a), id) == S::satisfied);
        a.oversight.*member = false;
        CHECK(status_of(check(a), id) == S::violated);
        a.oversight.*member = std::nullopt;
        CHECK(status_of(check(a), id) == S::undetermined);
    }
    Agreement a = norrstrom();
    a.oversight.annual_report_to_council = false;
    const Report r = check(a);
    CHECK(r.verdict() == Verdict::violations); // 9 kap. 38 § KL: law, an error
    CHECK_THAT(r.findings_of("oversight.annual_report")[0]->rule->info().citation, Catch::Contains("9 kap. 38 §"));
    a.oversight.annual_report_to_council.reset();
    const Report u = check(a);
    CHECK(u.verdict() == Verdict::incomplete);
    CHECK(test::missing_of(u, "oversight.annual_report") == std::vector<std::string>{"/oversight/annual_report_to_council"});
}

TEST_CASE("staff rules", "[rules][staff]") {
    Agreement a = norrstrom();
    CHECK(status_of(check(a), "staff.transfer_of_undertaking") == S::satisfied);
    a.staff.moves_between_parties = true;
    a.staff.transfer_addressed = true;
    CHECK(status_of(check(a), "staff.transfer_of_undertaking") == S::satisfied);
    a.staff.transfer_addressed = false;
    CHECK(status_of(check(a), "staff.transfer_of_undertaking") == S::violated);
    a.staff.transfer_addressed.reset();
    const Report r = check(a);
    CHECK(status_of(r, "staff.transfer_of_undertaking") == S::undetermined);
    CHECK(test::missing_of(r, "staff.transfer_of_undertaking") == std::vector<std::string>{"/staff/transfer_addressed"});

    CHECK(status_of(check(norrstrom()), "staff.work_environment") == S::satisfied);
    a.staff.work_environment_allocated = false;
    CHECK(status_of(check(a), "staff.work_environment") == S::violated);
    a.staff.work_environment_allocated.reset();
    CHECK(status_of(check(a), "staff.work_environment") == S::undetermined);
}

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

TEST_CASE("check() never throws on nonsensical agreements", "[rules][robust]") {
    SECTION("an empty agreement") {
        const Agreement a;
        Report r = check(a);
        CHECK(status_of(r, "party.at_least_two") == S::violated);
        CHECK(r.verdict() == Verdict::violations);
    }
    SECTION("a task naming a party that does not exist") {
        Agreement a = norrstrom();
        a.tasks[0].contractor = "norrstrm";
        Report r = check(a);
        CHECK(r.verdict() == Verdict::invalid);
        CHECK(r.problems().at(0).to_string() == "/tasks/0/contractor: unknown party \"norrstrm\"");
        CHECK(status_of(r, "task.roles") == S::violated);
    }
    SECTION("duplicate ids") {
        Agreement a = norrstrom();
        a.tasks.push_back(a.tasks[0]);
        Report r = check(a);
        CHECK(r.verdict() == Verdict::invalid);
        CHECK(r.problems().at(0).to_string() == "/tasks/1/id: repeated task id \"familjebehandling\"");
    }
    SECTION("shares that do not sum to 100") {
        Agreement a = norrstrom();
        a.tasks[0].principals = std::vector<Id>{"fjallviken", "norrstrom"};
        a.tasks[0].principal_shares = std::vector<PrincipalShare>{{"fjallviken", Percent::whole(60)}};
        Report r = check(a);
        CHECK(r.verdict() == Verdict::invalid);
        REQUIRE(r.problems().size() == 2);
        CHECK(r.problems()[0].to_string() == "/tasks/0/principal_shares: does not name principal \"norrstrom\"");
        CHECK(r.problems()[1].to_string() == "/tasks/0/principal_shares: shares sum to 60, not 100");
    }
}

TEST_CASE("Rules can be selected and silenced like a linter", "[rules][options]") {
    Agreement a = norrstrom();
    a.oversight.follow_up = false;
    CheckOptions only;
    only.only = {"oversight"};
    const Report r = check(a, only);
    for (const Finding& f : r.findings()) CHECK(f.rule->id().starts_with("oversight."));
    CHECK(r.findings().size() == 3);
    CheckOptions silence;
    silence.silence = {"oversight.follow_up", "content.*"};
    const Report s = check(a, silence);
    CHECK(s.findings_of("oversight.follow_up").empty());
    CHECK(s.findings_of("content.required").empty());
    CHECK_FALSE(s.findings_of("oversight.annual_report").empty());
    CHECK(rule_matches("content.required", "content"));
    CHECK(rule_matches("content.required", "content.*"));
    CHECK_FALSE(rule_matches("contents.x", "content"));
}

TEST_CASE("A user-written rule runs in the same check and report", "[rules][custom]") {
    // Östergötland HVB: "Styrgruppen håller minst två möten per år". A local
    // policy rule composing a built-in predicate with the user's own.
    struct Policy {
        int steering_group_meetings_per_year = 0;
    };
    static Policy policy;
    const auto meets_twice =
        make_predicate<AgreementSubject>({"local.steering_group",
                                          {"Styrgruppen möts minst två gånger per år", "The steering group meets at least twice a year"},
                                          "Lokal policy (jfr Region Östergötland, gemensamt HVB, SKR 2023 kap. 4)"},
                                         [](const AgreementSubject&) { return truth(policy.steering_group_meetings_per_year >= 2); });
    const auto follow_up = make_predicate<AgreementSubject>(
        {"oversight.follow_up", {"Det finns en rutin för uppföljning", "A follow-up routine exists"}, "6 kap. 6 § KL"},
        [](const AgreementSubject& s, Trace& t) {
            const auto& v = s.agreement().oversight.follow_up;
            if (!v) return t.unknown([] { return std::string{"/oversight/follow_up"}; });
            return truth(*v);
        });
    const Rule local{
        RuleInfo{"local.steering",
                 Severity::warning,
                 "Lokal policy",
                 "Norrströms kommun, riktlinje 2024",
                 {"Uppföljningen sker i en styrgrupp som möts minst två gånger per år", "Follow-up happens in a steering group meeting twice a year"},
                 {"{subject}: styrgruppen möts för sällan.", "{subject}: the steering group meets too rarely."}},
        follow_up && meets_twice};
    CheckOptions options;
    options.rules = {local};
    const Agreement a = norrstrom();
    policy.steering_group_meetings_per_year = 1;
    Report r = check(a, options);
    CHECK(status_of(r, "local.steering") == S::violated);
    const Finding& f = *r.findings_of("local.steering")[0];
    CHECK(message(r, f, Lang::sv) == "Avtalet «Avtalssamverkan om strukturerad familjebehandling»: styrgruppen möts för sällan.");
    const Explanation e = r.explain(f);
    REQUIRE(e.children.size() == 2);
    CHECK(e.children[0].id == "oversight.follow_up");
    CHECK(e.children[0].value == Truth::yes);
    CHECK(e.children[1].id == "local.steering_group");
    CHECK(e.children[1].value == Truth::no);
    policy.steering_group_meetings_per_year = 2;
    CHECK(status_of(check(a, options), "local.steering") == S::satisfied);
}

TEST_CASE("Every registered rule has a citation, a source and both languages' texts", "[rules][catalogue]") {
    std::vector<std::string> ids;
    for (const Rule& r : builtin_rules()) {
        const RuleInfo& i = r.info();
        INFO(i.id);
        CHECK_FALSE(i.citation.empty());
        CHECK_FALSE(i.source.empty());
        CHECK_FALSE(i.title.sv.empty());
        CHECK_FALSE(i.title.en.empty());
        if (i.severity != Severity::info) {
            CHECK_THAT(i.violation.sv, Catch::Contains("{subject}"));
            CHECK_THAT(i.violation.en, Catch::Contains("{subject}"));
        }
        CHECK(std::find(ids.begin(), ids.end(), i.id) == ids.end());
        ids.push_back(i.id);
        CHECK(find_rule(i.id) == &r);
    }
    // Exactly the catalogue of SPEC §4, with its severities.
    const std::vector<std::pair<std::string, Severity>> catalogue = {
        {"party.kind_allowed", Severity::error},
        {"party.federation_mandate", Severity::error},
        {"party.at_least_two", Severity::error},
        {"task.roles", Severity::error},
        {"task.within_competence", Severity::error},
        {"task.huvudman_retained", Severity::error},
        {"task.special_legislation", Severity::info},
        {"delegation.agreed", Severity::error},
        {"delegation.employees_only", Severity::error},
        {"delegation.within_agreement", Severity::error},
        {"delegation.onward_stated", Severity::warning},
        {"delegation.reporting", Severity::warning},
        {"delegation.non_delegable", Severity::error},
        {"compensation.stated", Severity::warning},
        {"compensation.no_profit", Severity::error},
        {"compensation.covers_cost", Severity::warning},
        {"compensation.in_kind_valued", Severity::warning},
        {"compensation.allocation_complete", Severity::warning},
        {"information.personal_data_arrangement", Severity::error},
        {"information.records", Severity::warning},
        {"information.confidentiality", Severity::warning},
        {"oversight.follow_up", Severity::warning},
        {"oversight.annual_report", Severity::error},
        {"oversight.internal_control", Severity::warning},
        {"staff.transfer_of_undertaking", Severity::warning},
        {"staff.work_environment", Severity::warning},
        {"content.required", Severity::warning},
        {"content.conditional", Severity::warning},
        {"content.children", Severity::warning},
        {"procurement.required", Severity::error},
    };
    REQUIRE(builtin_rules().size() == catalogue.size());
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        CHECK(builtin_rules()[i].id() == catalogue[i].first);
        CHECK(builtin_rules()[i].info().severity == catalogue[i].second);
    }
}
