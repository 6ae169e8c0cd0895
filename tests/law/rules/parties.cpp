// The party rules (include/avtal/law/rules/parties.hpp): each holds, is
// violated and has a fact unknown, on the Norrström–Fjällviken agreement of
// SKR 2023 kap. 5 with one fact changed.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::norrstrom;
using avtal::test::status_of;
using avtal::test::statuses;
using avtal::test::with_delegation;
using S = Status;

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
