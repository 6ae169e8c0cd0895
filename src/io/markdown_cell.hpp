#pragma once
// Internal to the io floor: one Markdown table cell, shared by the memo
// (render.cpp) and the portfolio report (portfolio.cpp).

#include <string>
#include <string_view>

namespace avtal::detail {

/// A Markdown table cell: `|` escaped, line breaks folded to spaces.
inline std::string md_cell(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

} // namespace avtal::detail
