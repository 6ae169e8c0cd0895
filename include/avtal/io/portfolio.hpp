#pragma once
/// @file
/// @brief The board's annual report on a party's avtalssamverkan, written:
/// Markdown for the body of the report to the council, plain text, JSON
/// (`avtal-portfolio/1`), one standalone printable HTML file, and an SVG
/// drawing of the party's cooperation. Also the whole batch in one call
/// (documents in, output out) for the command line, a service or a page.
///
/// The Markdown, text, HTML and SVG writers are in `avtal::avtal`; the
/// JSON writer and `portfolio_from_documents()` read and write JSON and
/// are in `avtal::json`.

#include <avtal/core/text.hpp>
#include <avtal/law/portfolio.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avtal {

/// @brief The output formats of a portfolio report.
enum class PortfolioFormat : std::uint8_t {
    markdown, ///< The body of the board's report to the council.
    text,     ///< Plain text for an 80-column terminal.
    json,     ///< `avtal-portfolio/1`.
    html,     ///< One standalone, printable HTML file with the drawing.
    svg,      ///< The drawing of the party's cooperation alone.
};
BOOST_DESCRIBE_ENUM(PortfolioFormat, markdown, text, json, html, svg)

/// @brief Options of the portfolio writers.
struct PortfolioRenderOptions {
    Lang lang = Lang::sv;   ///< Language (Swedish by default).
    std::size_t width = 80; ///< Line width of the text report.
};

/// @brief The report as Markdown: headings, one table per section, totals.
[[nodiscard]] std::string render_portfolio_markdown(const PortfolioReport& report, const PortfolioRenderOptions& options = {});
/// @brief The report as plain text.
[[nodiscard]] std::string render_portfolio_text(const PortfolioReport& report, const PortfolioRenderOptions& options = {});
/// @brief The report as one standalone HTML document (inline style and
/// drawing, printable), byte-identical for the same input.
[[nodiscard]] std::string render_portfolio_html(const PortfolioReport& report, const PortfolioRenderOptions& options = {});
/// @brief The drawing of the party's cooperation as SVG: the party in the
/// middle, its counterparties around it, one arrow per task from
/// contractor to principal labelled with the area and the yearly amount,
/// coloured by the agreement's verdict. Deterministic.
[[nodiscard]] std::string render_portfolio_svg(const PortfolioReport& report, const PortfolioRenderOptions& options = {});

/// @brief The summary of every party's totals as Markdown.
[[nodiscard]] std::string render_portfolio_summary_markdown(const PortfolioSummary& summary, const PortfolioRenderOptions& options = {});
/// @brief The summary of every party's totals as plain text.
[[nodiscard]] std::string render_portfolio_summary_text(const PortfolioSummary& summary, const PortfolioRenderOptions& options = {});
/// @brief The summary and every party's report in one HTML document.
[[nodiscard]] std::string render_portfolio_all_html(const PortfolioSummary& summary, const std::vector<PortfolioReport>& reports,
                                                    const PortfolioRenderOptions& options = {});

/// @brief The report as `avtal-portfolio/1` JSON (in `avtal::json`).
[[nodiscard]] std::string write_portfolio(const PortfolioReport& report, Lang lang = Lang::sv);
/// @brief The summary and every report as `avtal-portfolio-summary/1`
/// JSON (in `avtal::json`).
[[nodiscard]] std::string write_portfolio_summary(const PortfolioSummary& summary, const std::vector<PortfolioReport>& reports, Lang lang = Lang::sv);
/// @brief The same document handed to `sink` in pieces (the summary, then
/// each report), through one buffer the size of the largest report.
void write_portfolio_summary(const PortfolioSummary& summary, const std::vector<PortfolioReport>& reports, Lang lang,
                             const std::function<void(std::string_view)>& sink);

/// @brief One input document: where it came from and its bytes (one
/// agreement, a JSON array of agreements, or JSON Lines).
struct PortfolioDocument {
    std::string source; ///< Its name in messages ("lund.json", "-").
    std::string text;   ///< Its bytes.
};

/// @brief A whole portfolio request: documents, party (or every party),
/// year, format and language.
struct PortfolioRequest {
    std::vector<PortfolioDocument> documents;           ///< The documents.
    std::string party;                                  ///< The party reported on (ignored with `all_parties`).
    bool all_parties = false;                           ///< One report per party found, and a summary of their totals.
    std::optional<std::int32_t> year;                   ///< The year (default: `default_report_year()`).
    PortfolioFormat format = PortfolioFormat::markdown; ///< Output format.
    Lang lang = Lang::sv;                               ///< Language.
    CheckOptions check;                                 ///< How each agreement is checked.
    /// With `all_parties` in JSON, Markdown or text: receives the output
    /// piece by piece (the summary, then one party's report at a time), so
    /// that a county's or a country's reports are never held whole in
    /// memory; `PortfolioOutput::output` then stays empty. Unset: the
    /// output is returned whole.
    std::function<void(std::string_view)> sink;
};

/// @brief What a portfolio request gives: an exit code (0 written; 2 some
/// input unreadable, the party named by no agreement, or a usage error),
/// the output, and one line per problem (file, JSON path, message).
struct PortfolioOutput {
    int exit_code = 0;                          ///< 0 or 2.
    std::string output;                         ///< The report(s) in the requested format.
    std::vector<std::string> errors;            ///< "source: /path: message" per problem.
    std::vector<UnreadableDocument> unreadable; ///< The documents that could not be read.
};

/// @brief Reads every document (bad ones are reported and skipped, the
/// rest still read), checks every agreement, and writes the report of
/// `request.party` (or of every party with a summary) in the requested
/// format (in `avtal::json`). Never throws on user data.
[[nodiscard]] PortfolioOutput portfolio_from_documents(const PortfolioRequest& request);

} // namespace avtal
