#pragma once
/// @file
/// @brief Reports people read: plain text for an 80-column terminal and
/// Markdown for a decision memo (tjänsteskrivelse).

#include <avtal/core/text.hpp>
#include <avtal/law/check.hpp>
#include <avtal/law/compensation.hpp>
#include <avtal/law/forms.hpp>
#include <avtal/law/thresholds.hpp>

#include <string>
#include <string_view>

namespace avtal {

/// @brief Options of the human-readable renderers.
struct RenderOptions {
    Lang lang = Lang::sv;          ///< Language (Swedish by default).
    bool all = false;              ///< List satisfied findings too.
    std::string_view input_sha256; ///< Digest of the input, for the receipt line.
    std::size_t width = 80;        ///< Line width of the text report.
};

/// @brief The report as plain text, its findings grouped by what the reader
/// must do: errors against the law, legal requirements that cannot be
/// decided (with the facts to find out), deviations from guidance,
/// guidance that cannot be decided, information (and, with `all`, what is
/// satisfied); then the procurement analysis with the direct-award test per
/// principal, the allocation, a one-line summary and the receipt.
[[nodiscard]] std::string render_text(const Report& report, const RenderOptions& options = {});

/// @brief The report as a Markdown document for a decision memo: the same
/// groups as the text report as numbered lists, the procurement analysis
/// with the direct-award test per principal as a table (its limit and
/// source stated once under it), the allocation and the receipt. Every
/// table cell is short, so that the memo converts to .docx readably.
[[nodiscard]] std::string render_markdown(const Report& report, const RenderOptions& options = {});

/// @brief A forms recommendation as plain text: the suitable forms best
/// first with their reasons and the Tabell 1 cells behind them, then the
/// unsuitable ones with why.
[[nodiscard]] std::string render_recommendation(const Recommendation& r, const RenderOptions& options = {});

/// @brief An allocation as plain text: per contractor its full cost, each
/// party's yearly share (exact to the öre) and the total.
[[nodiscard]] std::string render_allocation(const Context& ctx, const std::vector<AllocationLine>& lines, const RenderOptions& options = {});

/// @brief A threshold table as plain text: every row (or, with `date`, the
/// rows in force that day and the categories with no confirmed limit),
/// each with its period, amount and source.
[[nodiscard]] std::string render_thresholds(const ThresholdTable& table, const std::optional<Date>& date, const RenderOptions& options = {});

/// @brief A rule's id, severity, texts, citation, source and the message
/// when violated, as plain text (`avtal explain`).
[[nodiscard]] std::string render_rule(const RuleInfo& rule, const RenderOptions& options = {});

/// @brief A procurement exception's id, texts and citation, as plain text.
[[nodiscard]] std::string render_exception(const PredicateInfo& exception, const RenderOptions& options = {});

} // namespace avtal
