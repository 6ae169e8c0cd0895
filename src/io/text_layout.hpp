#pragma once
// Internal to the io floor: laying out running text in columns, shared by
// the memo (render.cpp) and the portfolio report (portfolio.cpp).

#include <array>
#include <string>
#include <string_view>

namespace avtal::detail {

/// Columns a UTF-8 string takes: its code points (no wide characters occur
/// in the reports' Swedish and English).
inline std::size_t width_of(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

/// Whether `word` belongs on the line of the word before it: a legal
/// citation or an amount must not be split, so "10 kap.", "6 §", "3 och
/// 18 §§", "80 %" and "19 a kap." stay together (a lawyer pastes the text
/// into a memo, where "10" at the end of one line and "kap." at the start of
/// the next reads as two things). `next` is the word after `word`.
inline bool binds_to_previous(std::string_view word, std::string_view next) {
    while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ':' || word.back() == ')')) word.remove_suffix(1);
    static constexpr std::array<std::string_view, 7> tied{"kap.", "kap", "§", "§§", "%", "kr", "procent"};
    for (auto t : tied)
        if (word == t) return true;
    return word == "a" && next.substr(0, 3) == "kap";
}

/// Wraps `text` at spaces to `width` columns: the first line indented by
/// `first` spaces, the others by `rest`. A word that binds to the one before
/// it (`binds_to_previous`) never starts a line.
inline std::string wrap_words(std::string_view text, std::size_t first, std::size_t rest, std::size_t width) {
    std::string out, line;
    out.reserve(text.size() + text.size() / 8 + first + 1);
    std::size_t pad = first, pos = 0, line_width = 0; // the columns of `line`, kept as it grows
    while (pos < text.size()) {
        // One unit: a word and every word bound to it.
        std::size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        while (end < text.size()) {
            const std::size_t next_end = std::min(text.find(' ', end + 1), text.size());
            const std::size_t after_end = next_end < text.size() ? std::min(text.find(' ', next_end + 1), text.size()) : next_end;
            const std::string_view next = text.substr(end + 1, next_end - end - 1);
            const std::string_view after = next_end < text.size() ? text.substr(next_end + 1, after_end - next_end - 1) : std::string_view{};
            if (!binds_to_previous(next, after)) break;
            end = next_end;
        }
        const std::string_view unit = text.substr(pos, end - pos);
        const std::size_t unit_width = width_of(unit);
        if (!line.empty() && pad + line_width + 1 + unit_width > width) {
            out.append(pad, ' ');
            out += line;
            out += '\n';
            line.clear();
            line_width = 0;
            pad = rest;
        }
        if (!line.empty()) {
            line += ' ';
            ++line_width;
        }
        line += unit;
        line_width += unit_width;
        pos = end + 1;
    }
    if (!line.empty()) {
        out.append(pad, ' ');
        out += line;
        out += '\n';
    }
    return out;
}

} // namespace avtal::detail
