// The delegation rules (include/avtal/law/rules/delegation.hpp): holds,
// violated, unknown, on the chapter 5 agreement with delegation added.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::norrstrom;
using avtal::test::status_of;
using avtal::test::statuses;
using avtal::test::with_delegation;
using S = Status;

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
    a.delegation.delegates[0].to = DelegateTo::elected_official; // a member of the principal's own committee: ordinary (6 kap. 37 § KL)
    CHECK(status_of(check(a), "delegation.employees_only") == S::satisfied);
    a.delegation.delegates[0].employer = "norrstrom"; // the contractor's elected official: no
    CHECK(status_of(check(a), "delegation.employees_only") == S::violated);
    a.delegation.delegates[0].employer.reset(); // an elected official of no stated party is the other party's (the enumerator's meaning)
    CHECK(status_of(check(a), "delegation.employees_only") == S::violated);
    a.delegation.delegates[0].to = DelegateTo::employee;
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
