#pragma once
/// @file
/// @brief Procurement analysis (SKR 2023 kap. 3; LOU): does procurement law
/// apply to a task, or does an exception hold — and why.
///
/// Default logic: *a service bought from another municipality must be
/// procured (LOU), unless an exception holds*. The exceptions are exported
/// predicates over a task (`exception.public_authority`,
/// `exception.direct_award`, `exception.hamburg`, `exception.teckal`,
/// `exception.nesgi`) in a list the user may extend; the resolution names
/// every exception that holds, fails (with why) or is unknown (with what is
/// missing).

#include <avtal/core/date.hpp>
#include <avtal/core/predicate.hpp>
#include <avtal/law/thresholds.hpp>
#include <avtal/model/agreement.hpp>
#include <avtal/model/subject.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace avtal {

/// @brief The outcome of the procurement analysis of one task.
enum class ProcurementOutcome : std::uint8_t {
    not_applicable, ///< Exercise of public authority: LOU does not apply.
    exempt,         ///< A service for which an exception holds: no advertised procurement needed.
    required,       ///< A service for which every exception answers no: it must be procured.
    undetermined,   ///< No exception established, some unknown: facts are missing.
};
BOOST_DESCRIBE_ENUM(ProcurementOutcome, not_applicable, exempt, required, undetermined)

/// @brief The resolution of one task: its outcome and each exception's answer.
struct ProcurementResult {
    std::size_t task = 0;                                          ///< Index of the task.
    ProcurementOutcome outcome = ProcurementOutcome::undetermined; ///< The outcome.
    std::vector<Truth> exceptions;                                 ///< Each exception's answer, parallel to the context's list.
    std::vector<std::string> missing;                              ///< For `undetermined`: every missing fact.
    /// @brief Whether the task is exempt by direct award alone (which is
    /// itself a procedure of LOU with duties of its own).
    [[nodiscard]] bool rests_on_direct_award_alone(const ExceptionList& list) const;
};

/// @brief The default resolution list: public authority, direct award,
/// Hamburg, Teckal (NESGI is exported but not in it: an unknown that no fact
/// can settle must not block a verdict).
[[nodiscard]] std::shared_ptr<const ExceptionList> default_exceptions();

/// @brief Resolves the procurement question for task `task` of the context's
/// agreement with the context's exception list (default logic, SPEC §5):
/// `not_applicable` for exercise of authority, `exempt` when an exception
/// holds, `required` when all answer no, else `undetermined` with every
/// missing fact.
[[nodiscard]] ProcurementResult resolve_procurement(const Context& ctx, std::size_t task);

namespace detail {
/// The resolution of task `task`: the one `check()` has made when the
/// context has it, else resolved into `scratch`.
[[nodiscard]] const ProcurementResult& procurement_result(const Context& ctx, std::size_t task, ProcurementResult& scratch);
} // namespace detail

/// @brief The duties that come with direct award (LOU 19 a kap.), named in
/// the explanation when an exemption rests on direct award alone.
[[nodiscard]] Text direct_award_duties();

/// @brief The explanation of task `task`'s procurement resolution: one child
/// per exception, notes on the outcome (and on direct award's own duties).
[[nodiscard]] Explanation explain_procurement(const Context& ctx, std::size_t task);

/// @brief The threshold rows the direct-award test uses for task `task` on
/// the context's date (one per candidate category of each principal), for
/// the report's receipt.
[[nodiscard]] std::vector<const ThresholdRow*> applied_threshold_rows(const Context& ctx, std::size_t task);

/// @brief One principal's direct-award test of a task under one candidate
/// category: its value, the months counted, the dated limit and whether the
/// value is within it (the rows of the memo's per-principal table).
struct DirectAwardLine {
    std::string principal;                        ///< The principal's party id.
    Money value_low;                              ///< Least contract value counted for it (SEK excl. VAT).
    std::optional<Money> value_high;              ///< Greatest value counted; `nullopt` when a fact leaves it open.
    std::int64_t months_low = 48;                 ///< Least number of months counted.
    std::optional<std::int64_t> months_high = 48; ///< Greatest number of months counted; `nullopt` when open.
    bool indefinite = true;                       ///< The 48-month rule (until further notice, or no term) applies.
    Category category{};                          ///< The category whose limit is applied.
    const ThresholdRow* limit = nullptr;          ///< The limit row; null when the table has no confirmed limit.
    Truth within = Truth::unknown;                ///< Whether the value is within the limit.
};

/// @brief The direct-award test of task `task` per principal (and per
/// candidate category, when the main object's category is not settled), as
/// data; empty when the assessment date or the principals are missing.
[[nodiscard]] std::vector<DirectAwardLine> direct_award_lines(const Context& ctx, std::size_t task);

/// @brief A purchase outside an agreement on avtalssamverkan, e.g. a
/// municipality buying from its own company (where Teckal applies for real).
struct Purchase {
    Party buyer;                                            ///< The contracting authority buying.
    Party supplier;                                         ///< The supplier (any kind, including companies).
    std::string description;                                ///< What is bought.
    std::optional<TaskNature> nature = TaskNature::service; ///< Service or exercise of authority.
    std::optional<Category> category;                       ///< Procurement category.
    std::optional<Money> annual_value;                      ///< Annual value excluding VAT.
    Term term;                                              ///< Contract term.
    HamburgFacts hamburg;                                   ///< Hamburg facts.
    TeckalFacts teckal;                                     ///< Teckal facts.
    std::optional<Date> date;                               ///< Assessment date.
};

/// @brief The procurement analysis of a stand-alone purchase.
struct PurchaseAnalysis {
    ProcurementOutcome outcome = ProcurementOutcome::undetermined; ///< The outcome.
    std::vector<std::pair<std::string, Truth>> exceptions;         ///< Each exception's id and answer.
    std::vector<std::string> missing;                              ///< Missing facts when undetermined.
    Explanation explanation;                                       ///< The full explanation tree.
};

/// @brief Analyses a stand-alone purchase with the same exceptions and
/// thresholds as an agreement's tasks.
[[nodiscard]] PurchaseAnalysis analyse_purchase(const Purchase& p, std::shared_ptr<const ThresholdTable> thresholds = nullptr,
                                                std::shared_ptr<const ExceptionList> exceptions = nullptr);

} // namespace avtal
