// The information rules (include/avtal/law/rules/information.hpp): holds,
// violated, unknown.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::norrstrom;
using avtal::test::status_of;
using avtal::test::statuses;
using avtal::test::with_delegation;
using S = Status;

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
