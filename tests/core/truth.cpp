// Kleene's strong three-valued logic: exhaustive truth tables.
#include <avtal/core/truth.hpp>

#include <catch2/catch.hpp>

using avtal::Truth;

namespace {
constexpr Truth N = Truth::no, U = Truth::unknown, Y = Truth::yes;
constexpr Truth values[] = {N, U, Y};
// Rows and columns in the order no, unknown, yes.
constexpr Truth and_table[3][3] = {{N, N, N}, {N, U, U}, {N, U, Y}};
constexpr Truth or_table[3][3] = {{N, U, Y}, {U, U, Y}, {Y, Y, Y}};
constexpr Truth implies_table[3][3] = {{Y, Y, Y}, {U, U, Y}, {N, U, Y}};
constexpr Truth not_table[3] = {Y, U, N};
} // namespace

TEST_CASE("Kleene conjunction: every pair of values", "[truth]") {
    for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) {
            INFO(to_string(values[a]) << " && " << to_string(values[b]));
            CHECK((values[a] && values[b]) == and_table[a][b]);
        }
    STATIC_REQUIRE((N && U) == N);
    STATIC_REQUIRE((Y && U) == U);
}

TEST_CASE("Kleene disjunction: every pair of values", "[truth]") {
    for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) {
            INFO(to_string(values[a]) << " || " << to_string(values[b]));
            CHECK((values[a] || values[b]) == or_table[a][b]);
        }
    STATIC_REQUIRE((Y || U) == Y);
    STATIC_REQUIRE((N || U) == U);
}

TEST_CASE("Kleene negation and implication", "[truth]") {
    for (int a = 0; a < 3; ++a) CHECK((!values[a]) == not_table[a]);
    STATIC_REQUIRE((!U) == U);
    for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) CHECK(avtal::implies(values[a], values[b]) == implies_table[a][b]);
}

TEST_CASE("De Morgan and commutativity hold for all values", "[truth]") {
    for (Truth a : values)
        for (Truth b : values) {
            CHECK((!(a && b)) == (!a || !b));
            CHECK((!(a || b)) == (!a && !b));
            CHECK((a && b) == (b && a));
            CHECK((a || b) == (b || a));
            CHECK((!!a) == a);
        }
}

TEST_CASE("Truth names are the report's", "[truth]") {
    CHECK(to_string(Y) == "yes");
    CHECK(to_string(N) == "no");
    CHECK(to_string(U) == "unknown");
    CHECK(avtal::truth(true) == Y);
    CHECK(avtal::truth(false) == N);
}
