// The oversight rules (include/avtal/law/rules/oversight.hpp): holds,
// violated, unknown.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::norrstrom;
using avtal::test::status_of;
using avtal::test::statuses;
using avtal::test::with_delegation;
using S = Status;

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
