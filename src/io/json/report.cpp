// The avtal-report/1 writer: findings, procurement results with their
// explanation trees, allocation and the receipt.
#include "out.hpp"

#include <avtal/core/date.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/io/json.hpp>
#include <avtal/io/messages.hpp>
#include <avtal/law/procurement.hpp>

#include <string>

namespace avtal::json {

namespace detail {

void write_row_members(Out& o, const ThresholdRow& row) {
    o.key("valid_from").string(format_date(row.valid_from));
    date_or_null(o.key("valid_to"), row.valid_to);
    o.key("amount").string(row.amount.to_string());
    o.key("inclusive").boolean(row.inclusive);
    o.key("source").string(row.source);
}

} // namespace detail

namespace {

using detail::date_or_null;
using detail::Out;

/// A citation as format_citation() writes it; one that it leaves unchanged
/// is written without a copy.
void citation(Out& o, std::string_view c) {
    if (citation_is_formatted(c))
        o.string(c);
    else
        o.string(format_citation(c));
}

void write_explanation(Out& o, const Explanation& e, Lang lang) {
    o.begin_object();
    o.key("id").string(e.shown_id());
    o.key("text").string(e.shown_text().in(lang));
    o.key("citation");
    citation(o, e.shown_citation());
    o.key("value").string(to_string(e.value));
    o.key("missing").begin_array();
    for (const auto& m : e.missing) o.string(m);
    o.end_array();
    if (!e.notes.empty()) {
        o.key("notes").begin_array();
        for (const auto& n : e.notes) o.string(n.in(lang));
        o.end_array();
    }
    if (!e.children.empty()) {
        o.key("children").begin_array();
        for (const auto& c : e.children) write_explanation(o, c, lang);
        o.end_array();
    }
    o.end_object();
}

/// The memo's per-principal table of the direct-award test (none when the
/// date or the principals are missing): each principal's value and months
/// counted (a high end of null: a fact leaves it open), the limit row
/// applied (null: no confirmed limit) and whether the value is within it.
void write_direct_award(Out& o, const std::vector<DirectAwardLine>& lines) {
    if (lines.empty()) return;
    const auto count_or_null = [&](const std::optional<std::int64_t>& n) { return n ? o.number(std::to_string(*n)) : o.null(); };
    o.key("direct_award").begin_array();
    for (const DirectAwardLine& l : lines) {
        o.begin_object();
        o.key("principal").string(l.principal);
        o.key("category").string(to_string(l.category));
        o.key("value_low").string(l.value_low.to_string());
        o.key("value_high");
        if (l.value_high)
            o.string(l.value_high->to_string());
        else
            o.null();
        o.key("months_low");
        count_or_null(l.months_low);
        o.key("months_high");
        count_or_null(l.months_high);
        o.key("indefinite").boolean(l.indefinite);
        o.key("limit");
        if (l.limit) {
            o.begin_object();
            detail::write_row_members(o, *l.limit);
            o.end_object();
        } else {
            o.null();
        }
        o.key("within").string(to_string(l.within));
        o.end_object();
    }
    o.end_array();
}

} // namespace

std::string write_report(const Report& report, const ReportOptions& options, std::string_view input_sha256) {
    const Lang lang = options.lang;
    const Agreement& a = report.agreement();
    // The report of a small agreement in one allocation (Norrström's is 6.8 KB).
    Out o{false, 8192};
    o.begin_object();
    o.key("schema").string("avtal-report/1");
    o.key("agreement").string(a.id);
    date_or_null(o.key("assessment_date"), report.context().date());
    o.key("verdict").string(to_string(report.verdict()));
    o.key("findings").begin_array();
    for (const Finding& f : report.findings()) {
        const RuleInfo& info = f.rule->info();
        if (f.status == Status::satisfied && info.severity != Severity::info && !options.all) continue;
        o.begin_object();
        o.key("rule").string(info.id);
        o.key("status").string(to_string(f.status));
        o.key("severity").string(to_string(info.severity));
        o.key("subject").string(subject_path(report, f));
        if (f.subject.scope == Scope::clause) o.key("item").string(to_string(static_cast<Clause>(f.subject.index)));
        o.key("citation");
        citation(o, info.citation);
        o.key("message").string(message(report, f, lang));
        o.key("missing").begin_array();
        for (const auto& m : f.missing) o.string(m);
        o.end_array();
        if (options.explain) {
            o.key("explanation");
            const ExplainIn one{lang};
            write_explanation(o, report.explain(f), lang);
        }
        o.end_object();
    }
    o.end_array();
    o.key("procurement").begin_array();
    const auto& list = report.context().exceptions();
    for (const ProcurementResult& p : report.procurement()) {
        o.begin_object();
        o.key("task").string(a.tasks[p.task].id);
        o.key("outcome").string(to_string(p.outcome));
        o.key("exceptions").begin_array();
        for (std::size_t i = 0; i < list.size(); ++i) {
            o.begin_object();
            o.key("id").string(list[i].id());
            o.key("value").string(to_string(p.exceptions[i]));
            o.key("explanation");
            const ExplainIn one{lang}; // its notes are written in lang only
            write_explanation(o, report.explain_exception(p.task, i), lang);
            o.end_object();
        }
        o.end_array();
        o.key("missing").begin_array();
        for (const auto& m : p.missing) o.string(m);
        o.end_array();
        if (a.tasks[p.task].nature != TaskNature::exercise_of_authority) write_direct_award(o, direct_award_lines(report.context(), p.task));
        if (p.rests_on_direct_award_alone(list)) {
            o.key("notes").begin_array();
            o.string(direct_award_duties().in(lang));
            o.end_array();
        }
        o.end_object();
    }
    o.end_array();
    o.key("allocation").begin_array();
    const bool several = report.context().compensation_groups().size() > 1;
    for (const AllocationLine& l : report.allocation()) {
        o.begin_object();
        o.key("party").string(a.parties[l.party].id);
        o.key("amount").string(l.amount.to_string());
        if (several && l.contractor) o.key("contractor").string(a.parties[*l.contractor].id);
        if (l.own_share) o.key("own_share").boolean(true);
        o.end_object();
    }
    o.end_array();
    const Receipt r = report.receipt();
    o.key("receipt").begin_object();
    o.key("avtal").string(r.avtal);
    o.key("rules").string(r.rules);
    o.key("thresholds").string(r.thresholds);
    o.key("threshold_rows").begin_array();
    for (const ThresholdRow* row : r.rows) {
        o.begin_object();
        o.key("category").string(to_string(row->category));
        detail::write_row_members(o, *row);
        o.end_object();
    }
    o.end_array();
    o.key("input_sha256").string(input_sha256);
    o.end_object();
    o.end_object();
    return o.take();
}

std::string write_error(std::string_view source, std::size_t index, std::string_view input_sha256, const std::vector<Problem>& problems, Lang lang) {
    Out o{false};
    o.begin_object();
    o.key("schema").string("avtal-error/1");
    o.key("source").string(source);
    o.key("index").number(std::to_string(index));
    if (!input_sha256.empty()) o.key("input_sha256").string(input_sha256);
    detail::write_problems(o, problems, lang);
    o.end_object();
    return o.take();
}

namespace {

void write_assessment(Out& o, const FormAssessment& a, Lang lang) {
    o.begin_object();
    o.key("form").string(to_string(a.form));
    o.key("name").string(form_info(a.form).name.in(lang));
    o.key("suitable").boolean(a.suitable);
    o.key("score").number(std::to_string(a.score));
    o.key("reasons").begin_array();
    for (const FormReason& r : a.reasons) {
        o.begin_object();
        o.key("need").string(r.need);
        o.key("effect").string(to_string(r.effect));
        o.key("points").number(std::to_string(r.points));
        o.key("text").string(r.text.in(lang));
        o.key("table_cells").begin_array();
        for (const FormCell& c : r.cells) {
            o.begin_object();
            o.key("form").string(to_string(c.form));
            o.key("row").string(to_string(c.row));
            o.key("text").string(form_info(c.form).cell(c.row).in(lang));
            o.end_object();
        }
        o.end_array();
        if (!r.quote.in(lang).empty()) o.key("quote").string(r.quote.in(lang));
        o.end_object();
    }
    o.end_array();
    o.key("missing").begin_array();
    for (const auto& m : a.missing) o.string(m);
    o.end_array();
    o.end_object();
}

} // namespace

std::string write_recommendation(const Recommendation& r, Lang lang) {
    Out o{false};
    o.begin_object();
    o.key("schema").string("avtal-forms/1");
    o.key("source").string(forms_source);
    o.key("suitable").begin_array();
    for (const auto& a : r.suitable) write_assessment(o, a, lang);
    o.end_array();
    o.key("unsuitable").begin_array();
    for (const auto& a : r.unsuitable) write_assessment(o, a, lang);
    o.end_array();
    o.end_object();
    return o.take();
}

std::string write_guide(const MethodProgress& p, Lang lang) {
    Out o{false};
    o.begin_object();
    o.key("schema").string("avtal-guide/1");
    o.key("source").string(format_citation("SKR 2023 kap. 5"));
    if (p.next)
        o.key("next").string(method_step(*p.next).code);
    else
        o.key("next").null();
    const auto strings = [&](const std::vector<std::string>& list) {
        o.begin_array();
        for (const auto& x : list) o.string(x);
        o.end_array();
    };
    o.key("steps").begin_array();
    for (const StepProgress& s : p.steps) {
        const MethodStepInfo& info = method_step(s.step);
        o.begin_object();
        o.key("step").string(to_string(s.step));
        o.key("code").string(info.code);
        o.key("title").string(info.title.in(lang));
        o.key("status").string(to_string(s.status));
        std::optional<Prerequisite> part;
        bool parts = false;
        for (const ItemProgress& i : s.items) {
            if (!i.item->part || i.item->part == part) continue;
            if (!parts) o.key("parts").begin_array();
            parts = true;
            part = i.item->part;
            o.begin_object();
            o.key("part").string(to_string(*part));
            o.key("title").string(prerequisite_title(*part).in(lang));
            o.key("status").string(to_string(p.status(*part)));
            o.end_object();
        }
        if (parts) o.end_array();
        o.key("items").begin_array();
        for (const ItemProgress& i : s.items) {
            o.begin_object();
            o.key("id").string(i.item->id);
            if (i.item->part) o.key("part").string(to_string(*i.item->part));
            o.key("text").string(i.item->text.in(lang));
            o.key("status").string(to_string(i.status));
            o.key("source").string(to_string(i.source));
            o.key("rules");
            strings(i.rules);
            o.key("missing");
            strings(i.missing);
            o.end_object();
        }
        o.end_array();
        o.end_object();
    }
    o.end_array();
    o.end_object();
    return o.take();
}

} // namespace avtal::json

namespace avtal::json {

std::string write_allocation(const Context& ctx, const std::vector<AllocationLine>& lines) {
    const Agreement& a = ctx.agreement();
    Out o{false};
    o.begin_array();
    for (const AllocationLine& l : lines) {
        o.begin_object();
        o.key("party").string(a.parties[l.party].id);
        o.key("amount").string(l.amount.to_string());
        // As in the report: the contractor is named when there are several.
        if (l.contractor && ctx.compensation_groups().size() > 1) o.key("contractor").string(a.parties[*l.contractor].id);
        if (l.own_share) o.key("own_share").boolean(true);
        o.end_object();
    }
    o.end_array();
    return o.take();
}

} // namespace avtal::json
