#pragma once
/// @file
/// @brief Validation of the model: the structural problems of an agreement
/// (bad input), each with a stable code and its JSON path.

#include <avtal/core/enum.hpp>
#include <avtal/core/text.hpp>
#include <avtal/model/agreement.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace avtal {

/// @brief What kind of problem a document or an agreement has: a stable
/// code that programs match on (the message is for people and may be
/// reworded). Crosses JSON as its snake_case name (`"code": "unknown_key"`).
enum class ProblemCode : std::uint8_t {
    syntax,             ///< Not JSON: a syntax error, invalid UTF-8, an incomplete document or text after it.
    empty_document,     ///< Nothing but white space.
    too_large,          ///< Beyond a limit of the reader (nesting depth, size).
    unsupported_schema, ///< A `schema` other than the one the reader reads.
    unknown_key,        ///< A key the format does not have.
    repeated_key,       ///< A key given twice in one object.
    missing_value,      ///< A value that must be given is absent, null or empty (an id, a share, a row's source).
    wrong_type,         ///< A value of the wrong JSON type (a string where a boolean belongs).
    bad_enum,           ///< A string that is none of the allowed names.
    bad_amount,         ///< Not an amount of kronor (more than two decimals, an exponent, a comma).
    bad_number,         ///< Not a number of the required form (a fraction where a whole number belongs, more than six decimals, an exponent).
    bad_date,           ///< Not an existing date YYYY-MM-DD.
    out_of_range,       ///< A number outside its range (negative, over 100 %, too large).
    dangling_reference, ///< An id that names no party or task of the agreement.
    repeated_id,        ///< Two parties or two tasks with the same id.
    repeated_reference, ///< The same party named twice in one list or map.
    bad_shares,         ///< Principal shares that do not name exactly the principals or do not sum to 100.
    not_allowed_here, ///< A fact stated where it cannot apply (a mandate on a party that is no federation, agreement-level compensation with several
                      ///< contractors).
    contradiction, ///< Facts that contradict each other (compensation both for the agreement and a task; delegations listed while `delegation.used`
                   ///< is false).
};
BOOST_DESCRIBE_ENUM(ProblemCode, syntax, empty_document, too_large, unsupported_schema, unknown_key, repeated_key, missing_value, wrong_type,
                    bad_enum, bad_amount, bad_number, bad_date, out_of_range, dangling_reference, repeated_id, repeated_reference, bad_shares,
                    not_allowed_here, contradiction)

/// @brief A structural problem of an agreement (bad input): its code, its
/// JSON path and what is wrong.
struct Problem {
    ProblemCode code = ProblemCode::syntax; ///< What kind of problem (stable; match on this, not on the message).
    std::string path;                       ///< JSON pointer, e.g. `/tasks/0/contractor`.
    std::string message;                    ///< What is wrong, in English, e.g. `unknown party "norrstrm"`.
    std::string message_sv;                 ///< The same in Swedish, when the reader has it (else empty: `in()` gives the English).
    /// @brief The message in `lang` (the English one when there is no Swedish).
    [[nodiscard]] const std::string& in(Lang lang) const noexcept { return lang == Lang::sv && !message_sv.empty() ? message_sv : message; }
    /// @brief "path: message", or just the message for a problem of the
    /// whole document (empty path).
    [[nodiscard]] std::string to_string() const { return path.empty() ? message : path + ": " + message; }
    /// @brief "path: message" with the message in `lang`.
    [[nodiscard]] std::string to_string(Lang lang) const { return path.empty() ? in(lang) : path + ": " + in(lang); }
    /// @brief Equal when code, path and message are.
    friend bool operator==(const Problem&, const Problem&) = default;
};

/// @brief What `validate()` checks; by default everything.
struct ValidateOptions {
    bool party_references = true; ///< Report ids that name no party (a reader that could not read every party id turns this off).
    bool task_references = true;  ///< Report ids that name no task.
};

/// @brief The structural problems of an agreement built in C++ or read from
/// JSON: repeated ids, references to ids that do not exist, negative
/// amounts, principal shares that do not name every principal or do not sum
/// to 100, `mandate_covers_tasks` on a party that is not a federation,
/// agreement-level compensation when the tasks have different contractors.
/// Empty when the agreement is well formed.
[[nodiscard]] std::vector<Problem> validate(const Agreement& agreement, const ValidateOptions& options = {});

} // namespace avtal
