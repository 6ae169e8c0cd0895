#pragma once
/// @file
/// @brief Rules on information handling (SKR 2023 kap. 2, "Dokument- och
/// informationshantering"). Each rule is one block (grep its id).

#include <avtal/law/rules/common.hpp>
#include <avtal/law/rules/delegation.hpp>

namespace avtal {

namespace predicates {

/// @brief Personal data is processed.
[[nodiscard]] inline const Predicate<AgreementSubject>& personal_data_processed() {
    static const auto p = detail::stated<AgreementSubject>(
        {"information.personal_data", {"Personuppgifter behandlas", "Personal data is processed"}, "Dataskyddsförordningen (EU) 2016/679 art. 4"},
        [](const AgreementSubject& s) { return s.agreement().information.personal_data; }, "/information/personal_data");
    return p;
}

} // namespace predicates

// information.personal_data_arrangement ─────────────────────────────────────
namespace rules::info {
/// @brief `information.personal_data_arrangement` [error]: GDPR roles settled
/// when personal data is processed (art. 24, 26, 28).
[[nodiscard]] inline const RuleInfo& information_personal_data_arrangement() {
    static const RuleInfo i{
        .id = "information.personal_data_arrangement",
        .severity = Severity::error,
        .citation = "Dataskyddsförordningen (EU) 2016/679 art. 24, 26 och 28",
        .source = "SKR 2023 kap. 2, Dokument- och informationshantering",
        .title = {"Om personuppgifter behandlas är rollerna reglerade: gemensamt personuppgiftsansvar (art. 26), personuppgiftsbiträdesavtal (art. "
                  "28) eller separat personuppgiftsansvar",
                  "If personal data is processed, the roles are settled: joint controllership (art. 26), a processor agreement (art. 28) or separate "
                  "controllership"},
        .violation = {"{subject} behandlar personuppgifter utan att personuppgiftsansvaret är reglerat (varken gemensamt ansvar, biträdesavtal eller "
                      "separat ansvar).",
                      "{subject} processes personal data without settling the controllership (no joint arrangement, processor agreement or separate "
                      "controllership)."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief If personal data is processed, the GDPR roles are settled.
[[nodiscard]] inline const Predicate<AgreementSubject>& information_personal_data_arrangement() {
    static const auto p = when(detail::predicate_info(rules::info::information_personal_data_arrangement()), personal_data_processed(),
                               detail::leaf<AgreementSubject>({"information.arrangement_settled",
                                                               {"Personuppgiftsansvaret är reglerat", "Controllership is settled"},
                                                               "Dataskyddsförordningen (EU) 2016/679 art. 26, 28"},
                                                              [](const AgreementSubject& s, Trace& t) {
                                                                  const auto& a = s.agreement().information.arrangement;
                                                                  if (!a) return t.unknown([] { return std::string{"/information/arrangement"}; });
                                                                  return truth(*a != Arrangement::none);
                                                              }));
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `information.personal_data_arrangement` [error].
[[nodiscard]] inline const Rule& information_personal_data_arrangement() {
    return detail::rule_of<info::information_personal_data_arrangement, predicates::information_personal_data_arrangement>();
}
} // namespace rules

// information.records ───────────────────────────────────────────────────────
namespace rules::info {
/// @brief `information.records` [warning]: registration and archiving
/// responsibility is stated when case handling is involved.
[[nodiscard]] inline const RuleInfo& information_records() {
    static const RuleInfo i{
        .id = "information.records",
        .severity = Severity::warning,
        .citation = "5 kap. offentlighets- och sekretesslagen (2009:400); arkivlagen (1990:782)",
        .source = "SKR 2023 kap. 2, Dokument- och informationshantering (diarieföring, arkivbildning)",
        .title = {"Vid myndighetsutövning eller delegering anger avtalet ansvaret för diarieföring och arkivering",
                  "Where a task is exercise of authority or delegation is used, responsibility for registration and archiving is stated"},
        .violation = {"{subject} innefattar handläggning av ärenden men anger inte ansvaret för diarieföring och arkivering.",
                      "{subject} involves case handling but does not state responsibility for registration and archiving."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief Some task is exercise of authority, or delegation is used (case handling).
[[nodiscard]] inline const Predicate<AgreementSubject>& case_handling() {
    static const auto p = any_of<AgreementSubject>(
        {"information.case_handling",
         {"Avtalet innefattar handläggning av ärenden (myndighetsutövning eller delegering)",
          "The agreement involves case handling (exercise of authority or delegation)"},
         {}},
        {detail::leaf<AgreementSubject>(
             {"task.any_exercise_of_authority", {"Någon uppgift är myndighetsutövning", "Some task is exercise of authority"}, {}},
             [](const AgreementSubject& s, Trace& t) {
                 return detail::some_task(
                     s.agreement().tasks, t, [](const Task& x) -> const auto& { return x.nature; },
                     [](TaskNature n) { return n == TaskNature::exercise_of_authority; }, "/nature");
             }),
         delegation_used()});
    return p;
}

/// @brief If the agreement involves case handling, registration and archiving are assigned.
[[nodiscard]] inline const Predicate<AgreementSubject>& information_records() {
    static const auto p =
        when(detail::predicate_info(rules::info::information_records()), case_handling(),
             detail::stated<AgreementSubject>(
                 {"information.records_stated",
                  {"Ansvaret för diarieföring och arkivering anges", "Registration and archiving responsibility is stated"},
                  {}},
                 [](const AgreementSubject& s) { return s.agreement().information.records_responsibility; }, "/information/records_responsibility"));
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `information.records` [warning].
[[nodiscard]] inline const Rule& information_records() { return detail::rule_of<info::information_records, predicates::information_records>(); }
} // namespace rules

// information.confidentiality ───────────────────────────────────────────────
namespace rules::info {
/// @brief `information.confidentiality` [warning]: sekretess regulated when
/// personal data is processed.
[[nodiscard]] inline const RuleInfo& information_confidentiality() {
    static const RuleInfo i{
        .id = "information.confidentiality",
        .severity = Severity::warning,
        .citation = "offentlighets- och sekretesslagen (2009:400)",
        .source = "SKR 2023 kap. 2, Dokument- och informationshantering; Avtalsinnehållet (sekretess)",
        .title = {"Om personuppgifter behandlas regleras sekretessen", "If personal data is processed, confidentiality is regulated"},
        .violation = {"{subject} behandlar personuppgifter men reglerar inte sekretessen.",
                      "{subject} processes personal data but does not regulate confidentiality."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief If personal data is processed, confidentiality is regulated.
[[nodiscard]] inline const Predicate<AgreementSubject>& information_confidentiality() {
    static const auto p =
        when(detail::predicate_info(rules::info::information_confidentiality()), personal_data_processed(),
             detail::stated<AgreementSubject>(
                 {"information.confidentiality_regulated", {"Sekretessen är reglerad", "Confidentiality is regulated"}, {}},
                 [](const AgreementSubject& s) { return s.agreement().information.confidentiality; }, "/information/confidentiality"));
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `information.confidentiality` [warning].
[[nodiscard]] inline const Rule& information_confidentiality() {
    return detail::rule_of<info::information_confidentiality, predicates::information_confidentiality>();
}
} // namespace rules

} // namespace avtal
