#pragma once
/// @file
/// @brief The domain model of an agreement on avtalssamverkan (9 kap. 37 §
/// kommunallagen): parties, tasks, delegation, compensation, information
/// handling, oversight, staff and the agreement's sections.
///
/// Every fact that an agreement may leave open is a `std::optional`; an
/// empty optional is an unknown fact, never a guess. The few defaults that
/// SPEC §9 names are the members' initialisers (cost components and in-kind
/// value default to 0, `contractor_bears_share` to false).

#include <avtal/core/enum.hpp>
#include <avtal/core/money.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace avtal {

/// @brief The kind of a party. Only municipalities (kommun), regions and
/// municipal federations (kommunalförbund) may be parties to
/// avtalssamverkan; the other kinds exist so that an agreement naming them
/// can be read and rejected with a reason.
enum class PartyKind : std::uint8_t {
    municipality,         ///< Kommun.
    region,               ///< Region (formerly landsting).
    municipal_federation, ///< Kommunalförbund (3 kap. 8 § and 9 kap. 1–3 §§ KL); a party only within its mandate.
    municipal_company,    ///< Kommunalt bolag: not a party (SKR).
    private_company,      ///< Privat aktör: not a party.
    state_agency,         ///< Statlig myndighet (staten): not a party.
};
BOOST_DESCRIBE_ENUM(PartyKind, municipality, region, municipal_federation, municipal_company, private_company, state_agency)

/// @brief The legal nature of a task: a service (insats), which procurement
/// law may reach, or exercise of public authority (myndighetsutövning), which
/// it does not.
enum class TaskNature : std::uint8_t {
    service,               ///< Insats / tjänst: LOU applies unless an exception holds.
    exercise_of_authority, ///< Myndighetsutövning: outside LOU.
};
BOOST_DESCRIBE_ENUM(TaskNature, service, exercise_of_authority)

/// @brief The area of municipal activity a task belongs to; decides which
/// special statutes apply on top of kommunallagen.
enum class Area : std::uint8_t {
    social_services,       ///< Socialtjänst.
    family_law,            ///< Familjerätt.
    elderly_care,          ///< Äldreomsorg.
    disability,            ///< Funktionshinder (LSS).
    children_and_youth,    ///< Barn och unga.
    addiction,             ///< Missbruk och beroende.
    health_care,           ///< Hälso- och sjukvård.
    education,             ///< Utbildning.
    planning_and_building, ///< Plan- och byggfrågor.
    environment,           ///< Miljö- och hälsoskydd.
    it,                    ///< IT.
    hr,                    ///< Personaladministration (HR).
    waste,                 ///< Avfall.
    other,                 ///< Annat.
};
BOOST_DESCRIBE_ENUM(Area, social_services, family_law, elderly_care, disability, children_and_youth, addiction, health_care, education,
                    planning_and_building, environment, it, hr, waste, other)

/// @brief The procurement category of a service; selects the row of the
/// dated direct-award table.
enum class Category : std::uint8_t {
    general,                   ///< Ordinary services (LOU, general limit).
    social_and_other_specific, ///< Sociala tjänster och andra särskilda tjänster (LOU bilaga 2).
    welfare,                   ///< Välfärdstjänster (LOU bilaga 2 a).
};
BOOST_DESCRIBE_ENUM(Category, general, social_and_other_specific, welfare)

/// @brief Who receives delegated decision power (extern delegering).
enum class DelegateTo : std::uint8_t {
    employee,         ///< Anställd hos uppdragstagaren: the only lawful delegate.
    consultant,       ///< Konsult: not an employee (SKR).
    elected_official, ///< Förtroendevald hos den andra parten: not allowed (SKR); the principal's own is ordinary delegation.
    company_employee, ///< Anställd i kommunalt bolag: not allowed (SKR).
};
BOOST_DESCRIBE_ENUM(DelegateTo, employee, consultant, elected_official, company_employee)

/// @brief The kind of matter delegated; 6 kap. 38 § KL lists those that may
/// never be delegated.
enum class Matter : std::uint8_t {
    individual_case,     ///< Ordinary individual case (ärende som rör enskild): delegable.
    policy,              ///< The activity's goals, direction, scope or quality (6:38 p. 1).
    council_submission,  ///< Submissions or opinions to the council (6:38 p. 2).
    appeal_statement,    ///< Opinion on an appeal of the committee's or council's decision (6:38 p. 2).
    matter_of_principle, ///< Exercise of authority of a principled nature or greater importance (6:38 p. 3).
    citizen_proposal,    ///< Medborgarförslag handed over to the committee (6:38 p. 4).
    reserved_by_statute, ///< Any other matter that a special statute reserves to the committee, its chair or a member (6:38 p. 5).
    /// Immediate custody (omedelbart omhändertagande) under LVU 6 §: when the
    /// committee's decision cannot be awaited, only its chair or another member
    /// it has appointed may decide (6 § andra stycket); never an employee.
    lvu_immediate_custody,
    /// Not revealing the young person's whereabouts (LVU 14 §): of a
    /// principled nature (HFD 2016 ref. 74); in urgent cases only the chair
    /// or another appointed member may decide; never an employee.
    lvu_whereabouts_secret,
};
BOOST_DESCRIBE_ENUM(Matter, individual_case, policy, council_submission, appeal_statement, matter_of_principle, citizen_proposal, reserved_by_statute,
                    lvu_immediate_custody, lvu_whereabouts_secret)

/// @brief Whether the agreement allows onward delegation (vidaredelegering).
enum class OnwardDelegation : std::uint8_t {
    allowed,   ///< Vidaredelegering tillåten.
    forbidden, ///< Vidaredelegering inte tillåten.
};
BOOST_DESCRIBE_ENUM(OnwardDelegation, allowed, forbidden)

/// @brief How the roles under the GDPR are settled between the parties.
enum class Arrangement : std::uint8_t {
    joint_controllership, ///< Gemensamt personuppgiftsansvar (art. 26).
    processor_agreement,  ///< Personuppgiftsbiträdesavtal (art. 28).
    separate_controllers, ///< Each party controller of its own processing.
    none,                 ///< Nothing settled.
};
BOOST_DESCRIBE_ENUM(Arrangement, joint_controllership, processor_agreement, separate_controllers, none)

/// @brief The key by which a cost or payment is shared between parties.
enum class AllocationKey : std::uint8_t {
    population,           ///< Invånarantal.
    fixed_shares,         ///< Stated percentages.
    usage,                ///< Cases, placements or hours used.
    personnel_cost_share, ///< Shares of the personnel costs (as in the Östergötland HVB).
};
BOOST_DESCRIBE_ENUM(AllocationKey, population, fixed_shares, usage, personnel_cost_share)

/// @brief A section of the agreement text (SKR: "bör alltid inkluderas";
/// Socialstyrelsen for agreements about children).
enum class Clause : std::uint8_t {
    parties,                 ///< Parterna i avtalet.
    contractor_tasks,        ///< Uppdragstagarens uppgifter.
    delegation_scope,        ///< Omfattningen av extern delegering.
    economic_terms,          ///< Ekonomiska villkor och redovisning.
    information_handling,    ///< Rutiner för informationshantering.
    follow_up,               ///< Uppföljning.
    term,                    ///< Avtalstid.
    termination,             ///< Uppsägning.
    data_protection,         ///< Dataskydd.
    confidentiality,         ///< Sekretess.
    work_results,            ///< Rätten till arbetsresultat, upphovsrätt.
    insurance,               ///< Försäkringsfrågor.
    target_group,            ///< Målgrupp (children).
    assignments,             ///< Tydliga uppdrag (children).
    economic_responsibility, ///< Ekonomiskt ansvar för insatserna (children).
    procurement_parameter,   ///< Samverkan som parameter vid upphandling (children).
    division_of_work,        ///< Arbetsfördelning och precisering av ansvaret (children).
    take_back,               ///< Återtagande: how the principal takes the task back into its own hands (prop. 2017/18:151 s. 29).
};
BOOST_DESCRIBE_ENUM(Clause, parties, contractor_tasks, delegation_scope, economic_terms, information_handling, follow_up, term, termination,
                    data_protection, confidentiality, work_results, insurance, target_group, assignments, economic_responsibility,
                    procurement_parameter, division_of_work, take_back)

/// @brief Which body of a party decided to enter the agreement. Matters of a
/// principled nature or otherwise of greater importance are for the council
/// (fullmäktige, 5 kap. 1 § KL); in SKR's method guide the councils decide
/// the economic terms (seed 000 kap. 5).
enum class DecisionBody : std::uint8_t {
    council,     ///< Fullmäktige (for a federation: its förbundsfullmäktige or förbundsdirektion).
    committee,   ///< A committee (nämnd), e.g. the social services committee or the board.
    not_decided, ///< No body has decided yet (a planned agreement).
};
BOOST_DESCRIBE_ENUM(DecisionBody, council, committee, not_decided)

/// @brief An identifier of a party or task, unique within its agreement.
using Id = std::string;

namespace detail {

/// An index of ids: the first position of an id in O(1) on average, built
/// in O(n) (open addressing in one array of 8-byte slots: no allocation per
/// id, and no sort of long ids with common prefixes, which a sorted index
/// spent a tenth of a 10⁵-task check on). The views point into the indexed
/// strings, which must outlive the index and stay unchanged. Indexes at most
/// 2³² − 2 elements (more parties or tasks would not fit in memory).
class IdIndex {
  public:
    IdIndex() = default;
    /// Indexes `range`, whose elements give their id through `id_of`.
    template <class Range, class IdOf>
    IdIndex(const Range& range, IdOf&& id_of) {
        ids_.reserve(std::size(range));
        for (const auto& x : range) ids_.emplace_back(std::string_view{id_of(x)});
        build();
    }
    /// The first position of `id`, or `nullopt`.
    [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const noexcept {
        if (slots_.empty()) return std::nullopt;
        const std::size_t h = std::hash<std::string_view>{}(id);
        const auto tag = static_cast<std::uint32_t>(static_cast<std::uint64_t>(h) >> 32);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot s = slots_[i];
            if (s.pos == 0) return std::nullopt;
            if (s.tag == tag && ids_[s.pos - 1] == id) return s.pos - 1;
        }
    }
    /// The number of indexed elements.
    [[nodiscard]] std::size_t size() const noexcept { return ids_.size(); }

  private:
    struct Slot {
        std::uint32_t tag = 0; // the hash's high bits
        std::uint32_t pos = 0; // the position + 1; 0 when empty
    };
    void build() {
        const std::size_t n = std::min<std::size_t>(ids_.size(), UINT32_MAX - 1);
        if (n == 0) return;
        std::size_t cap = 16;
        while (cap < n + n / 2) cap *= 2; // at most two thirds full
        slots_.assign(cap, Slot{});
        const std::size_t mask = cap - 1;
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t h = std::hash<std::string_view>{}(ids_[k]);
            const auto tag = static_cast<std::uint32_t>(static_cast<std::uint64_t>(h) >> 32);
            for (std::size_t i = h & mask;; i = (i + 1) & mask) {
                Slot& s = slots_[i];
                if (s.pos == 0) {
                    s = Slot{tag, static_cast<std::uint32_t>(k + 1)};
                    break;
                }
                if (s.tag == tag && ids_[s.pos - 1] == ids_[k]) break; // the first of equal ids leads
            }
        }
    }
    std::vector<std::string_view> ids_;
    std::vector<Slot> slots_;
};

} // namespace detail

/// @brief A principal's other direct awards of the same kind as the
/// agreement's services in the assessment year (direktupphandlingar av samma
/// slag under räkenskapsåret), excluding VAT.
struct OtherDirectAwards {
    Money amount;      ///< Their total value in the assessment year.
    Category category; ///< Their procurement category (selects the limit they count towards).
    /// @brief Equal when amount and category are.
    friend bool operator==(const OtherDirectAwards&, const OtherDirectAwards&) = default;
};

/// @brief A party (part) to the agreement.
struct Party {
    Id id{};                                     ///< Unique id, referenced by tasks.
    std::string name{};                          ///< Official name ("Norrströms kommun").
    std::optional<PartyKind> kind{};             ///< Kind of legal person; unknown if not stated.
    std::optional<std::int64_t> population{};    ///< Invånarantal, used by the population key.
    std::optional<bool> mandate_covers_tasks{};  ///< For a kommunalförbund only: its mandate covers the tasks.
    std::optional<DecisionBody> decision_body{}; ///< Which body decided to enter the agreement; unknown if not stated.
    /// @brief The party's other direct awards of the same kind in the
    /// assessment year, added to its value before 2022-02-01 (LOU 19 kap.
    /// then; from 2022-02-01 19 a kap. 1 § makes 5 kap. govern the value
    /// instead); unknown if not stated.
    std::optional<OtherDirectAwards> other_direct_awards_same_kind{};
    /// @brief Parties are equal when every fact is.
    friend bool operator==(const Party&, const Party&) = default;
};

/// @brief The agreement's term (avtalstid).
struct Term {
    std::optional<std::int32_t> months{};                            ///< Fixed term in months.
    std::optional<std::int32_t> extension_months{};                  ///< Extension options in months.
    std::optional<bool> until_further_notice{};                      ///< Tills vidare.
    std::optional<std::chrono::year_month_day> start = std::nullopt; ///< First day of the term (avtalet gäller från); unknown if not stated.
    /// @brief Terms are equal when every fact is.
    friend bool operator==(const Term&, const Term&) = default;
};

/// @brief The facts of the Hamburg exception (LOU 3 kap. 17 §).
struct HamburgFacts {
    std::optional<bool> establishes_cooperation{};      ///< The contract establishes or implements cooperation.
    std::optional<bool> common_objectives{};            ///< Public services for common objectives.
    std::optional<bool> public_interest_only{};         ///< Governed only by public-interest considerations.
    std::optional<Percent> open_market_share_percent{}; ///< Share performed on the open market (< 20 % needed).
    /// @brief Equal when every fact is.
    friend bool operator==(const HamburgFacts&, const HamburgFacts&) = default;
};

/// @brief The facts of the Teckal (in-house) exception (LOU 3 kap. 11–16 §§),
/// read when the supplier is a legal person the buyer may control.
struct TeckalFacts {
    std::optional<bool> similar_control{};           ///< Control similar to that over its own departments.
    std::optional<Percent> activity_share_percent{}; ///< Share of activity for the controlling authorities (> 80 %).
    std::optional<bool> private_capital{};           ///< Direct private capital participation.
    /// @brief Equal when every fact is.
    friend bool operator==(const TeckalFacts&, const TeckalFacts&) = default;
};

/// @brief A tolerance on the cost comparison: an amount, or a percentage of
/// the principals' part of the cost. Default zero.
struct Tolerance {
    /// @brief Whether the tolerance is an amount or a percentage.
    enum class Kind : std::uint8_t {
        amount,  ///< A fixed amount in kronor.
        percent, ///< A percentage of the principals' part of the cost.
    };
    Kind kind = Kind::amount; ///< Amount or percentage.
    Money amount{};           ///< The amount, when `kind == amount`.
    Percent percent{};        ///< The percentage, when `kind == percent`.

    /// @brief A tolerance of a fixed amount.
    [[nodiscard]] static Tolerance of_amount(Money m) { return Tolerance{Kind::amount, m, {}}; }
    /// @brief A tolerance of a percentage of the principals' part.
    [[nodiscard]] static Tolerance of_percent(Percent p) { return Tolerance{Kind::percent, {}, p}; }
    /// @brief Equal when kind and value are.
    friend bool operator==(const Tolerance&, const Tolerance&) = default;
};

/// @brief The contractor's annual full cost (självkostnad) by component.
/// A component left at its default is 0; `nullopt` is unknown.
struct CostComponents {
    std::optional<Money> staff = Money{};    ///< Personal.
    std::optional<Money> premises = Money{}; ///< Lokaler.
    std::optional<Money> overhead = Money{}; ///< Overhead, administration.
    std::optional<Money> capital = Money{};  ///< Kapitalkostnader.
    std::optional<Money> other = Money{};    ///< Övrigt.
    /// @brief Equal when every component is.
    friend bool operator==(const CostComponents&, const CostComponents&) = default;
};

/// @brief One party's weight under an allocation key.
struct Weight {
    Id party{};       ///< The weighted party.
    Decimal weight{}; ///< Its weight (percent, count or amount, by the key).
    /// @brief Equal when party and weight are.
    friend bool operator==(const Weight&, const Weight&) = default;
};

/// @brief How a cost or payment is shared (fördelningsnyckel).
struct Allocation {
    std::optional<AllocationKey> key{};           ///< The key; unknown if not stated.
    std::optional<std::vector<Weight>> weights{}; ///< Weights by party; for `population` may be unknown (populations are used).
    /// @brief Equal when key and weights are.
    friend bool operator==(const Allocation&, const Allocation&) = default;
};

/// @brief Economic terms (ersättning): what the principals pay and what the
/// contractor's task costs, per year.
struct Compensation {
    std::optional<Money> money_per_year{};                 ///< Money paid by the principals per year.
    std::optional<Money> in_kind_value_per_year = Money{}; ///< Valued motprestation; 0 none, `nullopt` exists without a value.
    std::optional<CostComponents> cost_per_year{};         ///< The contractor's full annual cost; unknown if not stated.
    bool contractor_bears_share = false;                   ///< Shared unit also serving the contractor's own residents.
    Tolerance tolerance{};                                 ///< Accepted deviation from cost; default 0.
    std::optional<Allocation> allocation{};                ///< Allocation key; unknown if not stated.
    /// @brief Equal when every fact is.
    friend bool operator==(const Compensation&, const Compensation&) = default;
};

/// @brief A principal's share of a task's value, in percent.
struct PrincipalShare {
    Id party{};      ///< The principal.
    Percent share{}; ///< Its share of the task's annual value.
    /// @brief Equal when party and share are.
    friend bool operator==(const PrincipalShare&, const PrincipalShare&) = default;
};

/// @brief A task (samverkansuppgift) that a contractor (uppdragstagare)
/// performs for one or more principals (uppdragsgivare).
struct Task {
    Id id{};                                                       ///< Unique id.
    std::string description{};                                     ///< What is performed.
    std::optional<Id> contractor{};                                ///< Uppdragstagare (performs the task).
    std::optional<std::vector<Id>> principals{};                   ///< Uppdragsgivare (buy the task, keep huvudmannaskap).
    std::optional<std::vector<Id>> huvudman{};                     ///< Who holds huvudmannaskap towards the principals' residents.
    std::optional<TaskNature> nature{};                            ///< Service or exercise of authority.
    std::optional<Area> area{};                                    ///< Area of activity.
    std::optional<Category> category{};                            ///< Procurement category of the service.
    std::optional<bool> target_group_children{};                   ///< The target group is children (Socialstyrelsen's content list).
    std::optional<bool> within_competence{};                       ///< Within the principals' own competence (2 kap. KL).
    std::optional<bool> within_contractor_competence{};            ///< The contractor may itself perform tasks of this kind.
    std::optional<Money> annual_value{};                           ///< Annual value excluding VAT.
    std::optional<std::vector<PrincipalShare>> principal_shares{}; ///< Shares of the value; sum 100.
    HamburgFacts hamburg{};                                        ///< Hamburg facts (all unknown by default).
    TeckalFacts teckal{};                                          ///< Teckal facts (read for federations and companies).
    std::optional<Compensation> compensation{};                    ///< Per-task economic terms (several contractors).
    /// @brief Equal when every fact is.
    friend bool operator==(const Task&, const Task&) = default;
};

/// @brief A grant of decision power (extern delegering) to someone on the
/// contractor's side.
struct Delegate {
    std::optional<Id> task{};       ///< The task the delegation concerns.
    std::optional<DelegateTo> to{}; ///< Who receives it.
    std::optional<Id> employer{};   ///< The delegate's employer (a party).
    std::optional<Matter> matter{}; ///< The kind of matter delegated.
    /// @brief Equal when every fact is.
    friend bool operator==(const Delegate&, const Delegate&) = default;
};

/// @brief External delegation (9 kap. 37 § andra stycket KL).
struct Delegation {
    std::optional<bool> used{};                          ///< Decision power is delegated.
    std::optional<bool> agreed{};                        ///< The agreement states it and its extent.
    std::optional<OnwardDelegation> onward_delegation{}; ///< Whether vidaredelegering is allowed; unknown if not said.
    std::optional<bool> reporting_to_principal{};        ///< How delegated decisions are reported (7 kap. 8 § KL).
    std::vector<Delegate> delegates{};                   ///< The delegations made.
    /// @brief Equal when every fact is.
    friend bool operator==(const Delegation&, const Delegation&) = default;
};

/// @brief Information handling (dokument- och informationshantering).
struct Information {
    std::optional<bool> personal_data{};          ///< Personal data is processed.
    std::optional<Arrangement> arrangement{};     ///< GDPR roles.
    std::optional<bool> records_responsibility{}; ///< Registration and archiving responsibility stated.
    std::optional<bool> confidentiality{};        ///< Sekretess regulated.
    /// @brief Equal when every fact is.
    friend bool operator==(const Information&, const Information&) = default;
};

/// @brief Control, oversight and reporting (kontroll, uppsiktsplikt, rapportering).
struct Oversight {
    std::optional<bool> follow_up{};                ///< A follow-up routine exists.
    std::optional<bool> annual_report_to_council{}; ///< Each board reports to its council yearly (9 kap. 38 § KL).
    std::optional<bool> internal_control{};         ///< Internal control is assigned.
    /// @brief Equal when every fact is.
    friend bool operator==(const Oversight&, const Oversight&) = default;
};

/// @brief Staff and work environment (personal och arbetsmiljö).
struct Staff {
    std::optional<bool> moves_between_parties{};      ///< Staff move between the parties.
    std::optional<bool> transfer_addressed{};         ///< Verksamhetsövergång (LAS 6 b §) is addressed.
    std::optional<bool> work_environment_allocated{}; ///< Arbetsmiljöansvar is allocated.
    /// @brief Equal when every fact is.
    friend bool operator==(const Staff&, const Staff&) = default;
};

/// @brief An agreement on avtalssamverkan, planned or signed.
struct Agreement {
    Id id{};                                                      ///< The agreement's id.
    std::string title{};                                          ///< Its title.
    std::optional<std::chrono::year_month_day> assessment_date{}; ///< The date the law is applied as of.
    Term term{};                                                  ///< Avtalstid.
    std::vector<Party> parties{};                                 ///< The parties.
    std::vector<Task> tasks{};                                    ///< The tasks.
    Delegation delegation{};                                      ///< External delegation.
    std::optional<Compensation> compensation{};                   ///< Agreement-level economic terms (one contractor).
    Information information{};                                    ///< Information handling.
    Oversight oversight{};                                        ///< Oversight.
    Staff staff{};                                                ///< Staff.
    std::optional<bool> creates_copyright_material{};             ///< Upphovsrättsligt material skapas.
    std::optional<std::vector<Clause>> clauses{};                 ///< Sections of the agreement text; unknown if not listed.

    /// @brief The index of the party with id `id`, or `nullopt`. A linear
    /// scan: code that looks up many ids uses `Context::party_index()`.
    [[nodiscard]] std::optional<std::size_t> party_index(std::string_view party_id) const noexcept {
        for (std::size_t i = 0; i < parties.size(); ++i)
            if (parties[i].id == party_id) return i;
        return std::nullopt;
    }
    /// @brief The party with id `id`, or null.
    [[nodiscard]] const Party* find_party(std::string_view party_id) const noexcept {
        auto i = party_index(party_id);
        return i ? &parties[*i] : nullptr;
    }
    /// @brief The index of the task with id `id`, or `nullopt`. A linear
    /// scan: code that looks up many ids uses `Context::task_index()`.
    [[nodiscard]] std::optional<std::size_t> task_index(std::string_view task_id) const noexcept {
        for (std::size_t i = 0; i < tasks.size(); ++i)
            if (tasks[i].id == task_id) return i;
        return std::nullopt;
    }
    /// @brief Equal when every fact is.
    friend bool operator==(const Agreement&, const Agreement&) = default;
};

} // namespace avtal
