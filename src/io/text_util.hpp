#pragma once
// Internal to the io floor: the small text helpers that the memo and the
// text report (render.cpp) and the portfolio report (portfolio.cpp,
// portfolio_html.cpp) share. Laying text out in columns is text_layout.hpp.

#include <avtal/core/text.hpp>

#include <string>
#include <string_view>

namespace avtal::detail {

/// A fixed pair of texts, Swedish and English.
struct Words {
    const char* sv;
    const char* en;
    [[nodiscard]] std::string in(Lang l) const { return l == Lang::sv ? sv : en; }
};

/// `s` with each character for which `replacement` gives a text replaced by
/// that text (`replacement` returns null for a character kept as it is).
template <class Replacement>
std::string substitute(std::string_view s, Replacement&& replacement) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (const char* r = replacement(c))
            out += r;
        else
            out += c;
    }
    return out;
}

/// A Markdown table cell: `|` escaped, line breaks folded to spaces.
inline std::string md_cell(std::string_view s) {
    return substitute(s, [](char c) -> const char* { return c == '|' ? "\\|" : c == '\n' ? " " : nullptr; });
}

/// A user's text on one line: a line break in it is shown as "␊".
inline std::string one_line(std::string_view text) {
    return substitute(text, [](char c) -> const char* { return c == '\n' ? "\u240A" : nullptr; });
}

} // namespace avtal::detail
