#pragma once
// Test fixtures: the seeds' cases built in C++, and small helpers.

#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace avtal::test {

inline Date ymd(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }
inline Money kr(std::int64_t k) { return Money::from_kronor(k); }

/// The Norrström–Fjällviken agreement of SKR 2023 kap. 5, built as the
/// chapter describes it: Norrström performs structured family treatment
/// (BSFT, FFT, MDFT, MST) for Fjällviken's children aged 12–17; four
/// socionomer's work valued at about 5 MSEK; a social service in 2024,
/// under the direct-award limit of 8.1 MSEK per participating municipality.
inline Agreement norrstrom() {
    Agreement a;
    a.id = "norrstrom-fjallviken";
    a.title = "Avtalssamverkan om strukturerad familjebehandling";
    a.assessment_date = ymd(2024, 3, 1);
    a.term = Term{12, 0, false};
    // Both councils decided the agreement: the committees sent the economic
    // terms to kommunfullmäktige, which decided them (SKR 2023 kap. 5, 2:A).
    a.parties = {Party{"norrstrom", "Norrströms kommun", PartyKind::municipality, 9000, std::nullopt, DecisionBody::council},
                 Party{"fjallviken", "Fjällvikens kommun", PartyKind::municipality, 4000, std::nullopt, DecisionBody::council}};
    Task t;
    t.id = "familjebehandling";
    t.description = "Strukturerad familjebehandling (BSFT, FFT, MDFT, MST), 12–17 år";
    t.contractor = "norrstrom";
    t.principals = std::vector<Id>{"fjallviken"};
    t.huvudman = std::vector<Id>{"fjallviken"};
    t.nature = TaskNature::service;
    t.area = Area::social_services;
    t.category = Category::social_and_other_specific;
    t.target_group_children = true;
    t.within_competence = true;
    t.annual_value = kr(5'000'000);
    t.hamburg = HamburgFacts{true, true, true, std::nullopt};
    a.tasks.push_back(t);
    a.delegation = Delegation{false, std::nullopt, std::nullopt, std::nullopt, {}};
    Compensation c;
    c.money_per_year = kr(5'000'000);
    c.in_kind_value_per_year = Money{};
    c.cost_per_year = CostComponents{kr(4'200'000), kr(400'000), kr(400'000), Money{}, Money{}};
    c.allocation = Allocation{AllocationKey::population, std::nullopt};
    a.compensation = c;
    a.information = Information{true, Arrangement::joint_controllership, true, true};
    a.oversight = Oversight{true, true, true};
    a.staff = Staff{false, std::nullopt, true};
    a.creates_copyright_material = false;
    a.clauses = std::vector<Clause>{Clause::parties, Clause::contractor_tasks, Clause::economic_terms, Clause::information_handling,
                                    Clause::follow_up, Clause::term, Clause::termination, Clause::data_protection, Clause::confidentiality,
                                    Clause::insurance, Clause::target_group, Clause::assignments, Clause::economic_responsibility,
                                    Clause::procurement_parameter, Clause::division_of_work,
                                    // "att alla nödvändiga delar inkluderas i avtalet" (kap. 5, step 4): also how the task is taken back.
                                    Clause::take_back};
    return a;
}

/// The chapter 5 agreement with external delegation to one of Norrström's
/// employees, agreed, reported and without onward delegation.
inline Agreement with_delegation() {
    Agreement a = norrstrom();
    a.delegation.used = true;
    a.delegation.agreed = true;
    a.delegation.onward_delegation = OnwardDelegation::forbidden;
    a.delegation.reporting_to_principal = true;
    a.delegation.delegates = {Delegate{"familjebehandling", DelegateTo::employee, "norrstrom", Matter::individual_case}};
    a.clauses->push_back(Clause::delegation_scope);
    return a;
}

/// The answer of procurement exception `p` for task `task` of `a`.
inline Truth exception_value(const Agreement& a, const Predicate<TaskSubject>& p, std::size_t task = 0, std::optional<Date> date = std::nullopt,
                             std::shared_ptr<const ThresholdTable> table = nullptr) {
    const Context ctx{a, date, std::move(table)};
    return p(TaskSubject{&ctx, task});
}

/// The procurement resolution of task `task` of `a`.
inline ProcurementResult resolve(const Agreement& a, std::size_t task = 0, std::shared_ptr<const ThresholdTable> table = nullptr,
                                 std::shared_ptr<const ExceptionList> list = nullptr) {
    const Context ctx{a, std::nullopt, std::move(table), std::move(list)};
    return resolve_procurement(ctx, task);
}

/// A general service between two municipalities in 2024, one principal,
/// twelve months, value `annual`, Hamburg not established.
inline Agreement general_service(Money annual) {
    Agreement a = norrstrom();
    a.tasks[0].id = "it_drift";
    a.tasks[0].area = Area::it;
    a.tasks[0].category = Category::general;
    a.tasks[0].target_group_children = false;
    a.tasks[0].annual_value = annual;
    a.tasks[0].hamburg = HamburgFacts{true, true, true, Percent::whole(35)}; // fails the 20 % criterion
    return a;
}

/// The statuses of rule `id`'s findings in `r`.
inline std::vector<Status> statuses(const Report& r, std::string_view id) {
    std::vector<Status> out;
    for (const Finding* f : r.findings_of(id)) out.push_back(f->status);
    return out;
}

/// The single status of rule `id` (the rule must have exactly one finding).
inline Status status_of(const Report& r, std::string_view id) {
    auto s = statuses(r, id);
    INFO("rule " << id << " has " << s.size() << " findings");
    REQUIRE(s.size() == 1);
    return s.front();
}

/// The ids of the error and warning rules with a violated finding.
inline std::vector<std::string> violated_ids(const Report& r) {
    std::vector<std::string> out;
    for (const Finding& f : r.findings())
        if (f.status == Status::violated && (out.empty() || out.back() != f.rule->id())) out.push_back(f.rule->id());
    return out;
}

/// The missing paths of rule `id`'s single finding.
inline std::vector<std::string> missing_of(const Report& r, std::string_view id) {
    auto fs = r.findings_of(id);
    REQUIRE(fs.size() == 1);
    return fs.front()->missing;
}

/// Every bundled agreement (examples/agreements/*.json) that reads without a
/// problem, in directory order.
inline std::vector<Agreement> bundled_agreements() {
    std::vector<Agreement> out;
    for (const auto& e : std::filesystem::directory_iterator{std::string{AVTAL_SOURCE_DIR} + "/examples/agreements"}) {
        if (e.path().extension() != ".json") continue;
        std::ifstream in{e.path(), std::ios::binary};
        std::stringstream s;
        s << in.rdbuf();
        if (auto doc = json::read_agreement(s.str()); doc.agreement) out.push_back(std::move(*doc.agreement));
    }
    return out;
}

} // namespace avtal::test
