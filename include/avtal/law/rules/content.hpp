#pragma once
/// @file
/// @brief Rules on the agreement's content (SKR 2023 kap. 2,
/// "Avtalsinnehållet"; Socialstyrelsen, "Avtal och överenskommelser"). One
/// finding per section, so a user sees the full list at once. These rules
/// read `clauses` (the sections the text has); the substance rules read the
/// facts. Each rule is one block (grep its id).

#include <avtal/law/rules/common.hpp>
#include <avtal/law/rules/delegation.hpp>
#include <avtal/law/rules/information.hpp>

#include <vector>

namespace avtal {

/// @brief The name of a section of an agreement in both languages.
[[nodiscard]] inline Text clause_text(Clause c) {
    using detail::tx;
    switch (c) {
    case Clause::parties: return tx("parterna i avtalet", "the parties");
    case Clause::contractor_tasks: return tx("uppdragstagarens uppgifter", "the contractor's tasks");
    case Clause::delegation_scope:
        return tx("omfattningen av extern delegering av beslutanderätt", "the scope of external delegation of decision power");
    case Clause::economic_terms: return tx("ekonomiska villkor och redovisning", "economic terms and accounting");
    case Clause::information_handling: return tx("rutiner för informationshantering", "information-handling routines");
    case Clause::follow_up: return tx("uppföljning", "follow-up");
    case Clause::term: return tx("avtalstid", "term");
    case Clause::termination: return tx("uppsägning", "termination");
    case Clause::data_protection: return tx("dataskydd", "data protection");
    case Clause::confidentiality: return tx("sekretess", "confidentiality");
    case Clause::work_results: return tx("rätten till arbetsresultat och upphovsrätt", "rights to work results and copyright");
    case Clause::insurance: return tx("försäkringsfrågor", "insurance");
    case Clause::target_group: return tx("målgrupp för avtalet", "the agreement's target group");
    case Clause::assignments:
        return tx("tydliga uppdrag till de huvudmän eller verksamheter som ingår avtal",
                  "clear assignments to the principals or services that enter into the agreement");
    case Clause::economic_responsibility:
        return tx("hur samverkan kan skapas och vem som har ekonomiskt ansvar för de olika insatserna",
                  "how cooperation is created and who bears economic responsibility for each service");
    case Clause::procurement_parameter:
        return tx("att samverkan ska vara en parameter vid upphandlingar av tjänster",
                  "that cooperation is to be a criterion when services are procured");
    case Clause::take_back:
        return tx("hur uppdragsgivaren återtar uppgiften i egen regi om den inte utförs som avtalat",
                  "how the principal takes the task back into its own hands if it is not performed as agreed");
    case Clause::division_of_work: break;
    }
    return tx("arbetsfördelning mellan huvudmännen och en precisering av ansvaret",
              "division of work between the principals and specified responsibilities");
}

namespace predicates {

/// @brief Some task's target group is children.
[[nodiscard]] inline const Predicate<AgreementSubject>& concerns_children() {
    static const auto p =
        detail::leaf<AgreementSubject>({"content.concerns_children",
                                        {"Någon uppgift har barn och unga som målgrupp", "Some task's target group is children"},
                                        "Socialstyrelsen, Avtal och överenskommelser"},
                                       [](const AgreementSubject& s, Trace& t) {
                                           return detail::some_task(
                                               s.agreement().tasks, t, [](const Task& x) -> const auto& { return x.target_group_children; },
                                               [](bool c) { return c; }, "/target_group_children");
                                       });
    return p;
}

/// @brief The agreement creates copyright material.
[[nodiscard]] inline const Predicate<AgreementSubject>& creates_copyright_material() {
    static const auto p = detail::stated<AgreementSubject>(
        {"content.creates_copyright_material", {"Upphovsrättsligt material skapas", "Copyright material is created"}, {}},
        [](const AgreementSubject& s) { return s.agreement().creates_copyright_material; }, "/creates_copyright_material");
    return p;
}

/// @brief Whether the section is needed in this agreement.
[[nodiscard]] inline const Predicate<ClauseSubject>& clause_needed() {
    static const auto p = detail::leaf<ClauseSubject>(
        {"content.needed", {"Avsnittet behövs i detta avtal", "The section is needed in this agreement"}, {}}, [](const ClauseSubject& s, Trace& t) {
            const AgreementSubject a{s.ctx};
            const Predicate<AgreementSubject>* cond = nullptr;
            switch (s.clause) {
            case Clause::delegation_scope: cond = &delegation_used(); break;
            case Clause::data_protection:
            case Clause::confidentiality: cond = &personal_data_processed(); break;
            case Clause::work_results: cond = &creates_copyright_material(); break;
            case Clause::target_group:
            case Clause::assignments:
            case Clause::economic_responsibility:
            case Clause::procurement_parameter:
            case Clause::division_of_work: cond = &concerns_children(); break;
            default: return Truth::yes;
            }
            if (!t.active()) return (*cond)(a);
            Explanation e = t.explain(*cond, a);
            const Truth v = e.value;
            if (v == Truth::unknown) {
                if (t.full())
                    t.missing_all(e.missing);
                else
                    t.missing_all(std::move(e.missing));
            }
            t.child(std::move(e));
            return v;
        });
    return p;
}

/// @brief The section is in the agreement's `clauses`.
[[nodiscard]] inline const Predicate<ClauseSubject>& clause_present() {
    static const auto p = detail::leaf<ClauseSubject>({"content.present", {"Avsnittet finns i avtalet", "The section is in the agreement"}, {}},
                                                      [](const ClauseSubject& s, Trace& t) {
                                                          const auto& cs = s.agreement().clauses;
                                                          if (!cs) return t.unknown([] { return std::string{"/clauses"}; });
                                                          for (Clause c : *cs)
                                                              if (c == s.clause) return Truth::yes;
                                                          return Truth::no;
                                                      });
    return p;
}

} // namespace predicates

// content.required ──────────────────────────────────────────────────────────
namespace rules::info {
/// @brief `content.required` [warning]. SKR: "vissa grundläggande punkter
/// bör alltid inkluderas".
[[nodiscard]] inline const RuleInfo& content_required() {
    static const RuleInfo i{
        .id = "content.required",
        .severity = Severity::warning,
        .citation = "SKR, Avtalssamverkan inom socialtjänsten (2023) kap. 2, Avtalsinnehållet (vägledning)",
        .source = "SKR 2023 kap. 2, Avtalsinnehållet: \"bör alltid inkluderas\"",
        .title = {"Avtalet innehåller de grundläggande avsnitten (parter, uppdragstagarens uppgifter, delegeringens omfattning, ekonomiska villkor, "
                  "informationshantering, uppföljning, avtalstid, uppsägning)",
                  "The agreement has the basic sections (parties, contractor's tasks, delegation scope, economic terms, information handling, "
                  "follow-up, term, termination)"},
        .violation = {"{subject} saknas i avtalet (SKR: bör alltid ingå).",
                      "{subject} is missing from the agreement (SKR: should always be included)."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief `content.required`: if needed, the section is present.
[[nodiscard]] inline const Predicate<ClauseSubject>& content_required() {
    static const auto p = when(detail::predicate_info(rules::info::content_required()), clause_needed(), clause_present());
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `content.required` [warning]: one finding per basic section.
[[nodiscard]] inline const Rule& content_required() {
    static const Rule r{info::content_required(),
                        std::vector<Clause>{Clause::parties, Clause::contractor_tasks, Clause::delegation_scope, Clause::economic_terms,
                                            Clause::information_handling, Clause::follow_up, Clause::term, Clause::termination},
                        predicates::content_required()};
    return r;
}
} // namespace rules

// content.conditional ───────────────────────────────────────────────────────
namespace rules::info {
/// @brief `content.conditional` [warning]: data protection and
/// confidentiality when personal data is processed; rights to work results
/// when copyright material is created; insurance always recommended.
[[nodiscard]] inline const RuleInfo& content_conditional() {
    static const RuleInfo i{
        .id = "content.conditional",
        .severity = Severity::warning,
        .citation = "SKR, Avtalssamverkan inom socialtjänsten (2023) kap. 2, Avtalsinnehållet (vägledning)",
        .source = "SKR 2023 kap. 2, Avtalsinnehållet: \"Beroende på avtalets omfattning kan det även finnas anledning att reglera ytterligare "
                  "frågor\"",
        .title = {"Avtalet reglerar dataskydd och sekretess när personuppgifter behandlas, rätten till arbetsresultat när upphovsrättsligt material "
                  "skapas, och försäkringsfrågor",
                  "The agreement regulates data protection and confidentiality when personal data is processed, rights to work results when "
                  "copyright material is created, and insurance"},
        .violation = {"{subject} saknas i avtalet; SKR råder att det regleras eller övervägs här.",
                      "{subject} is missing from the agreement; SKR advises regulating or considering it here."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief `content.conditional`: if needed, the section is present.
[[nodiscard]] inline const Predicate<ClauseSubject>& content_conditional() {
    static const auto p = when(detail::predicate_info(rules::info::content_conditional()), clause_needed(), clause_present());
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `content.conditional` [warning]: one finding per conditional section.
[[nodiscard]] inline const Rule& content_conditional() {
    static const Rule r{info::content_conditional(),
                        std::vector<Clause>{Clause::data_protection, Clause::confidentiality, Clause::work_results, Clause::insurance},
                        predicates::content_conditional()};
    return r;
}
} // namespace rules

// content.children ──────────────────────────────────────────────────────────
namespace rules::info {
/// @brief `content.children` [warning]. Socialstyrelsen: an agreement about
/// children "behöver innehålla vissa grundläggande uppgifter".
[[nodiscard]] inline const RuleInfo& content_children() {
    static const RuleInfo i{
        .id = "content.children",
        .severity = Severity::warning,
        .citation = "Socialstyrelsen, Avtal och överenskommelser",
        .source = "Socialstyrelsen, Avtal och överenskommelser: \"Vad ska ett avtal innehålla?\"",
        .title =
            {"Ett avtal om barn och unga innehåller målgrupp, uppdrag, ekonomiskt ansvar, samverkan som upphandlingsparameter och arbetsfördelning",
             "An agreement about children has its target group, assignments, economic responsibility, cooperation as a procurement parameter and "
             "division of work"},
        .violation = {"{subject} saknas i avtalet, som rör barn och unga.", "{subject} is missing from the agreement, which concerns children."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief `content.children`: if the agreement concerns children, the section is present.
[[nodiscard]] inline const Predicate<ClauseSubject>& content_children() {
    static const auto p = when(detail::predicate_info(rules::info::content_children()), clause_needed(), clause_present());
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `content.children` [warning]: one finding per section Socialstyrelsen lists.
[[nodiscard]] inline const Rule& content_children() {
    static const Rule r{info::content_children(),
                        std::vector<Clause>{Clause::target_group, Clause::assignments, Clause::economic_responsibility, Clause::procurement_parameter,
                                            Clause::division_of_work},
                        predicates::content_children()};
    return r;
}
} // namespace rules

// content.children_warranted ─────────────────────────────────────────────────
namespace rules::info {
/// @brief `content.children_warranted` [info]. Socialstyrelsen, Avtal och
/// överenskommelser, "När är avtal om samverkan ett lämpligt stöd?": "Man kan
/// exempelvis behöva avtal om samverkan när det handlar om barn som behöver
/// insatser med tvång, barn som behöver omfattande insatser från flera
/// verksamheter och barn med neuropsykiatriska tillstånd, funktionsnedsättning
/// eller sjukdom. Elever som har ogiltig frånvaro och riskerar att falla ur
/// skolsystemet bör man också uppmärksamma." (Kunskapsguiden,
/// https://kunskapsguiden.se/omraden-och-teman/barn-och-unga/samverkan-kring-barn-och-unga/avtal-och-overenskommelser/)
[[nodiscard]] inline const RuleInfo& content_children_warranted() {
    static const RuleInfo i{
        .id = "content.children_warranted",
        .severity = Severity::info,
        .citation = "Socialstyrelsen, Avtal och överenskommelser",
        .source = "Socialstyrelsen, Avtal och överenskommelser: \"När är avtal om samverkan ett lämpligt stöd?\"",
        .title = {"Ett skriftligt avtal om samverkan kan behövas för barn som behöver insatser med tvång, barn som behöver omfattande insatser "
                  "från flera verksamheter, barn med neuropsykiatriska tillstånd, funktionsnedsättning eller sjukdom och elever med ogiltig "
                  "frånvaro som riskerar att falla ur skolsystemet",
                  "A written agreement on cooperation may be needed for children who need compulsory care, children who need extensive support "
                  "from several services, children with neuropsychiatric conditions, disability or illness, and pupils with unauthorised absence "
                  "at risk of leaving school"},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The task's target group is children (`target_group_children`):
/// where `content.children_warranted` applies.
[[nodiscard]] inline const Predicate<TaskSubject>& content_children_warranted() {
    static const auto p = detail::stated<TaskSubject>(
        detail::predicate_info(rules::info::content_children_warranted()), [](const TaskSubject& s) { return s.task().target_group_children; },
        "/target_group_children");
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `content.children_warranted` [info]: for each task for children
/// (or whose target group is not stated), the situations in which
/// Socialstyrelsen says a written agreement may be needed.
[[nodiscard]] inline const Rule& content_children_warranted() {
    static const Rule r{info::content_children_warranted(), predicates::content_children_warranted(), [](const TaskSubject& s, Status) {
                            Text out = s.task().target_group_children
                                           ? Text{"Uppgiften gäller barn och unga. ", "The task concerns children. "}
                                           : Text{"Det är inte angivet om uppgiften gäller barn och unga (target_group_children); om den gör det: ",
                                                  "Whether the task concerns children is not stated (target_group_children); if it does: "};
                            out.sv += "Socialstyrelsen anger att ett skriftligt avtal om samverkan kan behövas för barn som behöver insatser med "
                                      "tvång, barn som behöver omfattande insatser från flera verksamheter och barn med neuropsykiatriska "
                                      "tillstånd, funktionsnedsättning eller sjukdom, och att elever som har ogiltig frånvaro och riskerar att "
                                      "falla ur skolsystemet också bör uppmärksammas. Avtalet bör då ange målgrupp, uppdrag, ekonomiskt ansvar, "
                                      "samverkan som upphandlingsparameter och "
                                      "arbetsfördelning (content.children).";
                            out.en +=
                                "Socialstyrelsen says a written agreement on cooperation may be needed for children who need compulsory care, "
                                "children who need extensive support from several services and children with neuropsychiatric conditions, "
                                "disability or illness, and that pupils with unauthorised absence at risk of leaving school also deserve "
                                "attention. The agreement should then state its target group, assignments, economic responsibility, cooperation as a "
                                "procurement parameter and division of work (content.children).";
                            return out;
                        }};
    return r;
}
} // namespace rules

// content.take_back ─────────────────────────────────────────────────────────
namespace rules::info {
/// @brief `content.take_back` [warning]. The principal keeps the overall
/// responsibility and must be able to take the task back into its own hands
/// if problems or shortcomings arise (prop. 2017/18:151 s. 29, cited by SKR
/// 2023 kap. 1): the agreement should say how (distinct from `termination`).
[[nodiscard]] inline const RuleInfo& content_take_back() {
    static const RuleInfo i{
        .id = "content.take_back",
        .severity = Severity::warning,
        .citation = "prop. 2017/18:151 s. 29 (En generell rätt till kommunal avtalssamverkan), hänvisad av SKR 2023 kap. 1 not 2",
        .source = "SKR 2023 kap. 1: \"De ska kunna återta uppgiften i egen regi om det uppstår problem eller brister vid utförandet av uppgiften\"",
        .title = {"Avtalet anger hur uppdragsgivaren kan återta uppgiften i egen regi om den inte utförs som avtalat",
                  "The agreement says how the principal can take the task back into its own hands if it is not performed as agreed"},
        .violation = {"{subject} saknas i avtalet: uppdragsgivaren behåller ansvaret och ska kunna återta uppgiften i egen regi (annat än "
                      "uppsägning).",
                      "{subject} is missing from the agreement: the principal keeps the responsibility and must be able to take the task back "
                      "(other than termination)."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief `content.take_back`: the section on taking the task back is present.
[[nodiscard]] inline const Predicate<ClauseSubject>& content_take_back() {
    static const auto p = when(detail::predicate_info(rules::info::content_take_back()), clause_needed(), clause_present());
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `content.take_back` [warning]: one finding, on the section on taking the task back.
[[nodiscard]] inline const Rule& content_take_back() {
    static const Rule r{info::content_take_back(), std::vector<Clause>{Clause::take_back}, predicates::content_take_back()};
    return r;
}
} // namespace rules

} // namespace avtal
