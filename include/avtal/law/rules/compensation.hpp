#pragma once
/// @file
/// @brief Rules on compensation (självkostnadsprincipen, 2 kap. 6 § KL; SKR
/// 2023 kap. 2 "Ersättning" and the shared-cost cases of kap. 4). They run
/// per contractor. Each rule is one block (grep its id); the catalogue of
/// ids is generated (docs/catalogue.cpp).

#include <avtal/law/compensation.hpp>
#include <avtal/law/rules/common.hpp>

namespace avtal {

namespace detail {

/// A scaled amount (öre × 10^8) shown exactly, whatever its size.
inline std::string display_scaled_money(i128 scaled, bool sv) { return Money::display_ore(scaled / Bounds::scale, sv); }

inline std::string display_bounds(const Bounds& b, bool sv) {
    if (b.exact()) return display_scaled_money(b.low, sv);
    if (b.high) return display_scaled_money(b.low, sv) + "–" + display_scaled_money(*b.high, sv);
    return (sv ? "minst " : "at least ") + display_scaled_money(b.low, sv);
}

inline Text figures_text(const CompensationFigures& f) {
    return tx("Betalning " + display_bounds(f.payment, true) + "; uppdragsgivarnas del av självkostnaden " + display_bounds(f.principals_part, true) +
                  " (hela kostnaden " + display_bounds(f.full_cost, true) + "); tolerans " + display_bounds(f.tolerance, true) + ".",
              "Payment " + display_bounds(f.payment, false) + "; the principals' part of the full cost " + display_bounds(f.principals_part, false) +
                  " (full cost " + display_bounds(f.full_cost, false) + "); tolerance " + display_bounds(f.tolerance, false) + ".");
}

inline void add_missing(Trace& t, const std::vector<std::string>& missing) {
    for (const auto& m : missing) t.missing(m);
}

/// A test of a contractor's figures, decided from their bounds.
using FiguresTest = bool (*)(const CompensationFigures&);

/// `yes` where the figures pass `holds`, `no` where they pass `fails`, else
/// `unknown` with the facts missing; the figures are noted.
inline Truth decide_figures(const CompensationSubject& s, Trace& t, FiguresTest holds, FiguresTest fails) {
    const CompensationFigures f = compensation_figures(*s.ctx, s.index);
    t.note([&] { return figures_text(f); });
    if (holds(f)) return Truth::yes;
    if (fails(f)) return Truth::no;
    add_missing(t, f.missing);
    return Truth::unknown;
}

/// The figures and, for a violation, how far the payment is off (`gap`,
/// named `label`; "at least" where the figures are bounds).
inline Text figures_message(const CompensationSubject& s, Status st, const Text& label, i128 (*gap)(const CompensationFigures&)) {
    const CompensationFigures f = compensation_figures(*s.ctx, s.index);
    Text out = figures_text(f);
    if (st == Status::violated) {
        const i128 amount = gap(f);
        const bool exact = f.payment.exact() && f.principals_part.exact();
        out.sv += " " + label.sv + ": " + display_scaled_money(amount, true) + (exact ? "" : " (minst)") + ".";
        out.en += " " + label.en + ": " + display_scaled_money(amount, false) + (exact ? "" : " (at least)") + ".";
    }
    return out;
}

} // namespace detail

// compensation.stated ───────────────────────────────────────────────────────
namespace rules::info {
/// @brief `compensation.stated` [warning]: economic terms exist (money, in kind or both).
[[nodiscard]] inline const RuleInfo& compensation_stated() {
    static const RuleInfo i{
        .id = "compensation.stated",
        .severity = Severity::warning,
        .citation = "SKR 2023 kap. 2, Ersättning",
        .source = "SKR 2023 kap. 2, Ersättning: \"någon form av motprestation\"",
        .title = {"Avtalet har ekonomiska villkor: ersättning i pengar, motprestation eller båda",
                  "The agreement has economic terms: money, in-kind performance or both"},
        .violation = {"{subject} saknar ekonomiska villkor: ingen ersättning i pengar eller motprestation anges.",
                      "{subject} has no economic terms: neither money nor in-kind performance is stated."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief Economic terms exist for the contractor: money > 0 or in-kind performance.
[[nodiscard]] inline const Predicate<CompensationSubject>& compensation_stated() {
    static const auto p =
        detail::leaf<CompensationSubject>(detail::predicate_info(rules::info::compensation_stated()), [](const CompensationSubject& s, Trace& t) {
            Truth any = Truth::no;
            detail::for_each_compensation_object(*s.ctx, s.group(), [&](const detail::CompensationObject& o) {
                if (!o.comp) {
                    any = any || t.unknown([&] { return o.path(); });
                    return;
                }
                const auto& c = *o.comp;
                const bool in_kind = !c.in_kind_value_per_year || c.in_kind_value_per_year->ore() > 0;
                if (in_kind || (c.money_per_year && c.money_per_year->ore() > 0))
                    any = Truth::yes;
                else if (!c.money_per_year)
                    any = any || t.unknown([&] { return o.path() + "/money_per_year"; });
            });
            return any;
        });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `compensation.stated` [warning].
[[nodiscard]] inline const Rule& compensation_stated() { return detail::rule_of<info::compensation_stated, predicates::compensation_stated>(); }
} // namespace rules

// compensation.no_profit ────────────────────────────────────────────────────
namespace rules::info {
/// @brief `compensation.no_profit` [error]: what the principals pay does not
/// exceed their part of the contractor's full cost by more than the tolerance.
[[nodiscard]] inline const RuleInfo& compensation_no_profit() {
    static const RuleInfo i{
        .id = "compensation.no_profit",
        .severity = Severity::error,
        .citation = "2 kap. 6 § kommunallagen (2017:725), självkostnadsprincipen",
        .source = "SKR 2023 kap. 2, Ersättning; kap. 4 (delade kostnader)",
        .title = {"Uppdragsgivarnas ersättning överstiger inte deras del av uppdragstagarens självkostnad (utöver angiven tolerans)",
                  "What the principals pay does not exceed their part of the contractor's full cost (beyond the stated tolerance)"},
        .violation = {"{subject} överstiger självkostnaden: uppdragstagaren tar ut mer än sina kostnader.",
                      "{subject} exceeds the full cost: the contractor charges more than its costs."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The principals' payment is within their part of the full cost
/// plus the tolerance, decided from bounds where the facts are partly unknown.
[[nodiscard]] inline const Predicate<CompensationSubject>& compensation_no_profit() {
    static const auto p =
        detail::leaf<CompensationSubject>(detail::predicate_info(rules::info::compensation_no_profit()), [](const CompensationSubject& s, Trace& t) {
            return detail::decide_figures(
                s, t, [](const CompensationFigures& f) { return f.payment.high && *f.payment.high <= f.principals_part.low + f.tolerance.low; },
                [](const CompensationFigures& f) {
                    return f.principals_part.high && f.tolerance.high && f.payment.low > *f.principals_part.high + *f.tolerance.high;
                });
        });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `compensation.no_profit` [error]: the message states the surplus.
[[nodiscard]] inline const Rule& compensation_no_profit() {
    static const Rule r{info::compensation_no_profit(), predicates::compensation_no_profit(), [](const CompensationSubject& s, Status st) {
                            return detail::figures_message(s, st, detail::tx("Överskott", "Surplus"),
                                                           [](const CompensationFigures& f) { return f.payment.low - *f.principals_part.high; });
                        }};
    return r;
}
} // namespace rules

// compensation.covers_cost ──────────────────────────────────────────────────
namespace rules::info {
/// @brief `compensation.covers_cost` [warning]: what the principals pay is
/// not below their part of the full cost (SKR: "bör inte understiga").
[[nodiscard]] inline const RuleInfo& compensation_covers_cost() {
    static const RuleInfo i{
        .id = "compensation.covers_cost",
        .severity = Severity::warning,
        .citation = "2 kap. 6 § kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Ersättning: \"Ersättningen bör inte understiga uppdragstagarens kostnader\"",
        .title = {"Uppdragsgivarnas ersättning understiger inte deras del av självkostnaden",
                  "What the principals pay is not below their part of the full cost"},
        .violation = {"{subject} understiger självkostnaden: uppdragstagarens skattebetalare subventionerar uppdragsgivarnas invånare.",
                      "{subject} is below the full cost: the contractor's taxpayers subsidise the principals' residents."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The principals' payment is not below their part of the full cost.
[[nodiscard]] inline const Predicate<CompensationSubject>& compensation_covers_cost() {
    static const auto p = detail::leaf<CompensationSubject>(
        detail::predicate_info(rules::info::compensation_covers_cost()), [](const CompensationSubject& s, Trace& t) {
            return detail::decide_figures(
                s, t, [](const CompensationFigures& f) { return f.principals_part.high && f.payment.low >= *f.principals_part.high; },
                [](const CompensationFigures& f) { return f.payment.high && *f.payment.high < f.principals_part.low; });
        });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `compensation.covers_cost` [warning]: the message states the deficit.
[[nodiscard]] inline const Rule& compensation_covers_cost() {
    static const Rule r{info::compensation_covers_cost(), predicates::compensation_covers_cost(), [](const CompensationSubject& s, Status st) {
                            return detail::figures_message(s, st, detail::tx("Underskott", "Deficit"),
                                                           [](const CompensationFigures& f) { return f.principals_part.low - *f.payment.high; });
                        }};
    return r;
}
} // namespace rules

// compensation.in_kind_valued ───────────────────────────────────────────────
namespace rules::info {
/// @brief `compensation.in_kind_valued` [warning]: in-kind performance has a stated value.
[[nodiscard]] inline const RuleInfo& compensation_in_kind_valued() {
    static const RuleInfo i{
        .id = "compensation.in_kind_valued",
        .severity = Severity::warning,
        .citation = "2 kap. 6 § kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Ersättning (motprestation)",
        .title = {"En motprestation i annat än pengar har ett angivet värde", "In-kind performance has a stated value"},
        .violation = {"{subject}: motprestationen saknar angivet värde, så självkostnaden kan bara prövas mot gränser.",
                      "{subject}: the in-kind performance has no stated value, so the cost test can only use bounds."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief Every in-kind performance of the contractor's terms has a value.
[[nodiscard]] inline const Predicate<CompensationSubject>& compensation_in_kind_valued() {
    static const auto p = detail::leaf<CompensationSubject>(
        detail::predicate_info(rules::info::compensation_in_kind_valued()), [](const CompensationSubject& s, Trace& t) {
            Truth all = Truth::yes;
            detail::for_each_compensation_object(*s.ctx, s.group(), [&](const detail::CompensationObject& o) {
                if (!o.comp)
                    all = all && t.unknown([&] { return o.path(); });
                else if (!o.comp->in_kind_value_per_year)
                    all = Truth::no;
            });
            return all;
        });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `compensation.in_kind_valued` [warning].
[[nodiscard]] inline const Rule& compensation_in_kind_valued() {
    return detail::rule_of<info::compensation_in_kind_valued, predicates::compensation_in_kind_valued>();
}
} // namespace rules

// compensation.allocation_complete ──────────────────────────────────────────
namespace rules::info {
/// @brief `compensation.allocation_complete` [warning]: the allocation key
/// covers every principal (and the contractor when it bears a share) and the
/// weights are not all zero.
[[nodiscard]] inline const RuleInfo& compensation_allocation_complete() {
    static const RuleInfo i{
        .id = "compensation.allocation_complete",
        .severity = Severity::warning,
        .citation = "2 kap. 6 § kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Ersättning; kap. 4 (fördelning efter invånarantal och personalkostnadsandelar)",
        .title = {"Fördelningsnyckeln omfattar varje uppdragsgivare (och uppdragstagaren när den bär en andel) och vikterna är inte alla noll",
                  "The allocation key covers every principal (and the contractor when it bears a share) and the weights are not all zero"},
        .violation = {"{subject}: fördelningsnyckeln omfattar inte alla parter som ska bära kostnaden, eller alla vikter är noll.",
                      "{subject}: the allocation key does not cover every party that bears the cost, or all weights are zero."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The allocation keys of the contractor's terms are complete.
[[nodiscard]] inline const Predicate<CompensationSubject>& compensation_allocation_complete() {
    static const auto p = detail::leaf<CompensationSubject>(
        detail::predicate_info(rules::info::compensation_allocation_complete()), [](const CompensationSubject& s, Trace& t) {
            Truth all = Truth::yes;
            const Agreement& a = s.agreement();
            detail::for_each_compensation_object(*s.ctx, s.group(), [&](const detail::CompensationObject& o) {
                const WeightedParties w = detail::weighted_parties(*s.ctx, s.group(), o);
                if (w.complete == Truth::unknown) detail::add_missing(t, w.missing);
                for (std::size_t k : w.uncovered)
                    t.note([&] {
                        const std::string name = a.parties[k].name.empty() ? a.parties[k].id : a.parties[k].name;
                        return detail::tx(detail::quoted(name) + " saknas i fördelningsnyckeln (" + o.path() + "/allocation).",
                                          detail::quoted(name) + " is missing from the allocation key (" + o.path() + "/allocation).");
                    });
                if (w.all_zero) t.note([] { return detail::tx("Alla vikter är noll.", "All weights are zero."); });
                if (w.fixed_shares_sum) {
                    // Stated percentages that do not add up to 100 % are a defect of the text, even if the ratio is clear.
                    t.note([&] {
                        return detail::tx("De angivna andelarna summerar till " + w.fixed_shares_sum->to_string() + " %, inte 100 %.",
                                          "The stated shares add up to " + w.fixed_shares_sum->to_string() + " %, not 100 %.");
                    });
                    all = Truth::no;
                }
                all = all && w.complete;
            });
            return all;
        });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `compensation.allocation_complete` [warning].
[[nodiscard]] inline const Rule& compensation_allocation_complete() {
    return detail::rule_of<info::compensation_allocation_complete, predicates::compensation_allocation_complete>();
}
} // namespace rules

} // namespace avtal
