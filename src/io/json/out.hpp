#pragma once
// A small streaming JSON writer: stable output (keys in the order written),
// exact numbers written from their decimal text, pretty or compact.

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <avtal/core/date.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/core/text.hpp>

namespace avtal {
struct Problem;
struct ThresholdRow;
} // namespace avtal

namespace avtal::json::detail {

void append_quoted(std::string& out, std::string_view s);

class Out;
/// Writes `"problems": [{"code", "path", "message"}, …]` of an avtal-error/1
/// object, the messages in `lang`.
void write_problems(Out& o, const std::vector<Problem>& problems, Lang lang);
/// Writes a threshold row's `valid_from`, `valid_to`, `amount` (a string),
/// `inclusive` and `source` members, as the report's receipt and the
/// portfolio report show it.
void write_row_members(Out& o, const ThresholdRow& row);

/// The first position at or after `i` of a byte of `s` that JSON must
/// escape (a control character, a quote or a backslash), or `s.size()`.
std::size_t plain_until(std::string_view s, std::size_t i) noexcept;

class Out {
  public:
    /// A writer; `reserve` bytes of output are allocated at once (a report
    /// of a typical agreement is a few KB: one allocation, no regrowth).
    explicit Out(bool pretty, std::size_t reserve = 0) : pretty_{pretty} {
        if (reserve) buf_.resize(reserve);
    }

    Out& begin_object() { return open('{'); }
    Out& end_object() { return close('}'); }
    Out& begin_array() { return open('['); }
    Out& end_array() { return close(']'); }
    /// A key written in the code (a literal of plain ASCII letters, digits,
    /// '_' and '$'): nothing to escape.
    template <std::size_t N>
    Out& key(const char (&k)[N]) {
        separate();
        // '"', the N - 1 characters, '"' and the colon in one store.
        char* p = room(N + 1 + (pretty_ ? 2 : 1));
        p[0] = '"';
        std::memcpy(p + 1, k, N - 1);
        p[N] = '"';
        p[N + 1] = ':';
        if (pretty_) p[N + 2] = ' ';
        after_key_ = true;
        return *this;
    }
    /// A key from data (a party id): escaped as needed.
    Out& key(std::string_view k) {
        separate();
        quoted(k);
        return colon();
    }
    Out& string(std::string_view s) {
        separate();
        quoted(s);
        return *this;
    }
    /// A number from its exact decimal text.
    Out& number(std::string_view text) {
        separate();
        put(text);
        return *this;
    }
    Out& boolean(bool b) {
        separate();
        put(b ? std::string_view{"true"} : std::string_view{"false"});
        return *this;
    }
    Out& null() {
        separate();
        put("null");
        return *this;
    }
    /// Hands the text written since the last flush to `sink` and forgets
    /// it, keeping the writer's place in the document: a long document
    /// goes out in pieces through one buffer. `last`: the document is
    /// complete (its final newline, as take() writes it, is added).
    template <class Sink>
    void flush(Sink&& sink, bool last = false) {
        if (last && pretty_) put('\n');
        if (len_) sink(std::string_view{buf_.data(), len_});
        len_ = 0;
    }
    [[nodiscard]] std::string take() {
        if (pretty_) put('\n');
        buf_.resize(len_);
        len_ = 0;
        return std::move(buf_);
    }

  private:
    // The output is written into buf_, whose first len_ bytes are the text
    // so far (the rest is room): plain stores, no capacity check per
    // character as std::string's push_back makes.
    char* room(std::size_t n) {
        if (buf_.size() - len_ < n) [[unlikely]]
            grow(n);
        char* p = buf_.data() + len_;
        len_ += n;
        return p;
    }
    // Out of line, so that room() is a compare and an add where it is inlined.
    void grow(std::size_t n);
    void put(char c) { *room(1) = c; }
    void put(std::string_view s) {
        if (!s.empty()) std::memcpy(room(s.size()), s.data(), s.size());
    }
    void quoted(std::string_view s) {
        std::size_t i = plain_until(s, 0);
        if (i == s.size()) {
            // Nothing to escape (nearly every string of a report): one store.
            char* p = room(s.size() + 2);
            p[0] = '"';
            if (!s.empty()) std::memcpy(p + 1, s.data(), s.size());
            p[s.size() + 1] = '"';
            return;
        }
        put('"');
        std::size_t run = 0; // start of the pending run of characters that need no escape
        for (;;) {
            put(s.substr(run, i - run));
            if (i >= s.size()) break;
            escape(static_cast<unsigned char>(s[i]));
            run = i + 1;
            i = plain_until(s, run);
        }
        put('"');
    }
    void escape(unsigned char c) {
        static constexpr char hex[] = "0123456789abcdef";
        switch (c) {
        case '"': put("\\\""); break;
        case '\\': put("\\\\"); break;
        case '\n': put("\\n"); break;
        case '\r': put("\\r"); break;
        case '\t': put("\\t"); break;
        case '\b': put("\\b"); break;
        case '\f': put("\\f"); break;
        default: {
            char* p = room(6);
            std::memcpy(p, "\\u00", 4);
            p[4] = hex[c >> 4];
            p[5] = hex[c & 0x0F];
        }
        }
    }
    void newline() {
        if (!pretty_) return;
        put('\n');
        const std::size_t n = 2 * first_.size();
        std::memset(room(n), ' ', n);
    }
    void separate() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (!first_.empty()) {
            if (first_.back() == 0) put(',');
            first_.back() = 0;
            newline();
        }
    }
    // After a key: ": " (pretty) or ":", and the value that follows needs no separator.
    Out& colon() {
        put(pretty_ ? std::string_view{": "} : std::string_view{":"});
        after_key_ = true;
        return *this;
    }
    Out& open(char c) {
        separate();
        put(c);
        first_.push_back(1);
        return *this;
    }
    Out& close(char c) {
        const bool empty = first_.back() != 0;
        first_.pop_back();
        if (!empty) newline();
        put(c);
        return *this;
    }
    std::string buf_;
    std::size_t len_ = 0;
    std::string first_; // per open container: 1 until it has a member (a string: no allocation for the first 15 levels)
    bool pretty_;
    bool after_key_ = false;
};

/// Writes the date, or null when it is unknown.
inline Out& date_or_null(Out& o, const std::optional<Date>& d) { return d ? o.string(format_date(*d)) : o.null(); }

/// Writes the enumerator's name, or null when it is unknown.
template <DescribedEnum E>
Out& enum_or_null(Out& o, const std::optional<E>& e) {
    return e ? o.string(to_string(*e)) : o.null();
}

} // namespace avtal::json::detail
