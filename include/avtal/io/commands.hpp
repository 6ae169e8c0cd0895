#pragma once
/// @file
/// @brief The tools' commands as library calls: what `avtal check`,
/// `allocate`, `thresholds`, `forms` and `explain` do, from input bytes to
/// output bytes and an exit code. The command line, the HTTP service and the
/// C API are thin doors onto these functions, so that all of them answer a
/// document alike, byte for byte. Link `avtal::json`.
///
/// None of them throws on user data or on a bad option value: a problem is
/// an exit code with its explanation in `CommandResult::errors`.

#include <avtal/core/date.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/core/text.hpp>
#include <avtal/law/thresholds.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace avtal {

/// @brief The output format of a command.
enum class Format : std::uint8_t {
    text,     ///< Plain text for an 80-column terminal.
    json,     ///< Machine-readable JSON (`avtal-report/1` and friends).
    markdown, ///< Markdown for a decision memo (tjänsteskrivelse).
};
BOOST_DESCRIBE_ENUM(Format, text, json, markdown)

/// @brief Exit code: no violation, nothing undetermined.
inline constexpr int exit_ok = 0;
/// @brief Exit code: some legal requirement is violated.
inline constexpr int exit_violations = 1;
/// @brief Exit code: bad input or bad usage.
inline constexpr int exit_bad_input = 2;
/// @brief Exit code: no violation, but a legal requirement could not be decided.
inline constexpr int exit_incomplete = 3;

/// @brief The worse of two exit codes: bad input (2) is worst, then
/// violations (1), then incomplete (3), then ok (0).
[[nodiscard]] int worst_exit_code(int a, int b) noexcept;

/// @brief How a command runs and writes.
struct CommandOptions {
    Lang lang = Lang::sv;                             ///< Language of messages and reports.
    Format format = Format::text;                     ///< Output format.
    bool all = false;                                 ///< List satisfied findings too (`check`).
    bool explain = false;                             ///< Give every finding its full explanation tree (`check --explain`).
    std::optional<Date> date;                         ///< Overrides each agreement's `assessment_date`.
    std::shared_ptr<const ThresholdTable> thresholds; ///< Threshold table (null: the built-in one).
};

/// @brief What a command gives back.
struct CommandResult {
    int exit_code = exit_ok; ///< The command line's exit code (0, 1, 2 or 3).
    std::string output;      ///< What the command writes (standard output), unless a sink took it.
    std::string errors;      ///< Problems for a person, one per line: `source: /path: message`.
    std::string problems;    ///< Every unreadable document as an `avtal-error/1` JSON object, one per line.
};

/// @brief Receives output as it is produced, so that a long batch need not
/// be held in memory; each call is a complete piece (one or more reports).
using OutputSink = std::function<void(std::string_view)>;

/// @brief One input document of a command: its bytes and where they came
/// from (a file name, `-` for standard input), for the messages.
struct Input {
    std::string_view source; ///< Name of the input in messages, e.g. `agreement.json`.
    std::string_view bytes;  ///< The document: one agreement, a JSON array of them, or JSON Lines.
};

/// @brief `avtal check`: reads every agreement of every input, checks each
/// and writes its report in `options.format`; the exit code is the worst
/// of all (SPEC §10). With a `sink`, output goes there piece by piece and
/// `CommandResult::output` stays empty; with an `error_sink`, each
/// unreadable document's problems go there as soon as they are found and
/// `CommandResult::errors` stays empty.
[[nodiscard]] CommandResult run_check(std::span<const Input> inputs, const CommandOptions& options, const OutputSink& sink = {},
                                      const OutputSink& error_sink = {});

/// @brief `avtal check` of one input.
[[nodiscard]] CommandResult run_check(const Input& input, const CommandOptions& options, const OutputSink& sink = {},
                                      const OutputSink& error_sink = {});

/// @brief `avtal allocate`: the allocation of one agreement's compensation
/// over the parties, exact to the öre (text or JSON).
[[nodiscard]] CommandResult run_allocate(const Input& input, const CommandOptions& options);

/// @brief `avtal thresholds`: the direct-award limits of the table in
/// `options.thresholds` (or the built-in one), all rows or those in force
/// on `options.date` (text or JSON).
[[nodiscard]] CommandResult run_thresholds(const CommandOptions& options);

/// @brief `avtal guide`: SKR's method guide (steps 1–4 with their
/// checklist items) with the progress the check of the input's agreement
/// decides, and the next step (text or Markdown).
[[nodiscard]] CommandResult run_guide(const Input& input, const CommandOptions& options);

/// @brief `avtal forms`: the forms of cooperation suited to a need
/// (`avtal-needs/1`), best first (text or JSON).
[[nodiscard]] CommandResult run_forms(const Input& input, const CommandOptions& options);

/// @brief `avtal explain`: a rule's or a procurement exception's id, kind,
/// texts and citation, the facts (JSON paths) it reads and how its
/// predicates combine. An unknown id is exit code 2, with the nearest known
/// id ("did you mean") and the list of all.
[[nodiscard]] CommandResult run_explain(std::string_view id, const CommandOptions& options);

/// @brief What `avtal portfolio` reports on: one party (or every party)
/// for one year, in which format.
struct PortfolioCommand {
    std::string party;                ///< The party's id (`--party`); ignored with `all_parties`.
    bool all_parties = false;         ///< One report per party found and a summary of their totals (`--all-parties`).
    std::optional<std::int32_t> year; ///< The year (`--year`; default: the latest assessment year of the party's agreements).
    std::string format = "markdown";  ///< `markdown`, `text`, `json`, `html` or `svg`.
};

/// @brief `avtal portfolio`: reads every agreement of every input (a bad
/// document is reported with its source and path and the rest still read),
/// checks each and writes the board's annual report to the council on the
/// party's avtalssamverkan (9 kap. 38 § KL). Exit code 0, or 2 when some
/// input could not be read, no agreement names the party, or the format is
/// unknown. `options.lang`, `options.date` and `options.thresholds` apply;
/// `options.format` does not (`portfolio.format` does). With a `sink`,
/// the output of `all_parties` in JSON, Markdown or text goes there piece
/// by piece (one party's report at a time) and `CommandResult::output`
/// stays empty.
[[nodiscard]] CommandResult run_portfolio(std::span<const Input> inputs, const PortfolioCommand& portfolio, const CommandOptions& options,
                                          const OutputSink& sink = {});

/// @brief The outcome of loading a user's threshold table.
struct ThresholdLoad {
    std::shared_ptr<const ThresholdTable> table; ///< The table to use, or null when it could not be read.
    std::string errors;                          ///< Its problems, one per line: `name: /path: message`.
};

/// @brief Reads a threshold table document (`--thresholds FILE`): it
/// replaces the built-in table, or extends it when it says
/// `"extends": "builtin"` (a what-if reform).
[[nodiscard]] ThresholdLoad load_thresholds(std::string_view bytes, std::string_view name);

} // namespace avtal
