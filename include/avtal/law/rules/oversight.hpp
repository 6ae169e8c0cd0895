#pragma once
/// @file
/// @brief Rules on control, oversight and reporting (SKR 2023 kap. 2;
/// 6 kap. 1 och 6 §§, 9 kap. 38 § KL). Each rule is one block (grep its id).

#include <avtal/law/rules/common.hpp>

namespace avtal {

// oversight.follow_up ───────────────────────────────────────────────────────
namespace rules::info {
/// @brief `oversight.follow_up` [warning]: a follow-up routine exists.
[[nodiscard]] inline const RuleInfo& oversight_follow_up() {
    static const RuleInfo i{
        .id = "oversight.follow_up",
        .severity = Severity::warning,
        .citation = "6 kap. 6 § kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Kontroll, uppsiktsplikt och rapporteringsskyldighet",
        .title = {"Det finns en rutin för uppföljning av samverkan", "A follow-up routine exists"},
        .violation =
            {"{subject} saknar en rutin för uppföljning; nämnderna ska kunna följa upp att verksamheten bedrivs enligt mål, riktlinjer och lag.",
             "{subject} has no follow-up routine; the committees must be able to follow up that the activity meets goals, guidelines and law."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief A follow-up routine exists.
[[nodiscard]] inline const Predicate<AgreementSubject>& oversight_follow_up() {
    static const auto p = detail::stated<AgreementSubject>(
        detail::predicate_info(rules::info::oversight_follow_up()), [](const AgreementSubject& s) { return s.agreement().oversight.follow_up; },
        "/oversight/follow_up");
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `oversight.follow_up` [warning].
[[nodiscard]] inline const Rule& oversight_follow_up() { return detail::rule_of<info::oversight_follow_up, predicates::oversight_follow_up>(); }
} // namespace rules

// oversight.annual_report ───────────────────────────────────────────────────
namespace rules::info {
/// @brief `oversight.annual_report` [error]. 9 kap. 38 § KL: "Styrelsen ska
/// årligen till fullmäktige rapportera om kommunens … avtalssamverkan".
[[nodiscard]] inline const RuleInfo& oversight_annual_report() {
    static const RuleInfo i{
        .id = "oversight.annual_report",
        .severity = Severity::error,
        .citation = "9 kap. 38 § kommunallagen (2017:725, SFS 2018:569); 6 kap. 1 § kommunallagen",
        .source = "SKR 2023 kap. 2, Kontroll, uppsiktsplikt och rapporteringsskyldighet",
        .title = {"Varje parts styrelse rapporterar samverkan till sitt fullmäktige varje år",
                  "Each party's board reports the cooperation to its council every year"},
        .violation = {"{subject}: styrelsen rapporterar inte avtalssamverkan till fullmäktige varje år, vilket 9 kap. 38 § KL kräver.",
                      "{subject}: the board does not report the cooperation to the council every year, as 9 kap. 38 § KL requires."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief Each board reports the cooperation to its council every year.
[[nodiscard]] inline const Predicate<AgreementSubject>& oversight_annual_report() {
    static const auto p = detail::stated<AgreementSubject>(
        detail::predicate_info(rules::info::oversight_annual_report()),
        [](const AgreementSubject& s) { return s.agreement().oversight.annual_report_to_council; }, "/oversight/annual_report_to_council");
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `oversight.annual_report` [error].
[[nodiscard]] inline const Rule& oversight_annual_report() {
    return detail::rule_of<info::oversight_annual_report, predicates::oversight_annual_report>();
}
} // namespace rules

// oversight.internal_control ────────────────────────────────────────────────
namespace rules::info {
/// @brief `oversight.internal_control` [warning]: internal control is assigned.
[[nodiscard]] inline const RuleInfo& oversight_internal_control() {
    static const RuleInfo i{
        .id = "oversight.internal_control",
        .severity = Severity::warning,
        .citation = "6 kap. 6 § kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Huvudmannaskapet och Kontroll",
        .title = {"Ansvaret för den interna kontrollen är fördelat", "Internal control is assigned"},
        .violation = {"{subject} fördelar inte ansvaret för den interna kontrollen.", "{subject} does not assign internal control."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief Internal control is assigned.
[[nodiscard]] inline const Predicate<AgreementSubject>& oversight_internal_control() {
    static const auto p = detail::stated<AgreementSubject>(
        detail::predicate_info(rules::info::oversight_internal_control()),
        [](const AgreementSubject& s) { return s.agreement().oversight.internal_control; }, "/oversight/internal_control");
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `oversight.internal_control` [warning].
[[nodiscard]] inline const Rule& oversight_internal_control() {
    return detail::rule_of<info::oversight_internal_control, predicates::oversight_internal_control>();
}
} // namespace rules

} // namespace avtal
