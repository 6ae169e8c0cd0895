// The reader's document model, built by Boost.JSON's basic_parser.
#include "dom.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <new>

namespace avtal::json::detail {

std::string pointer_escape(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

const char* kind_name(Node::Kind k) noexcept {
    switch (k) {
    case Node::Kind::null: return "null";
    case Node::Kind::boolean: return "a boolean";
    case Node::Kind::number: return "a number";
    case Node::Kind::string: return "a string";
    case Node::Kind::array: return "an array";
    case Node::Kind::object: break;
    }
    return "an object";
}

const char* kind_name_sv(Node::Kind k) noexcept {
    switch (k) {
    case Node::Kind::null: return "null";
    case Node::Kind::boolean: return "ett sanningsvärde (true eller false)";
    case Node::Kind::number: return "ett tal";
    case Node::Kind::string: return "en sträng";
    case Node::Kind::array: return "en lista";
    case Node::Kind::object: break;
    }
    return "ett objekt";
}

namespace {

/// The first byte offset where `s` is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Eight ASCII bytes at a time: an agreement is mostly ASCII.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0)
            len = 2, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0)
            len = 3, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0)
            len = 4, cp = c & 0x07;
        else
            return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values beyond Unicode are invalid.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

struct Handler {
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

    // Children of the open containers wait in one scratch vector and are
    // copied into the arena when their container closes.
    struct Frame {
        Node::Kind kind;
        std::string_view key; // the key under which the container will be stored (in an object)
        std::size_t start;    // index in `scratch` of its first child
    };
    explicit Handler(Arena& a) : arena{a} {
        scratch.reserve(64);
        stack.reserve(max_depth + 1);
    }
    Arena& arena;
    std::string_view input; // the parsed text: a string, key or number lying whole in it is not copied
    std::vector<Member> scratch;
    std::vector<Frame> stack;
    std::string_view key; // the pending key of the current object
    std::string buffer;   // pending string or number parts
    Node root;
    bool done = false;
    std::string_view last_key; // the key of the last value stored in an object
    bool last_number = false;  // the last value stored was a number

    std::string_view keep(std::string_view s) {
        if (s.empty()) return {};
        char* p = static_cast<char*>(arena.allocate(s.size(), 1));
        std::memcpy(p, s.data(), s.size());
        return {p, s.size()};
    }
    template <class T>
    std::span<const T> keep(const T* first, std::size_t n) {
        if (n == 0) return {};
        T* p = static_cast<T*>(arena.allocate(n * sizeof(T), alignof(T)));
        for (std::size_t i = 0; i < n; ++i) new (p + i) T(first[i]);
        return {p, n};
    }

    std::string path() const {
        // Built with append: gcc 12 warns falsely (-Wrestrict) on "/" + string.
        std::string p;
        const auto segment = [&p](const std::string& s) {
            p += '/';
            p += s;
        };
        for (std::size_t i = 1; i < stack.size(); ++i) {
            const Frame& parent = stack[i - 1];
            if (parent.kind == Node::Kind::array)
                segment(std::to_string(stack[i].start - parent.start));
            else
                segment(pointer_escape(stack[i].key));
        }
        if (!stack.empty()) {
            const Frame& top = stack.back();
            if (top.kind == Node::Kind::array)
                segment(std::to_string(scratch.size() - top.start));
            else if (!key.empty())
                segment(pointer_escape(key));
        }
        return p;
    }

    void store(const Node& n) {
        if (stack.empty()) {
            root = n;
            done = true;
            return;
        }
        scratch.push_back(Member{key, n});
        last_key = key;
        last_number = n.kind == Node::Kind::number;
        key = {};
    }
    // The handlers below return true: the parse goes on.
    bool open(Node::Kind k) {
        stack.push_back(Frame{k, key, scratch.size()});
        key = {};
        return true;
    }
    bool close() {
        const Frame f = stack.back();
        stack.pop_back();
        Node node;
        node.kind = f.kind;
        const Member* first = scratch.data() + f.start;
        const std::size_t count = scratch.size() - f.start;
        if (f.kind == Node::Kind::array) {
            Node* items = count ? static_cast<Node*>(arena.allocate(count * sizeof(Node), alignof(Node))) : nullptr;
            for (std::size_t i = 0; i < count; ++i) new (items + i) Node(first[i].second);
            node.items = {items, count};
        } else {
            // Repeated keys: the first occurrence counts, the key is reported
            // (once, in order of its first repetition). A few keys are
            // compared pairwise, many sorted: O(k log k) per object.
            constexpr std::size_t scan_limit = 16;
            std::array<char, scan_limit> dup_few{}, report_few{};
            std::vector<char> dup_many, report_many;
            if (count > scan_limit) {
                dup_many.assign(count, 0);
                report_many.assign(count, 0);
            }
            char* dup = count > scan_limit ? dup_many.data() : dup_few.data();          // a later occurrence of a key
            char* report = count > scan_limit ? report_many.data() : report_few.data(); // the first repetition of a key
            if (count <= scan_limit) {
                for (std::size_t i = 0; i < count; ++i) {
                    std::size_t earlier = 0;
                    for (std::size_t j = 0; j < i; ++j) earlier += first[j].first == first[i].first;
                    dup[i] = static_cast<char>(earlier > 0);
                    report[i] = static_cast<char>(earlier == 1);
                }
            } else {
                std::vector<std::size_t> order(count);
                for (std::size_t i = 0; i < count; ++i) order[i] = i;
                std::sort(order.begin(), order.end(),
                          [&](std::size_t x, std::size_t y) { return first[x].first != first[y].first ? first[x].first < first[y].first : x < y; });
                for (std::size_t i = 1; i < count; ++i) {
                    const bool again = first[order[i]].first == first[order[i - 1]].first;
                    dup[order[i]] = static_cast<char>(again);
                    report[order[i]] = static_cast<char>(again && (i < 2 || first[order[i - 2]].first != first[order[i]].first));
                }
            }
            std::vector<std::string_view> repeated;
            std::size_t unique = 0;
            for (std::size_t i = 0; i < count; ++i) {
                unique += dup[i] == 0;
                if (report[i]) repeated.push_back(first[i].first);
            }
            Member* members = unique ? static_cast<Member*>(arena.allocate(unique * sizeof(Member), alignof(Member))) : nullptr;
            std::size_t k = 0;
            for (std::size_t i = 0; i < count; ++i)
                if (!dup[i]) new (members + k++) Member(first[i]);
            node.members = {members, unique};
            node.repeated_keys = keep(repeated.data(), repeated.size());
        }
        scratch.resize(f.start);
        key = f.key;
        store(node);
        return true;
    }

    bool on_document_begin(boost::json::error_code&) { return true; }
    bool on_document_end(boost::json::error_code&) { return true; }
    bool on_array_begin(boost::json::error_code&) { return open(Node::Kind::array); }
    bool on_array_end(std::size_t, boost::json::error_code&) { return close(); }
    bool on_object_begin(boost::json::error_code&) { return open(Node::Kind::object); }
    bool on_object_end(std::size_t, boost::json::error_code&) { return close(); }
    /// A part of a string, key or number: kept in `buffer` until its end.
    bool part(boost::json::string_view s) {
        buffer.append(s.data(), s.size());
        return true;
    }
    bool on_string_part(boost::json::string_view s, std::size_t, boost::json::error_code&) { return part(s); }
    /// The whole text of a string, key or number whose earlier parts are in
    /// `buffer`, kept in the arena.
    std::string_view finish(boost::json::string_view last) {
        if (buffer.empty()) {
            // Boost.JSON hands over a view into the input unless the text
            // had escapes or was split (then a view into its own buffer,
            // which must be copied).
            const std::string_view v{last.data(), last.size()};
            const auto at = reinterpret_cast<std::uintptr_t>(v.data()), from = reinterpret_cast<std::uintptr_t>(input.data());
            if (at >= from && at + v.size() <= from + input.size()) return v;
            return keep(v);
        }
        buffer.append(last.data(), last.size());
        const std::string_view kept = keep(buffer);
        buffer.clear();
        return kept;
    }
    bool scalar(Node::Kind kind, boost::json::string_view last) {
        Node n;
        n.kind = kind;
        n.text = finish(last);
        store(n);
        return true;
    }
    bool on_string(boost::json::string_view s, std::size_t, boost::json::error_code&) { return scalar(Node::Kind::string, s); }
    bool on_key_part(boost::json::string_view s, std::size_t, boost::json::error_code&) { return part(s); }
    bool on_key(boost::json::string_view s, std::size_t, boost::json::error_code&) {
        key = finish(s);
        return true;
    }
    bool on_number_part(boost::json::string_view s, boost::json::error_code&) { return part(s); }
    bool number(boost::json::string_view s) { return scalar(Node::Kind::number, s); }
    bool on_int64(std::int64_t, boost::json::string_view s, boost::json::error_code&) { return number(s); }
    bool on_uint64(std::uint64_t, boost::json::string_view s, boost::json::error_code&) { return number(s); }
    bool on_double(double, boost::json::string_view s, boost::json::error_code&) { return number(s); }
    bool on_bool(bool b, boost::json::error_code&) {
        Node n;
        n.kind = Node::Kind::boolean;
        n.boolean = b;
        store(n);
        return true;
    }
    bool on_null(boost::json::error_code&) {
        store(Node{});
        return true;
    }
    bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }
};

std::string location(std::string_view text, std::size_t offset, bool sv = false) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return (sv ? "rad " : "line ") + std::to_string(line) + (sv ? ", kolumn " : ", column ") + std::to_string(col);
}

/// A problem with its English and Swedish messages.
Problem problem(ProblemCode code, std::string path, std::string en, std::string sv) {
    return Problem{code, std::move(path), std::move(en), std::move(sv)};
}

bool digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// Whether byte `i` of `t` belongs to a space people put between digits:
/// an ASCII space, a no-break space (U+00A0) or a narrow no-break space
/// (U+202F), as word processors and spreadsheets write thousands.
bool digit_space_byte(std::string_view t, std::size_t i) noexcept {
    const auto c = static_cast<unsigned char>(t[i]);
    return c == ' ' || c == 0xC2 || c == 0xA0 || c == 0xE2 || c == 0x80 || c == 0xAF;
}

/// The text of a number as a person wrote it around offset `at`: digits,
/// points, commas and spaces between digits (not across a line).
std::string_view written_number(std::string_view t, std::size_t at) {
    const auto part = [&](std::size_t i) { return digit(t[i]) || t[i] == ',' || t[i] == '.' || digit_space_byte(t, i); };
    std::size_t b = std::min(at, t.size()), e = b;
    while (b > 0 && part(b - 1)) --b;
    while (e < t.size() && part(e)) ++e;
    std::string_view w = t.substr(b, e - b);
    while (!w.empty() && !digit(w.front())) w.remove_prefix(1);
    while (!w.empty() && !digit(w.back())) w.remove_suffix(1);
    return w;
}

/// The length of a space between digits at `i` (see digit_space_byte), or 0.
std::size_t space_length(std::string_view t, std::size_t i) noexcept {
    if (t[i] == ' ') return 1;
    if (i + 1 < t.size() && t[i] == '\xC2' && t[i + 1] == '\xA0') return 2;
    if (i + 2 < t.size() && t[i] == '\xE2' && t[i + 1] == '\x80' && t[i + 2] == '\xAF') return 3;
    return 0;
}

} // namespace

std::optional<WrittenNumber> person_number(std::string_view w) {
    WrittenNumber out;
    std::size_t commas = 0, points = 0;
    for (std::size_t i = 0; i < w.size();) {
        if (digit(w[i]) || w[i] == ',' || w[i] == '.') {
            commas += w[i] == ',';
            points += w[i] == '.';
            out.fixed += w[i] == ',' ? '.' : w[i];
            ++i;
        } else if (const std::size_t k = space_length(w, i); k > 0 && i > 0 && digit(w[i - 1]) && i + k < w.size() && digit(w[i + k])) {
            out.space = true;
            i += k;
        } else {
            return std::nullopt;
        }
    }
    out.comma = commas == 1;
    if (commas + points > 1 || (!out.comma && !out.space) || out.fixed.empty() || out.fixed.front() == '.' || out.fixed.back() == '.')
        return std::nullopt;
    return out;
}

Problem number_problem(ProblemCode code, std::string path, const WrittenNumber& n, std::string_view written, bool amount, std::string_view where_en,
                       std::string_view where_sv) {
    const std::string w{written};
    std::string en = amount ? "amounts " : "numbers ";
    std::string sv = amount ? "Belopp skrivs " : "Tal skrivs ";
    if (n.comma && n.space) {
        en += "are written without spaces and with a point as decimal separator: ";
        sv += "utan mellanslag och med punkt som decimaltecken: ";
    } else if (n.comma) {
        en += "use a point as decimal separator: ";
        sv += "med punkt som decimaltecken: ";
    } else {
        en += "are written without spaces between the digits: ";
        sv += "utan mellanslag mellan siffrorna: ";
    }
    const std::string at_en = where_en.empty() ? "" : ", at " + std::string{where_en};
    const std::string at_sv = where_sv.empty() ? "" : ", på " + std::string{where_sv};
    return problem(code, std::move(path), en + n.fixed + " (not " + w + ")" + at_en, sv + n.fixed + " (inte " + w + ")" + at_sv + ".");
}

std::size_t bom_length(std::string_view text) noexcept { return text.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

ParseOutcome parse(std::string_view text) {
    ParseOutcome out;
    // UTF-16, as Windows PowerShell's > and Out-File write text: with its
    // byte-order mark, or ASCII with a zero byte beside every character.
    if (text.size() >= 2 && (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") || (text[0] == '\0') != (text[1] == '\0'))) {
        out.error = problem(ProblemCode::syntax, "", "the file is encoded as UTF-16 (as Windows PowerShell's > writes it): save it as UTF-8",
                            "Filen är kodad som UTF-16, vilket till exempel Windows PowerShells > ger. Spara filen som UTF-8.");
        return out;
    }
    // A UTF-8 byte-order mark (as Notepad writes it) is skipped.
    const std::size_t bom = bom_length(text);
    text.remove_prefix(bom);
    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos) {
        const std::string at = std::to_string(bad + bom);
        out.error = problem(ProblemCode::syntax, "", "invalid UTF-8 at byte " + at + " (" + location(text, bad) + "): save the file as UTF-8",
                            "Ogiltig UTF-8 vid byte " + at + " (" + location(text, bad, true) + "). Spara filen som UTF-8.");
        return out;
    }
    boost::json::parse_options opts;
    opts.max_depth = max_depth;
    // The whole text was found valid UTF-8 above: the parser need not check
    // every string again.
    opts.allow_invalid_utf8 = true;
    // The nodes of a small document in the first block of the arena (about
    // 6 bytes of nodes per byte of text); a large one grows it.
    out.arena = std::make_unique<Arena>(std::clamp<std::size_t>(6 * text.size(), 4096, std::size_t{1} << 20));
    boost::json::basic_parser<Handler> parser{opts, *out.arena};
    parser.handler().input = text;
    boost::json::error_code ec;
    const std::size_t n = parser.write_some(false, text.data(), text.size(), ec);
    out.consumed = n + bom;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.error = problem(ProblemCode::empty_document, "", "empty document", "Dokumentet är tomt.");
        return out;
    }
    if (ec) {
        Handler& h = parser.handler();
        std::string what, what_sv;
        ProblemCode code = ProblemCode::syntax;
        std::string path = h.done ? std::string{} : h.path();
        // The path of the value stored last (in the innermost open container).
        const auto last_value_path = [&] {
            const Handler::Frame& top = h.stack.back();
            return path + "/" + (top.kind == Node::Kind::array ? std::to_string(h.scratch.size() - top.start - 1) : pointer_escape(h.last_key));
        };
        // "1234,5" or "1 234 500" where a number belongs: the parser took
        // 1234 (or 1) as the value and stopped at the next digit.
        const bool after_number = n > 1 && n < text.size() && h.last_number && !h.stack.empty();
        const bool comma_then_digit =
            after_number && digit(text[n]) && text[n - 1] == ',' && digit(text[n - 2]) && h.stack.back().kind == Node::Kind::object;
        const bool space_then_digit =
            after_number &&
            ((digit(text[n]) && text[n - 1] == ' ' && digit(text[n - 2])) ||
             (space_length(text, n) > 1 && digit(text[n - 1]) && n + space_length(text, n) < text.size() && digit(text[n + space_length(text, n)])));
        if (ec == boost::json::error::too_deep) {
            code = ProblemCode::too_large;
            what = "nesting too deep (more than " + std::to_string(max_depth) + " levels)";
            what_sv = "Dokumentet är nästlat i fler än " + std::to_string(max_depth) + " nivåer";
        } else if (ec == boost::json::error::incomplete) {
            what = "incomplete JSON document: it ends before the value is complete";
            what_sv = "JSON-dokumentet är ofullständigt: det tar slut innan värdet är avslutat";
            path.clear();
        } else if (ec == boost::json::error::illegal_leading_surrogate || ec == boost::json::error::illegal_trailing_surrogate ||
                   ec == boost::json::error::expected_utf16_escape ||
                   // Boost.JSON stops after "\uD8xx" when no low surrogate follows.
                   (n >= 6 && text[n - 6] == '\\' && text[n - 5] == 'u' && (text[n - 4] == 'd' || text[n - 4] == 'D') &&
                    std::string_view{"89abAB"}.find(text[n - 3]) != std::string_view::npos)) {
            what = "invalid \\u escape: unpaired UTF-16 surrogate";
            what_sv = "Ogiltig \\u-sekvens: ett UTF-16-surrogat utan sin andra halva";
        } else if (ec == boost::json::error::expected_hex_digit) {
            what = "invalid \\u escape: expected four hex digits";
            what_sv = "Ogiltig \\u-sekvens: efter \\u ska det stå fyra hexadecimala siffror";
        } else if (comma_then_digit || space_then_digit) {
            const std::string_view written = written_number(text, n);
            if (const auto fixed = person_number(written)) {
                out.error =
                    number_problem(ProblemCode::syntax, last_value_path(), *fixed, written, false, location(text, n), location(text, n, true));
                return out;
            }
            const auto c = static_cast<unsigned char>(text[n]);
            what = c >= 0x20 && c < 0x7F ? std::string{"JSON syntax error at '"} + static_cast<char>(c) + "'" : std::string{"JSON syntax error"};
            what_sv = c >= 0x20 && c < 0x7F ? std::string{"JSON-syntaxfel vid '"} + static_cast<char>(c) + "'" : std::string{"JSON-syntaxfel"};
        } else if (n > 0 && n < text.size() && text[n - 1] == '0' && text[n] >= '0' && text[n] <= '9' && h.last_number && !h.stack.empty()) {
            // "05000000": the parser took the 0 as the value and stopped at
            // the next digit. The problem is that value's, at its own path.
            path = last_value_path();
            what = "number with a leading zero (write 5000000, not 05000000)";
            what_sv = "Tal skrivs utan inledande nollor (5000000, inte 05000000)";
        } else if (n < text.size()) {
            const auto c = static_cast<unsigned char>(text[n]);
            what = c >= 0x20 && c < 0x7F ? std::string{"JSON syntax error at '"} + static_cast<char>(c) + "'" : std::string{"JSON syntax error"};
            what_sv = c >= 0x20 && c < 0x7F ? std::string{"JSON-syntaxfel vid '"} + static_cast<char>(c) + "'" : std::string{"JSON-syntaxfel"};
        } else {
            what = "JSON syntax error at the end of the document";
            what_sv = "JSON-syntaxfel i slutet av dokumentet";
            path.clear();
        }
        out.error = problem(code, path, what + " (" + location(text, n) + ")", what_sv + " (" + location(text, n, true) + ").");
        return out;
    }
    // write_some stops after one complete value: anything but whitespace
    // after it is extra data (and, in a batch, the sign of JSON Lines).
    if (parser.done()) {
        const std::size_t extra = text.find_first_not_of(" \t\r\n", n);
        if (extra != std::string_view::npos) {
            out.extra_data = true;
            out.error = problem(ProblemCode::syntax, "", "unexpected text after the JSON value (" + location(text, extra) + ")",
                                "Det finns text efter JSON-värdet (" + location(text, extra, true) + ").");
            return out;
        }
    }
    if (!parser.done()) {
        out.error = problem(ProblemCode::syntax, "", "incomplete JSON document: it ends before the value is complete (" + location(text, n) + ")",
                            "JSON-dokumentet är ofullständigt: det tar slut innan värdet är avslutat (" + location(text, n, true) + ").");
        return out;
    }
    out.ok = true;
    out.root = parser.handler().root;
    return out;
}

} // namespace avtal::json::detail
