#pragma once
/// @file
/// @brief A municipality's or region's whole portfolio of agreements on
/// avtalssamverkan, and the board's annual report to the council about it
/// (styrelsens årliga rapport till fullmäktige, 9 kap. 38 § kommunallagen;
/// SKR 2023 kap. 2 "Kontroll, uppsiktsplikt och rapporteringsskyldighet";
/// Lund's *Rapport om avtalssamverkan 2022*, SKR 2023 kap. 4).
///
/// A `Portfolio` holds many agreements, each checked as `check()` checks
/// one, and the documents that could not be read. `portfolio_report()`
/// gathers, for one party and one year, every agreement and task it is in,
/// the money it pays and receives by the allocation, the självkostnad
/// result of what it performs, each agreement's verdict and procurement
/// basis, and what needs attention before the next report. Nothing here
/// renders text: `avtal/io/portfolio.hpp` does.

#include <avtal/law/check.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace avtal {

/// @brief One agreement of a portfolio: the agreement, where it came from
/// and its check. The report refers to the agreement held beside it.
struct PortfolioEntry {
    Agreement agreement;      ///< The agreement as read.
    std::string source;       ///< Where it came from ("file.json", "-:3").
    std::string input_sha256; ///< Digest of the document as read (may be empty).
    Report report;            ///< Its check.

    /// @brief Checks `a` with `options` and keeps both.
    PortfolioEntry(Agreement a, std::string src, std::string sha, const CheckOptions& options)
        : agreement{std::move(a)}, source{std::move(src)}, input_sha256{std::move(sha)}, report{check(agreement, options)} {}
    PortfolioEntry(const PortfolioEntry&) = delete;
    PortfolioEntry& operator=(const PortfolioEntry&) = delete;
    PortfolioEntry(PortfolioEntry&&) = delete;
    PortfolioEntry& operator=(PortfolioEntry&&) = delete;
    /// @brief Destroys the entry.
    ~PortfolioEntry() = default;
};

/// @brief A document that could not be read: where it came from and every
/// problem, each with its JSON path.
struct UnreadableDocument {
    std::string source;            ///< "file.json", "-:2", or a folder entry.
    std::vector<Problem> problems; ///< What was wrong, with paths.
};

/// @brief Where a party appears: an entry of the portfolio and its index
/// among that agreement's parties.
struct PartyOccurrence {
    std::size_t entry = 0; ///< Index in `Portfolio::entries()`.
    std::size_t party = 0; ///< Index in that agreement's `parties`.
};

/// @brief Many agreements, each checked, indexed by party id; and the
/// documents that could not be read. Parties are the same party across
/// agreements when their ids are equal.
class Portfolio {
  public:
    /// @brief An empty portfolio whose agreements are checked with `options`.
    explicit Portfolio(CheckOptions options = {}) : options_{std::move(options)} {}

    /// @brief Checks and adds an agreement read from `source`.
    void add(Agreement agreement, std::string source, std::string input_sha256 = {});
    /// @brief Records a document that could not be read.
    void add_unreadable(std::string source, std::vector<Problem> problems);

    /// @brief The agreements, in the order added.
    [[nodiscard]] const std::vector<std::unique_ptr<PortfolioEntry>>& entries() const noexcept { return entries_; }
    /// @brief The documents that could not be read, in the order met.
    [[nodiscard]] const std::vector<UnreadableDocument>& unreadable() const noexcept { return unreadable_; }
    /// @brief Every party id found, sorted (byte order of the ids).
    [[nodiscard]] std::vector<std::string> party_ids() const;
    /// @brief Where party `id` appears, in the order the agreements were added.
    [[nodiscard]] const std::vector<PartyOccurrence>& occurrences(std::string_view id) const;
    /// @brief The options agreements are checked with.
    [[nodiscard]] const CheckOptions& options() const noexcept { return options_; }
    /// @brief The threshold table of the checks (the options' or the built-in one).
    [[nodiscard]] std::shared_ptr<const ThresholdTable> thresholds() const;

  private:
    CheckOptions options_;
    std::vector<std::unique_ptr<PortfolioEntry>> entries_;
    std::vector<UnreadableDocument> unreadable_;
    std::unordered_map<std::string, std::vector<PartyOccurrence>> index_;
};

/// @brief The party's role in a task.
enum class PortfolioRole : std::uint8_t {
    principal,  ///< Uppdragsgivare: buys the task, keeps huvudmannaskap.
    contractor, ///< Uppdragstagare: performs the task.
};
BOOST_DESCRIBE_ENUM(PortfolioRole, principal, contractor)

/// @brief Who takes the decisions in a task (Lund's list: "Myndighetsbeslut
/// fattas av respektive kommun", or "Jouren fattar myndighetsbeslut").
enum class Decider : std::uint8_t {
    each_party,       ///< No external delegation: each principal decides itself.
    contractor_staff, ///< Decision power delegated to the contractor's employees (9 kap. 37 § andra stycket KL).
    unknown,          ///< The agreement does not say whether delegation is used.
};
BOOST_DESCRIBE_ENUM(Decider, each_party, contractor_staff, unknown)

/// @brief One task of an agreement that the party is in.
struct PortfolioTask {
    std::size_t task = 0;                           ///< Index of the task in the agreement.
    PortfolioRole role = PortfolioRole::principal;  ///< The party's role.
    std::optional<std::size_t> contractor;          ///< The contractor (party index), if known.
    std::vector<std::size_t> counterparties;        ///< The other parties of the task (party indices, agreement order).
    Decider decides = Decider::unknown;             ///< Who decides.
    const ProcurementResult* procurement = nullptr; ///< The task's procurement resolution.
    std::vector<std::string> basis;                 ///< Ids of the exceptions that hold (for an exempt service).
    bool direct_award_alone = false;                ///< The exemption rests on direct award alone.
    std::optional<Money> amount;                    ///< The yearly amount between the party and its counterparty, when one line gives it.
};

/// @brief The money of one contractor's economic terms (a compensation
/// group) that the party is in, for one year, from the allocation.
struct PortfolioMoney {
    std::size_t group = 0;                         ///< Index in the context's compensation groups.
    std::optional<std::size_t> contractor;         ///< The contractor (party index), if known.
    PortfolioRole role = PortfolioRole::principal; ///< The party's role in the group.
    bool allocated = false;                        ///< The allocation gave lines (amount and key known).
    Money pays{};                                  ///< As principal: its line of the allocation.
    Money receives{};                              ///< As contractor: the principals' lines, summed.
    Money own_share{};                             ///< As contractor bearing a share: its own part of the cost.
    bool whole_cost = false;                       ///< The contractor bears a share: the allocation splits the full cost (money and in kind).
    std::optional<Money> money_stated;             ///< The money per year the terms state, when known.
    std::optional<Money> in_kind;                  ///< The valued in-kind performance per year (0: none; empty: not valued).
    std::optional<Money> full_cost;                ///< As contractor: the full cost (självkostnad), when known.
    std::optional<Money> principals_part;          ///< As contractor: the principals' part of the cost, when known.
    std::optional<Money> balance;                  ///< As contractor: what the principals pay less their part of the cost.
    std::optional<Status> no_profit;               ///< As contractor: `compensation.no_profit`'s status.
    std::optional<Status> covers_cost;             ///< As contractor: `compensation.covers_cost`'s status.
};

/// @brief What needs the board's attention before the next report.
enum class AttentionKind : std::uint8_t {
    term_ends,               ///< The fixed term ends within 12 months of the report date.
    term_ended,              ///< The fixed term ended on or before the report date.
    until_further_notice,    ///< The agreement runs until further notice (tills vidare).
    term_end_unknown,        ///< The end of the term cannot be computed (start or length unknown).
    no_follow_up,            ///< No follow-up routine (or not stated).
    no_annual_report,        ///< No annual report to the council (or not stated).
    delegation_no_reporting, ///< Delegation used without a routine for reporting decisions (or not stated).
    limit_changes,           ///< A direct-award limit the party's services use changes before the next report.
    no_confirmed_limit,      ///< No confirmed direct-award limit on the report date or from a date before the next report.
};
BOOST_DESCRIBE_ENUM(AttentionKind, term_ends, term_ended, until_further_notice, term_end_unknown, no_follow_up, no_annual_report,
                    delegation_no_reporting, limit_changes, no_confirmed_limit)

/// @brief One item that needs attention.
struct Attention {
    AttentionKind kind{};                  ///< What.
    std::optional<std::size_t> agreement;  ///< Index in `PortfolioReport::agreements` (none for a limit).
    std::optional<Date> date;              ///< The date it happens (term end, limit change).
    bool stated = true;                    ///< False when the fact is unknown rather than answered no.
    std::string path;                      ///< The JSON path of the fact (or to find out).
    std::optional<Category> category;      ///< For limits: the category.
    const ThresholdRow* current = nullptr; ///< For limits: the row in force on the report date.
    const ThresholdRow* next = nullptr;    ///< For limits: the row after it (null: none confirmed).
    const ThresholdRow* floor =
        nullptr; ///< For limits of a special category: the general limit on `date`, a floor for every category (LOU 19 a kap. 2 §).
    std::vector<std::pair<std::size_t, std::size_t>> tasks; ///< For limits: (agreement, task) pairs affected.
    std::size_t resting_on_direct_award = 0;                ///< For limits: how many of them rest on direct award alone.
};

/// @brief One agreement of the party's report.
struct PortfolioAgreement {
    const PortfolioEntry* entry = nullptr;    ///< The agreement, its source and check.
    std::size_t party = 0;                    ///< The party's index in it.
    std::vector<PortfolioTask> tasks;         ///< The tasks the party is in.
    std::vector<PortfolioMoney> money;        ///< Its money per compensation group.
    std::vector<const Finding*> violated;     ///< Violated findings (errors, then warnings, in rule order).
    std::vector<const Finding*> undetermined; ///< Undetermined findings.
    std::vector<std::string> missing;         ///< Facts to find out (every missing path, first seen first).
    Money pays{};                             ///< What the party pays under it this year.
    Money receives{};                         ///< What the party receives under it this year.
    /// @brief The agreement.
    [[nodiscard]] const Agreement& agreement() const noexcept { return entry->agreement; }
    /// @brief Its check.
    [[nodiscard]] const Report& report() const noexcept { return entry->report; }
};

/// @brief A party's totals for the year.
struct PortfolioTotals {
    std::size_t agreements = 0;          ///< Agreements it is in.
    std::size_t tasks_as_principal = 0;  ///< Tasks it buys.
    std::size_t tasks_as_contractor = 0; ///< Tasks it performs.
    Money pays{};                        ///< Paid by the allocation, summed.
    Money receives{};                    ///< Received by the allocation, summed.
    Money own_share{};                   ///< Its own part of the cost of what it performs (bearing a share).
    Money in_kind_received{};            ///< Valued in-kind performance under the terms of what it performs.
    Money in_kind_paid{};                ///< Valued in-kind performance under the terms of what it buys (the whole terms' value).
    std::size_t unvalued_in_kind = 0;    ///< Terms with in-kind performance without a value.
    std::size_t unallocated = 0;         ///< Terms the allocation could not split (amount or key unknown).
    std::size_t ok = 0;                  ///< Agreements with verdict ok.
    std::size_t violations = 0;          ///< Agreements with violations.
    std::size_t incomplete = 0;          ///< Agreements incomplete.
    std::size_t invalid = 0;             ///< Agreements not well formed.
    std::size_t attention = 0;           ///< Items that need attention.
    bool overflow = false;               ///< A sum did not fit in 64 bits (the amounts are then not shown).
};

/// @brief The board's annual report for one party (SPEC-free: 9 kap. 38 § KL).
struct PortfolioReport {
    std::string party;                                           ///< The party's id.
    std::string name;                                            ///< Its name (the first stated name met).
    std::optional<PartyKind> kind;                               ///< Its kind (the first stated kind met).
    std::int32_t year = 0;                                       ///< The year reported on.
    Date report_date{};                                          ///< The report date: 31 December of the year.
    Date next_report_date{};                                     ///< The next report's date: a year later.
    std::vector<PortfolioAgreement> agreements;                  ///< Its agreements, in the order added.
    std::vector<Attention> attention;                            ///< What needs attention, agreements first, then limits.
    PortfolioTotals totals;                                      ///< Its totals.
    const std::vector<UnreadableDocument>* unreadable = nullptr; ///< The portfolio's unreadable documents.
    std::string thresholds;                                      ///< The name of the threshold table used.
    /// @brief Whether any agreement names the party.
    [[nodiscard]] bool found() const noexcept { return !agreements.empty(); }
};

/// @brief The report of party `party_id` for `year` (its report date is
/// 31 December of that year; limits are compared up to a year later).
[[nodiscard]] PortfolioReport portfolio_report(const Portfolio& portfolio, std::string_view party_id, std::int32_t year);

/// @brief The year a portfolio reports on by default: the latest year of
/// the assessment dates of the agreements that name `party_id` (of every
/// agreement when `party_id` is empty), or `fallback` when none has one.
[[nodiscard]] std::int32_t default_report_year(const Portfolio& portfolio, std::string_view party_id, std::int32_t fallback);

/// @brief One party's line of the summary of every party.
struct PortfolioSummaryLine {
    std::string party;             ///< Id.
    std::string name;              ///< Name.
    std::optional<PartyKind> kind; ///< Kind.
    PortfolioTotals totals;        ///< Its totals.
};

/// @brief Every party's totals (for a region or a whole county), with the
/// sums over all parties: what all pay equals what all receive.
struct PortfolioSummary {
    std::int32_t year = 0;                   ///< The year.
    std::vector<PortfolioSummaryLine> lines; ///< One per party, sorted by id.
    PortfolioTotals all;                     ///< Sums over the parties (counts of agreements are distinct agreements).
};

/// @brief The summary of `reports` (one per party of `portfolio`); the
/// verdict counts of `all` are over the portfolio's distinct agreements.
[[nodiscard]] PortfolioSummary portfolio_summary(const Portfolio& portfolio, const std::vector<PortfolioReport>& reports, std::int32_t year);

/// @brief The last day of a fixed term starting on `start` and lasting
/// `months` months (2023-01-01 and 36 months: 2025-12-31); a start on a day
/// the end month lacks ends on that month's last day.
[[nodiscard]] Date term_end(const Date& start, std::int32_t months);

} // namespace avtal
