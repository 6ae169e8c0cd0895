#pragma once
// A small JSON document model for the reader, built with Boost.JSON's
// basic_parser so that numbers keep their exact text (no double rounding:
// "1250000.10" stays "1250000.10"), repeated keys are detected, and a syntax
// error is reported with the JSON path where it happened.

#include <avtal/law/check.hpp>

#include <cstddef>
#include <memory>
#include <memory_resource>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace avtal::json::detail {

struct Member;

/// A JSON value. Trivially destructible: its text and children live in the
/// arena of the `Document` that parsed it (one allocation per few KB instead
/// of one per value).
struct Node {
    enum class Kind : unsigned char { null, boolean, number, string, array, object };
    Kind kind = Kind::null;
    bool boolean = false;
    std::string_view text;                           // string value, or a number's exact text
    std::span<const Node> items;                     // array elements
    std::span<const Member> members;                 // object members, in document order
    std::span<const std::string_view> repeated_keys; // keys that occur more than once

    [[nodiscard]] const Node* find(std::string_view key) const noexcept;
};

struct Member {
    std::string_view first; // the key
    Node second;            // the value
};

inline const Node* Node::find(std::string_view key) const noexcept {
    for (const auto& m : members)
        if (m.first == key) return &m.second;
    return nullptr;
}

/// The maximum nesting depth of a document (the format needs five levels).
inline constexpr std::size_t max_depth = 32;

/// The storage of a parsed document's values.
using Arena = std::pmr::monotonic_buffer_resource;

struct ParseOutcome {
    bool ok = false;
    std::unique_ptr<Arena> arena; // made by parse(); owns `root`'s children and its texts that are not in the parsed text
    Node root;
    Problem error;            // when !ok: path where parsing stopped and why
    std::size_t consumed = 0; // bytes consumed (for JSON Lines detection)
    bool extra_data = false;  // a complete value followed by more text
};

/// Parses one JSON value from `text` (the whole text must be one value). A
/// UTF-8 byte-order mark before it is skipped; UTF-16 is refused with advice.
/// The nodes' texts may lie in `text` (a string without escapes is not
/// copied): keep `text` alive while the outcome is used.
ParseOutcome parse(std::string_view text);

/// The length of a UTF-8 byte-order mark at the start of `text` (3 or 0).
std::size_t bom_length(std::string_view text) noexcept;

/// A number as a person writes it ("1 234,50", "12 400", "2,5") and how
/// JSON writes it ("1234.50").
struct WrittenNumber {
    std::string fixed;  // the number with a decimal point and no spaces
    bool comma = false; // it had a decimal comma
    bool space = false; // it had spaces between groups of digits
};

/// `written` read as a person's number with a decimal comma or spaces
/// between its digits; none when it is no such number.
std::optional<WrittenNumber> person_number(std::string_view written);

/// The problem of a number written as a person writes it: what to write
/// instead, in English and Swedish ("Belopp skrivs med punkt som
/// decimaltecken: 1234.50 (inte 1234,50).").
/// `where_en` and `where_sv` ("line 3, column 7") are added in the brackets.
Problem number_problem(ProblemCode code, std::string path, const WrittenNumber& n, std::string_view written, bool amount,
                       std::string_view where_en = {}, std::string_view where_sv = {});

/// Escapes a key for a JSON pointer (RFC 6901).
std::string pointer_escape(std::string_view key);

/// A readable name of a node's kind.
const char* kind_name(Node::Kind k) noexcept;
/// The same in Swedish ("en sträng", "ett tal").
const char* kind_name_sv(Node::Kind k) noexcept;

} // namespace avtal::json::detail
