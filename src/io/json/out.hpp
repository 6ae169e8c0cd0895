#pragma once
// A small streaming JSON writer: stable output (keys in the order written),
// exact numbers written from their decimal text, pretty or compact.

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

class Out {
  public:
    /// A writer; `reserve` bytes of output are allocated at once (a report
    /// of a typical agreement is a few KB: one allocation, no regrowth).
    explicit Out(bool pretty, std::size_t reserve = 0) : pretty_{pretty} {
        if (reserve) out_.reserve(reserve);
    }

    Out& begin_object() { return open('{'); }
    Out& end_object() { return close('}'); }
    Out& begin_array() { return open('['); }
    Out& end_array() { return close(']'); }
    Out& key(std::string_view k) {
        separate();
        append_quoted(out_, k);
        if (pretty_)
            out_.append(": ", 2);
        else
            out_ += ':';
        after_key_ = true;
        return *this;
    }
    Out& string(std::string_view s) {
        separate();
        append_quoted(out_, s);
        return *this;
    }
    /// A number from its exact decimal text.
    Out& number(std::string_view text) {
        separate();
        out_ += text;
        return *this;
    }
    Out& boolean(bool b) {
        separate();
        if (b)
            out_.append("true", 4);
        else
            out_.append("false", 5);
        return *this;
    }
    Out& null() {
        separate();
        out_.append("null", 4);
        return *this;
    }
    [[nodiscard]] std::string take() {
        if (pretty_) out_ += '\n';
        return std::move(out_);
    }

  private:
    void newline() {
        if (!pretty_) return;
        out_ += '\n';
        out_.append(2 * first_.size(), ' ');
    }
    void separate() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (!first_.empty()) {
            if (first_.back() == 0) out_ += ',';
            first_.back() = 0;
            newline();
        }
    }
    Out& open(char c) {
        separate();
        out_ += c;
        first_.push_back(1);
        return *this;
    }
    Out& close(char c) {
        const bool empty = first_.back() != 0;
        first_.pop_back();
        if (!empty) newline();
        out_ += c;
        return *this;
    }
    std::string out_;
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
