#pragma once
/// @file
/// @brief Calendar dates as `std::chrono::year_month_day`: parsing and
/// formatting of ISO dates (YYYY-MM-DD).

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace avtal {

/// @brief A calendar date (the `<chrono>` type; checked with `ok()`).
using Date = std::chrono::year_month_day;

/// @brief Parses an ISO date "YYYY-MM-DD"; `nullopt` if malformed or not a
/// real date (2024-02-30).
[[nodiscard]] constexpr std::optional<Date> parse_date(std::string_view s) noexcept {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int v[3] = {0, 0, 0};
    const std::size_t start[3] = {0, 5, 8};
    const std::size_t len[3] = {4, 2, 2};
    for (std::size_t f = 0; f < 3; ++f)
        for (std::size_t i = 0; i < len[f]; ++i) {
            const char c = s[start[f] + i];
            if (c < '0' || c > '9') return std::nullopt;
            v[f] = v[f] * 10 + (c - '0');
        }
    const Date d{std::chrono::year{v[0]}, std::chrono::month{static_cast<unsigned>(v[1])}, std::chrono::day{static_cast<unsigned>(v[2])}};
    if (!d.ok()) return std::nullopt;
    return d;
}

/// @brief Formats a date as "YYYY-MM-DD".
[[nodiscard]] inline std::string format_date(const Date& d) {
    const int y = static_cast<int>(d.year());
    const unsigned m = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
    if (y >= 0 && y <= 9999 && m <= 99 && day <= 99) { // every real date: ten characters without printf
        std::string s(10, '-');
        s[0] = static_cast<char>('0' + y / 1000);
        s[1] = static_cast<char>('0' + y / 100 % 10);
        s[2] = static_cast<char>('0' + y / 10 % 10);
        s[3] = static_cast<char>('0' + y % 10);
        s[5] = static_cast<char>('0' + m / 10);
        s[6] = static_cast<char>('0' + m % 10);
        s[8] = static_cast<char>('0' + day / 10);
        s[9] = static_cast<char>('0' + day % 10);
        return s;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

} // namespace avtal
