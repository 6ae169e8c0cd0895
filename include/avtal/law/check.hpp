#pragma once
/// @file
/// @brief Checking an agreement: `avtal::check()` runs the built-in rule
/// catalogue and any user rules and returns a `Report` of findings, the
/// procurement analysis per task, the allocation and the verdict.

#include <avtal/core/rule.hpp>
#include <avtal/law/compensation.hpp>
#include <avtal/law/procurement.hpp>
#include <avtal/law/thresholds.hpp>
#include <avtal/model/agreement.hpp>
#include <avtal/model/subject.hpp>
#include <avtal/model/validate.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avtal {

/// @brief The version of the library.
inline constexpr std::string_view library_version = "1.0.0";

/// @brief The version of the rule catalogue (its ids, texts and logic): the
/// date of its last change. Defined beside the catalogue
/// (`src/law/catalogue.cpp`), with `rules_version_digest`.
extern const std::string_view rules_version;

/// @brief The `catalogue_digest()` of the catalogue as it was when
/// `rules_version` was set. A test fails when the two differ, so a rule
/// cannot be added, removed or reworded under an old version
/// (docs/adding-a-rule.md).
extern const std::uint64_t rules_version_digest;

/// @brief The overall result of a check.
enum class Verdict : std::uint8_t {
    ok,         ///< No error-severity finding is violated or undetermined.
    violations, ///< Some error-severity finding is violated.
    incomplete, ///< None violated, but some error-severity finding is undetermined.
    invalid,    ///< The agreement is not well formed (see `Report::problems`).
};
BOOST_DESCRIBE_ENUM(Verdict, ok, violations, incomplete, invalid)

/// @brief The command-line exit code of a verdict: 0 ok, 1 violations,
/// 2 bad input, 3 incomplete.
[[nodiscard]] constexpr int exit_code(Verdict v) noexcept {
    switch (v) {
    case Verdict::ok: return 0;
    case Verdict::violations: return 1;
    case Verdict::invalid: return 2;
    case Verdict::incomplete: break;
    }
    return 3;
}

/// @brief What to check and how.
struct CheckOptions {
    std::optional<Date> date;                         ///< Overrides the agreement's `assessment_date`.
    std::shared_ptr<const ThresholdTable> thresholds; ///< Threshold table (null: the built-in one).
    std::shared_ptr<const ExceptionList> exceptions;  ///< Procurement exceptions (null: `default_exceptions()`).
    std::vector<Rule> rules;                          ///< User rules, run after the built-in ones, in the same report.
    bool builtin = true;                              ///< Run the built-in rule catalogue.
    std::vector<std::string> only;                    ///< Run only rules matching one of these ids or prefixes (`"content"` matches `content.*`).
    std::vector<std::string> silence;                 ///< Do not run rules matching one of these ids or prefixes.
    /// @brief The agreement is known to pass `validate()` (`json::read_agreement`
    /// returned it, which validates): `check()` does not validate it again and
    /// the report has no problems. Set it for nothing else: an invalid agreement
    /// would get a verdict instead of `invalid`.
    bool validated = false;
};

/// @brief Whether rule id `id` matches `pattern`: equal, or `pattern` is a
/// prefix ending at a dot (`"content"`, `"content."` and `"content.*"` all
/// match `content.required`).
[[nodiscard]] bool rule_matches(std::string_view id, std::string_view pattern) noexcept;

/// @brief The built-in rule catalogue, in report order.
[[nodiscard]] const std::vector<Rule>& builtin_rules();

/// @brief A digest (64-bit FNV-1a) of the descriptions of `rules` in their
/// order: every rule's id, severity, citation, source, title and violation
/// text.
[[nodiscard]] std::uint64_t catalogue_digest(const std::vector<Rule>& rules);

/// @brief The digest of the built-in catalogue, `catalogue_digest(builtin_rules())`.
[[nodiscard]] std::uint64_t catalogue_digest();

/// @brief The built-in rule with id `id`, or null.
[[nodiscard]] const Rule* find_rule(std::string_view id);

/// @brief Every built-in procurement exception, NESGI included (which is
/// not in the default resolution list), in resolution order.
[[nodiscard]] const ExceptionList& builtin_exceptions();

/// @brief The built-in procurement exception with id `id`, or null.
[[nodiscard]] const Predicate<TaskSubject>* find_exception(std::string_view id);

/// @brief What makes a verdict reproducible years later (SPEC §9.1).
struct Receipt {
    std::string avtal;                     ///< Library version.
    std::string rules;                     ///< Rule-catalogue version.
    std::string thresholds;                ///< Name of the threshold table used.
    std::vector<const ThresholdRow*> rows; ///< The rows the direct-award test applied.
    std::string input_sha256;              ///< Digest of the input document as read (set by the reader).
};

/// @brief The result of `check()`: findings, procurement analysis,
/// allocation and verdict.
///
/// A report refers to the checked agreement (it does not copy it): keep
/// the agreement alive while the report is used. Messages and
/// explanations are rendered on demand. A report is move-only.
class Report {
  public:
    /// @brief Moves a report (its findings stay valid).
    Report(Report&&) noexcept = default;
    /// @brief Move-assigns a report.
    Report& operator=(Report&&) noexcept = default;
    Report(const Report&) = delete;
    Report& operator=(const Report&) = delete;
    /// @brief Destroys the report.
    ~Report() = default;

    /// @brief The context the agreement was checked in.
    [[nodiscard]] const Context& context() const noexcept { return ctx_; }
    /// @brief The checked agreement.
    [[nodiscard]] const Agreement& agreement() const noexcept { return ctx_.agreement(); }
    /// @brief Every finding, in rule order.
    [[nodiscard]] const std::vector<Finding>& findings() const noexcept { return findings_; }
    /// @brief The procurement resolution of every task, in task order.
    [[nodiscard]] const std::vector<ProcurementResult>& procurement() const noexcept { return procurement_; }
    /// @brief The allocation of the compensation over the parties (SPEC §9).
    [[nodiscard]] const std::vector<AllocationLine>& allocation() const noexcept { return allocation_; }
    /// @brief Structural problems (non-empty: verdict `invalid`).
    [[nodiscard]] const std::vector<Problem>& problems() const noexcept { return problems_; }
    /// @brief The verdict.
    [[nodiscard]] Verdict verdict() const noexcept { return verdict_; }

    /// @brief The findings of rule `id` (for tests and integrations).
    [[nodiscard]] std::vector<const Finding*> findings_of(std::string_view id) const;
    /// @brief The explanation tree behind a finding.
    [[nodiscard]] Explanation explain(const Finding& f) const;
    /// @brief The explanation tree of exception `exception` for task `task`.
    [[nodiscard]] Explanation explain_exception(std::size_t task, std::size_t exception) const;
    /// @brief The receipt (without the input digest, which the reader sets).
    [[nodiscard]] Receipt receipt() const;

  private:
    friend Report check(const Agreement& agreement, const CheckOptions& options);
    explicit Report(Context ctx) : ctx_{std::move(ctx)} {}

    Context ctx_;
    std::vector<Rule> user_rules_;
    std::vector<Finding> findings_;
    std::vector<ProcurementResult> procurement_;
    std::vector<CompensationFigures> figures_;
    std::vector<AllocationLine> allocation_;
    std::vector<Problem> problems_;
    Verdict verdict_ = Verdict::ok;
};

/// @brief Checks an agreement against the built-in rules (SPEC §4) and the
/// user rules in `options`. Never throws on user data: structural problems
/// are reported in `Report::problems()` (verdict `invalid`), and every rule
/// still runs.
[[nodiscard]] Report check(const Agreement& agreement, const CheckOptions& options = {});

} // namespace avtal
