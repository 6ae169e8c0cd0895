#pragma once
/// @file
/// @brief Exact money (integer öre) and exact decimals (weights, percentages).
///
/// No floating point is used anywhere for amounts, shares or weights: an
/// amount is a whole number of öre, a decimal a whole number of millionths.

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace avtal {

namespace detail {
/// Signed 128-bit integer for overflow-free intermediate products.
__extension__ using i128 = __int128;
/// Unsigned 128-bit integer (the magnitude of an `i128`).
__extension__ using u128 = unsigned __int128;

/// The largest amount in öre, as an `i128`: every exact sum of amounts that
/// the library reports must be at most this (larger ones are bad input).
inline constexpr i128 max_ore = std::numeric_limits<std::int64_t>::max();

/// `v` as int64 when it fits, else `nullopt`: the one checked narrowing of
/// a 128-bit intermediate.
[[nodiscard]] constexpr std::optional<std::int64_t> narrow(i128 v) noexcept {
    if (v > max_ore || v < -max_ore - 1) return std::nullopt;
    return static_cast<std::int64_t>(v);
}

/// Parses an unsigned decimal number with at most `max_decimals` decimals
/// into units of 10^-max_decimals; rejects signs, exponents and overflow.
constexpr std::optional<std::int64_t> parse_fixed(std::string_view s, int max_decimals) noexcept {
    if (s.empty()) return std::nullopt;
    std::int64_t value = 0;
    int decimals = -1; // -1: before the point
    bool digit_seen = false;
    for (char c : s) {
        if (c == '.') {
            if (decimals >= 0 || !digit_seen) return std::nullopt;
            decimals = 0;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        if (decimals >= 0 && ++decimals > max_decimals) {
            if (c != '0') return std::nullopt; // trailing zeros beyond the scale are harmless
            --decimals;
            continue;
        }
        digit_seen = true;
        if (value > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (!digit_seen || decimals == 0) return std::nullopt; // "12." is not a number
    for (int d = decimals < 0 ? 0 : decimals; d < max_decimals; ++d) {
        if (value > std::numeric_limits<std::int64_t>::max() / 10) return std::nullopt;
        value *= 10;
    }
    return value;
}

/// Formats `units` (a fixed-point number with `decimals` decimals) with a
/// '.' decimal point, always showing `min_decimals` decimals and trimming
/// trailing zeros beyond them.
inline std::string format_fixed(std::int64_t units, int decimals, int min_decimals) {
    const bool negative = units < 0;
    // work in unsigned to print INT64_MIN correctly
    std::uint64_t u = negative ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    std::uint64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    std::string out = std::to_string(u / scale);
    std::string frac = std::to_string(u % scale);
    frac.insert(0, static_cast<std::size_t>(decimals) - frac.size(), '0');
    while (static_cast<int>(frac.size()) > min_decimals && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) out += '.' + frac;
    if (negative) out.insert(0, 1, '-');
    return out;
}

/// The decimal digits of `v` (any 128-bit value, with a leading '-').
inline std::string i128_to_string(i128 v) {
    u128 u = v < 0 ? u128{0} - static_cast<u128>(v) : static_cast<u128>(v);
    std::string out;
    do {
        out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
        u /= 10;
    } while (u != 0);
    if (v < 0) out.insert(out.begin(), '-');
    return out;
}

/// Kronor as written in an agreement for any 128-bit number of öre: no
/// decimals when whole, else two ("5000000", "-1250000.50").
inline std::string ore_json_number(i128 ore) {
    const u128 u = ore < 0 ? u128{0} - static_cast<u128>(ore) : static_cast<u128>(ore);
    std::string out = i128_to_string(static_cast<i128>(u / 100));
    if (const auto frac = static_cast<int>(u % 100); frac != 0) {
        out += '.';
        out += static_cast<char>('0' + frac / 10);
        out += static_cast<char>('0' + frac % 10);
    }
    if (ore < 0) out.insert(out.begin(), '-');
    return out;
}

/// Groups the integer digits of a plain decimal string in threes with
/// `sep` (Swedish style: "5 000 000,50" with `point` = ','), appended to `out`.
inline void append_grouped(std::string& out, std::string_view plain, std::string_view sep, char point) {
    const std::size_t dot = plain.find('.');
    std::string_view whole = plain.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : plain.substr(dot + 1);
    if (!whole.empty() && whole[0] == '-') {
        out += '-';
        whole.remove_prefix(1);
    }
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i != 0 && (whole.size() - i) % 3 == 0) out += sep;
        out += whole[i];
    }
    if (!frac.empty()) {
        out += point;
        out += frac;
    }
}
/// `plain` with its integer digits grouped, as a new string.
inline std::string group_digits(std::string_view plain, std::string_view sep, char point) {
    std::string out;
    out.reserve(plain.size() + plain.size() / 3 * sep.size() + 1);
    append_grouped(out, plain, sep, point);
    return out;
}
} // namespace detail

/// @brief Thrown by `Money`'s arithmetic operators when a result does not
/// fit in 64 bits. Never wraps. Library code that handles user data uses
/// the non-throwing `checked_*` functions or 128-bit intermediates instead.
class MoneyOverflow : public std::overflow_error {
  public:
    /// @brief Creates the error for operation `what`.
    explicit MoneyOverflow(const char* what) : std::overflow_error(what) {}
};

/// @brief An amount in Swedish kronor, held exactly as a whole number of öre
/// (int64). Arithmetic is overflow-checked.
///
/// Invariant: none beyond the range of int64; amounts in agreements are
/// never negative, but differences (surplus, deficit) may be.
class Money {
  public:
    /// @brief Zero kronor.
    constexpr Money() noexcept = default;

    /// @brief An amount of `ore` öre (1 kr = 100 öre).
    [[nodiscard]] static constexpr Money from_ore(std::int64_t ore) noexcept { return Money{ore}; }

    /// @brief An amount of whole kronor; throws `MoneyOverflow` if it does not fit.
    [[nodiscard]] static constexpr Money from_kronor(std::int64_t kronor) {
        std::int64_t ore = 0;
        if (__builtin_mul_overflow(kronor, std::int64_t{100}, &ore)) throw MoneyOverflow("Money::from_kronor");
        return Money{ore};
    }

    /// @brief Parses a non-negative amount in kronor with at most two
    /// decimals ("1250000.50", "700000"); `nullopt` if malformed or too large.
    [[nodiscard]] static constexpr std::optional<Money> parse(std::string_view kronor) noexcept {
        auto units = detail::parse_fixed(kronor, 2);
        if (!units) return std::nullopt;
        return Money{*units};
    }

    /// @brief The amount in öre.
    [[nodiscard]] constexpr std::int64_t ore() const noexcept { return ore_; }

    /// @brief Sum; throws `MoneyOverflow` instead of wrapping.
    [[nodiscard]] constexpr Money operator+(Money o) const {
        std::int64_t r = 0;
        if (__builtin_add_overflow(ore_, o.ore_, &r)) throw MoneyOverflow("Money::operator+");
        return Money{r};
    }
    /// @brief Difference; throws `MoneyOverflow` instead of wrapping.
    [[nodiscard]] constexpr Money operator-(Money o) const {
        std::int64_t r = 0;
        if (__builtin_sub_overflow(ore_, o.ore_, &r)) throw MoneyOverflow("Money::operator-");
        return Money{r};
    }
    /// @brief Negation; throws `MoneyOverflow` for the most negative amount.
    [[nodiscard]] constexpr Money operator-() const { return Money{} - *this; }
    /// @brief Multiplication by a whole number; throws `MoneyOverflow` instead of wrapping.
    [[nodiscard]] constexpr Money operator*(std::int64_t k) const {
        std::int64_t r = 0;
        if (__builtin_mul_overflow(ore_, k, &r)) throw MoneyOverflow("Money::operator*");
        return Money{r};
    }
    /// @brief Adds in place; throws `MoneyOverflow` instead of wrapping.
    constexpr Money& operator+=(Money o) { return *this = *this + o; }
    /// @brief Subtracts in place; throws `MoneyOverflow` instead of wrapping.
    constexpr Money& operator-=(Money o) { return *this = *this - o; }

    /// @brief Amounts compare by their value in öre.
    constexpr auto
    operator<=>(const Money&) const noexcept = default; // NOLINT(modernize-use-nullptr): clang-tidy 14 false positive on a defaulted <=>

    /// @brief Plain decimal kronor with two decimals, as in reports: "5000000.00".
    [[nodiscard]] std::string to_string() const { return detail::format_fixed(ore_, 2, 2); }

    /// @brief Kronor as written in an agreement: no decimals when whole
    /// ("5000000"), else two ("1250000.50").
    [[nodiscard]] std::string to_json_number() const { return detail::format_fixed(ore_, 2, ore_ % 100 == 0 ? 0 : 2); }

    /// @brief Human-readable kronor with grouped digits: Swedish "5 000 000 kr",
    /// "1 250 000,50 kr"; English "SEK 5,000,000", "SEK 1,250,000.50".
    [[nodiscard]] std::string display(bool swedish) const { return display_ore(ore_, swedish); }

    /// @brief Like `display()`, for any 128-bit number of öre: sums and
    /// differences of amounts are shown exactly, never narrowed.
    [[nodiscard]] static std::string display_ore(detail::i128 ore, bool swedish) {
        const std::string plain = detail::ore_json_number(ore);
        std::string out;
        out.reserve(plain.size() * 2 + 8);
        if (swedish) {
            detail::append_grouped(out, plain, "\u00a0", ',');
            out += "\u00a0kr";
        } else {
            out += "SEK ";
            detail::append_grouped(out, plain, ",", '.');
        }
        return out;
    }

  private:
    constexpr explicit Money(std::int64_t ore) noexcept : ore_{ore} {}
    std::int64_t ore_ = 0;
};

/// @brief Non-throwing sum: `nullopt` on overflow.
[[nodiscard]] constexpr std::optional<Money> checked_add(Money a, Money b) noexcept {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a.ore(), b.ore(), &r)) return std::nullopt;
    return Money::from_ore(r);
}

/// @brief Non-throwing difference: `nullopt` on overflow.
[[nodiscard]] constexpr std::optional<Money> checked_sub(Money a, Money b) noexcept {
    std::int64_t r = 0;
    if (__builtin_sub_overflow(a.ore(), b.ore(), &r)) return std::nullopt;
    return Money::from_ore(r);
}

/// @brief Non-throwing product with a whole number: `nullopt` on overflow.
[[nodiscard]] constexpr std::optional<Money> checked_mul(Money a, std::int64_t k) noexcept {
    std::int64_t r = 0;
    if (__builtin_mul_overflow(a.ore(), k, &r)) return std::nullopt;
    return Money::from_ore(r);
}

/// @brief An exact non-negative decimal with up to six decimals (weights,
/// populations as weights, usage counts), held as an integer number of
/// millionths. Never a floating-point value.
class Decimal {
  public:
    /// @brief The number of units in 1 (10^6).
    static constexpr std::int64_t scale = 1'000'000;

    /// @brief Zero.
    constexpr Decimal() noexcept = default;
    /// @brief A whole number; throws `std::overflow_error` if too large.
    [[nodiscard]] static constexpr Decimal whole(std::int64_t n) {
        std::int64_t u = 0;
        if (__builtin_mul_overflow(n, scale, &u)) throw std::overflow_error("Decimal::whole");
        return Decimal{u};
    }
    /// @brief A value of `units` millionths.
    [[nodiscard]] static constexpr Decimal from_units(std::int64_t units) noexcept { return Decimal{units}; }
    /// @brief Parses "27.5", "4000", "0.333333"; `nullopt` for signs,
    /// exponents, more than six significant decimals or overflow.
    [[nodiscard]] static constexpr std::optional<Decimal> parse(std::string_view s) noexcept {
        auto u = detail::parse_fixed(s, 6);
        if (!u) return std::nullopt;
        return Decimal{*u};
    }
    /// @brief The value in millionths.
    [[nodiscard]] constexpr std::int64_t units() const noexcept { return units_; }
    /// @brief Decimals compare by value.
    constexpr auto operator<=>(const Decimal&) const noexcept = default; // NOLINT(modernize-use-nullptr): clang-tidy 14 on a defaulted <=>
    /// @brief Shortest exact decimal text: "27.5", "4000".
    [[nodiscard]] std::string to_string() const { return detail::format_fixed(units_, 6, 0); }

  private:
    constexpr explicit Decimal(std::int64_t u) noexcept : units_{u} {}
    std::int64_t units_ = 0;
};

/// @brief An exact percentage (0–100 and beyond for inputs that are then
/// rejected), e.g. an open-market share of 19.99 % or a principal's share
/// of a task's value. Held as a `Decimal` number of percent.
class Percent {
  public:
    /// @brief 0 %.
    constexpr Percent() noexcept = default;
    /// @brief Wraps an exact decimal number of percent.
    constexpr explicit Percent(Decimal value) noexcept : value_{value} {}
    /// @brief A whole number of percent.
    [[nodiscard]] static constexpr Percent whole(std::int64_t p) { return Percent{Decimal::whole(p)}; }
    /// @brief Parses "19.99" as 19.99 %; `nullopt` if malformed.
    [[nodiscard]] static constexpr std::optional<Percent> parse(std::string_view s) noexcept {
        auto d = Decimal::parse(s);
        if (!d) return std::nullopt;
        return Percent{*d};
    }
    /// @brief The number of percent as an exact decimal.
    [[nodiscard]] constexpr Decimal value() const noexcept { return value_; }
    /// @brief Millionths of a percent (100 % = 10^8).
    [[nodiscard]] constexpr std::int64_t units() const noexcept { return value_.units(); }
    /// @brief Percentages compare by value.
    constexpr auto operator<=>(const Percent&) const noexcept = default; // NOLINT(modernize-use-nullptr): clang-tidy 14 on a defaulted <=>
    /// @brief Shortest exact text without the sign: "19.99".
    [[nodiscard]] std::string to_string() const { return value_.to_string(); }

  private:
    Decimal value_{};
};

/// @brief 100 % as a `Percent`.
inline constexpr Percent hundred_percent{Decimal::from_units(100 * Decimal::scale)};

} // namespace avtal
