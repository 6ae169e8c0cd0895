#pragma once
// The fuzzed path, shared by the libFuzzer target, the regression test and
// the property test: read (one document, an array or JSON Lines) → check →
// every report writer, plus properties that must hold for every readable
// agreement:
//   - the canonical writer's output reads back to an equal agreement and is stable;
//   - no amount in any report is negative (allocation lines, every bound of
//     every contractor's figures);
//   - the allocation's parts sum exactly to what was allocated, contractor
//     by contractor, and each part of an allocation is within one öre of
//     its exact share;
//   - the verdict and the report do not change when every amount is
//     written as a string with leading zeros ("005000000").

#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>
#include <avtal/io/render.hpp>
#include <avtal/law/forms.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace avtal::fuzz {

[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "avtal fuzz property violated: %s\n", what);
    std::abort();
}

/// `json` with every amount (a number under an amount key) rewritten as a
/// string with two leading zeros: `"staff": 4200000` → `"staff": "004200000"`.
inline std::string amounts_as_padded_strings(std::string_view json) {
    static constexpr std::string_view keys[] = {
        "\"money_per_year\"", "\"in_kind_value_per_year\"", "\"staff\"",    "\"premises\"", "\"overhead\"", "\"capital\"",
        "\"other\"",          "\"annual_value\"",           "\"tolerance\""};
    std::string out;
    out.reserve(json.size() + 64);
    std::size_t pos = 0;
    while (pos < json.size()) {
        std::size_t best = std::string_view::npos, len = 0;
        for (std::string_view k : keys)
            if (const std::size_t at = json.find(k, pos); at < best) best = at, len = k.size();
        if (best == std::string_view::npos) break;
        std::size_t v = best + len;
        while (v < json.size() && (json[v] == ':' || json[v] == ' ')) ++v;
        std::size_t end = v;
        while (end < json.size() && ((json[end] >= '0' && json[end] <= '9') || json[end] == '.')) ++end;
        out.append(json.substr(pos, v - pos));
        if (end > v && json[v] != '-') {
            out += "\"00";
            out.append(json.substr(v, end - v));
            out += '"';
        } else {
            out.append(json.substr(v, end - v));
        }
        pos = end;
    }
    out.append(json.substr(pos < json.size() ? pos : json.size()));
    return out;
}

/// The money properties of a checked, valid agreement.
inline void check_money(const Report& report) {
    using detail::i128;
    const Context& ctx = report.context();
    for (const AllocationLine& l : report.allocation())
        if (l.amount.ore() < 0) fail("a negative allocation line");
    // What was allocated, contractor by contractor, exactly as report_allocation does it.
    std::map<std::size_t, i128> expected, reported;
    const std::size_t none = ctx.agreement().parties.size();
    for (std::size_t gi = 0; gi < ctx.compensation_groups().size(); ++gi) {
        const CompensationGroup& g = ctx.compensation_groups()[gi];
        const CompensationFigures f = compensation_figures(ctx, gi);
        for (const Bounds* b : {&f.payment, &f.full_cost, &f.principals_part, &f.tolerance}) {
            if (b->low < 0) fail("a negative lower bound in the compensation figures");
            if (b->high && *b->high < b->low) fail("an upper bound below the lower bound");
        }
        detail::for_each_compensation_object(ctx, g, [&](const detail::CompensationObject& o) {
            if (!o.comp) return;
            const WeightedParties w = detail::weighted_parties(ctx, g, o);
            if (w.complete != Truth::yes) return;
            const std::optional<Money> amount =
                o.comp->contractor_bears_share ? detail::figures_of(ctx, g, o).full_cost.value() : o.comp->money_per_year;
            if (!amount) return;
            const AllocationResult parts = allocate(*amount, w.weights);
            if (!parts) return;
            i128 sum = 0, total_weight = 0;
            for (const Decimal& x : w.weights) total_weight += x.units();
            for (std::size_t i = 0; i < parts.parts.size(); ++i) {
                if (parts.parts[i].ore() < 0) fail("a negative part of an allocation");
                sum += parts.parts[i].ore();
                // |part - amount * w / W| < 1 öre
                const i128 exact_times_w = static_cast<i128>(amount->ore()) * w.weights[i].units();
                const i128 diff = static_cast<i128>(parts.parts[i].ore()) * total_weight - exact_times_w;
                if (diff >= total_weight || -diff >= total_weight) fail("a part is an öre or more from its exact share");
            }
            if (sum != amount->ore()) fail("the parts of an allocation do not sum to the amount");
            expected[g.contractor.value_or(none)] += sum;
        });
    }
    for (const AllocationLine& l : report.allocation()) reported[l.contractor.value_or(none)] += l.amount.ore();
    if (expected != reported) fail("the allocation lines do not sum to what was allocated");
}

inline void run_one(std::string_view text) {
    for (const json::ReadResult& doc : json::read_batch(text, "fuzz")) {
        if (!doc.agreement) {
            if (doc.problems.empty()) fail("unreadable document without a problem");
            continue;
        }
        const Agreement& a = *doc.agreement;
        const Report report = check(a);
        if (!report.problems().empty()) fail("a document the reader accepted has structural problems");
        check_money(report);
        (void)json::write_report(report, {Lang::sv, true}, doc.input_sha256);
        const std::string en = json::write_report(report, {Lang::en, false}, "-");
        (void)render_text(report, {Lang::sv, true, doc.input_sha256, 80});
        (void)render_markdown(report, {Lang::en, false, {}, 80});
        for (const Finding& f : report.findings()) (void)report.explain(f);
        const std::string written = json::write_agreement(a);
        const json::ReadResult again = json::read_agreement(written);
        if (!again.agreement) fail("the writer's output does not read back");
        if (!(*again.agreement == a)) fail("read -> write -> read changed the agreement");
        if (json::write_agreement(*again.agreement) != written) fail("writing is not stable");
        const json::ReadResult padded = json::read_agreement(amounts_as_padded_strings(written));
        if (!padded.agreement) fail("amounts written as strings with leading zeros do not read");
        if (!(*padded.agreement == a)) fail("amounts written as strings with leading zeros read differently");
        const Report padded_report = check(*padded.agreement);
        if (padded_report.verdict() != report.verdict()) fail("the verdict changed when amounts were written as strings");
        if (json::write_report(padded_report, {Lang::en, false}, "-") != en) fail("the report changed when amounts were written as strings");
    }
    if (auto needs = json::read_needs(text); needs.need) (void)json::write_recommendation(recommend_forms(*needs.need), Lang::sv);
    if (auto table = json::read_thresholds(text, "fuzz"); table.table) (void)json::write_thresholds(*table.table);
}

} // namespace avtal::fuzz
