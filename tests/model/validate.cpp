// validate() on agreements built in C++: each structural problem with its
// code and path.
#include "support.hpp"

using namespace avtal;

namespace {

std::vector<std::string> found(const Agreement& a, const ValidateOptions& options = {}) {
    std::vector<std::string> out;
    for (const auto& p : validate(a, options)) out.push_back(std::string{to_string(p.code)} + " " + p.path);
    return out;
}

} // namespace

TEST_CASE("validate: a well-formed agreement has no problem", "[model][validate]") { CHECK(validate(test::norrstrom()).empty()); }

TEST_CASE("validate: every code with its path", "[model][validate]") {
    Agreement a = test::norrstrom();
    a.parties.push_back(a.parties[0]);
    a.parties[1].mandate_covers_tasks = true;
    a.tasks[0].contractor = "nowhere";
    a.tasks[0].huvudman = std::vector<Id>{"fjallviken", "fjallviken"};
    a.tasks[0].annual_value = Money::from_ore(-1);
    a.tasks[0].principal_shares = std::vector<PrincipalShare>{{"fjallviken", *Percent::parse("90")}};
    a.term.months = 0;
    a.delegation.used = false;
    a.delegation.delegates.push_back(Delegate{.task = "gone"});
    const std::vector<std::string> expected = {
        "not_allowed_here /parties/1/mandate_covers_tasks",
        "repeated_id /parties/2/id",
        "out_of_range /term/months",
        "dangling_reference /tasks/0/contractor",
        "repeated_reference /tasks/0/huvudman/1",
        "out_of_range /tasks/0/annual_value",
        "bad_shares /tasks/0/principal_shares",
        "contradiction /delegation/used",
        "dangling_reference /delegation/delegates/0/task",
    };
    CHECK(found(a) == expected);
    // Without reference checks the dangling references are not reported.
    auto without = expected;
    std::erase_if(without, [](const std::string& p) { return p.starts_with("dangling_reference"); });
    CHECK(found(a, {.party_references = false, .task_references = false}) == without);
}
