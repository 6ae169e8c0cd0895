#pragma once
// The fuzzed path, shared by the libFuzzer target and the regression test:
// read (one document, an array or JSON Lines) → check → every report
// writer, plus properties that must hold for every readable agreement: the
// canonical writer's output reads back to an equal agreement and is stable.

#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>
#include <avtal/io/render.hpp>
#include <avtal/law/forms.hpp>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace avtal::fuzz {

[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "avtal fuzz property violated: %s\n", what);
    std::abort();
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
        (void)json::write_report(report, {Lang::sv, true}, doc.input_sha256);
        (void)json::write_report(report, {Lang::en, false}, doc.input_sha256);
        (void)render_text(report, {Lang::sv, true, doc.input_sha256, 80});
        (void)render_markdown(report, {Lang::en, false, {}, 80});
        for (const Finding& f : report.findings()) (void)report.explain(f);
        const std::string written = json::write_agreement(a);
        const json::ReadResult again = json::read_agreement(written);
        if (!again.agreement) fail("the writer's output does not read back");
        if (!(*again.agreement == a)) fail("read -> write -> read changed the agreement");
        if (json::write_agreement(*again.agreement) != written) fail("writing is not stable");
    }
    if (auto needs = json::read_needs(text); needs.need) (void)json::write_recommendation(recommend_forms(*needs.need), Lang::sv);
    if (auto table = json::read_thresholds(text, "fuzz"); table.table) (void)json::write_thresholds(*table.table);
}

} // namespace avtal::fuzz
