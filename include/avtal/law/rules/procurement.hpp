#pragma once
/// @file
/// @brief The procurement rule (SKR 2023 kap. 3; LOU): a service bought from
/// another municipality must be procured unless an exception holds. Per
/// task: violated when procurement is required, undetermined when no
/// exception is established but some are unknown, satisfied when exempt or
/// not a service.

#include <avtal/law/procurement.hpp>
#include <avtal/law/rules/common.hpp>
#include <avtal/law/rules/exceptions.hpp>

namespace avtal {

namespace detail {

inline Truth procurement_truth(ProcurementOutcome o) {
    switch (o) {
    case ProcurementOutcome::not_applicable:
    case ProcurementOutcome::exempt: return Truth::yes;
    case ProcurementOutcome::required: return Truth::no;
    case ProcurementOutcome::undetermined: break;
    }
    return Truth::unknown;
}

} // namespace detail

// procurement.required ──────────────────────────────────────────────────────
namespace rules::info {
/// @brief `procurement.required` [error].
[[nodiscard]] inline const RuleInfo& procurement_required() {
    static const RuleInfo i{
        .id = "procurement.required",
        .severity = Severity::error,
        .citation = "lagen (2016:1145) om offentlig upphandling (LOU)",
        .source = "SKR 2023 kap. 1 och 3, Undantag från upphandlingslagstiftningen",
        .title = {"En tjänst som köps av en annan kommun eller region upphandlas, om inte ett undantag gäller",
                  "A service bought from another municipality or region is procured unless an exception holds"},
        .violation = {"{subject} är en tjänst som ska upphandlas enligt LOU: inget undantag gäller, så avtalssamverkan kan inte användas för den "
                      "utan upphandling.",
                      "{subject} is a service that must be procured under LOU: no exception holds, so avtalssamverkan cannot be used for it without "
                      "procurement."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief No advertised procurement is needed for the task: it is not a
/// service, or an exception of the context's list holds.
[[nodiscard]] inline const Predicate<TaskSubject>& procurement_not_required() {
    static const auto p = detail::leaf<TaskSubject>(detail::predicate_info(rules::info::procurement_required()), [](const TaskSubject& s, Trace& t) {
        if (!t.full()) {
            // The answer (and for a trace of facts, the missing facts) of the
            // resolution check() has made, not a new one.
            ProcurementResult own;
            const ProcurementResult& r = detail::procurement_result(*s.ctx, s.index, own);
            for (const auto& m : r.missing) t.missing(m);
            return detail::procurement_truth(r.outcome);
        }
        Explanation e = explain_procurement(*s.ctx, s.index);
        for (auto& c : e.children) t.child(std::move(c));
        for (const auto& m : e.missing) t.missing(m);
        for (const auto& n : e.notes) t.note([&] { return n; });
        return e.value;
    });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `procurement.required` [error]: the message names the exceptions
/// that hold.
[[nodiscard]] inline const Rule& procurement_required() {
    static const Rule r{info::procurement_required(), predicates::procurement_not_required(), [](const TaskSubject& s, Status) {
                            ProcurementResult own;
                            const ProcurementResult& res = detail::procurement_result(*s.ctx, s.index, own);
                            Text out;
                            const auto& list = s.ctx->exceptions();
                            std::string held; // the ids of the exceptions that hold, the same in both languages
                            for (std::size_t i = 0; i < list.size(); ++i)
                                if (res.exceptions[i] == Truth::yes) held += (held.empty() ? "" : ", ") + list[i].id();
                            switch (res.outcome) {
                            case ProcurementOutcome::not_applicable:
                                out = detail::tx("Myndighetsutövning: LOU gäller inte.", "Exercise of public authority: LOU does not apply.");
                                break;
                            case ProcurementOutcome::exempt:
                                out = detail::tx("Undantag som gäller: " + held + ".", "Exceptions that hold: " + held + ".");
                                if (res.rests_on_direct_award_alone(list)) {
                                    const Text d = direct_award_duties();
                                    out.sv += " " + d.sv;
                                    out.en += " " + d.en;
                                }
                                break;
                            case ProcurementOutcome::required:
                                out = detail::tx("Alla undantag har prövats och inget gäller.", "Every exception was tested and none holds.");
                                break;
                            case ProcurementOutcome::undetermined:
                                out = detail::tx("Inget undantag är fastställt och några är okända.",
                                                 "No exception is established and some are unknown.");
                                break;
                            }
                            return out;
                        }};
    return r;
}
} // namespace rules

} // namespace avtal
