#pragma once
/// @file
/// @brief "Did you mean": the nearest of a list of known words to a word a
/// person mistyped (an option, a rule id, a JSON key, an enumeration value).

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace avtal {

/// @brief The edit distance of two strings counted in bytes: insertions,
/// deletions, substitutions and transpositions of neighbours each cost one
/// (optimal string alignment).
[[nodiscard]] inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[b.size()];
}

/// @brief The known word nearest to `word`: the one with the least edit
/// distance when that is at most a third of the word's length (at least
/// one, at most three), else the only known word that begins with `word`
/// (at least three characters); none when nothing is near.
[[nodiscard]] inline std::optional<std::string_view> nearest(std::string_view word, const std::vector<std::string_view>& known) {
    std::optional<std::string_view> best;
    std::size_t best_d = std::min<std::size_t>(3, std::max<std::size_t>(1, word.size() / 3)) + 1;
    for (std::string_view k : known) {
        const std::size_t d = edit_distance(word, k);
        if (d < best_d) {
            best_d = d;
            best = k;
        }
    }
    if (best || word.size() < 3) return best;
    for (std::string_view k : known) {
        if (k.substr(0, word.size()) != word) continue;
        if (best) return std::nullopt; // several begin with it: no single suggestion
        best = k;
    }
    return best;
}

} // namespace avtal
