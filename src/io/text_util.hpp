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

/// Appends `s` to `out` with each character for which `replacement` gives
/// a text replaced by that text (`replacement` returns null for a character
/// kept as it is); runs of kept characters are appended whole.
template <class Replacement>
void substitute_into(std::string& out, std::string_view s, Replacement&& replacement) {
    std::size_t run = 0; // start of the pending run of characters kept as they are
    for (std::size_t i = 0; i < s.size(); ++i)
        if (const char* r = replacement(s[i])) {
            out.append(s.data() + run, i - run);
            out += r;
            run = i + 1;
        }
    out.append(s.data() + run, s.size() - run);
}

/// `s` with each character that `replacement` maps to a text replaced by
/// that text (`replacement` returns null for a character kept as it is).
template <class Replacement>
std::string substitute(std::string_view s, Replacement&& replacement) {
    std::string out;
    out.reserve(s.size());
    substitute_into(out, s, replacement);
    return out;
}

/// Appends a Markdown table cell to `out`: `|` escaped, line breaks folded to spaces.
inline void md_cell_into(std::string& out, std::string_view s) {
    if (s.find('|') == std::string_view::npos && s.find('\n') == std::string_view::npos) { // nearly every cell: appended whole
        out += s;
        return;
    }
    substitute_into(out, s, [](char c) -> const char* { return c == '|' ? "\\|" : c == '\n' ? " " : nullptr; });
}

/// A Markdown table cell: `|` escaped, line breaks folded to spaces.
inline std::string md_cell(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    md_cell_into(out, s);
    return out;
}

/// A user's text on one line: a line break in it is shown as "␊".
inline std::string one_line(std::string_view text) {
    return substitute(text, [](char c) -> const char* { return c == '\n' ? "\u240A" : nullptr; });
}

} // namespace avtal::detail
