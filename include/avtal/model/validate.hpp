#pragma once
/// @file
/// @brief Validation of the model: the structural problems of an agreement
/// (bad input), each with its JSON path.

#include <avtal/model/agreement.hpp>

#include <string>
#include <vector>

namespace avtal {

/// @brief A structural problem of an agreement (bad input): its JSON path
/// and what is wrong.
struct Problem {
    std::string path;    ///< JSON pointer, e.g. `/tasks/0/contractor`.
    std::string message; ///< What is wrong, e.g. `unknown party "norrstrm"`.
    /// @brief "path: message", or just the message for a problem of the
    /// whole document (empty path).
    [[nodiscard]] std::string to_string() const { return path.empty() ? message : path + ": " + message; }
    /// @brief Equal when path and message are.
    friend bool operator==(const Problem&, const Problem&) = default;
};

/// @brief The structural problems of an agreement built in C++ or read from
/// JSON: repeated ids, references to ids that do not exist, negative
/// amounts, principal shares that do not name every principal or do not sum
/// to 100, `mandate_covers_tasks` on a party that is not a federation,
/// agreement-level compensation when the tasks have different contractors.
/// Empty when the agreement is well formed.
[[nodiscard]] std::vector<Problem> validate(const Agreement& agreement);

} // namespace avtal
