// Procurement resolution (SPEC §5): default logic over the exception list.
#include <avtal/law/procurement.hpp>
#include <avtal/law/rules/exceptions.hpp>

namespace avtal {

/// @brief The default resolution list: public authority, direct award,
/// Hamburg, Teckal (NESGI is exported but not in it: an unknown that no fact
/// can settle must not block a verdict).
std::shared_ptr<const ExceptionList> default_exceptions() {
    static const std::shared_ptr<const ExceptionList> list =
        std::make_shared<const ExceptionList>(ExceptionList{predicates::exception_public_authority(), predicates::exception_direct_award(),
                                                            predicates::exception_hamburg(), predicates::exception_teckal()});
    return list;
}

bool ProcurementResult::rests_on_direct_award_alone(const ExceptionList& list) const {
    if (outcome != ProcurementOutcome::exempt) return false;
    bool direct = false, other = false;
    for (std::size_t i = 0; i < list.size() && i < exceptions.size(); ++i) {
        if (exceptions[i] != Truth::yes) continue;
        if (list[i].id() == "exception.direct_award")
            direct = true;
        else
            other = true;
    }
    return direct && !other;
}

/// @brief Resolves the procurement question for task `task` of the context's
/// agreement with the context's exception list (default logic, SPEC §5).
ProcurementResult resolve_procurement(const Context& ctx, std::size_t task) {
    const TaskSubject s{&ctx, task};
    const auto& list = ctx.exceptions();
    ProcurementResult r;
    r.task = task;
    r.exceptions.reserve(list.size());
    bool any_yes = false, any_unknown = false;
    for (const auto& e : list) {
        const Truth v = e(s);
        r.exceptions.push_back(v);
        any_yes = any_yes || v == Truth::yes;
        any_unknown = any_unknown || v == Truth::unknown;
    }
    const auto& nature = s.task().nature;
    if (nature == TaskNature::exercise_of_authority)
        r.outcome = ProcurementOutcome::not_applicable;
    else if (any_yes)
        r.outcome = ProcurementOutcome::exempt;
    else if (any_unknown)
        r.outcome = ProcurementOutcome::undetermined;
    else
        r.outcome = ProcurementOutcome::required;
    if (r.outcome == ProcurementOutcome::undetermined) {
        if (!nature) r.missing.push_back(s.path() + "/nature");
        for (std::size_t i = 0; i < list.size(); ++i)
            if (r.exceptions[i] == Truth::unknown) detail::merge_missing(r.missing, list[i].facts(s).missing);
    }
    return r;
}

const ProcurementResult& detail::procurement_result(const Context& ctx, std::size_t task, ProcurementResult& scratch) {
    const auto pre = ctx.procurement();
    if (task < pre.size()) return pre[task];
    scratch = resolve_procurement(ctx, task);
    return scratch;
}

/// @brief The duties that come with direct award (LOU 19 a kap.; the value
/// under 5 kap. by 19 a kap. 1 §, Upphandlingsmyndigheten 2021-12-03), named in
/// the explanation when an exemption rests on direct award alone.
Text direct_award_duties() {
    return detail::tx(
        "Direktupphandling är själv ett förfarande i LOU (19 a kap. från 2022-02-01, 19 kap. dessförinnan) med egna skyldigheter: "
        "myndigheten ska ha riktlinjer för direktupphandling och dokumentera skälen för förfarandet vid köp över 100 000 kronor. Värdet "
        "beräknas enligt 5 kap. (19 a kap. 1 §); före 2022-02-01 räknades det också samman med myndighetens övriga direktupphandlingar av "
        "samma slag under räkenskapsåret (other_direct_awards_same_kind).",
        "Direct award is itself a procedure of LOU (chapter 19 a since 2022-02-01, chapter 19 before) with duties of its own: the "
        "authority must have guidelines for direct award and document the reasons for a purchase over SEK 100,000. "
        "The value is calculated under chapter 5 (19 a kap. 1 §); before 2022-02-01 it was also added to the authority's other "
        "direct awards of the same kind in the financial year (other_direct_awards_same_kind).");
}

/// @brief The explanation of task `task`'s procurement resolution: one child
/// per exception, notes on the outcome (and on direct award's own duties).
Explanation explain_procurement(const Context& ctx, std::size_t task) {
    const TaskSubject s{&ctx, task};
    ProcurementResult own;
    const ProcurementResult& r = detail::procurement_result(ctx, task, own);
    Explanation e;
    e.id = "procurement.required";
    e.text = detail::tx("En tjänst som köps av en annan kommun ska upphandlas enligt LOU, om inte ett undantag gäller",
                        "A service bought from another municipality must be procured under LOU unless an exception holds");
    e.citation = "LOU (2016:1145); SKR 2023 kap. 3";
    for (const auto& ex : ctx.exceptions()) e.children.push_back(ex.explain(s));
    switch (r.outcome) {
    case ProcurementOutcome::not_applicable:
        e.value = Truth::yes;
        e.notes.push_back(detail::tx("Myndighetsutövning: LOU gäller inte.", "Exercise of public authority: LOU does not apply."));
        break;
    case ProcurementOutcome::exempt:
        e.value = Truth::yes;
        e.notes.push_back(detail::tx("Undantaget: ingen annonserad upphandling krävs.", "Exempt: no advertised procurement is needed."));
        if (r.rests_on_direct_award_alone(ctx.exceptions())) e.notes.push_back(direct_award_duties());
        break;
    case ProcurementOutcome::required:
        e.value = Truth::no;
        e.notes.push_back(detail::tx("Inget undantag gäller: tjänsten ska upphandlas; avtalssamverkan kan inte användas för den utan upphandling.",
                                     "No exception holds: the service must be procured; avtalssamverkan cannot be used for it without procurement."));
        break;
    case ProcurementOutcome::undetermined:
        e.value = Truth::unknown;
        e.missing = r.missing;
        e.notes.push_back(detail::tx("Inget undantag är fastställt och några är okända: ta reda på de saknade uppgifterna.",
                                     "No exception is established and some are unknown: find out the missing facts."));
        break;
    }
    return e;
}

/// @brief Analyses a stand-alone purchase with the same exceptions and
/// thresholds as an agreement's tasks.
PurchaseAnalysis analyse_purchase(const Purchase& p, std::shared_ptr<const ThresholdTable> thresholds,
                                  std::shared_ptr<const ExceptionList> exceptions) {
    Agreement a;
    a.id = "purchase";
    a.assessment_date = p.date;
    a.term = p.term;
    a.parties = {p.buyer, p.supplier};
    Task t;
    t.id = "purchase";
    t.description = p.description;
    t.contractor = p.supplier.id;
    t.principals = std::vector<Id>{p.buyer.id};
    t.huvudman = std::vector<Id>{p.buyer.id};
    t.nature = p.nature;
    t.category = p.category;
    t.annual_value = p.annual_value;
    t.hamburg = p.hamburg;
    t.teckal = p.teckal;
    a.tasks.push_back(std::move(t));
    const Context ctx{a, p.date, std::move(thresholds), std::move(exceptions)};
    const ProcurementResult r = resolve_procurement(ctx, 0);
    PurchaseAnalysis out;
    out.outcome = r.outcome;
    out.missing = r.missing;
    for (std::size_t i = 0; i < ctx.exceptions().size(); ++i) out.exceptions.emplace_back(ctx.exceptions()[i].id(), r.exceptions[i]);
    out.explanation = explain_procurement(ctx, 0);
    return out;
}

} // namespace avtal

namespace avtal {

std::vector<const ThresholdRow*> applied_threshold_rows(const Context& ctx, std::size_t task) {
    std::vector<const ThresholdRow*> rows;
    const Agreement& a = ctx.agreement();
    const Task& t = a.tasks.at(task);
    if (!ctx.date() || t.nature == TaskNature::exercise_of_authority) return rows;
    // The categories the direct-award test may use: those of the service
    // tasks bought from the same contractor (all of them if one is unknown).
    bool cats[3] = {false, false, false};
    for (const Task& u : a.tasks) {
        if (&u != &t && (u.contractor != t.contractor || u.nature == TaskNature::exercise_of_authority)) continue;
        if (!u.category)
            cats[0] = cats[1] = cats[2] = true;
        else
            cats[static_cast<std::size_t>(*u.category)] = true;
    }
    for (std::size_t c = 0; c < 3; ++c)
        if (cats[c])
            if (const ThresholdRow* row = ctx.thresholds().find(direct_award_limit, static_cast<Category>(c), *ctx.date())) rows.push_back(row);
    return rows;
}

std::vector<DirectAwardLine> direct_award_lines(const Context& ctx, std::size_t task) {
    std::vector<DirectAwardLine> lines;
    const TaskSubject s{&ctx, task};
    const auto& principals = s.task().principals;
    if (!principals || !ctx.date()) return lines;
    for (const auto& principal : *principals) {
        Trace quiet;
        (void)detail::direct_award_for_principal(s, principal, quiet, &lines);
    }
    return lines;
}

} // namespace avtal
