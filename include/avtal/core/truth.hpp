#pragma once
/// @file
/// @brief Three-valued truth (Kleene logic): yes, no, unknown.

#include <cstdint>
#include <string_view>

namespace avtal {

/// @brief The answer of a predicate: yes, no or unknown (Kleene's strong
/// three-valued logic).
///
/// Real agreements are incomplete; a fact that is not stated makes the
/// predicates that need it answer `unknown` instead of guessing.
/// The order of the enumerators is the truth order: `no < unknown < yes`,
/// so conjunction is the minimum and disjunction the maximum.
enum class Truth : std::uint8_t {
    no = 0,      ///< The predicate does not hold (nej).
    unknown = 1, ///< A fact the predicate needs is missing (okänt).
    yes = 2,     ///< The predicate holds (ja).
};

/// @brief Kleene conjunction: `no && unknown == no`, `yes && unknown == unknown`.
[[nodiscard]] constexpr Truth operator&&(Truth a, Truth b) noexcept { return a < b ? a : b; }

/// @brief Kleene disjunction: `yes || unknown == yes`, `no || unknown == unknown`.
[[nodiscard]] constexpr Truth operator||(Truth a, Truth b) noexcept { return a < b ? b : a; }

/// @brief Kleene negation: `!unknown == unknown`.
[[nodiscard]] constexpr Truth operator!(Truth a) noexcept { return static_cast<Truth>(2 - static_cast<std::uint8_t>(a)); }

/// @brief Kleene implication `a -> b`, defined as `!a || b`.
[[nodiscard]] constexpr Truth implies(Truth a, Truth b) noexcept { return !a || b; }

/// @brief Converts a two-valued `bool` to `Truth`.
[[nodiscard]] constexpr Truth truth(bool b) noexcept { return b ? Truth::yes : Truth::no; }

/// @brief The JSON and report name of a truth value: `"yes"`, `"no"` or `"unknown"`.
[[nodiscard]] constexpr std::string_view to_string(Truth t) noexcept {
    switch (t) {
    case Truth::no: return "no";
    case Truth::yes: return "yes";
    case Truth::unknown: break;
    }
    return "unknown";
}

} // namespace avtal
