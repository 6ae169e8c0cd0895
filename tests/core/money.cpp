// Money in öre with checked arithmetic; exact decimals and percentages.
#include <avtal/core/money.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

using avtal::Decimal;
using avtal::Money;
using avtal::Percent;

TEST_CASE("Money is whole öre and prints exactly", "[money]") {
    CHECK(Money::from_kronor(5'000'000).ore() == 500'000'000);
    CHECK(Money::parse("1250000.10")->ore() == 125'000'010);
    CHECK(Money::parse("1250000.1")->ore() == 125'000'010);
    CHECK(Money::parse("700000")->ore() == 70'000'000);
    CHECK(Money::parse("0.01")->ore() == 1);
    CHECK(Money::parse("12.500")->ore() == 1250); // trailing zeros beyond öre are harmless
    CHECK(Money::from_ore(125'000'010).to_string() == "1250000.10");
    CHECK(Money::from_ore(500'000'000).to_string() == "5000000.00");
    CHECK(Money::from_ore(500'000'000).to_json_number() == "5000000");
    CHECK(Money::from_ore(125'000'050).to_json_number() == "1250000.50");
    CHECK(Money::from_ore(-150).to_string() == "-1.50");
    CHECK(Money::from_ore(810'945'000).display(true) == "8\u00a0109\u00a0450\u00a0kr");
    CHECK(Money::from_ore(125'000'050).display(false) == "SEK 1,250,000.50");
}

TEST_CASE("Malformed amounts are rejected, not rounded", "[money]") {
    for (const char* bad : {"", "-5", "+5", "1.234", "1e6", "12.", ".5", "1,5", "abc", "5 000", "99999999999999999999"}) {
        INFO(bad);
        CHECK_FALSE(Money::parse(bad).has_value());
    }
}

TEST_CASE("Money arithmetic is exact and overflow is an error, never a wrap", "[money]") {
    const Money a = Money::from_ore(100), b = Money::from_ore(250);
    CHECK((a + b).ore() == 350);
    CHECK((a - b).ore() == -150);
    CHECK((b * 3).ore() == 750);
    CHECK(a < b);
    const Money max = Money::from_ore(std::numeric_limits<std::int64_t>::max());
    const Money min = Money::from_ore(std::numeric_limits<std::int64_t>::min());
    CHECK_THROWS_AS(max + Money::from_ore(1), avtal::MoneyOverflow);
    CHECK_THROWS_AS(min - Money::from_ore(1), avtal::MoneyOverflow);
    CHECK_THROWS_AS(max * 2, avtal::MoneyOverflow);
    CHECK_THROWS_AS(-min, avtal::MoneyOverflow);
    CHECK_THROWS_AS(Money::from_kronor(std::numeric_limits<std::int64_t>::max() / 10), avtal::MoneyOverflow);
    CHECK_FALSE(avtal::checked_add(max, Money::from_ore(1)).has_value());
    CHECK_FALSE(avtal::checked_sub(min, Money::from_ore(1)).has_value());
    CHECK_FALSE(avtal::checked_mul(max, 2).has_value());
    CHECK(avtal::checked_add(a, b)->ore() == 350);
    Money acc = max - Money::from_ore(1);
    CHECK_NOTHROW(acc += Money::from_ore(1));
    CHECK(acc == max);
    CHECK_THROWS_AS(acc += Money::from_ore(1), avtal::MoneyOverflow);
    CHECK(acc == max); // unchanged after the failed operation
}

TEST_CASE("Decimals and percentages are exact", "[money]") {
    CHECK(Decimal::parse("27.5")->units() == 27'500'000);
    CHECK(Decimal::parse("0.000001")->units() == 1);
    CHECK_FALSE(Decimal::parse("0.0000001").has_value());
    CHECK(Decimal::parse("4000")->to_string() == "4000");
    CHECK(Decimal::parse("27.50")->to_string() == "27.5");
    CHECK(*Percent::parse("19.99") < Percent::whole(20));
    CHECK_FALSE(*Percent::parse("20.0") < Percent::whole(20));
    CHECK(Percent::whole(100) == avtal::hundred_percent);
    CHECK_FALSE(Decimal::parse("-1").has_value());
}

TEST_CASE("Sums beyond int64 are narrowed only when they fit and shown exactly", "[money][overflow]") {
    using avtal::detail::i128;
    const i128 max = std::numeric_limits<std::int64_t>::max();
    CHECK(avtal::detail::narrow(max) == std::numeric_limits<std::int64_t>::max());
    CHECK_FALSE(avtal::detail::narrow(max + 1).has_value());
    CHECK(avtal::detail::narrow(-max - 1) == std::numeric_limits<std::int64_t>::min());
    CHECK_FALSE(avtal::detail::narrow(-max - 2).has_value());
    // Two of the largest amounts: exact, not -0,02 kr.
    CHECK(Money::display_ore(2 * max, true) == "184\u00a0467\u00a0440\u00a0737\u00a0095\u00a0516,14\u00a0kr");
    CHECK(Money::display_ore(2 * max, false) == "SEK 184,467,440,737,095,516.14");
    CHECK(Money::display_ore(-2 * max, false) == "SEK -184,467,440,737,095,516.14");
    CHECK(Money::display_ore(static_cast<i128>(1) << 120, false) == "SEK 13,292,279,957,849,158,729,038,070,602,803,445.76");
    CHECK(Money::display_ore(0, true) == "0\u00a0kr");
    CHECK(Money::display_ore(5, false) == "SEK 0.05");
    // The same text as Money::display for every amount Money holds.
    for (std::int64_t ore : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-150}, std::int64_t{125'000'050},
                             std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}) {
        INFO(ore);
        CHECK(Money::display_ore(ore, true) == Money::from_ore(ore).display(true));
        CHECK(Money::display_ore(ore, false) == Money::from_ore(ore).display(false));
    }
}
