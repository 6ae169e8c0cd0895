// The staff rules (include/avtal/law/rules/staff.hpp): holds, violated,
// unknown.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::norrstrom;
using avtal::test::status_of;
using avtal::test::statuses;
using avtal::test::with_delegation;
using S = Status;

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
