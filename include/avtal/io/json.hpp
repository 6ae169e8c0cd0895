#pragma once
/// @file
/// @brief avtal::json — the compiled reader and writer of the public JSON
/// formats: agreements (`avtal/1`), reports (`avtal-report/1`), threshold
/// tables and needs descriptions. Link `avtal::json`. Boost.JSON stays
/// inside the library; this header does not include it.
///
/// The reader never throws on user data and never yields a half-read
/// agreement: it returns either the agreement or every problem it found,
/// each with its JSON path.

#include <avtal/core/text.hpp>
#include <avtal/law/check.hpp>
#include <avtal/law/compensation.hpp>
#include <avtal/law/forms.hpp>
#include <avtal/law/method.hpp>
#include <avtal/law/thresholds.hpp>
#include <avtal/model/agreement.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avtal::json {

/// @brief The outcome of reading one agreement document.
struct ReadResult {
    std::optional<Agreement> agreement; ///< The agreement, when the document had no problem.
    std::vector<Problem> problems;      ///< Every problem found, with its JSON path.
    std::string input_sha256;           ///< SHA-256 (hex) of the document's bytes as read.
    std::string source;                 ///< Where the document came from ("file.json", "-", "-:3" for line 3).
    /// @brief Whether an agreement was read.
    [[nodiscard]] explicit operator bool() const noexcept { return agreement.has_value(); }
};

/// @brief Reads one agreement (`avtal/1`) from JSON text: syntax, types,
/// unknown keys, enumerations, exact amounts and dates, and every
/// structural rule of `avtal::validate()`.
[[nodiscard]] ReadResult read_agreement(std::string_view text);

/// @brief Reads one or several agreements: a single document, a JSON array
/// of documents, or JSON Lines (one document per line). `source` names the
/// input in each result.
[[nodiscard]] std::vector<ReadResult> read_batch(std::string_view text, std::string_view source);

/// @brief The JSON Schema (draft 2020-12) of the `avtal/1` agreement format,
/// pretty-printed. It is generated from the same field tables the reader
/// checks keys against; `docs/schema/avtal-1.schema.json` is this text.
/// What a schema cannot say (ids that resolve, shares that sum to 100, at
/// most two decimals in a JSON number) the reader checks.
[[nodiscard]] std::string agreement_schema();

/// @brief Writes an agreement as canonical `avtal/1` JSON (stable: the same
/// agreement always gives the same bytes; reading it back gives an equal
/// agreement, unknowns stay unknown).
[[nodiscard]] std::string write_agreement(const Agreement& agreement);

/// @brief Writes the problems of a document that could not be read as one
/// compact `avtal-error/1` object: `{"schema": "avtal-error/1",
/// "input_sha256": …, "problems": [{"code", "path", "message"}]}`, where
/// `code` is the `ProblemCode`'s name (`"unknown_key"`, …) and `message`
/// is in `lang` (English where the reader has no Swedish message).
[[nodiscard]] std::string write_error(const ReadResult& result, Lang lang = Lang::sv);

/// @brief Options of the report writers.
struct ReportOptions {
    Lang lang = Lang::sv; ///< Language of messages and explanations.
    bool all = false;     ///< List satisfied findings too (info findings are always listed).
    bool explain = false; ///< Give every finding its full explanation tree (`"explanation"`).
};

/// @brief Writes a report as `avtal-report/1` JSON, with each procurement
/// result's explanation tree and the receipt (`input_sha256` of the document).
[[nodiscard]] std::string write_report(const Report& report, const ReportOptions& options, std::string_view input_sha256 = {});

/// @brief Writes the `avtal-error/1` object that stands in a batch's output
/// in place of a document that could not be read: its `source`, its
/// `index` in the batch (from 0), its `input_sha256` (when known) and its
/// `problems` (code, path and message each, the message in `lang`), on one
/// line without a newline.
[[nodiscard]] std::string write_error(std::string_view source, std::size_t index, std::string_view input_sha256, const std::vector<Problem>& problems,
                                      Lang lang = Lang::sv);

/// @brief Writes an allocation as a JSON array of `{"party", "amount"}`
/// objects (amounts as exact decimal strings; `contractor` when the
/// agreement has several, `own_share` for a contractor's own part).
[[nodiscard]] std::string write_allocation(const Context& ctx, const std::vector<AllocationLine>& lines);

/// @brief The outcome of reading a threshold table.
struct ThresholdReadResult {
    std::optional<ThresholdTable> table; ///< The table, when it had no problem.
    std::vector<Problem> problems;       ///< Every problem found.
    bool extends_builtin = false;        ///< The file asks to extend the built-in table rather than replace it.
};

/// @brief Reads a threshold table: `{"name": "...", "extends": "builtin"?,
/// "rows": [{"parameter", "category", "valid_from", "valid_to", "amount",
/// "inclusive", "basis", "source"}]}`.
[[nodiscard]] ThresholdReadResult read_thresholds(std::string_view text, std::string_view name);

/// @brief Writes a threshold table in the format `read_thresholds` reads.
[[nodiscard]] std::string write_thresholds(const ThresholdTable& table);

/// @brief The outcome of reading a description of the need for cooperation.
struct NeedsReadResult {
    std::optional<Need> need;      ///< The need, when the document had no problem.
    std::vector<Problem> problems; ///< Every problem found.
};

/// @brief Reads a needs description (`avtal-needs/1`): an object whose keys
/// are the members of `avtal::Need` (booleans; `scope` one of single_task,
/// several_tasks, broad; `scale` one of small, medium, large); a missing or
/// null member is unknown.
[[nodiscard]] NeedsReadResult read_needs(std::string_view text);

/// @brief Writes a forms recommendation as JSON (suitable best first, then
/// unsuitable, each with its reasons and the Tabell 1 cells behind them).
[[nodiscard]] std::string write_recommendation(const Recommendation& r, Lang lang);

/// @brief Writes the method guide's progress as JSON (`avtal-guide/1`): its
/// source, the next step's code (null when every step is done) and every
/// step (1, 2A, … 4) with its code, title and status, the parts of step 2A,
/// and each checklist item with its id, text, status, where the status
/// comes from (`stated`, `check`, `none`), the rules that decided it and the
/// facts the check lacked (JSON paths into the agreement).
[[nodiscard]] std::string write_guide(const MethodProgress& progress, Lang lang);

/// @brief The SHA-256 digest of `bytes` as 64 lowercase hex digits
/// (OpenSSL libcrypto).
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

/// @brief Escapes and quotes a string for JSON output.
[[nodiscard]] std::string quote(std::string_view s);

} // namespace avtal::json
