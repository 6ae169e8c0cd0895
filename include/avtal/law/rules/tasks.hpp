#pragma once
/// @file
/// @brief Rules on the tasks (9 kap. 37 § KL; SKR 2023 kap. 1–2). Each rule
/// is one block (grep its id).

#include <avtal/core/date.hpp>
#include <avtal/law/rules/common.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace avtal {

/// @brief The statutes that apply on top of kommunallagen to `task` on
/// `date` (unknown date: both versions of socialtjänstlagen are named).
///
/// Socialtjänstlag (2025:400) replaced socialtjänstlagen (2001:453) on
/// 2025-07-01. The seed's "lagen om stöd och skydd för barn och unga" was a
/// proposal (SOU 2009:68) and was never enacted, so it is never listed.
[[nodiscard]] inline std::vector<Text> special_legislation(const Task& task, const std::optional<Date>& date) {
    using detail::tx;
    std::vector<Text> out;
    const auto add = [&](Text t) {
        for (const auto& x : out)
            if (x.sv == t.sv) return;
        out.push_back(std::move(t));
    };
    const auto sol = [&] {
        const Date cut{std::chrono::year{2025}, std::chrono::month{7}, std::chrono::day{1}};
        if (!date) {
            add(tx("socialtjänstlagen (2001:453) till och med 2025-06-30, socialtjänstlag (2025:400) från 2025-07-01",
                   "the Social Services Act (2001:453) until 2025-06-30, the Social Services Act (2025:400) from 2025-07-01"));
        } else if (std::chrono::sys_days{*date} < std::chrono::sys_days{cut}) {
            add(tx("socialtjänstlagen (2001:453)", "the Social Services Act (2001:453)"));
        } else {
            add(tx("socialtjänstlag (2025:400)", "the Social Services Act (2025:400)"));
        }
    };
    const auto lvu = tx("lagen (1990:52) med särskilda bestämmelser om vård av unga (LVU)", "the Care of Young Persons Act (1990:52, LVU)");
    const auto hsl = tx("hälso- och sjukvårdslagen (2017:30)", "the Health and Medical Services Act (2017:30)");
    if (task.area) switch (*task.area) {
        case Area::social_services: sol(); break;
        case Area::family_law:
            sol();
            add(tx("föräldrabalken (1949:381)", "the Children and Parents Code (1949:381)"));
            break;
        case Area::elderly_care:
            sol();
            add(hsl);
            break;
        case Area::disability:
            add(tx("lagen (1993:387) om stöd och service till vissa funktionshindrade (LSS)",
                   "the Act concerning Support and Service for Persons with Certain Functional Impairments (1993:387, LSS)"));
            sol();
            break;
        case Area::children_and_youth:
            sol();
            add(lvu);
            break;
        case Area::addiction:
            sol();
            add(tx("lagen (1988:870) om vård av missbrukare i vissa fall (LVM)",
                   "the Care of Substance Abusers (Special Provisions) Act (1988:870, LVM)"));
            break;
        case Area::health_care:
            add(hsl);
            add(tx("patientsäkerhetslagen (2010:659)", "the Patient Safety Act (2010:659)"));
            break;
        case Area::education: add(tx("skollagen (2010:800)", "the Education Act (2010:800)")); break;
        case Area::planning_and_building: add(tx("plan- och bygglagen (2010:900)", "the Planning and Building Act (2010:900)")); break;
        case Area::environment: add(tx("miljöbalken (1998:808)", "the Environmental Code (1998:808)")); break;
        case Area::hr:
            add(tx("lagen (1982:80) om anställningsskydd", "the Employment Protection Act (1982:80)"));
            add(tx("arbetsmiljölagen (1977:1160)", "the Work Environment Act (1977:1160)"));
            break;
        case Area::waste:
            add(tx("miljöbalken (1998:808) 15 kap.", "the Environmental Code (1998:808) chapter 15"));
            add(tx("avfallsförordningen (2020:614)", "the Waste Ordinance (2020:614)"));
            break;
        case Area::it:
        case Area::other: break;
        }
    // Children: LVU in the social services' areas (compulsory care of young
    // persons); not in family law, schools or health care, which have their own.
    if (task.target_group_children.value_or(false) &&
        (!task.area || *task.area == Area::social_services || *task.area == Area::children_and_youth || *task.area == Area::addiction)) {
        sol();
        add(lvu);
    }
    if (task.nature == TaskNature::exercise_of_authority) add(tx("förvaltningslagen (2017:900)", "the Administrative Procedure Act (2017:900)"));
    return out;
}

/// @brief The name of a task's area as people write it ("äldreomsorg",
/// "elderly care"), never the enumeration's name.
[[nodiscard]] inline Text area_text(Area a) {
    using detail::tx;
    switch (a) {
    case Area::social_services: return tx("socialtjänst", "social services");
    case Area::family_law: return tx("familjerätt", "family law");
    case Area::elderly_care: return tx("äldreomsorg", "elderly care");
    case Area::disability: return tx("stöd till personer med funktionsnedsättning", "support for people with disabilities");
    case Area::children_and_youth: return tx("barn och unga", "children and young people");
    case Area::addiction: return tx("missbruk och beroende", "addiction");
    case Area::health_care: return tx("hälso- och sjukvård", "health care");
    case Area::education: return tx("utbildning", "education");
    case Area::planning_and_building: return tx("plan- och byggfrågor", "planning and building");
    case Area::environment: return tx("miljö- och hälsoskydd", "environmental and health protection");
    case Area::it: return tx("IT", "IT");
    case Area::hr: return tx("personaladministration", "human resources");
    case Area::waste: return tx("avfall", "waste");
    case Area::other: break;
    }
    return tx("annat område", "another area");
}

namespace detail {
/// The day 9 kap. 37 § KL came into force (SFS 2018:569), and with it the
/// repeal of miljöbalken's and plan- och bygglagen's own cooperation rules.
inline constexpr std::chrono::sys_days cooperation_law_start{std::chrono::year{2018} / 7 / 1};
} // namespace detail

/// @brief What the statutes of `task`'s area say on avtalssamverkan or
/// delegation that differs from 9 kap. 37 § KL and so applies instead (9 kap.
/// 37 § tredje stycket), as in force on `date`; empty when nothing is known.
///
/// Sources: LVU 6 § andra stycket and 14 § with HFD 2016 ref. 74; the
/// delegation chapter of socialtjänstlagen (10 kap. in SoL 2001:453); the
/// 2018 reform repealed the own rules on avtalssamverkan of miljöbalken and
/// plan- och bygglagen (prop. 2017/18:151; SKR). See docs/legal-sources.md.
[[nodiscard]] inline std::vector<Text> special_cooperation_rules(const Task& task, const std::optional<Date>& date) {
    using detail::tx;
    std::vector<Text> out;
    const Date cut{std::chrono::year{2025}, std::chrono::month{7}, std::chrono::day{1}};
    const bool old_sol = date && std::chrono::sys_days{*date} < std::chrono::sys_days{cut};
    const auto sol = [&] {
        out.push_back(old_sol ? tx("10 kap. socialtjänstlagen (2001:453) begränsar vilka ärenden som får delegeras",
                                   "the Social Services Act (2001:453) chapter 10 limits which matters may be delegated")
                      : date  ? tx("socialtjänstlagens (2025:400) bestämmelser om delegering begränsar vilka ärenden som får delegeras",
                                   "the delegation provisions of the Social Services Act (2025:400) limit which matters may be delegated")
                              : tx("socialtjänstlagens bestämmelser om delegering begränsar vilka ärenden som får delegeras",
                                   "the Social Services Act's delegation provisions limit which matters may be delegated"));
    };
    const auto lvu = [&] {
        out.push_back(tx(
            "LVU (1990:52): omedelbart omhändertagande (6 §) beslutas av nämnden eller, om nämndens beslut inte kan avvaktas, av "
            "ordföranden eller någon annan ledamot som nämnden har förordnat (6 § andra stycket); beslut att inte röja den unges vistelseort (14 §) "
            "fattas av nämnden och i brådskande fall av ordföranden eller en annan ledamot som nämnden har utsett (HFD 2016 ref. "
            "74) – aldrig av en anställd",
            "LVU (1990:52): immediate custody (6 §) is decided by the committee or, if its decision cannot be awaited, by the chair "
            "or another member the committee has appointed (6 § second paragraph); decisions not to reveal the young person's whereabouts (14 §) are "
            "taken by the committee and, when urgent, by the chair or another member it has appointed (HFD 2016 ref. 74) – never "
            "by an employee"));
    };
    // Miljöbalken and plan- och bygglagen had rules of their own on
    // avtalssamverkan until the 2018 reform repealed them: they applied
    // instead only before 2018-07-01 (see repealed_cooperation_rules).
    const bool before_reform = date && std::chrono::sys_days{*date} < detail::cooperation_law_start;
    const auto repealed = [&](const char* law_sv, const char* law_en) {
        if (before_reform)
            out.push_back(tx(std::string{law_sv} + " har egna regler om avtalssamverkan (de upphävdes 2018-07-01, prop. 2017/18:151)",
                             std::string{law_en} + " has rules of its own on avtalssamverkan (repealed on 2018-07-01, prop. 2017/18:151)"));
    };
    if (task.area) switch (*task.area) {
        case Area::social_services:
        case Area::family_law:
        case Area::elderly_care:
        case Area::disability:
        case Area::addiction: sol(); break;
        case Area::children_and_youth:
            sol();
            lvu();
            break;
        case Area::planning_and_building: repealed("Plan- och bygglagen (2010:900)", "The Planning and Building Act (2010:900)"); break;
        case Area::environment:
        case Area::waste: repealed("Miljöbalken (1998:808)", "The Environmental Code (1998:808)"); break;
        case Area::health_care:
        case Area::education:
        case Area::it:
        case Area::hr:
        case Area::other: break;
        }
    if (task.target_group_children.value_or(false) && (!task.area || *task.area == Area::social_services || *task.area == Area::addiction)) {
        if (!task.area) sol();
        lvu();
    }
    return out;
}

/// @brief For a task in an area whose statute had rules of its own on
/// avtalssamverkan that the 2018 reform repealed (miljöbalken, plan- och
/// bygglagen; prop. 2017/18:151), assessed on or after 2018-07-01 (or on no
/// date): a sentence saying so; otherwise nothing.
[[nodiscard]] inline std::optional<Text> repealed_cooperation_rules(const Task& task, const std::optional<Date>& date) {
    if (!task.area || (date && std::chrono::sys_days{*date} < detail::cooperation_law_start)) return std::nullopt;
    const auto said = [](const char* sv, const char* en) {
        return Text{std::string{sv} + " hade egna regler om avtalssamverkan; de upphävdes 2018-07-01 (prop. 2017/18:151), och sedan dess gäller "
                                      "9 kap. 37 § kommunallagen.",
                    std::string{en} + " had rules of its own on avtalssamverkan; they were repealed on 2018-07-01 (prop. 2017/18:151), and "
                                      "9 kap. 37 § kommunallagen has applied since."};
    };
    switch (*task.area) {
    case Area::planning_and_building: return said("Plan- och bygglagen (2010:900)", "The Planning and Building Act (2010:900)");
    case Area::environment:
    case Area::waste: return said("Miljöbalken (1998:808)", "The Environmental Code (1998:808)");
    default: return std::nullopt;
    }
}

// task.cooperation_in_force ───────────────────────────────────────────────
namespace detail {
/// Why a task assessed on `date`, before 2018-07-01, cannot rest on 9 kap.
/// 37 § KL (the message of `task.cooperation_in_force`).
[[nodiscard]] inline Text before_cooperation_law(const Date& date) {
    const bool old_kl = std::chrono::sys_days{date} < std::chrono::sys_days{std::chrono::year{2018} / 1 / 1};
    return tx("Avtalet bedöms per " + format_date(date) +
                  ", före 2018-07-01, då 9 kap. 37 § kommunallagen trädde i kraft (SFS 2018:569). Dessförinnan fanns ingen "
                  "allmän rätt till avtalssamverkan: att en annan kommun eller region utför uppgiften kräver stöd i speciallag, och "
                  "uppdragstagarens anställda kunde inte besluta på uppdragsgivarens vägnar." +
                  (old_kl ? std::string{" Före 2018-01-01 gällde kommunallagen (1991:900), inte kommunallagen (2017:725)."} : std::string{}),
              "The agreement is assessed on " + format_date(date) +
                  ", before 2018-07-01, when 9 kap. 37 § kommunallagen came into force (SFS 2018:569). Until then there was no general "
                  "right to avtalssamverkan: another municipality or region performing the task needs a basis in special legislation, and "
                  "the contractor's employees could not decide on the principal's behalf." +
                  (old_kl ? std::string{" Before 2018-01-01 kommunallagen (1991:900) applied, not kommunallagen (2017:725)."} : std::string{}));
}
} // namespace detail
namespace rules::info {
/// @brief `task.cooperation_in_force` [error]. 9 kap. 37 § KL, the general
/// right to avtalssamverkan, came with SFS 2018:569 and applies from
/// 2018-07-01 (seed 000, Förord: "Från och med den 1 juli 2018 finns det en
/// generell rätt till kommunal avtalssamverkan i kommunallagen"). Before
/// that, a task performed by another municipality needed a basis in special
/// legislation, which no fact of the model records: undetermined.
[[nodiscard]] inline const RuleInfo& task_cooperation_in_force() {
    static const RuleInfo i{
        .id = "task.cooperation_in_force",
        .severity = Severity::error,
        .citation = "9 kap. 37 § kommunallagen (2017:725), i kraft 2018-07-01 (SFS 2018:569)",
        .source = "SKR 2023, Förord",
        .title = {"Avtalssamverkan enligt 9 kap. 37 § kommunallagen gäller på bedömningsdagen (från 2018-07-01)",
                  "Avtalssamverkan under 9 kap. 37 § kommunallagen is in force on the assessment date (from 2018-07-01)"},
        .violation = {"{subject} bedöms för en dag då 9 kap. 37 § kommunallagen inte gällde.",
                      "{subject} is assessed for a day when 9 kap. 37 § kommunallagen was not in force."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The assessment date is on or after 2018-07-01; before it, unknown
/// (a basis in special legislation would have been needed).
[[nodiscard]] inline const Predicate<TaskSubject>& task_cooperation_in_force() {
    static const auto p =
        detail::leaf<TaskSubject>(detail::predicate_info(rules::info::task_cooperation_in_force()), [](const TaskSubject& s, Trace& t) {
            const auto& date = s.ctx->date();
            if (!date) return t.unknown([] { return std::string{"/assessment_date"}; });
            const auto days = std::chrono::sys_days{*date};
            if (days >= detail::cooperation_law_start) return Truth::yes;
            t.note([&] { return detail::before_cooperation_law(*date); });
            return Truth::unknown;
        });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `task.cooperation_in_force` [error].
[[nodiscard]] inline const Rule& task_cooperation_in_force() {
    static const Rule r{info::task_cooperation_in_force(), predicates::task_cooperation_in_force(), [](const TaskSubject& s, Status st) {
                            const auto& date = s.ctx->date();
                            return st == Status::undetermined && date ? detail::before_cooperation_law(*date) : Text{};
                        }};
    return r;
}
} // namespace rules

// task.roles ────────────────────────────────────────────────────────────────
namespace rules::info {
/// @brief `task.roles` [error]. 9 kap. 37 § KL: a municipality or region
/// (uppdragsgivare) agrees that *another* (uppdragstagare) performs its task.
[[nodiscard]] inline const RuleInfo& task_roles() {
    static const RuleInfo i{
        .id = "task.roles",
        .severity = Severity::error,
        .citation = "9 kap. 37 § första stycket kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Samverkansuppgifter",
        .title = {"Varje uppgift har exakt en uppdragstagare och minst en uppdragsgivare, alla parter i avtalet, och uppdragstagaren är inte "
                  "uppdragsgivare",
                  "Each task has exactly one contractor and at least one principal, all of them parties, the contractor not among the principals"},
        .violation = {"{subject} har inte giltiga roller: en uppdragstagare och minst en annan part som uppdragsgivare krävs.",
                      "{subject} does not have valid roles: one contractor and at least one other party as principal are required."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The task's roles are valid: one existing contractor, at least one
/// existing principal, the contractor not among them.
[[nodiscard]] inline const Predicate<TaskSubject>& task_roles() {
    static const auto p = detail::leaf<TaskSubject>(detail::predicate_info(rules::info::task_roles()), [](const TaskSubject& s, Trace& t) {
        const Task& task = s.task();
        Truth ok = Truth::yes;
        if (!task.contractor) {
            ok = ok && t.unknown([&] { return s.path() + "/contractor"; });
        } else if (!s.ctx->find_party(*task.contractor)) {
            t.note([&] {
                return detail::tx("Uppdragstagaren " + detail::quoted(*task.contractor) + " är inte part i avtalet.",
                                  "The contractor " + detail::quoted(*task.contractor) + " is not a party.");
            });
            ok = Truth::no;
        }
        if (!task.principals) {
            ok = ok && t.unknown([&] { return s.path() + "/principals"; });
        } else {
            if (task.principals->empty()) {
                t.note([] { return detail::tx("Uppgiften saknar uppdragsgivare.", "The task has no principal."); });
                ok = Truth::no;
            }
            for (const auto& principal : *task.principals) {
                if (!s.ctx->find_party(principal)) {
                    t.note([&] {
                        return detail::tx("Uppdragsgivaren " + detail::quoted(principal) + " är inte part i avtalet.",
                                          "The principal " + detail::quoted(principal) + " is not a party.");
                    });
                    ok = Truth::no;
                }
                if (task.contractor && principal == *task.contractor) {
                    t.note([&] { return detail::tx("Uppdragstagaren är också uppdragsgivare.", "The contractor is also a principal."); });
                    ok = Truth::no;
                }
            }
        }
        return ok;
    });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `task.roles` [error]; an agreement without any task violates it
/// once (there is no avtalssamverkan without a task to perform).
[[nodiscard]] inline const Rule& task_roles() {
    static const Rule r{info::task_roles(), predicates::task_roles(), nullptr,
                        detail::leaf<AgreementSubject>({"task.roles",
                                                        {"Avtalet omfattar minst en uppgift", "The agreement covers at least one task"},
                                                        "9 kap. 37 § första stycket kommunallagen (2017:725)"},
                                                       [](const AgreementSubject& s, Trace& t) {
                                                           t.note([] {
                                                               return detail::tx("Avtalet anger ingen uppgift som ska utföras.",
                                                                                 "The agreement names no task to perform.");
                                                           });
                                                           return truth(!s.agreement().tasks.empty());
                                                       })};
    return r;
}
} // namespace rules

// task.within_competence ────────────────────────────────────────────────────
namespace rules::info {
/// @brief `task.within_competence` [error]. Only tasks the principals could
/// perform themselves (kommunal kompetens, 2 kap. KL) may be handed over.
[[nodiscard]] inline const RuleInfo& task_within_competence() {
    static const RuleInfo i{
        .id = "task.within_competence",
        .severity = Severity::error,
        .citation = "2 kap. 1 och 2 §§ och 9 kap. 37 § första stycket kommunallagen (2017:725)",
        .source = "SKR 2023 kap. 2, Samverkansuppgifter",
        .title = {"Uppgiften ligger inom uppdragsgivarnas egen kompetens (det de kunde utföra själva)",
                  "The task lies within the principals' own competence (what they could do themselves)"},
        .violation =
            {"{subject} ligger utanför uppdragsgivarnas kompetens; avtalssamverkan får bara avse uppgifter som uppdragsgivarna själva får utföra.",
             "{subject} lies outside the principals' competence; avtalssamverkan may only concern tasks the principals may perform themselves."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief The task lies within the principals' own competence.
[[nodiscard]] inline const Predicate<TaskSubject>& task_within_competence() {
    static const auto p = detail::stated<TaskSubject>(
        detail::predicate_info(rules::info::task_within_competence()), [](const TaskSubject& s) { return s.task().within_competence; },
        "/within_competence");
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `task.within_competence` [error].
[[nodiscard]] inline const Rule& task_within_competence() {
    return detail::rule_of<info::task_within_competence, predicates::task_within_competence>();
}
} // namespace rules

// task.contractor_competence ───────────────────────────────────────────────
namespace rules::info {
/// @brief `task.contractor_competence` [error]. Avtalssamverkan lets a
/// municipality or region have *its own* tasks performed by another; it
/// does not widen the contractor's competence: "Förslaget innebär inte att
/// kommuner kan åta sig landstingens uppgifter eller vice versa"
/// (Finansdepartementet, pressmeddelande februari 2018, on the lagrådsremiss
/// that became prop. 2017/18:151). The statute (9 kap. 37 § KL) names the
/// principal's task; this is the contractor's side of the same limit.
[[nodiscard]] inline const RuleInfo& task_contractor_competence() {
    static const RuleInfo i{
        .id = "task.contractor_competence",
        .severity = Severity::error,
        .citation = "9 kap. 37 § första stycket kommunallagen (2017:725); prop. 2017/18:151; Finansdepartementet, pressmeddelande februari "
                    "2018: ”Förslaget innebär inte att kommuner kan åta sig landstingens uppgifter eller vice versa.”",
        .source = "SKR 2023 kap. 2, Samverkansuppgifter",
        .title = {"Uppdragstagaren får själv utföra uppgifter av detta slag (en kommun kan inte åta sig en regions uppgifter eller tvärtom)",
                  "The contractor may itself perform tasks of this kind (a municipality cannot take on a region's tasks, or the reverse)"},
        .violation = {"{subject} ligger utanför uppdragstagarens egen kompetens; avtalssamverkan ger inte en kommun rätt att åta sig en regions "
                      "uppgifter eller tvärtom.",
                      "{subject} lies outside the contractor's own competence; avtalssamverkan does not let a municipality take on a region's "
                      "tasks, or the reverse."},
    };
    return i;
}
} // namespace rules::info
namespace detail {
/// Whether a party of kind `k` has competence of its own in `area`:
/// yes for the areas that are its kind's own (socialtjänst, plan- och
/// bygglagen, miljöbalken and waste are the municipality's; health care is
/// the region's), yes for those both kinds have (IT, HR, education, LSS,
/// addiction), unknown where the kinds meet (a municipality's health care
/// under 12 kap. HSL, a region's part in social services) or the area is
/// `other`.
[[nodiscard]] inline Truth kind_competent_in(PartyKind k, Area area) noexcept {
    const bool municipality = k == PartyKind::municipality;
    switch (area) {
    case Area::social_services:
    case Area::family_law:
    case Area::elderly_care:
    case Area::children_and_youth:
    case Area::planning_and_building:
    case Area::environment:
    case Area::waste: return municipality ? Truth::yes : Truth::unknown;
    case Area::health_care: return municipality ? Truth::unknown : Truth::yes;
    case Area::disability:
    case Area::addiction:
    case Area::education:
    case Area::it:
    case Area::hr: return Truth::yes;
    case Area::other: return Truth::unknown;
    }
    return Truth::unknown;
}
} // namespace detail
namespace predicates {
/// @brief The contractor is a municipality or a region (the rule's
/// condition: a federation's competence is its förbundsordning,
/// `party.federation_mandate`; other kinds are not parties at all).
[[nodiscard]] inline const Predicate<TaskSubject>& task_contractor_is_municipality_or_region() {
    static const auto p = detail::leaf<TaskSubject>({"task.contractor_is_municipality_or_region",
                                                     {"Uppdragstagaren är en kommun eller en region", "The contractor is a municipality or a region"},
                                                     "9 kap. 37 § första stycket kommunallagen (2017:725)"},
                                                    [](const TaskSubject& s, Trace& t) {
                                                        const auto& c = s.task().contractor;
                                                        if (!c) return t.unknown([&] { return s.path() + "/contractor"; });
                                                        const auto k = s.ctx->party_index(*c);
                                                        if (!k) return t.unknown([&] { return s.path() + "/contractor"; });
                                                        const auto& kind = s.agreement().parties[*k].kind;
                                                        if (!kind) return t.unknown([&] { return "/parties/" + std::to_string(*k) + "/kind"; });
                                                        return truth(*kind == PartyKind::municipality || *kind == PartyKind::region);
                                                    });
    return p;
}

/// @brief The contractor may itself perform tasks of this kind: the stated
/// fact `within_contractor_competence`; else yes when every principal is of
/// the contractor's kind (two municipalities, two regions: the same
/// competence, whose limit is `task.within_competence`); else by the area
/// (`detail::kind_competent_in`); unknown when that cannot settle it.
[[nodiscard]] inline const Predicate<TaskSubject>& task_contractor_may_perform() {
    static const auto p = detail::leaf<TaskSubject>(
        {"task.contractor_may_perform",
         {"Uppdragstagaren får själv utföra uppgifter av detta slag", "The contractor may itself perform tasks of this kind"},
         "2 kap. 1 och 2 §§ och 9 kap. 37 § första stycket kommunallagen (2017:725)"},
        [](const TaskSubject& s, Trace& t) {
            const Task& task = s.task();
            const auto own = [&] { return s.path() + "/within_contractor_competence"; };
            if (task.within_contractor_competence) {
                t.note([] {
                    return detail::tx("Avtalet anger om uppdragstagaren själv får utföra uppgiften.",
                                      "The agreement states whether the contractor may itself perform the task.");
                });
                return truth(*task.within_contractor_competence);
            }
            const auto k = task.contractor ? s.ctx->party_index(*task.contractor) : std::nullopt;
            if (!k) return t.unknown([&] { return s.path() + "/contractor"; });
            const auto& kind = s.agreement().parties[*k].kind;
            if (!kind) return t.unknown([&] { return "/parties/" + std::to_string(*k) + "/kind"; });
            bool same = true;
            bool principal_kind_unknown = false;
            if (task.principals)
                for (std::size_t i = 0; i < task.principals->size(); ++i) {
                    const auto pk = s.ctx->party_index((*task.principals)[i]);
                    if (!pk) continue; // task.roles reports it
                    const auto& pkind = s.agreement().parties[*pk].kind;
                    if (!pkind) {
                        t.missing("/parties/" + std::to_string(*pk) + "/kind");
                        principal_kind_unknown = true;
                    } else if (*pkind != *kind) {
                        same = false;
                    }
                }
            if (same && !principal_kind_unknown) {
                t.note([&] {
                    return *kind == PartyKind::municipality
                               ? detail::tx("Uppdragstagaren och uppdragsgivarna är alla kommuner och har samma slags kompetens.",
                                            "The contractor and the principals are municipalities: the same kind of competence.")
                               : detail::tx("Uppdragstagaren och uppdragsgivarna är alla regioner och har samma slags kompetens.",
                                            "The contractor and the principals are regions: the same kind of competence.");
                });
                return Truth::yes;
            }
            if (!task.area) return t.unknown([&] { return s.path() + "/area"; });
            const Truth by_area = detail::kind_competent_in(*kind, *task.area);
            if (by_area == Truth::yes) {
                t.note([&] {
                    return *kind == PartyKind::municipality ? detail::tx("Uppgiftens område hör till det en kommun själv får utföra.",
                                                                         "The task's area lies within what a municipality may itself do.")
                                                            : detail::tx("Uppgiftens område hör till det en region själv får utföra.",
                                                                         "The task's area lies within what a region may itself do.");
                });
                return principal_kind_unknown ? Truth::unknown : Truth::yes;
            }
            t.note([&] {
                return *kind == PartyKind::municipality
                           ? detail::tx("En kommun utför uppgiften åt en region: ta reda på om det är en uppgift som kommunen själv får utföra "
                                        "(en kommun kan inte åta sig regionens uppgifter).",
                                        "A municipality performs the task for a region: find out whether it is a task the municipality may "
                                        "itself perform (a municipality cannot take on the region's tasks).")
                           : detail::tx("En region utför uppgiften åt en kommun: ta reda på om det är en uppgift som regionen själv får utföra "
                                        "(en region kan inte åta sig kommunens uppgifter).",
                                        "A region performs the task for a municipality: find out whether it is a task the region may itself "
                                        "perform (a region cannot take on the municipality's tasks).");
            });
            return t.unknown(own);
        });
    return p;
}

/// @brief If the contractor is a municipality or a region, it may itself
/// perform tasks of this kind.
[[nodiscard]] inline const Predicate<TaskSubject>& task_contractor_competence() {
    static const auto p = when(detail::predicate_info(rules::info::task_contractor_competence()), task_contractor_is_municipality_or_region(),
                               task_contractor_may_perform());
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `task.contractor_competence` [error].
[[nodiscard]] inline const Rule& task_contractor_competence() {
    return detail::rule_of<info::task_contractor_competence, predicates::task_contractor_competence>();
}
} // namespace rules

// task.huvudman_retained ────────────────────────────────────────────────────
namespace rules::info {
/// @brief `task.huvudman_retained` [error]. Huvudmannaskapet ändras eller
/// flyttas inte (prop. 2017/18:151 s. 29; SKR kap. 1): an agreement that
/// moves it is not avtalssamverkan (that needs a kommunalförbund).
[[nodiscard]] inline const RuleInfo& task_huvudman_retained() {
    static const RuleInfo i{
        .id = "task.huvudman_retained",
        .severity = Severity::error,
        .citation = "9 kap. 37 § kommunallagen (2017:725); prop. 2017/18:151 s. 29",
        .source = "SKR 2023 kap. 1 och 2, Huvudmannaskapet",
        .title = {"Uppdragsgivarna behåller huvudmannaskapet (ansvaret gentemot sina invånare) för uppgiften",
                  "The principals keep huvudmannaskap (responsibility towards their own residents) for the task"},
        .violation =
            {"{subject} flyttar huvudmannaskapet från en uppdragsgivare; det är inte avtalssamverkan (ett sådant överlämnande kräver ett "
             "kommunalförbund).",
             "{subject} moves huvudmannaskap away from a principal; that is not avtalssamverkan (such a transfer needs a municipal federation)."},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief Every principal keeps huvudmannaskap: each principal is listed in
/// `huvudman`. The contractor may also be listed (as huvudman of the
/// facility it runs, or for its own residents, as Norrköping for the shared
/// HVB in Östergötland): that is not a move.
[[nodiscard]] inline const Predicate<TaskSubject>& task_huvudman_retained() {
    static const auto p =
        detail::leaf<TaskSubject>(detail::predicate_info(rules::info::task_huvudman_retained()), [](const TaskSubject& s, Trace& t) {
            const Task& task = s.task();
            Truth ok = Truth::yes;
            if (!task.principals) ok = ok && t.unknown([&] { return s.path() + "/principals"; });
            if (!task.huvudman) ok = ok && t.unknown([&] { return s.path() + "/huvudman"; });
            if (!task.principals || !task.huvudman) return ok;
            // Looked up in a sorted copy: O(p log h), not p × h.
            std::vector<std::string_view> huvudman{task.huvudman->begin(), task.huvudman->end()};
            std::sort(huvudman.begin(), huvudman.end());
            for (const auto& principal : *task.principals) {
                const bool kept = std::binary_search(huvudman.begin(), huvudman.end(), std::string_view{principal});
                if (!kept) {
                    t.note([&] {
                        return detail::tx(detail::quoted(principal) + " är uppdragsgivare men inte huvudman.",
                                          detail::quoted(principal) + " is a principal but not huvudman.");
                    });
                    ok = Truth::no;
                }
            }
            return ok;
        });
    return p;
}
} // namespace predicates
namespace rules {
/// @brief `task.huvudman_retained` [error].
[[nodiscard]] inline const Rule& task_huvudman_retained() {
    return detail::rule_of<info::task_huvudman_retained, predicates::task_huvudman_retained>();
}
} // namespace rules

// task.special_legislation ──────────────────────────────────────────────────
namespace rules::info {
/// @brief `task.special_legislation` [info]. The statutes of the task's
/// area govern it on top of kommunallagen (SKR 2023 kap. 2); where they have
/// rules on avtalssamverkan or delegation that differ from 9 kap. 37 §,
/// those apply instead (9 kap. 37 § tredje stycket KL, a precedence rule).
[[nodiscard]] inline const RuleInfo& task_special_legislation() {
    static const RuleInfo i{
        .id = "task.special_legislation",
        .severity = Severity::info,
        .citation = "9 kap. 37 § tredje stycket kommunallagen (2017:725): avvikande bestämmelser i annan lag eller författning tillämpas",
        .source = "SKR 2023 kap. 2, Avtalsinnehållet (sista stycket): lagstiftningen för uppgiften gäller utöver kommunallagen",
        .title = {"Speciallagstiftning för uppgiftens område gäller utöver kommunallagen; dess avvikande regler om avtalssamverkan och delegering "
                  "gäller i stället för 9 kap. 37 §",
                  "Special legislation for the task's area applies on top of kommunallagen; its own rules on avtalssamverkan and delegation apply "
                  "instead of 9 kap. 37 §"},
    };
    return i;
}
} // namespace rules::info
namespace predicates {
/// @brief Informational: lists the special statutes (always holds).
[[nodiscard]] inline const Predicate<TaskSubject>& task_special_legislation() {
    static const auto p =
        detail::leaf<TaskSubject>(detail::predicate_info(rules::info::task_special_legislation()), [](const TaskSubject& s, Trace& t) {
            t.note([&] {
                Text all;
                for (const auto& law : special_legislation(s.task(), s.ctx->date())) {
                    all.sv += (all.sv.empty() ? "" : "; ") + law.sv;
                    all.en += (all.en.empty() ? "" : "; ") + law.en;
                }
                return all;
            });
            return Truth::yes;
        });
    return p;
}
} // namespace predicates
namespace detail {
/// The message of `task.special_legislation` for `task` on `date`, built
/// afresh (the rule keeps it per setting, see special_legislation_setting).
[[nodiscard]] inline Text special_legislation_message(const Task& task, const std::optional<Date>& date) {
    Text all{"Utöver kommunallagen gäller: ", "On top of kommunallagen, the task is governed by: "};
    const auto laws = special_legislation(task, date);
    if (laws.empty())
        return Text{task.area ? "Ingen särskild lagstiftning utöver kommunallagen för uppgiftens område (" + area_text(*task.area).sv + ")."
                              : std::string{"Uppgiftens område är inte angivet, så ingen särskild lagstiftning utöver "
                                            "kommunallagen kan anges."},
                    task.area ? "No special legislation beyond kommunallagen for the task's area (" + area_text(*task.area).en + ")."
                              : std::string{"The task's area is not stated, so no special legislation beyond "
                                            "kommunallagen can be named."}};
    for (std::size_t i = 0; i < laws.size(); ++i) {
        all.sv += (i ? "; " : "") + laws[i].sv;
        all.en += (i ? "; " : "") + laws[i].en;
    }
    all.sv += ".";
    all.en += ".";
    const auto rules = special_cooperation_rules(task, date);
    if (const auto gone = repealed_cooperation_rules(task, date)) {
        all.sv += " " + gone->sv;
        all.en += " " + gone->en;
    }
    if (!rules.empty()) {
        all.sv += " Enligt 9 kap. 37 § tredje stycket kommunallagen gäller i stället avvikande bestämmelser i annan lag om "
                  "avtalssamverkan och delegering: ";
        all.en += " On avtalssamverkan and delegation (rules of another statute that differ apply instead of 9 kap. 37 § "
                  "KL, third paragraph): ";
        for (std::size_t i = 0; i < rules.size(); ++i) {
            all.sv += (i ? "; " : "") + rules[i].sv;
            all.en += (i ? "; " : "") + rules[i].en;
        }
        all.sv += ".";
        all.en += ".";
    }
    return all;
}

/// What the message of `task.special_legislation` depends on, and nothing
/// else: the task's area, whether it is for children, whether it is
/// exercise of authority, and which statutes are in force on the date (no
/// date; before 2018-07-01; before 2025-07-01; from then on).
struct SpecialLegislationSetting {
    int area = -1;          ///< The area, -1 when not stated.
    bool children = false;  ///< `target_group_children` holds.
    bool authority = false; ///< The task is exercise of authority.
    int period = 0;         ///< 0 no date, 1 before 2018-07-01, 2 before 2025-07-01, 3 from then.
    /// @brief Ordered member by member (a map key).
    friend auto operator<=>(const SpecialLegislationSetting&, const SpecialLegislationSetting&) =
        default; // NOLINT(modernize-use-nullptr): clang-tidy 14 false positive on a defaulted <=>
};

/// The setting of `task` on `date`.
[[nodiscard]] inline SpecialLegislationSetting special_legislation_setting(const Task& task, const std::optional<Date>& date) {
    SpecialLegislationSetting k;
    k.area = task.area ? static_cast<int>(*task.area) : -1;
    k.children = task.target_group_children.value_or(false);
    k.authority = task.nature == TaskNature::exercise_of_authority;
    if (date) {
        const std::chrono::sys_days d{*date};
        k.period = d < cooperation_law_start ? 1 : d < std::chrono::sys_days{std::chrono::year{2025} / 7 / 1} ? 2 : 3;
    }
    return k;
}
} // namespace detail
namespace rules {
/// @brief `task.special_legislation` [info]: the message lists the statutes.
[[nodiscard]] inline const Rule& task_special_legislation() {
    static const Rule r{info::task_special_legislation(), predicates::task_special_legislation(), [](const TaskSubject& s, Status) {
                            // Built once per setting (a map of at most 15 × 2 × 2 × 4 texts),
                            // then copied: building it took about 1 µs per report.
                            static std::mutex mutex;
                            static std::map<detail::SpecialLegislationSetting, Text> built;
                            const auto key = detail::special_legislation_setting(s.task(), s.ctx->date());
                            {
                                const std::lock_guard lock{mutex};
                                if (const auto it = built.find(key); it != built.end()) return it->second;
                            }
                            Text all = detail::special_legislation_message(s.task(), s.ctx->date());
                            const std::lock_guard lock{mutex};
                            built.emplace(key, all);
                            return all;
                        }};
    return r;
}
} // namespace rules

} // namespace avtal
