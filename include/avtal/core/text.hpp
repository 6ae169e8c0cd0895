#pragma once
/// @file
/// @brief Languages and bilingual texts.

#include <string>
#include <string_view>

namespace avtal {

/// @brief The language of a report or message: Swedish (default) or English.
enum class Lang : unsigned char {
    sv, ///< Svenska (default; the language of the law and the sources).
    en, ///< English.
};

/// @brief A text in both languages of the library.
struct Text {
    std::string sv; ///< Swedish text.
    std::string en; ///< English text.

    /// @brief The text in language `lang`.
    [[nodiscard]] const std::string& in(Lang lang) const noexcept { return lang == Lang::sv ? sv : en; }
    /// @brief Texts are equal when both languages are.
    friend bool operator==(const Text&, const Text&) = default;
};

} // namespace avtal
