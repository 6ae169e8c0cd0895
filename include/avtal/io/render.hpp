#pragma once
/// @file
/// @brief Reports people read: plain text for an 80-column terminal and
/// Markdown for a decision memo (tjänsteskrivelse).

#include <avtal/core/text.hpp>
#include <avtal/law/check.hpp>
#include <avtal/law/forms.hpp>

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

/// @brief The report as plain text: grouped by severity, with citations,
/// the missing facts to find out and a one-line summary.
[[nodiscard]] std::string render_text(const Report& report, const RenderOptions& options = {});

/// @brief The report as a Markdown document: headings, a findings table,
/// the procurement analysis, the allocation and the receipt.
[[nodiscard]] std::string render_markdown(const Report& report, const RenderOptions& options = {});

/// @brief A forms recommendation as plain text: the suitable forms best
/// first with their reasons and the Tabell 1 cells behind them, then the
/// unsuitable ones with why.
[[nodiscard]] std::string render_recommendation(const Recommendation& r, const RenderOptions& options = {});

} // namespace avtal
