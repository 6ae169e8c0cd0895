#pragma once
/// @file
/// @brief The procurement exceptions as exported predicates over a task
/// (SKR 2023 kap. 3; LOU), Hamburg with one sub-predicate per criterion.
/// Combine them freely or add your own to a `CheckOptions::exceptions` list.

#include <avtal/core/date.hpp>
#include <avtal/core/detail/facts.hpp>
#include <avtal/law/procurement.hpp>
#include <avtal/law/thresholds.hpp>
#include <avtal/model/subject.hpp>

#include <array>
#include <cstdint>
#include <string>

namespace avtal {

namespace detail {

inline std::string task_path(const TaskSubject& s, const char* rest) { return s.path() + rest; }

inline const Party* contractor_of(const TaskSubject& s) {
    const auto& c = s.task().contractor;
    return c ? s.ctx->find_party(*c) : nullptr;
}

/// Months counted for the contract value (SPEC §5, LOU 5 kap.): the whole
/// fixed term including extension options; 48 months until further notice
/// or when no term is stated — and never less than a binding fixed part
/// ("36 månader, därefter tills vidare" counts 48; "60 månader, därefter
/// tills vidare" counts 60).
struct MonthsInterval {
    std::int64_t low = 48;
    std::optional<std::int64_t> high = 48;
    bool indefinite = true; // the 48-month rule applies (at least possibly)
};

inline MonthsInterval counted_months(const Agreement& a, Trace& t) {
    const Term& term = a.term;
    if (!term.months) return {}; // no term stated: 48 months
    const std::int64_t m = *term.months < 0 ? 0 : *term.months;
    std::int64_t low = m;
    std::optional<std::int64_t> high;
    if (term.extension_months) {
        low += *term.extension_months < 0 ? 0 : *term.extension_months;
        high = low;
    } else {
        t.missing("/term/extension_months");
    }
    if (term.until_further_notice == false) return {low, high, false};
    // Until further notice (or possibly so): at least 48 months in all.
    if (term.until_further_notice == true)
        return {std::max<std::int64_t>(low, 48), high ? std::optional{std::max<std::int64_t>(*high, 48)} : std::nullopt, true};
    if (high && *high < 48) {
        t.missing("/term/until_further_notice");
        high = 48;
    }
    return {low, high, false};
}

/// The direct-award test for one principal of a task (SPEC §5): its value
/// summed over every service task of the agreement it buys from the same
/// contractor (no splitting, LOU 5 kap.), its share of each task (stated in
/// `principal_shares`, else what it pays by the allocation key that pays for
/// the task), its other direct awards of the same kind before 2022-02-01,
/// compared with the general limit of the date, which is a floor for every
/// category, and above it with the dated limit of the category of the larger
/// value (src/law/direct_award_limit.cpp). With `lines`, also appends the
/// test's figures per limit applied (the memo's per-principal table).
[[nodiscard]] Truth direct_award_for_principal(const TaskSubject& s, const std::string& principal, Trace& t,
                                               std::vector<DirectAwardLine>* lines = nullptr);

/// With the principals' shares unknown, one of n principals carries at
/// least 1/n of the task's value: when that part alone (over the least
/// number of months counted) is beyond the limit, direct award fails for
/// that principal, whoever it is.
[[nodiscard]] bool some_share_beyond_limit(const TaskSubject& s);

/// For tests: with `on`, the direct-award test computes every value with
/// cpp_rational only, not with its 128-bit fast path (the results are the
/// same exact rationals either way). Process-wide; off by default.
void direct_award_exact_only(bool on) noexcept;

/// For tests: how many operations of the direct-award test so far did not
/// fit the 128-bit fast path and were done with cpp_rational (process-wide).
[[nodiscard]] std::uint64_t direct_award_fallbacks() noexcept;

inline PredicateInfo info(std::string id, std::string sv, std::string en, std::string citation) {
    return PredicateInfo{std::move(id), tx(std::move(sv), std::move(en)), std::move(citation)};
}

/// Whether a party of this kind is a contracting authority (upphandlande
/// myndighet) that may take part in a Hamburg cooperation; private parties may not.
inline Truth is_contracting_authority(const std::optional<PartyKind>& k) {
    if (!k) return Truth::unknown;
    return truth(*k != PartyKind::private_company);
}

} // namespace detail

namespace predicates {

/// @brief `exception.public_authority`: the task is exercise of public
/// authority (myndighetsutövning), so LOU does not apply at all.
[[nodiscard]] inline const Predicate<TaskSubject>& exception_public_authority() {
    static const auto p =
        detail::leaf<TaskSubject>(detail::info("exception.public_authority", "Uppgiften är myndighetsutövning; LOU gäller inte",
                                               "The task is exercise of public authority; LOU does not apply",
                                               "SKR 2023 kap. 3 (Offentlig maktutövning); Upphandlingsmyndigheten, Avtal som är undantagna"),
                                  [](const TaskSubject& s, Trace& t) {
                                      const auto& n = s.task().nature;
                                      if (!n) return t.unknown([&] { return s.path() + "/nature"; });
                                      t.note([&] {
                                          return *n == TaskNature::exercise_of_authority
                                                     ? detail::tx("Myndighetsutövning omfattas inte av LOU och kan inte upphandlas; den får lämnas "
                                                                  "över till en enskild bara med stöd av lag "
                                                                  "(12 kap. 4 § regeringsformen).",
                                                                  "Exercise of public authority is outside LOU and cannot be procured; it may be "
                                                                  "handed to a private party only by law "
                                                                  "(12 kap. 4 § of the Instrument of Government).")
                                                     : detail::tx("Uppgiften är en insats (tjänst), inte myndighetsutövning.",
                                                                  "The task is a service, not exercise of authority.");
                                      });
                                      return truth(*n == TaskNature::exercise_of_authority);
                                  });
    return p;
}

/// @brief `exception.direct_award`: every principal's value (its share of
/// the annual value of every service task it buys from the same contractor,
/// over the whole term with extensions, or 48 months until further notice)
/// does not exceed the general direct-award limit of the date, which applies
/// to every category ("uppgår till högst", LOU 19 a kap. 2 §; 19 kap. 7 §
/// before 2022-02-01), or is within the dated limit of the category of the
/// larger value (for a limit equal to the EU threshold: below it); SKR 2023
/// kap. 3: "räknas per deltagande kommun".
[[nodiscard]] inline const Predicate<TaskSubject>& exception_direct_award() {
    static const auto p = detail::leaf<TaskSubject>(
        detail::info(
            "exception.direct_award",
            "Värdet per deltagande kommun eller region överstiger inte direktupphandlingsgränsen (den allmänna gränsen gäller för alla "
            "kategorier; när gränsen är lika med EU:s tröskelvärde måste värdet understiga den)",
            "The value per participating municipality or region does not exceed the direct-award limit (the general limit applies to "
            "every category; where the limit equals the EU threshold, the value must be below it)",
            "19 a kap. 2 § (från 2022-02-01; 19 kap. 7 § dessförinnan) och 5 kap. lagen (2016:1145) om offentlig upphandling (LOU); SKR 2023 "
            "kap. 3"),
        [](const TaskSubject& s, Trace& t) {
            const Task& task = s.task();
            // Nobody buys: there is no participating municipality to count for.
            if (!task.principals || task.principals->empty()) return t.unknown([&] { return s.path() + "/principals"; });
            Truth all = Truth::yes;
            for (const auto& principal : *task.principals) {
                all = all && detail::direct_award_for_principal(s, principal, t);
                if (all == Truth::no && !t.active()) return Truth::no;
            }
            if (all == Truth::unknown && detail::some_share_beyond_limit(s)) {
                t.note([&] {
                    return detail::tx("Andelarna är okända, men någon av de " + std::to_string(task.principals->size()) +
                                          " uppdragsgivarna bär minst en lika stor del av värdet, och den delen är redan över gränsen.",
                                      "The shares are unknown, but one of the " + std::to_string(task.principals->size()) +
                                          " principals carries at least an equal part of the value, and that part is already over the limit.");
                });
                return Truth::no;
            }
            return all;
        });
    return p;
}

/// @brief Hamburg criterion 1: the contract establishes or implements
/// cooperation between the authorities. Every party must contribute to the
/// common task; one side only paying and the other only performing is a
/// purchase (CJEU C-429/19 Remondis).
[[nodiscard]] inline const Predicate<TaskSubject>& hamburg_establishes_cooperation() {
    static const auto p = detail::stated<TaskSubject>(
        detail::info("hamburg.establishes_cooperation",
                     "Avtalet upprättar eller genomför ett samarbete mellan myndigheterna (varje part bidrar; att en part bara betalar och den andra "
                     "bara utför är ett köp, EU-domstolen C-429/19 Remondis)",
                     "The contract establishes or implements cooperation between the authorities (every party contributes; one side only paying and "
                     "the other only performing is a purchase, CJEU C-429/19 Remondis)",
                     "3 kap. 17 § 1 LOU; artikel 12.4 a i direktiv 2014/24/EU; EU-domstolen C-429/19 Remondis"),
        [](const TaskSubject& s) { return s.task().hamburg.establishes_cooperation; }, "/hamburg/establishes_cooperation");
    return p;
}

/// @brief Hamburg criterion 2: the cooperation ensures public services the
/// authorities must provide, for common objectives.
[[nodiscard]] inline const Predicate<TaskSubject>& hamburg_common_objectives() {
    static const auto p = detail::stated<TaskSubject>(
        detail::info("hamburg.common_objectives", "Samarbetet säkerställer offentliga tjänster som myndigheterna ska utföra, för gemensamma mål",
                     "The cooperation ensures public services the authorities must provide, for common objectives",
                     "3 kap. 17 § 1 LOU; artikel 12.4 a i direktiv 2014/24/EU"),
        [](const TaskSubject& s) { return s.task().hamburg.common_objectives; }, "/hamburg/common_objectives");
    return p;
}

/// @brief Hamburg criterion 3: the cooperation is governed only by
/// considerations of the public interest.
[[nodiscard]] inline const Predicate<TaskSubject>& hamburg_public_interest_only() {
    static const auto p = detail::stated<TaskSubject>(
        detail::info("hamburg.public_interest_only", "Samarbetet styrs endast av överväganden som hänger samman med allmänintresset",
                     "The cooperation is governed only by considerations of the public interest",
                     "3 kap. 17 § 2 LOU; artikel 12.4 b i direktiv 2014/24/EU"),
        [](const TaskSubject& s) { return s.task().hamburg.public_interest_only; }, "/hamburg/public_interest_only");
    return p;
}

/// @brief Hamburg criterion 4: the authorities perform on the open market
/// less than 20 % of the activities concerned (strict: 20.0 % fails).
[[nodiscard]] inline const Predicate<TaskSubject>& hamburg_open_market_share() {
    static const auto p = detail::leaf<TaskSubject>(
        detail::info("hamburg.open_market_share",
                     "Myndigheterna utövar på den öppna marknaden mindre än 20 procent av den verksamhet som berörs av samarbetet",
                     "The authorities perform on the open market less than 20 % of the activities concerned by the cooperation",
                     "3 kap. 17 § 3 och 18 § LOU; artikel 12.4 c i direktiv 2014/24/EU"),
        [](const TaskSubject& s, Trace& t) {
            const auto& share = s.task().hamburg.open_market_share_percent;
            if (!share) return t.unknown([&] { return s.path() + "/hamburg/open_market_share_percent"; });
            t.note([&] {
                return detail::tx("Andel på öppna marknaden: " + share->to_string() + " % (gräns: under 20 %).",
                                  "Open-market share: " + share->to_string() + " % (limit: below 20 %).");
            });
            return truth(*share < Percent::whole(20));
        });
    return p;
}

/// @brief Hamburg: every party involved is a contracting authority; private
/// parties may not take part.
[[nodiscard]] inline const Predicate<TaskSubject>& hamburg_public_parties() {
    static const auto p =
        detail::leaf<TaskSubject>(detail::info("hamburg.public_parties", "Alla deltagare är upphandlande myndigheter; privata aktörer får inte delta",
                                               "Every participant is a contracting authority; private parties may not take part",
                                               "3 kap. 17 § LOU; artikel 12.4 i direktiv 2014/24/EU"),
                                  [](const TaskSubject& s, Trace& t) {
                                      const Agreement& a = s.agreement();
                                      const Task& task = s.task();
                                      Truth all = Truth::yes;
                                      auto check = [&](const Id& id) {
                                          auto k = s.ctx->party_index(id);
                                          if (!k) return;
                                          const auto v = detail::is_contracting_authority(a.parties[*k].kind);
                                          if (v == Truth::unknown) t.missing("/parties/" + std::to_string(*k) + "/kind");
                                          all = all && v;
                                      };
                                      if (task.contractor)
                                          check(*task.contractor);
                                      else
                                          all = all && t.unknown([&] { return s.path() + "/contractor"; });
                                      if (task.principals)
                                          for (const auto& p2 : *task.principals) check(p2);
                                      else
                                          all = all && t.unknown([&] { return s.path() + "/principals"; });
                                      return all;
                                  });
    return p;
}

/// @brief `exception.hamburg` (LOU 3 kap. 17 §, the four criteria of SKR 2023
/// kap. 3): a contract between authorities that establishes cooperation for
/// common objectives, governed only by the public interest, with less than
/// 20 % of the activities on the open market.
[[nodiscard]] inline const Predicate<TaskSubject>& exception_hamburg() {
    static const auto p = all_of<TaskSubject>(
        detail::info(
            "exception.hamburg", "Hamburgundantaget: samarbete mellan upphandlande myndigheter",
            "The Hamburg exception: cooperation between contracting authorities",
            "3 kap. 17 och 18 §§ lagen (2016:1145) om offentlig upphandling (LOU); artikel 12.4 i direktiv 2014/24/EU; EU-domstolen C-480/06 "
            "(Hamburg); SKR 2023 kap. 3"),
        {hamburg_public_parties(), hamburg_establishes_cooperation(), hamburg_common_objectives(), hamburg_public_interest_only(),
         hamburg_open_market_share()});
    return p;
}

/// @brief `exception.teckal` (in-house, LOU 3 kap. 11–16 §§): the buyer
/// controls the supplier like its own departments, the supplier performs
/// more than 80 % of its activities for the controlling authorities, and
/// there is no direct private capital. Between two municipalities or regions
/// it does not apply (`no`); with a municipal federation as contractor it is
/// decided from the task's `teckal` facts, and contested.
[[nodiscard]] inline const Predicate<TaskSubject>& exception_teckal() {
    static const auto p = detail::leaf<TaskSubject>(
        detail::info(
            "exception.teckal",
            "Teckalundantaget: köparen kontrollerar leverantören som en egen förvaltning, leverantören utför mer än 80 procent av sin "
            "verksamhet åt de kontrollerande myndigheterna och har inget direkt privat kapital",
            "The Teckal (in-house) exception: the buyer controls the supplier like its own departments, the supplier performs more than 80 "
            "% of its activities for the controlling authorities and has no direct private capital",
            "3 kap. 11–16 §§ lagen (2016:1145) om offentlig upphandling (LOU); artikel 12.1–12.3 i direktiv 2014/24/EU; EU-domstolen C-107/98 "
            "Teckal"),
        [](const TaskSubject& s, Trace& t) {
            const Party* c = detail::contractor_of(s);
            if (!c) return t.unknown([&] { return s.path() + "/contractor"; });
            const auto k = s.ctx->party_index(c->id);
            if (!c->kind) return t.unknown([&] { return "/parties/" + std::to_string(*k) + "/kind"; });
            switch (*c->kind) {
            case PartyKind::municipality:
            case PartyKind::region:
                t.note([] {
                    return detail::tx("Mellan två kommuner eller regioner gäller inte Teckalundantaget: ingen av dem kontrollerar den andra.",
                                      "Between two municipalities or regions the Teckal exception does not apply: neither controls the other.");
                });
                return Truth::no;
            case PartyKind::private_company:
                t.note([] {
                    return detail::tx("Ett privat företag kontrolleras inte av köparen och har privat kapital.",
                                      "A private company is not controlled by the buyer and has private capital.");
                });
                return Truth::no;
            case PartyKind::state_agency:
                t.note([] {
                    return detail::tx("En statlig myndighet kontrolleras inte av en kommun eller region.",
                                      "A state agency is not controlled by a municipality or region.");
                });
                return Truth::no;
            case PartyKind::municipal_federation:
                t.note([] {
                    return detail::tx("Om intern upphandling mellan ett kommunalförbund och dess medlemmar är möjlig är omstritt "
                                      "(Upphandlingsmyndigheten: \"tveksamt\").",
                                      "Whether in-house use between a municipal federation and its members is possible is contested "
                                      "(Upphandlingsmyndigheten: \"doubtful\").");
                });
                break;
            case PartyKind::municipal_company: break;
            }
            const TeckalFacts& f = s.task().teckal;
            Truth control = detail::fact_is(f.similar_control, true, t, [&] { return s.path() + "/teckal/similar_control"; });
            Truth activity = Truth::unknown;
            if (!f.activity_share_percent)
                t.missing(s.path() + "/teckal/activity_share_percent");
            else
                activity = truth(*f.activity_share_percent > Percent::whole(80));
            Truth no_private = detail::fact_is(f.private_capital, false, t, [&] { return s.path() + "/teckal/private_capital"; });
            t.note([&] {
                const auto sv = [](Truth v) { return std::string{v == Truth::yes ? "ja" : v == Truth::no ? "nej" : "okänt"}; };
                return detail::tx("Kontroll motsvarande den över egen förvaltning: " + sv(control) +
                                      "; mer än 80 procent av verksamheten utförs åt de kontrollerande myndigheterna: " + sv(activity) +
                                      "; inget direkt privat kapitalägande: " + sv(no_private) + ".",
                                  std::string{"Control like over own departments: "} + std::string{to_string(control)} +
                                      "; more than 80 % of activity for the controlling authorities: " + std::string{to_string(activity)} +
                                      "; no direct private capital: " + std::string{to_string(no_private)} + ".");
            });
            return control && activity && no_private;
        });
    return p;
}

/// @brief `exception.nesgi` (icke-ekonomiska tjänster av allmänt intresse):
/// always unknown — there is no case law, so it cannot be relied on. Not in
/// the default resolution list; a user who accepts the risk may add it.
[[nodiscard]] inline const Predicate<TaskSubject>& exception_nesgi() {
    static const auto p = detail::leaf<TaskSubject>(
        detail::info(
            "exception.nesgi", "Icke-ekonomiska tjänster av allmänt intresse: rättspraxis saknas, undantaget kan inte åberopas med säkerhet",
            "Non-economic services of general interest: no case law; the exception cannot be relied on",
            "artikel 1.4 i direktiv 2014/24/EU (icke-ekonomiska tjänster av allmänt intresse omfattas inte; artikeln genomfördes inte i LOU, prop. "
            "2015/16:195 avsnitt 6.5.2); SOU 2016:78 s. 400 ff.; SKR 2023 kap. 3"),
        [](const TaskSubject&, Trace& t) {
            t.note([] { return detail::tx("Rättspraxis saknas; inget faktum kan avgöra frågan.", "No case law; no fact can settle the question."); });
            return Truth::unknown;
        });
    return p;
}

} // namespace predicates

} // namespace avtal
