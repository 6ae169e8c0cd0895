#pragma once
// The fields of the avtal/1 agreement format, one table per JSON object:
// key, type, enumerators, whether it is required, and a line of
// documentation. The reader takes each object's allowed keys from here and
// the JSON Schema (docs/schema/avtal-1.schema.json) is generated from the
// same tables, so a field is added in one place.

#include <avtal/core/enum.hpp>
#include <avtal/model/agreement.hpp>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace avtal::json::detail {

/// How a field is written in JSON. Unless a field says otherwise, null
/// means "unknown" and an absent field is unknown (or its default).
enum class FieldType : std::uint8_t {
    constant,     ///< A string that must equal `Field::constant`.
    text,         ///< A string.
    boolean,      ///< true or false.
    date,         ///< "YYYY-MM-DD", an existing date.
    amount,       ///< Kronor: a number or a string such as "1250000.50", never negative, at most two decimals.
    percent,      ///< A number from 0 to 100 (at most six decimals); `maximum` 0 means no upper bound.
    count,        ///< A whole number from 0 to `maximum`.
    enumeration,  ///< One of `values()`.
    enumerations, ///< An array of `values()`.
    ids,          ///< An array of ids (strings).
    object,       ///< An object described by `object`.
    objects,      ///< An array of objects described by `object`.
    shares,       ///< An object from party ids to percentages (0–100).
    weights,      ///< An object from party ids to non-negative numbers.
    amount_or,    ///< An amount, or an object described by `object`.
};

struct Fields;

/// One key of a JSON object.
struct Field {
    std::string_view key;                           ///< The JSON key.
    FieldType type = FieldType::text;               ///< How its value is written.
    std::string_view doc;                           ///< One line of documentation.
    bool required = false;                          ///< Absent or null is a problem.
    std::vector<std::string_view> (*values)() = {}; ///< The enumerators (enumeration, enumerations).
    const Fields* object = nullptr;                 ///< The nested object (object, objects, amount_or).
    std::int64_t maximum = 0;                       ///< The largest value (count, percent).
    std::string_view constant{};                    ///< The value of a constant.
};

/// The fields of one JSON object.
struct Fields {
    std::string_view name;       ///< Its name in the schema's $defs ("Party").
    std::string_view doc;        ///< One line of documentation.
    std::span<const Field> list; ///< Its keys, in the order they are read and written.
    /// Whether `key` is one of the object's keys.
    [[nodiscard]] constexpr bool has(std::string_view key) const noexcept {
        for (const Field& f : list)
            if (f.key == key) return true;
        return false;
    }
    /// The keys, in order.
    [[nodiscard]] std::vector<std::string_view> keys() const {
        std::vector<std::string_view> out;
        out.reserve(list.size());
        for (const Field& f : list) out.push_back(f.key);
        return out;
    }
};

/// The enumerators of `E` as they are written in JSON.
template <DescribedEnum E>
std::vector<std::string_view> names() {
    std::vector<std::string_view> out;
    for_each_enumerator<E>([&](E e) { out.push_back(to_string(e)); });
    return out;
}

/// The largest population the reader accepts.
inline constexpr std::int64_t max_population = 1'000'000'000;
/// The largest number of months the reader accepts.
inline constexpr std::int64_t max_months = 100'000;

namespace fields {

using enum FieldType;

inline constexpr Field other_direct_awards_list[] = {
    {.key = "amount", .type = amount, .doc = "Their total value in the assessment year, excluding VAT.", .required = true},
    {.key = "category",
     .type = enumeration,
     .doc = "Their procurement category (selects the limit they count towards).",
     .required = true,
     .values = names<Category>},
};
inline constexpr Fields other_direct_awards{"OtherDirectAwards",
                                            "A principal's other direct awards of the same kind in the assessment year (direktupphandlingar "
                                            "av samma slag under räkenskapsåret), excluding VAT.",
                                            other_direct_awards_list};

inline constexpr Field party_list[] = {
    {.key = "id", .type = text, .doc = "Unique id of the party, referenced by tasks.", .required = true},
    {.key = "name", .type = text, .doc = "Official name (\"Norrströms kommun\")."},
    {.key = "kind",
     .type = enumeration,
     .doc = "Kind of legal person; only municipality, region and municipal_federation may be parties.",
     .values = names<PartyKind>},
    {.key = "population", .type = count, .doc = "Invånarantal, used by the population key.", .maximum = max_population},
    {.key = "mandate_covers_tasks", .type = boolean, .doc = "For a kommunalförbund only: its mandate covers the tasks."},
    {.key = "decision_body", .type = enumeration, .doc = "Which body decided to enter the agreement.", .values = names<DecisionBody>},
    {.key = "other_direct_awards_same_kind",
     .type = object,
     .doc = "The party's other direct awards of the same kind in the assessment year (counted before 2022-02-01).",
     .object = &other_direct_awards},
};
inline constexpr Fields party{"Party", "A party (part) to the agreement.", party_list};

inline constexpr Field term_list[] = {
    {.key = "start", .type = date, .doc = "First day of the term (avtalet gäller från)."},
    {.key = "months", .type = count, .doc = "Fixed term in months.", .maximum = max_months},
    {.key = "extension_months", .type = count, .doc = "Extension options in months.", .maximum = max_months},
    {.key = "until_further_notice", .type = boolean, .doc = "The agreement runs until further notice (tills vidare)."},
};
inline constexpr Fields term{"Term", "The agreement's term (avtalstid).", term_list};

inline constexpr Field hamburg_list[] = {
    {.key = "establishes_cooperation", .type = boolean, .doc = "The contract establishes or implements cooperation."},
    {.key = "common_objectives", .type = boolean, .doc = "Public services for common objectives."},
    {.key = "public_interest_only", .type = boolean, .doc = "Governed only by public-interest considerations."},
    {.key = "open_market_share_percent", .type = percent, .doc = "Share performed on the open market (under 20 % needed).", .maximum = 100},
};
inline constexpr Fields hamburg{"HamburgFacts", "The facts of the Hamburg exception (LOU 3 kap. 17 §).", hamburg_list};

inline constexpr Field teckal_list[] = {
    {.key = "similar_control", .type = boolean, .doc = "Control similar to that over its own departments."},
    {.key = "activity_share_percent",
     .type = percent,
     .doc = "Share of activity for the controlling authorities (over 80 % needed).",
     .maximum = 100},
    {.key = "private_capital", .type = boolean, .doc = "Direct private capital participation."},
};
inline constexpr Fields teckal{"TeckalFacts", "The facts of the Teckal (in-house) exception (LOU 3 kap. 11–16 §§).", teckal_list};

inline constexpr Field cost_list[] = {
    {.key = "staff", .type = amount, .doc = "Personal (absent: 0; null: unknown)."},
    {.key = "premises", .type = amount, .doc = "Lokaler (absent: 0; null: unknown)."},
    {.key = "overhead", .type = amount, .doc = "Overhead, administration (absent: 0; null: unknown)."},
    {.key = "capital", .type = amount, .doc = "Kapitalkostnader (absent: 0; null: unknown)."},
    {.key = "other", .type = amount, .doc = "Övrigt (absent: 0; null: unknown)."},
};
inline constexpr Fields cost{"CostComponents", "The contractor's annual full cost (självkostnad) by component.", cost_list};

inline constexpr Field tolerance_list[] = {
    {.key = "percent", .type = percent, .doc = "A percentage of the principals' part of the cost.", .required = true},
};
inline constexpr Fields tolerance{"TolerancePercent", "A tolerance as a percentage of the principals' part of the cost.", tolerance_list};

inline constexpr Field allocation_list[] = {
    {.key = "key", .type = enumeration, .doc = "The allocation key (fördelningsnyckel).", .values = names<AllocationKey>},
    {.key = "weights", .type = weights, .doc = "Weights by party id (percent, count or amount, by the key)."},
};
inline constexpr Fields allocation{"Allocation", "How a cost or payment is shared (fördelningsnyckel).", allocation_list};

inline constexpr Field compensation_list[] = {
    {.key = "money_per_year", .type = amount, .doc = "Money paid by the principals per year."},
    {.key = "in_kind_value_per_year", .type = amount, .doc = "Valued motprestation per year (absent: 0; null: exists without a value)."},
    {.key = "cost_per_year", .type = object, .doc = "The contractor's full annual cost.", .object = &cost},
    {.key = "contractor_bears_share", .type = boolean, .doc = "Shared unit also serving the contractor's own residents (default false)."},
    {.key = "tolerance",
     .type = amount_or,
     .doc = "Accepted deviation from cost: an amount, or {\"percent\": …} of the principals' part (default 0).",
     .object = &tolerance},
    {.key = "allocation", .type = object, .doc = "Allocation key.", .object = &allocation},
};
inline constexpr Fields compensation{"Compensation", "Economic terms (ersättning): what the principals pay and what the task costs, per year.",
                                     compensation_list};

inline constexpr Field task_list[] = {
    {.key = "id", .type = text, .doc = "Unique id of the task.", .required = true},
    {.key = "description", .type = text, .doc = "What is performed."},
    {.key = "contractor", .type = text, .doc = "Uppdragstagare: the party id of who performs the task."},
    {.key = "principals", .type = ids, .doc = "Uppdragsgivare: the party ids of who buy the task and keep huvudmannaskap."},
    {.key = "huvudman", .type = ids, .doc = "The party ids of who hold huvudmannaskap towards the principals' residents."},
    {.key = "nature", .type = enumeration, .doc = "Service or exercise of authority.", .values = names<TaskNature>},
    {.key = "area", .type = enumeration, .doc = "Area of activity.", .values = names<Area>},
    {.key = "category", .type = enumeration, .doc = "Procurement category of the service.", .values = names<Category>},
    {.key = "target_group_children", .type = boolean, .doc = "The target group is children (Socialstyrelsen's content list)."},
    {.key = "within_competence", .type = boolean, .doc = "Within the principals' own competence (2 kap. KL)."},
    {.key = "within_contractor_competence", .type = boolean, .doc = "The contractor may itself perform tasks of this kind."},
    {.key = "annual_value", .type = amount, .doc = "Annual value excluding VAT."},
    {.key = "principal_shares", .type = shares, .doc = "Shares of the value by principal's party id, in percent; sum 100."},
    {.key = "hamburg", .type = object, .doc = "Hamburg facts.", .object = &hamburg},
    {.key = "teckal", .type = object, .doc = "Teckal facts (read for federations and companies).", .object = &teckal},
    {.key = "compensation", .type = object, .doc = "Per-task economic terms (several contractors).", .object = &compensation},
};
inline constexpr Fields task{"Task", "A task (samverkansuppgift) that a contractor performs for one or more principals.", task_list};

inline constexpr Field delegate_list[] = {
    {.key = "task", .type = text, .doc = "The id of the task the delegation concerns."},
    {.key = "to", .type = enumeration, .doc = "Who receives the decision power.", .values = names<DelegateTo>},
    {.key = "employer", .type = text, .doc = "The party id of the delegate's employer."},
    {.key = "matter", .type = enumeration, .doc = "The kind of matter delegated (6 kap. 38 § KL).", .values = names<Matter>},
};
inline constexpr Fields delegate{"Delegate", "A grant of decision power (extern delegering) to someone on the contractor's side.", delegate_list};

inline constexpr Field delegation_list[] = {
    {.key = "used", .type = boolean, .doc = "Decision power is delegated."},
    {.key = "agreed", .type = boolean, .doc = "The agreement states the delegation and its extent."},
    {.key = "onward_delegation", .type = enumeration, .doc = "Whether vidaredelegering is allowed.", .values = names<OnwardDelegation>},
    {.key = "reporting_to_principal", .type = boolean, .doc = "How delegated decisions are reported is stated (7 kap. 8 § KL)."},
    {.key = "delegates", .type = objects, .doc = "The delegations made.", .object = &delegate},
};
inline constexpr Fields delegation{"Delegation", "External delegation (9 kap. 37 § andra stycket KL).", delegation_list};

inline constexpr Field information_list[] = {
    {.key = "personal_data", .type = boolean, .doc = "Personal data is processed."},
    {.key = "arrangement", .type = enumeration, .doc = "How the GDPR roles are settled.", .values = names<Arrangement>},
    {.key = "records_responsibility", .type = boolean, .doc = "Registration and archiving responsibility is stated."},
    {.key = "confidentiality", .type = boolean, .doc = "Sekretess is regulated."},
};
inline constexpr Fields information{"Information", "Information handling (dokument- och informationshantering).", information_list};

inline constexpr Field oversight_list[] = {
    {.key = "follow_up", .type = boolean, .doc = "A follow-up routine exists."},
    {.key = "annual_report_to_council", .type = boolean, .doc = "Each board reports to its council yearly (9 kap. 38 § KL)."},
    {.key = "internal_control", .type = boolean, .doc = "Internal control is assigned."},
};
inline constexpr Fields oversight{"Oversight", "Control, oversight and reporting (kontroll, uppsiktsplikt, rapportering).", oversight_list};

inline constexpr Field staff_list[] = {
    {.key = "moves_between_parties", .type = boolean, .doc = "Staff move between the parties."},
    {.key = "transfer_addressed", .type = boolean, .doc = "Verksamhetsövergång (LAS 6 b §) is addressed."},
    {.key = "work_environment_allocated", .type = boolean, .doc = "Arbetsmiljöansvar is allocated."},
};
inline constexpr Fields staff{"Staff", "Staff and work environment (personal och arbetsmiljö).", staff_list};

inline constexpr Field agreement_list[] = {
    {.key = "schema", .type = constant, .doc = "The format: \"avtal/1\".", .constant = "avtal/1"},
    {.key = "id", .type = text, .doc = "The agreement's id."},
    {.key = "title", .type = text, .doc = "Its title."},
    {.key = "assessment_date", .type = date, .doc = "The date the law is applied as of."},
    {.key = "term", .type = object, .doc = "Avtalstid.", .object = &term},
    {.key = "parties", .type = objects, .doc = "The parties.", .object = &party},
    {.key = "tasks", .type = objects, .doc = "The tasks.", .object = &task},
    {.key = "delegation", .type = object, .doc = "External delegation.", .object = &delegation},
    {.key = "compensation", .type = object, .doc = "Agreement-level economic terms (one contractor).", .object = &compensation},
    {.key = "information", .type = object, .doc = "Information handling.", .object = &information},
    {.key = "oversight", .type = object, .doc = "Oversight.", .object = &oversight},
    {.key = "staff", .type = object, .doc = "Staff.", .object = &staff},
    {.key = "creates_copyright_material", .type = boolean, .doc = "Upphovsrättsligt material skapas."},
    {.key = "clauses", .type = enumerations, .doc = "Sections of the agreement text; unknown if not listed.", .values = names<Clause>},
};
inline constexpr Fields agreement{"Agreement", "An agreement on avtalssamverkan (9 kap. 37 § KL), planned or signed.", agreement_list};

} // namespace fields

} // namespace avtal::json::detail
