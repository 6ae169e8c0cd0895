// The writer of avtal/1 agreements and threshold tables: canonical, stable
// output that reads back to an equal model (unknowns are written as null).
#include "out.hpp"

#include <avtal/core/date.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/io/json.hpp>

#include <bit>
#include <concepts>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace avtal::json {

namespace detail {

void write_problems(Out& o, const std::vector<Problem>& problems, Lang lang) {
    o.key("problems").begin_array();
    for (const Problem& p : problems) {
        o.begin_object();
        o.key("code").string(to_string(p.code));
        o.key("path").string(p.path);
        o.key("message").string(p.in(lang));
        o.end_object();
    }
    o.end_array();
}

void Out::grow(std::size_t n) { buf_.resize(std::max(2 * buf_.size(), len_ + n + 256)); }

std::size_t plain_until(std::string_view s, std::size_t i) noexcept {
#if defined(__SSE2__)
    // Sixteen bytes at a time: report strings are mostly plain text.
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
    // Bit k set: byte k of the sixteen at `p` is a quote, a backslash or <= 0x1F.
    const auto bad = [&](const char* p) {
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(w, quote), _mm_cmpeq_epi8(w, backslash));
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(special, _mm_cmpeq_epi8(_mm_max_epu8(w, control), control))));
    };
    while (i + 16 <= s.size()) {
        if (const unsigned mask = bad(s.data() + i)) return i + static_cast<std::size_t>(std::countr_zero(mask));
        i += 16;
    }
    // The last 1–15 bytes: the sixteen that end the string, less those
    // already looked at (a byte at a time cost more than all the blocks).
    if (i < s.size() && s.size() >= 16) {
        const std::size_t last = s.size() - 16;
        const unsigned mask = bad(s.data() + last) & (~0U << (i - last));
        return mask ? last + static_cast<std::size_t>(std::countr_zero(mask)) : s.size();
    }
#else
    // Eight bytes at a time.
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    while (i + 8 <= s.size()) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        const std::uint64_t control = (w - ones * 0x20) & ~w & highs; // some byte < 0x20
        if (control | zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\'))) break;
        i += 8;
    }
#endif
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == '"' || c == '\\') break;
        ++i;
    }
    return i;
}

void append_quoted(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out.reserve(out.size() + s.size() + 2);
    out += '"';
    std::size_t run = 0; // start of the pending run of characters that need no escape
    for (;;) {
        const std::size_t i = plain_until(s, run);
        out.append(s.data() + run, i - run);
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        run = i + 1;
        switch (c) {
        case '"': out.append("\\\"", 2); break;
        case '\\': out.append("\\\\", 2); break;
        case '\n': out.append("\\n", 2); break;
        case '\r': out.append("\\r", 2); break;
        case '\t': out.append("\\t", 2); break;
        case '\b': out.append("\\b", 2); break;
        case '\f': out.append("\\f", 2); break;
        default:
            out.append("\\u00", 4);
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    out += '"';
}

} // namespace detail

std::string quote(std::string_view s) {
    std::string out;
    detail::append_quoted(out, s);
    return out;
}

namespace {

using detail::Out;

// How a stated value of the model is written: amounts, percentages and
// counts as JSON numbers, enumerators, ids and text as strings.
void put(Out& o, bool b) { o.boolean(b); }
void put(Out& o, const Money& m) { o.number(m.to_json_number()); }
void put(Out& o, const Percent& p) { o.number(p.to_string()); }
void put(Out& o, const std::string& s) { o.string(s); }
template <std::integral I>
requires(!std::same_as<I, bool>) void put(Out& o, I n) { o.number(std::to_string(n)); }
template <DescribedEnum E>
void put(Out& o, E e) {
    o.string(to_string(e));
}
void put(Out& o, const std::vector<Id>& ids) {
    o.begin_array();
    for (const auto& id : ids) o.string(id);
    o.end_array();
}

/// `k` and its value, or null when the value is not stated.
template <class T>
void opt(Out& o, std::string_view k, const std::optional<T>& v) {
    o.key(k);
    if (v)
        put(o, *v);
    else
        o.null();
}

void write_compensation(Out& o, const Compensation& c) {
    o.begin_object();
    opt(o, "money_per_year", c.money_per_year);
    opt(o, "in_kind_value_per_year", c.in_kind_value_per_year);
    o.key("cost_per_year");
    if (!c.cost_per_year) {
        o.null();
    } else {
        o.begin_object();
        opt(o, "staff", c.cost_per_year->staff);
        opt(o, "premises", c.cost_per_year->premises);
        opt(o, "overhead", c.cost_per_year->overhead);
        opt(o, "capital", c.cost_per_year->capital);
        opt(o, "other", c.cost_per_year->other);
        o.end_object();
    }
    o.key("contractor_bears_share").boolean(c.contractor_bears_share);
    o.key("tolerance");
    if (c.tolerance.kind == Tolerance::Kind::percent)
        o.begin_object().key("percent").number(c.tolerance.percent.to_string()).end_object();
    else
        o.number(c.tolerance.amount.to_json_number());
    o.key("allocation");
    if (!c.allocation) {
        o.null();
    } else {
        o.begin_object();
        opt(o, "key", c.allocation->key);
        o.key("weights");
        if (!c.allocation->weights) {
            o.null();
        } else {
            o.begin_object();
            for (const auto& w : *c.allocation->weights) o.key(w.party).number(w.weight.to_string());
            o.end_object();
        }
        o.end_object();
    }
    o.end_object();
}

void write_task(Out& o, const Task& t) {
    o.begin_object();
    o.key("id").string(t.id);
    o.key("description").string(t.description);
    opt(o, "contractor", t.contractor);
    opt(o, "principals", t.principals);
    opt(o, "huvudman", t.huvudman);
    opt(o, "nature", t.nature);
    opt(o, "area", t.area);
    opt(o, "category", t.category);
    opt(o, "target_group_children", t.target_group_children);
    opt(o, "within_competence", t.within_competence);
    opt(o, "within_contractor_competence", t.within_contractor_competence);
    opt(o, "annual_value", t.annual_value);
    o.key("principal_shares");
    if (!t.principal_shares) {
        o.null();
    } else {
        o.begin_object();
        for (const auto& s : *t.principal_shares) o.key(s.party).number(s.share.to_string());
        o.end_object();
    }
    o.key("hamburg").begin_object();
    opt(o, "establishes_cooperation", t.hamburg.establishes_cooperation);
    opt(o, "common_objectives", t.hamburg.common_objectives);
    opt(o, "public_interest_only", t.hamburg.public_interest_only);
    opt(o, "open_market_share_percent", t.hamburg.open_market_share_percent);
    o.end_object();
    if (t.teckal != TeckalFacts{}) {
        o.key("teckal").begin_object();
        opt(o, "similar_control", t.teckal.similar_control);
        opt(o, "activity_share_percent", t.teckal.activity_share_percent);
        opt(o, "private_capital", t.teckal.private_capital);
        o.end_object();
    }
    if (t.compensation) {
        o.key("compensation");
        write_compensation(o, *t.compensation);
    }
    o.end_object();
}

} // namespace

std::string write_agreement(const Agreement& a) {
    Out o{true};
    o.begin_object();
    o.key("schema").string("avtal/1");
    o.key("id").string(a.id);
    o.key("title").string(a.title);
    detail::date_or_null(o.key("assessment_date"), a.assessment_date);
    o.key("term").begin_object();
    if (a.term.start) o.key("start").string(format_date(*a.term.start)); // written only when known: older documents stay byte-identical
    opt(o, "months", a.term.months);
    opt(o, "extension_months", a.term.extension_months);
    opt(o, "until_further_notice", a.term.until_further_notice);
    o.end_object();
    o.key("parties").begin_array();
    for (const auto& p : a.parties) {
        o.begin_object();
        o.key("id").string(p.id);
        o.key("name").string(p.name);
        opt(o, "kind", p.kind);
        opt(o, "population", p.population);
        if (p.mandate_covers_tasks) opt(o, "mandate_covers_tasks", p.mandate_covers_tasks);
        if (p.decision_body) opt(o, "decision_body", p.decision_body);
        if (p.other_direct_awards_same_kind) {
            o.key("other_direct_awards_same_kind").begin_object();
            opt(o, "amount", std::optional{p.other_direct_awards_same_kind->amount});
            opt(o, "category", std::optional{p.other_direct_awards_same_kind->category});
            o.end_object();
        }
        o.end_object();
    }
    o.end_array();
    o.key("tasks").begin_array();
    for (const auto& t : a.tasks) write_task(o, t);
    o.end_array();
    o.key("delegation").begin_object();
    opt(o, "used", a.delegation.used);
    opt(o, "agreed", a.delegation.agreed);
    opt(o, "onward_delegation", a.delegation.onward_delegation);
    opt(o, "reporting_to_principal", a.delegation.reporting_to_principal);
    o.key("delegates").begin_array();
    for (const auto& d : a.delegation.delegates) {
        o.begin_object();
        opt(o, "task", d.task);
        opt(o, "to", d.to);
        opt(o, "employer", d.employer);
        opt(o, "matter", d.matter);
        o.end_object();
    }
    o.end_array();
    o.end_object();
    o.key("compensation");
    if (a.compensation)
        write_compensation(o, *a.compensation);
    else
        o.null();
    o.key("information").begin_object();
    opt(o, "personal_data", a.information.personal_data);
    opt(o, "arrangement", a.information.arrangement);
    opt(o, "records_responsibility", a.information.records_responsibility);
    opt(o, "confidentiality", a.information.confidentiality);
    o.end_object();
    o.key("oversight").begin_object();
    opt(o, "follow_up", a.oversight.follow_up);
    opt(o, "annual_report_to_council", a.oversight.annual_report_to_council);
    opt(o, "internal_control", a.oversight.internal_control);
    o.end_object();
    o.key("staff").begin_object();
    opt(o, "moves_between_parties", a.staff.moves_between_parties);
    opt(o, "transfer_addressed", a.staff.transfer_addressed);
    opt(o, "work_environment_allocated", a.staff.work_environment_allocated);
    o.end_object();
    opt(o, "creates_copyright_material", a.creates_copyright_material);
    o.key("clauses");
    if (!a.clauses) {
        o.null();
    } else {
        o.begin_array();
        for (Clause c : *a.clauses) o.string(to_string(c));
        o.end_array();
    }
    o.end_object();
    return o.take();
}

std::string write_error(const ReadResult& result, Lang lang) {
    Out o{false};
    o.begin_object();
    o.key("schema").string("avtal-error/1");
    o.key("input_sha256").string(result.input_sha256);
    detail::write_problems(o, result.problems, lang);
    o.end_object();
    return o.take();
}

std::string write_thresholds(const ThresholdTable& table) {
    Out o{true};
    o.begin_object();
    o.key("name").string(table.name);
    o.key("rows").begin_array();
    for (const auto& r : table.rows) {
        o.begin_object();
        o.key("parameter").string(r.parameter);
        o.key("category").string(to_string(r.category));
        o.key("valid_from").string(format_date(r.valid_from));
        detail::date_or_null(o.key("valid_to"), r.valid_to);
        o.key("amount").number(r.amount.to_json_number());
        o.key("inclusive").boolean(r.inclusive);
        o.key("basis").string(r.basis);
        o.key("source").string(r.source);
        o.end_object();
    }
    o.end_array();
    o.end_object();
    return o.take();
}

} // namespace avtal::json
