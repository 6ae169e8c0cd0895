#pragma once
/// @file
/// @brief Reports people read: plain text for an 80-column terminal and
/// Markdown for a decision memo (tjänsteskrivelse).

#include <avtal/core/text.hpp>
#include <avtal/law/check.hpp>
#include <avtal/law/compensation.hpp>
#include <avtal/law/forms.hpp>
#include <avtal/law/method.hpp>
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

/// @brief A forms recommendation as Markdown: the suitable forms best
/// first with their reasons, then the unsuitable ones with why.
[[nodiscard]] std::string render_recommendation_markdown(const Recommendation& r, const RenderOptions& options = {});

/// @brief The method guide (SKR 2023 kap. 5): steps 1–4 with their
/// checklist items and each one's progress (done, open, unknown; stated or
/// from the check), and the next step; as text, or Markdown.
[[nodiscard]] std::string render_guide(const MethodProgress& progress, const RenderOptions& options = {}, bool markdown = false);

/// @brief An explanation tree as indented text: each node's answer, text,
/// id, notes and missing facts (`avtal check --explain`).
[[nodiscard]] std::string render_explanation(const Explanation& e, const RenderOptions& options = {}, std::size_t indent = 0);

/// @brief A rule as `avtal explain` shows it: id, kind, text, citation and
/// guidance, the message when violated, the facts (JSON paths, `*` for any
/// index) it reads and, with `tree`, how its predicates combine.
[[nodiscard]] std::string render_rule(const RuleInfo& rule, const RenderOptions& options = {}, const std::vector<std::string>& facts = {},
                                      const Explanation* tree = nullptr);

/// @brief A procurement exception as `avtal explain` shows it: id, text,
/// citation, the facts it reads and, with `tree`, its criteria.
[[nodiscard]] std::string render_exception(const PredicateInfo& exception, const RenderOptions& options = {},
                                           const std::vector<std::string>& facts = {}, const Explanation* tree = nullptr);

} // namespace avtal
