#pragma once
/// @file
/// @brief Rules on the parties (9 kap. 37 § KL; SKR 2023 kap. 2, "Parter").
/// Each rule is one block (grep its id).

#include <avtal/law/rules/common.hpp>
#include <avtal/model/names.hpp>

namespace avtal {

// party.kind_allowed ────────────────────────────────────────────────────────
namespace rules::info {
/// @brief `party.kind_allowed` [error]. 9 kap. 37 § KL: "En kommun eller en
/// region får … ingå avtal om att någon av dess uppgifter helt eller delvis
/// ska utföras av en annan kommun eller region" — not by companies, private
/// actors or the state (SKR).
[[nodiscard]] inline const RuleInfo& party_kind_allowed() {
    static const RuleInfo i{
        .id = "party.kind_allowed",
        .severity = Severity::error,
        .citation = "9 kap. 37 § första stycket kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Parter",
        .title = {"Varje part är en kommun, en region eller ett kommunalförbund",
                  "Every party is a municipality, a region or a municipal federation"},
        .violation = {"{subject} är inte en kommun, region eller ett kommunalförbund och kan inte vara part i avtalssamverkan (kommunala bolag, "
                      "privata aktörer och staten kan inte vara parter).",
                      "{subject} is not a municipality, region or municipal federation and cannot be a party to avtalssamverkan (municipal "
                      "companies, private actors and the state cannot be parties)."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The party is a municipality, region or municipal federation.
[[nodiscard]] inline const Predicate<PartySubject>& party_kind_allowed() {
    static const auto p = detail::leaf<PartySubject>(detail::predicate_info(rules::info::party_kind_allowed()), [](const PartySubject& s, Trace& t) {
        return detail::fact_that(
            s.party().kind,
            [](PartyKind k) { return k == PartyKind::municipality || k == PartyKind::region || k == PartyKind::municipal_federation; }, t,
            [&] { return s.path() + "/kind"; });
    });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `party.kind_allowed` [error]: every party is a municipality, region or municipal federation.
[[nodiscard]] inline const Rule& party_kind_allowed() {
    static const Rule r{info::party_kind_allowed(), predicates::party_kind_allowed(), [](const PartySubject& s, Status) {
                            const auto& k = s.party().kind;
                            if (!k) return detail::tx("Typen är inte angiven.", "The kind is not stated.");
                            const Text kind = name_of(*k);
                            return detail::tx("Angiven typ av part: " + kind.sv + ".", "Stated kind: " + kind.en + ".");
                        }};
    return r;
}
} // namespace rules

// party.federation_mandate ──────────────────────────────────────────────────
namespace rules::info {
/// @brief `party.federation_mandate` [error]. A kommunalförbund may be a
/// party only if the cooperation lies within its mandate (förbundsordning):
/// what KL says of municipalities applies to federations unless otherwise
/// provided (9 kap. 2–3 §§ KL, prop. 2016/17:171: "Bestämmelser som ska
/// tillämpas för kommunalförbund"); its mandate is its förbundsordning
/// (3 kap. 8 § and 9 kap. 1 § KL).
[[nodiscard]] inline const RuleInfo& party_federation_mandate() {
    static const RuleInfo i{
        .id = "party.federation_mandate",
        .severity = Severity::error,
        .citation = "9 kap. 37 § kommunallagen (2017:725), tillämplig på kommunalförbund enligt 9 kap. 2–3 §§; förbundsordningen, 3 kap. 8 § "
                    "och 9 kap. 1 §",
        .source = "SKR 2023 kap. 2, Parter",
        .title = {"Ett kommunalförbund är part bara om uppgifterna ingår i dess uppdrag (förbundsordningen)",
                  "A municipal federation is a party only if its mandate covers the tasks"},
        .violation = {"{subject} är ett kommunalförbund vars uppdrag inte omfattar uppgifterna i avtalet.",
                      "{subject} is a municipal federation whose mandate does not cover the agreement's tasks."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The party is a municipal federation.
[[nodiscard]] inline const Predicate<PartySubject>& party_is_federation() {
    static const auto p = detail::leaf<PartySubject>(
        {"party.is_federation", {"Parten är ett kommunalförbund", "The party is a municipal federation"}, "9 kap. 1 § kommunallagen (2017:725)"},
        [](const PartySubject& s, Trace& t) {
            return detail::fact_that(
                s.party().kind, [](PartyKind k) { return k == PartyKind::municipal_federation; }, t, [&] { return s.path() + "/kind"; });
        });
    return p;
}

/// @brief The federation's mandate covers the tasks (`mandate_covers_tasks`).
[[nodiscard]] inline const Predicate<PartySubject>& party_mandate_covers_tasks() {
    static const auto p = detail::stated<PartySubject>(
        {"party.mandate_covers_tasks",
         {"Förbundets uppdrag omfattar uppgifterna", "The federation's mandate covers the tasks"},
         "3 kap. 8 § och 9 kap. 1 § kommunallagen (2017:725) (förbundsordningen)"},
        [](const PartySubject& s) { return s.party().mandate_covers_tasks; }, "/mandate_covers_tasks");
    return p;
}

/// @brief If the party is a municipal federation, its mandate covers the tasks.
[[nodiscard]] inline const Predicate<PartySubject>& party_federation_mandate() {
    static const auto p = when(detail::predicate_info(rules::info::party_federation_mandate()), party_is_federation(), party_mandate_covers_tasks());
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `party.federation_mandate` [error]: a federation's mandate covers the tasks.
[[nodiscard]] inline const Rule& party_federation_mandate() {
    return detail::rule_of<info::party_federation_mandate, predicates::party_federation_mandate>();
}
} // namespace rules

// party.at_least_two ────────────────────────────────────────────────────────
namespace rules::info {
/// @brief `party.at_least_two` [error]. Avtalssamverkan is an agreement that
/// *another* municipality or region performs a task: at least two distinct parties.
[[nodiscard]] inline const RuleInfo& party_at_least_two() {
    static const RuleInfo i{
        .id = "party.at_least_two",
        .severity = Severity::error,
        .citation = "9 kap. 37 § första stycket kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Parter",
        .title = {"Avtalet har minst två skilda parter", "The agreement has at least two distinct parties"},
        .violation = {"{subject} har färre än två skilda parter; avtalssamverkan förutsätter att en annan kommun eller region utför uppgiften.",
                      "{subject} has fewer than two distinct parties; avtalssamverkan requires another municipality or region to perform the task."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The agreement has at least two distinct parties (by id).
[[nodiscard]] inline const Predicate<AgreementSubject>& party_at_least_two() {
    static const auto p =
        detail::leaf<AgreementSubject>(detail::predicate_info(rules::info::party_at_least_two()), [](const AgreementSubject& s, Trace& t) {
            const auto& ps = s.agreement().parties;
            std::size_t distinct = 0;
            for (std::size_t i = 0; i < ps.size() && distinct < 2; ++i) {
                bool seen = false;
                for (std::size_t j = 0; j < i; ++j) seen = seen || ps[j].id == ps[i].id;
                if (!seen) ++distinct;
            }
            t.note([&] { return detail::tx("Antal skilda parter: " + std::to_string(distinct), "Distinct parties: " + std::to_string(distinct)); });
            return truth(distinct >= 2);
        });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `party.at_least_two` [error]: at least two distinct parties.
[[nodiscard]] inline const Rule& party_at_least_two() { return detail::rule_of<info::party_at_least_two, predicates::party_at_least_two>(); }
} // namespace rules

// party.decision_body ───────────────────────────────────────────────────────
namespace rules::info {
/// @brief `party.decision_body` [warning]. Each party enters the agreement
/// through a body that may decide it: matters of a principled nature or
/// otherwise of greater importance (among them budget and other important
/// economic matters) are for the council (5 kap. 1 § KL), and in SKR's
/// method guide the councils decide the economic terms (SKR 2023 kap. 5). A
/// warning, not an error: whether a given agreement is such a matter is a
/// judgment the facts do not settle, and a committee may decide within its
/// remit.
[[nodiscard]] inline const RuleInfo& party_decision_body() {
    static const RuleInfo i{
        .id = "party.decision_body",
        .severity = Severity::warning,
        .citation = "5 kap. 1 § kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 5 (metodguiden, steg 2:A): nämnderna tar upp besluten till kommunfullmäktige, som beslutar om de ekonomiska "
                  "förutsättningarna",
        .title = {"Parten har beslutat om avtalet i fullmäktige (ärenden av principiell beskaffenhet eller annars av större vikt, bland dem de "
                  "ekonomiska villkoren)",
                  "The party decided on the agreement in its council (matters of a principled nature or of greater importance, among them the "
                  "economic terms)"},
        .violation = {"{subject} har inte beslutat om avtalet i fullmäktige.", "{subject} has not decided on the agreement in its council."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The party's council (fullmäktige) decided to enter the agreement.
[[nodiscard]] inline const Predicate<PartySubject>& party_decision_body() {
    static const auto p = detail::leaf<PartySubject>(detail::predicate_info(rules::info::party_decision_body()), [](const PartySubject& s, Trace& t) {
        const auto& b = s.party().decision_body;
        if (!b) return t.unknown([&] { return s.path() + "/decision_body"; });
        t.note([&] {
            switch (*b) {
            case DecisionBody::council: return detail::tx("Fullmäktige har beslutat om avtalet.", "The council decided on the agreement.");
            case DecisionBody::committee:
                return detail::tx("En nämnd har beslutat om avtalet: det räcker bara om avtalet ryms i nämndens uppdrag och inte är av "
                                  "principiell beskaffenhet eller annars av större vikt (5 kap. 1 § KL); de ekonomiska villkoren beslutas "
                                  "i SKR:s metodguide av fullmäktige.",
                                  "A committee decided on the agreement: that suffices only if the agreement is within the committee's remit "
                                  "and not of a principled nature or otherwise of greater importance (5 kap. 1 § KL); in SKR's method guide "
                                  "the council decides the economic terms.");
            case DecisionBody::not_decided: break;
            }
            return detail::tx("Inget organ har ännu beslutat om avtalet; parten är bunden först när ett organ som får besluta det har gjort det.",
                              "No body has decided on the agreement yet; the party is bound only once a body that may decide it has done so.");
        });
        return truth(*b == DecisionBody::council);
    });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `party.decision_body` [warning]: the party's council decided on the agreement.
[[nodiscard]] inline const Rule& party_decision_body() { return detail::rule_of<info::party_decision_body, predicates::party_decision_body>(); }
} // namespace rules

} // namespace avtal
