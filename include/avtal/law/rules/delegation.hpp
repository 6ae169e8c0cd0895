#pragma once
/// @file
/// @brief Rules on external delegation (extern delegering, 9 kap. 37 §
/// andra stycket KL with 6 kap. 38 § and 7 kap. 4–8 §§ KL; SKR 2023 kap. 2).
/// Each rule is one block (grep its id).

#include <avtal/law/rules/common.hpp>

#include <algorithm>

namespace avtal {

namespace predicates {

/// @brief Decision power is delegated: `used` is true or delegations are listed.
[[nodiscard]] inline const Predicate<AgreementSubject>& delegation_used() {
    static const auto p = detail::leaf<AgreementSubject>(
        {"delegation.used",
         {"Beslutanderätt delegeras till uppdragstagarens anställda", "Decision power is delegated to the contractor's staff"},
         "9 kap. 37 § andra stycket kommunallagen (2017:725)"},
        [](const AgreementSubject& s, Trace& t) {
            const Delegation& d = s.agreement().delegation;
            if (!d.delegates.empty() || d.used.value_or(false)) return Truth::yes;
            if (d.used) return Truth::no;
            return t.unknown([] { return std::string{"/delegation/used"}; });
        });
    return p;
}

} // namespace predicates

// delegation.agreed ─────────────────────────────────────────────────────────
namespace rules::info {
/// @brief `delegation.agreed` [error]. External delegation presupposes an
/// agreement between the parties stating it and its extent.
[[nodiscard]] inline const RuleInfo& delegation_agreed() {
    static const RuleInfo i{
        .id = "delegation.agreed",
        .severity = Severity::error,
        .citation = "9 kap. 37 § andra stycket kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Extern delegering",
        .title = {"Om beslutanderätt delegeras till uppdragstagarens anställda anger avtalet det och i vilken omfattning",
                  "If decision power is delegated to the contractor's staff, the agreement states it and its extent"},
        .violation = {"{subject}: beslutanderätt delegeras utan att avtalet anger delegeringen och dess omfattning.",
                      "{subject}: decision power is delegated without the agreement stating the delegation and its extent."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief If delegation is used, the agreement states it and its extent.
[[nodiscard]] inline const Predicate<AgreementSubject>& delegation_agreed() {
    static const auto p =
        when(detail::predicate_info(rules::info::delegation_agreed()), delegation_used(),
             detail::stated<AgreementSubject>(
                 {"delegation.stated", {"Avtalet anger delegeringen och dess omfattning", "The agreement states the delegation and its extent"}, {}},
                 [](const AgreementSubject& s) { return s.agreement().delegation.agreed; }, "/delegation/agreed"));
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `delegation.agreed` [error].
[[nodiscard]] inline const Rule& delegation_agreed() { return detail::rule_of<info::delegation_agreed, predicates::delegation_agreed>(); }
} // namespace rules

// delegation.employees_only ─────────────────────────────────────────────────
namespace rules::info {
/// @brief `delegation.employees_only` [error]. Only an employee of the other
/// party may decide on delegation; consultants are not employees, and
/// elected officials or employees of municipal companies may not (SKR).
[[nodiscard]] inline const RuleInfo& delegation_employees_only() {
    static const RuleInfo i{
        .id = "delegation.employees_only",
        .severity = Severity::error,
        .citation = "9 kap. 37 § andra stycket kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Extern delegering",
        .title = {"Delegaten är anställd hos uppdragstagaren (inte konsult, förtroendevald eller anställd i kommunalt bolag)",
                  "The delegate is an employee of the contractor (not a consultant, elected official or employee of a municipal company)"},
        .violation = {"{subject} ger beslutanderätt åt någon som inte är anställd hos uppdragstagaren.",
                      "{subject} gives decision power to someone who is not an employee of the contractor."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The delegate is an employee of the task's contractor.
[[nodiscard]] inline const Predicate<DelegateSubject>& delegation_employees_only() {
    static const auto p = detail::leaf<DelegateSubject>(detail::predicate_info(rules::info::delegation_employees_only()), [](const DelegateSubject& s,
                                                                                                                             Trace& t) {
        const Delegate& d = s.delegate();
        const Agreement& a = s.agreement();
        if (!d.to) return t.unknown([&] { return s.path() + "/to"; });
        // The principal's own employee or elected official deciding for the
        // principal's committee is ordinary delegation (6 kap. 37 § and
        // 7 kap. 5 § KL), lawful, but not external delegation: the bar is on
        // the other party's people.
        const auto own_principal = [&](std::size_t k) {
            const auto& ps = a.tasks[k].principals;
            return ps && a.tasks[k].contractor != d.employer && std::find(ps->begin(), ps->end(), *d.employer) != ps->end();
        };
        const auto ordinary = [&](const char* who_sv, const char* who_en, const char* section) {
            t.note([&] {
                return detail::tx("Delegaten är " + std::string{who_sv} + " uppdragsgivaren " + detail::quoted(*d.employer) +
                                      ": vanlig delegering inom den egna kommunen (" + section + " KL), inte extern delegering.",
                                  "The delegate is " + std::string{who_en} + " the principal " + detail::quoted(*d.employer) +
                                      ": ordinary delegation within its own municipality (" + section + " KL), not external delegation.");
            });
            return Truth::yes;
        };
        if (*d.to == DelegateTo::elected_official && d.employer && d.task)
            if (const auto k = s.ctx->task_index(*d.task); k && own_principal(*k))
                return ordinary("förtroendevald hos", "an elected official of", "6 kap. 37 §");
        if (*d.to != DelegateTo::employee) {
            t.note([&] {
                switch (*d.to) {
                case DelegateTo::consultant: return detail::tx("En konsult är inte anställd.", "A consultant is not an employee.");
                case DelegateTo::elected_official:
                    return detail::tx("Förtroendevalda hos den andra parten får inte ta emot delegering.",
                                      "Elected officials of the other party may not receive delegation.");
                default:
                    return detail::tx("Anställda i kommunala bolag får inte ta emot delegering.",
                                      "Employees of municipal companies may not receive delegation.");
                }
            });
            return Truth::no;
        }
        // An employee, but of whom? Of the party performing the task.
        if (!d.employer) return t.unknown([&] { return s.path() + "/employer"; });
        if (!d.task) return t.unknown([&] { return s.path() + "/task"; });
        const auto k = s.ctx->task_index(*d.task);
        if (!k) return t.unknown([&] { return s.path() + "/task"; });
        const auto& contractor = a.tasks[*k].contractor;
        if (!contractor) return t.unknown([&] { return "/tasks/" + std::to_string(*k) + "/contractor"; });
        if (*contractor != *d.employer) {
            if (own_principal(*k)) return ordinary("anställd hos", "employed by", "7 kap. 5 §");
            t.note([&] {
                return detail::tx(
                    "Delegaten är anställd hos " + detail::quoted(*d.employer) + ", inte hos uppdragstagaren " + detail::quoted(*contractor) + ".",
                    "The delegate is employed by " + detail::quoted(*d.employer) + ", not by the contractor " + detail::quoted(*contractor) + ".");
            });
            return Truth::no;
        }
        return Truth::yes;
    });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `delegation.employees_only` [error].
[[nodiscard]] inline const Rule& delegation_employees_only() {
    return detail::rule_of<info::delegation_employees_only, predicates::delegation_employees_only>();
}
} // namespace rules

// delegation.within_agreement ───────────────────────────────────────────────
namespace rules::info {
/// @brief `delegation.within_agreement` [error]. Delegation covers only
/// tasks within the cooperation.
[[nodiscard]] inline const RuleInfo& delegation_within_agreement() {
    static const RuleInfo i{
        .id = "delegation.within_agreement",
        .severity = Severity::error,
        .citation = "9 kap. 37 § andra stycket kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Extern delegering",
        .title = {"Delegeringen avser en uppgift som omfattas av avtalet", "The delegation concerns a task covered by the agreement"},
        .violation = {"{subject} avser en uppgift som inte omfattas av avtalssamverkan.", "{subject} concerns a task not covered by the agreement."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The delegation concerns a task of the agreement.
[[nodiscard]] inline const Predicate<DelegateSubject>& delegation_within_agreement() {
    static const auto p =
        detail::leaf<DelegateSubject>(detail::predicate_info(rules::info::delegation_within_agreement()), [](const DelegateSubject& s, Trace& t) {
            return detail::fact_that(
                s.delegate().task, [&](const Id& task) { return s.ctx->task_index(task).has_value(); }, t, [&] { return s.path() + "/task"; });
        });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `delegation.within_agreement` [error].
[[nodiscard]] inline const Rule& delegation_within_agreement() {
    return detail::rule_of<info::delegation_within_agreement, predicates::delegation_within_agreement>();
}
} // namespace rules

// delegation.onward_stated ──────────────────────────────────────────────────
namespace rules::info {
/// @brief `delegation.onward_stated` [warning]. The agreement should say
/// whether onward delegation (vidaredelegering, 7 kap. 6 § KL) is allowed.
[[nodiscard]] inline const RuleInfo& delegation_onward_stated() {
    static const RuleInfo i{
        .id = "delegation.onward_stated",
        .severity = Severity::warning,
        .citation = "9 kap. 37 § andra stycket och 7 kap. 6 § kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Extern delegering: \"om vidaredelegering ska vara möjlig\"",
        .title = {"När delegering används anger avtalet om vidaredelegering är tillåten",
                  "When delegation is used, the agreement says whether onward delegation is allowed"},
        .violation = {"{subject} använder delegering men anger inte om vidaredelegering är tillåten.",
                      "{subject} uses delegation but does not say whether onward delegation is allowed."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief If delegation is used, the agreement says whether onward delegation is allowed.
[[nodiscard]] inline const Predicate<AgreementSubject>& delegation_onward_stated() {
    static const auto p = when(detail::predicate_info(rules::info::delegation_onward_stated()), delegation_used(),
                               detail::leaf<AgreementSubject>(
                                   {"delegation.onward_said",
                                    {"Avtalet anger om vidaredelegering är tillåten", "The agreement says whether onward delegation is allowed"},
                                    {}},
                                   // null means the agreement does not say: that is the violation.
                                   [](const AgreementSubject& s, Trace&) { return truth(s.agreement().delegation.onward_delegation.has_value()); }));
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `delegation.onward_stated` [warning].
[[nodiscard]] inline const Rule& delegation_onward_stated() {
    return detail::rule_of<info::delegation_onward_stated, predicates::delegation_onward_stated>();
}
} // namespace rules

// delegation.reporting ──────────────────────────────────────────────────────
namespace rules::info {
/// @brief `delegation.reporting` [warning]. Decisions taken on delegation
/// are reported to the principal's committee (7 kap. 8 § KL, applied by
/// 9 kap. 37 § andra stycket).
[[nodiscard]] inline const RuleInfo& delegation_reporting() {
    static const RuleInfo i{
        .id = "delegation.reporting",
        .severity = Severity::warning,
        .citation = "7 kap. 8 § kommunallagen (2017:725), tillämplig enligt 9 kap. 37 § andra stycket",
        .source = "SKR 2023 kap. 2, Extern delegering",
        .title = {"När delegering används anger avtalet hur beslut på delegation återrapporteras till uppdragsgivarens nämnd",
                  "When delegation is used, the agreement says how decisions taken on delegation are reported to the principal's committee"},
        .violation = {"{subject} använder delegering men anger inte hur delegationsbesluten återrapporteras till uppdragsgivarens nämnd.",
                      "{subject} uses delegation but does not say how delegated decisions are reported to the principal's committee."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief If delegation is used, the agreement says how delegated decisions are reported.
[[nodiscard]] inline const Predicate<AgreementSubject>& delegation_reporting() {
    static const auto p =
        when(detail::predicate_info(rules::info::delegation_reporting()), delegation_used(),
             detail::stated<AgreementSubject>(
                 {"delegation.reporting_stated",
                  {"Avtalet anger hur delegationsbeslut återrapporteras", "The agreement says how delegated decisions are reported"},
                  {}},
                 [](const AgreementSubject& s) { return s.agreement().delegation.reporting_to_principal; }, "/delegation/reporting_to_principal"));
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `delegation.reporting` [warning].
[[nodiscard]] inline const Rule& delegation_reporting() { return detail::rule_of<info::delegation_reporting, predicates::delegation_reporting>(); }
} // namespace rules

// delegation.non_delegable ──────────────────────────────────────────────────
namespace rules::info {
/// @brief `delegation.non_delegable` [error]. 6 kap. 38 § KL: the goals,
/// direction, scope or quality of the activity; submissions to the council
/// and opinions on appeals; exercise of authority of a principled nature or
/// greater importance; citizen proposals; matters reserved by statute —
/// may never be delegated. Special statutes keep some decisions for the
/// committee, its chair or a member, never an employee: immediate custody
/// (LVU 6 § andra stycket) and not revealing a young person's whereabouts
/// (LVU 14 §, HFD 2016 ref. 74); other reserved matters are
/// `reserved_by_statute`.
[[nodiscard]] inline const RuleInfo& delegation_non_delegable() {
    static const RuleInfo i{
        .id = "delegation.non_delegable",
        .severity = Severity::error,
        .citation = "6 kap. 38 § och 9 kap. 37 § andra stycket kommunallagen (2017:725); 6 § andra stycket och 14 § lagen (1990:52) med "
                    "särskilda bestämmelser om vård av unga; HFD 2016 ref. 74",
        .source = "SKR 2023 kap. 2, Extern delegering",
        .title = {"Uppdragstagarens anställda har inte fått beslutanderätt i ärenden som enligt 6 kap. 38 § KL eller annan lag inte får "
                  "delegeras till anställda",
                  "No matter that 6 kap. 38 § KL or a special statute keeps from employees has been delegated to the contractor's employees"},
        .violation = {"{subject} gäller ett ärende som enligt 6 kap. 38 § KL eller speciallag inte får delegeras till en anställd.",
                      "{subject} concerns a matter that may not be delegated to an employee under 6 kap. 38 § KL or a special statute."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The delegated matter is delegable under 6 kap. 38 § KL.
[[nodiscard]] inline const Predicate<DelegateSubject>& delegation_non_delegable() {
    static const auto p =
        detail::leaf<DelegateSubject>(detail::predicate_info(rules::info::delegation_non_delegable()), [](const DelegateSubject& s, Trace& t) {
            const auto& m = s.delegate().matter;
            if (!m) return t.unknown([&] { return s.path() + "/matter"; });
            if (*m == Matter::individual_case) return Truth::yes;
            t.note([&] {
                switch (*m) {
                case Matter::policy:
                    return detail::tx("6 kap. 38 § 1: verksamhetens mål, inriktning, omfattning eller kvalitet.",
                                      "6:38 (1): the activity's goals, direction, scope or quality.");
                case Matter::council_submission:
                    return detail::tx("6 kap. 38 § 2: framställningar eller yttranden till fullmäktige.",
                                      "6:38 (2): submissions or opinions to the council.");
                case Matter::appeal_statement:
                    return detail::tx("6 kap. 38 § 2: yttranden med anledning av att nämndens eller fullmäktiges beslut överklagats.",
                                      "6:38 (2): opinions on appeals of the committee's or council's decisions.");
                case Matter::matter_of_principle:
                    return detail::tx("6 kap. 38 § 3: myndighetsutövning mot enskilda av principiell beskaffenhet eller annars av större vikt.",
                                      "6:38 (3): exercise of authority of a principled nature or of greater importance.");
                case Matter::citizen_proposal:
                    return detail::tx("6 kap. 38 § 4: medborgarförslag som överlämnats till nämnden.",
                                      "6:38 (4): citizen proposals handed over to the committee.");
                case Matter::lvu_immediate_custody:
                    return detail::tx("6 kap. 38 § 5 KL och 6 § andra stycket lagen (1990:52) med särskilda bestämmelser om vård av unga (LVU): "
                                      "om nämndens beslut om omedelbart omhändertagande inte kan avvaktas får bara ordföranden eller en annan "
                                      "ledamot som nämnden har förordnat besluta, aldrig en anställd.",
                                      "6:38 (5) KL and LVU (1990:52) 6 § second paragraph: when the committee's decision on immediate custody "
                                      "cannot be awaited, only its chair or another member it has appointed may decide, never an employee.");
                case Matter::lvu_whereabouts_secret:
                    return detail::tx("6 kap. 38 § 3 KL och 14 § LVU (1990:52): beslut att inte röja den unges vistelseort är av principiell "
                                      "beskaffenhet eller annars av större vikt och får delegeras bara i brådskande fall, och då bara till "
                                      "ordföranden eller en annan ledamot som nämnden har utsett (HFD 2016 ref. 74).",
                                      "6:38 (3) KL and LVU (1990:52) 14 §: a decision not to reveal the young person's whereabouts is of a "
                                      "principled nature or of greater importance and may be delegated only in urgent cases, and then only to "
                                      "the chair or another member the committee has appointed (HFD 2016 ref. 74).");
                default:
                    return detail::tx("6 kap. 38 § 5: ärenden som enligt lag eller annan författning inte får delegeras (eller bara till "
                                      "nämnden, dess ordförande eller en ledamot).",
                                      "6:38 (5): matters a statute says may not be delegated (or only to the committee, its chair or a member).");
                }
            });
            return Truth::no;
        });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `delegation.non_delegable` [error].
[[nodiscard]] inline const Rule& delegation_non_delegable() {
    return detail::rule_of<info::delegation_non_delegable, predicates::delegation_non_delegable>();
}
} // namespace rules

} // namespace avtal
