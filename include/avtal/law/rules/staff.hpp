#pragma once
/// @file
/// @brief Rules on staff and work environment (SKR 2023 kap. 2, "Personal-
/// och arbetsmiljö"). Each rule is one block (grep its id).

#include <avtal/law/rules/common.hpp>

namespace avtal {

// staff.transfer_of_undertaking ─────────────────────────────────────────────
namespace rules::info {
/// @brief `staff.transfer_of_undertaking` [warning]. LAS 6 b §: at a
/// transfer of an activity the employment contracts pass to the new employer.
[[nodiscard]] inline const RuleInfo& staff_transfer_of_undertaking() {
    static const RuleInfo i{
        .id = "staff.transfer_of_undertaking",
        .severity = Severity::warning,
        .citation = "6 b § lagen (1982:80) om anställningsskydd",
        .source = "SKR 2023 kap. 2, Personal- och arbetsmiljö",
        .title = {"Om personal flyttar mellan parterna behandlar avtalet att anställningarna följer med enligt lag (verksamhetsövergång)",
                  "If staff move between the parties, the agreement addresses that employment transfers by law (transfer of undertaking)"},
        .violation = {"{subject}: personal flyttar mellan parterna men avtalet behandlar inte verksamhetsövergången (LAS 6 b §).",
                      "{subject}: staff move between the parties but the agreement does not address the transfer of undertaking (LAS 6 b §)."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief If staff move between the parties, the transfer is addressed.
[[nodiscard]] inline const Predicate<AgreementSubject>& staff_transfer_of_undertaking() {
    static const auto p =
        when(detail::predicate_info(rules::info::staff_transfer_of_undertaking()),
             detail::stated<AgreementSubject>(
                 {"staff.moves", {"Personal flyttar mellan parterna", "Staff move between the parties"}, {}},
                 [](const AgreementSubject& s) { return s.agreement().staff.moves_between_parties; }, "/staff/moves_between_parties"),
             detail::stated<AgreementSubject>(
                 {"staff.transfer_addressed",
                  {"Verksamhetsövergången är behandlad", "The transfer of undertaking is addressed"},
                  "6 b § lagen (1982:80) om anställningsskydd"},
                 [](const AgreementSubject& s) { return s.agreement().staff.transfer_addressed; }, "/staff/transfer_addressed"));
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `staff.transfer_of_undertaking` [warning].
[[nodiscard]] inline const Rule& staff_transfer_of_undertaking() {
    return detail::rule_of<info::staff_transfer_of_undertaking, predicates::staff_transfer_of_undertaking>();
}
} // namespace rules

// staff.work_environment ────────────────────────────────────────────────────
namespace rules::info {
/// @brief `staff.work_environment` [warning]: work-environment responsibility is allocated.
[[nodiscard]] inline const RuleInfo& staff_work_environment() {
    static const RuleInfo i{
        .id = "staff.work_environment",
        .severity = Severity::warning,
        .citation = "3 kap. 2 § arbetsmiljölagen (1977:1160)",
        .source = "SKR 2023 kap. 2, Personal- och arbetsmiljö",
        .title = {"Arbetsmiljöansvaret är fördelat mellan parterna", "Responsibility for the work environment is allocated"},
        .violation = {"{subject} fördelar inte arbetsmiljöansvaret mellan uppdragsgivare och uppdragstagare.",
                      "{subject} does not allocate responsibility for the work environment between principal and contractor."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief Work-environment responsibility is allocated.
[[nodiscard]] inline const Predicate<AgreementSubject>& staff_work_environment() {
    static const auto p = detail::stated<AgreementSubject>(
        detail::predicate_info(rules::info::staff_work_environment()),
        [](const AgreementSubject& s) { return s.agreement().staff.work_environment_allocated; }, "/staff/work_environment_allocated");
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `staff.work_environment` [warning].
[[nodiscard]] inline const Rule& staff_work_environment() {
    return detail::rule_of<info::staff_work_environment, predicates::staff_work_environment>();
}
} // namespace rules

} // namespace avtal
