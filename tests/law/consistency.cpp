// Consistency of the fast answer and the explained answer: for many
// variants of the chapter 5 agreement, every finding's status equals its
// explanation's value, and an undetermined finding lists exactly the
// explanation's missing facts. (Explanations are built lazily from the same
// predicates; this guards the two paths against drifting apart.)
#include "support.hpp"

#include <avtal/io/json.hpp>
#include <avtal/io/render.hpp>

#include <functional>

using namespace avtal;
using avtal::test::kr;

namespace {

Truth expected_value(Status s) {
    switch (s) {
    case Status::satisfied: return Truth::yes;
    case Status::violated: return Truth::no;
    case Status::undetermined: break;
    }
    return Truth::unknown;
}

using Mutation = std::pair<const char*, std::function<void(Agreement&)>>;

std::vector<Mutation> mutations() {
    return {
        {"as in chapter 5", [](Agreement&) {}},
        {"kind unknown", [](Agreement& a) { a.parties[1].kind.reset(); }},
        {"private party", [](Agreement& a) { a.parties[0].kind = PartyKind::private_company; }},
        {"state party", [](Agreement& a) { a.parties[1].kind = PartyKind::state_agency; }},
        {"federation without mandate", [](Agreement& a) { a.parties[0].kind = PartyKind::municipal_federation; }},
        {"federation contractor with Teckal facts",
         [](Agreement& a) {
             a.parties[0].kind = PartyKind::municipal_federation;
             a.parties[0].mandate_covers_tasks = true;
             a.tasks[0].teckal = TeckalFacts{true, Percent::whole(90), std::nullopt};
         }},
        {"company contractor", [](Agreement& a) { a.parties[0].kind = PartyKind::municipal_company; }},
        {"no contractor", [](Agreement& a) { a.tasks[0].contractor.reset(); }},
        {"unknown principal", [](Agreement& a) { a.tasks[0].principals = std::vector<Id>{"gransby"}; }},
        {"contractor is principal",
         [](Agreement& a) {
             a.tasks[0].principals = std::vector<Id>{"norrstrom", "fjallviken"};
         }},
        {"no principals", [](Agreement& a) { a.tasks[0].principals = std::vector<Id>{}; }},
        {"principals unknown", [](Agreement& a) { a.tasks[0].principals.reset(); }},
        {"huvudman moved", [](Agreement& a) { a.tasks[0].huvudman = std::vector<Id>{"norrstrom"}; }},
        {"outside competence", [](Agreement& a) { a.tasks[0].within_competence = false; }},
        {"exercise of authority", [](Agreement& a) { a.tasks[0].nature = TaskNature::exercise_of_authority; }},
        {"nature unknown", [](Agreement& a) { a.tasks[0].nature.reset(); }},
        {"category unknown", [](Agreement& a) { a.tasks[0].category.reset(); }},
        {"general service over the limit", [](Agreement& a) { a.tasks[0].category = Category::general; }},
        {"Hamburg fails",
         [](Agreement& a) {
             a.tasks[0].category = Category::general;
             a.tasks[0].hamburg = HamburgFacts{false, true, true, Percent::whole(10)};
         }},
        {"Hamburg holds",
         [](Agreement& a) {
             a.tasks[0].category = Category::general;
             a.tasks[0].hamburg.open_market_share_percent = Percent::whole(10);
         }},
        {"2026", [](Agreement& a) { a.assessment_date = test::ymd(2026, 2, 1); }},
        {"no date", [](Agreement& a) { a.assessment_date.reset(); }},
        {"welfare January 2022",
         [](Agreement& a) {
             a.assessment_date = test::ymd(2022, 1, 10);
             a.tasks[0].category = Category::welfare;
         }},
        {"until further notice",
         [](Agreement& a) {
             a.term = Term{std::nullopt, std::nullopt, true};
         }},
        {"extension unknown", [](Agreement& a) { a.term.extension_months.reset(); }},
        {"two principals, shares unknown",
         [](Agreement& a) {
             a.parties.push_back(Party{"gransby", "Gränsby kommun", PartyKind::municipality, 2000, std::nullopt});
             a.tasks[0].principals = std::vector<Id>{"fjallviken", "gransby"};
             a.tasks[0].huvudman = a.tasks[0].principals;
             a.tasks[0].annual_value = kr(9'000'000);
         }},
        {"delegation to a consultant",
         [](Agreement& a) {
             a.delegation = Delegation{true,
                                       true,
                                       OnwardDelegation::allowed,
                                       true,
                                       {Delegate{"familjebehandling", DelegateTo::consultant, "norrstrom", Matter::individual_case}}};
         }},
        {"delegation of policy, employer wrong",
         [](Agreement& a) {
             a.delegation = Delegation{true,
                                       std::nullopt,
                                       std::nullopt,
                                       std::nullopt,
                                       {Delegate{"familjebehandling", DelegateTo::employee, "fjallviken", Matter::policy},
                                        Delegate{"okand", std::nullopt, std::nullopt, std::nullopt}}};
         }},
        {"delegation unknown", [](Agreement& a) { a.delegation.used.reset(); }},
        {"compensation above cost", [](Agreement& a) { a.compensation->money_per_year = kr(6'000'000); }},
        {"compensation below cost", [](Agreement& a) { a.compensation->money_per_year = kr(4'000'000); }},
        {"in kind without value", [](Agreement& a) { a.compensation->in_kind_value_per_year.reset(); }},
        {"cost unknown", [](Agreement& a) { a.compensation->cost_per_year.reset(); }},
        {"no compensation", [](Agreement& a) { a.compensation.reset(); }},
        {"contractor bears share by population",
         [](Agreement& a) {
             a.compensation->contractor_bears_share = true;
             a.compensation->money_per_year = kr(1'538'462);
             a.compensation->tolerance = Tolerance::of_percent(Percent::whole(1));
         }},
        {"contractor bears share, key incomplete",
         [](Agreement& a) {
             a.compensation->contractor_bears_share = true;
             a.compensation->allocation = Allocation{AllocationKey::fixed_shares, std::vector<Weight>{{"fjallviken", Decimal::whole(30)}}};
         }},
        {"key unknown",
         [](Agreement& a) {
             a.compensation->contractor_bears_share = true;
             a.compensation->allocation.reset();
         }},
        {"personal data without arrangement", [](Agreement& a) { a.information.arrangement = Arrangement::none; }},
        {"information unknown", [](Agreement& a) { a.information = Information{}; }},
        {"oversight missing",
         [](Agreement& a) {
             a.oversight = Oversight{false, false, false};
         }},
        {"oversight unknown", [](Agreement& a) { a.oversight = Oversight{}; }},
        {"staff moves, not addressed",
         [](Agreement& a) {
             a.staff = Staff{true, false, false};
         }},
        {"staff unknown", [](Agreement& a) { a.staff = Staff{}; }},
        {"no clauses listed", [](Agreement& a) { a.clauses.reset(); }},
        {"empty clauses, copyright",
         [](Agreement& a) {
             a.clauses = std::vector<Clause>{};
             a.creates_copyright_material = true;
         }},
        {"children unknown", [](Agreement& a) { a.tasks[0].target_group_children.reset(); }},
        {"no tasks", [](Agreement& a) { a.tasks.clear(); }},
        {"one party", [](Agreement& a) { a.parties.pop_back(); }},
    };
}

} // namespace

TEST_CASE("Every finding's status equals its explanation's value, and the missing facts agree", "[consistency]") {
    for (const auto& [name, mutate] : mutations()) {
        Agreement a = test::norrstrom();
        mutate(a);
        const Report r = check(a);
        INFO(name);
        for (const Finding& f : r.findings()) {
            INFO(f.rule->id() << " " << subject_path(r, f));
            const Explanation e = r.explain(f);
            CHECK(e.id == f.rule->id());
            if (f.rule->info().severity != Severity::info) CHECK(e.value == expected_value(f.status));
            if (f.status == Status::undetermined) {
                CHECK(e.missing == f.missing);
                CHECK_FALSE(f.missing.empty());
            }
            CHECK_FALSE(message(r, f, Lang::sv).empty());
            CHECK_FALSE(message(r, f, Lang::en).empty());
        }
        // Every report format renders every variant.
        CHECK_FALSE(render_text(r, {Lang::en, true, {}, 80}).empty());
        CHECK_FALSE(render_markdown(r, {Lang::sv, true, {}, 80}).empty());
        CHECK_FALSE(json::write_report(r, {Lang::sv, true}).empty());
        for (std::size_t t = 0; t < a.tasks.size(); ++t)
            for (std::size_t x = 0; x < r.context().exceptions().size(); ++x)
                CHECK(r.explain_exception(t, x).value == r.procurement()[t].exceptions[x]);
    }
}
