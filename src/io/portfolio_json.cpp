// The portfolio report as avtal-portfolio/1 JSON, and a whole portfolio
// request (documents in, report out) for the command line, a service or a
// web page.
#include "portfolio_doc.hpp"
#include "json/out.hpp"

#include <avtal/core/date.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/io/commands.hpp>
#include <avtal/io/json.hpp>
#include <avtal/io/messages.hpp>

#include <chrono>

namespace avtal {

namespace {

using json::detail::date_or_null;
using json::detail::enum_or_null;
using json::detail::Out;
namespace pf = detail::portfolio;

void money(Out& o, std::string_view key, const std::optional<Money>& m) {
    o.key(key);
    if (m)
        o.string(m->to_string());
    else
        o.null();
}

/// Writes the id of the agreement's party at `index`, or null when there is none.
void party_or_null(Out& o, const Agreement& a, const std::optional<std::size_t>& index) {
    if (index)
        o.string(a.parties[*index].id);
    else
        o.null();
}

void totals(Out& o, const PortfolioTotals& t) {
    o.begin_object();
    o.key("agreements").number(std::to_string(t.agreements));
    o.key("tasks_as_contractor").number(std::to_string(t.tasks_as_contractor));
    o.key("tasks_as_principal").number(std::to_string(t.tasks_as_principal));
    const auto m = [&](std::string_view k, Money v) { money(o, k, t.overflow ? std::nullopt : std::optional<Money>{v}); };
    m("pays", t.pays);
    m("receives", t.receives);
    m("own_share", t.own_share);
    m("in_kind_received", t.in_kind_received);
    m("in_kind_paid", t.in_kind_paid);
    o.key("unvalued_in_kind").number(std::to_string(t.unvalued_in_kind));
    o.key("unallocated").number(std::to_string(t.unallocated));
    o.key("verdicts").begin_object();
    o.key("ok").number(std::to_string(t.ok));
    o.key("violations").number(std::to_string(t.violations));
    o.key("incomplete").number(std::to_string(t.incomplete));
    o.key("invalid").number(std::to_string(t.invalid));
    o.end_object();
    o.key("attention").number(std::to_string(t.attention));
    o.key("overflow").boolean(t.overflow);
    o.end_object();
}

void finding(Out& o, const Report& r, const Finding& f, Lang lang) {
    o.begin_object();
    o.key("rule").string(f.rule->id());
    o.key("severity").string(to_string(f.rule->info().severity));
    o.key("status").string(to_string(f.status));
    o.key("subject").string(subject_path(r, f));
    o.key("citation").string(f.rule->info().citation);
    o.key("message").string(message(r, f, lang));
    o.key("missing").begin_array();
    for (const auto& m : f.missing) o.string(m);
    o.end_array();
    o.end_object();
}

void row(Out& o, std::string_view key, const ThresholdRow* r) {
    o.key(key);
    if (!r) {
        o.null();
        return;
    }
    o.begin_object();
    json::detail::write_row_members(o, *r);
    o.end_object();
}

void report_object(Out& o, const PortfolioReport& r, Lang lang) {
    o.begin_object();
    o.key("schema").string("avtal-portfolio/1");
    o.key("party").begin_object();
    o.key("id").string(r.party);
    o.key("name").string(r.name);
    enum_or_null(o.key("kind"), r.kind);
    o.end_object();
    o.key("year").number(std::to_string(r.year));
    o.key("report_date").string(format_date(r.report_date));
    o.key("next_report_date").string(format_date(r.next_report_date));
    o.key("found").boolean(r.found());
    o.key("totals");
    totals(o, r.totals);
    o.key("agreements").begin_array();
    for (const PortfolioAgreement& pa : r.agreements) {
        const Agreement& a = pa.agreement();
        const Report& rep = pa.report();
        o.begin_object();
        o.key("id").string(a.id);
        o.key("title").string(a.title);
        o.key("source").string(pa.entry->source);
        o.key("input_sha256").string(pa.entry->input_sha256);
        o.key("verdict").string(to_string(rep.verdict()));
        o.key("tasks").begin_array();
        for (const PortfolioTask& pt : pa.tasks) {
            const Task& t = a.tasks[pt.task];
            o.begin_object();
            o.key("id").string(t.id);
            o.key("description").string(t.description);
            o.key("role").string(to_string(pt.role));
            party_or_null(o.key("contractor"), a, pt.contractor);
            o.key("counterparties").begin_array();
            for (std::size_t k : pt.counterparties) o.string(a.parties[k].id);
            o.end_array();
            enum_or_null(o.key("area"), t.area);
            enum_or_null(o.key("nature"), t.nature);
            o.key("decides").string(to_string(pt.decides));
            o.key("procurement");
            if (pt.procurement) {
                o.begin_object();
                o.key("outcome").string(to_string(pt.procurement->outcome));
                o.key("basis").begin_array();
                for (const auto& b : pt.basis) o.string(b);
                o.end_array();
                o.key("direct_award_alone").boolean(pt.direct_award_alone);
                o.key("missing").begin_array();
                for (const auto& m : pt.procurement->missing) o.string(m);
                o.end_array();
                o.end_object();
            } else {
                o.null();
            }
            money(o, "amount", pt.amount);
            o.end_object();
        }
        o.end_array();
        o.key("money").begin_array();
        for (const PortfolioMoney& m : pa.money) {
            o.begin_object();
            party_or_null(o.key("contractor"), a, m.contractor);
            o.key("role").string(to_string(m.role));
            o.key("allocated").boolean(m.allocated);
            money(o, "pays", m.pays);
            money(o, "receives", m.receives);
            money(o, "own_share", m.own_share);
            money(o, "money_stated", m.money_stated);
            money(o, "in_kind", m.in_kind);
            if (m.role == PortfolioRole::contractor) {
                money(o, "full_cost", m.full_cost);
                money(o, "principals_part", m.principals_part);
                money(o, "balance", m.balance);
                enum_or_null(o.key("no_profit"), m.no_profit);
                enum_or_null(o.key("covers_cost"), m.covers_cost);
            }
            o.end_object();
        }
        o.end_array();
        money(o, "pays", pa.pays);
        money(o, "receives", pa.receives);
        o.key("violated").begin_array();
        for (const Finding* f : pa.violated) finding(o, rep, *f, lang);
        o.end_array();
        o.key("undetermined").begin_array();
        for (const Finding* f : pa.undetermined) finding(o, rep, *f, lang);
        o.end_array();
        o.key("missing").begin_array();
        for (const auto& m : pa.missing) o.string(m);
        o.end_array();
        o.key("problems").begin_array();
        for (const Problem& p : rep.problems()) o.string(p.to_string());
        o.end_array();
        o.end_object();
    }
    o.end_array();
    o.key("attention").begin_array();
    for (const Attention& at : r.attention) {
        o.begin_object();
        o.key("kind").string(to_string(at.kind));
        o.key("agreement");
        if (at.agreement)
            o.string(r.agreements[*at.agreement].agreement().id);
        else
            o.null();
        date_or_null(o.key("date"), at.date);
        o.key("stated").boolean(at.stated);
        o.key("path").string(at.path);
        if (at.category) {
            o.key("category").string(to_string(*at.category));
            row(o, "current", at.current);
            row(o, "next", at.next);
            o.key("tasks").begin_array();
            for (const auto& [ai, t] : at.tasks) {
                o.begin_object();
                o.key("agreement").string(r.agreements[ai].agreement().id);
                o.key("task").string(r.agreements[ai].agreement().tasks[t].id);
                o.end_object();
            }
            o.end_array();
            o.key("resting_on_direct_award").number(std::to_string(at.resting_on_direct_award));
        }
        o.key("message").string(pf::attention_what(r, at, lang));
        o.end_object();
    }
    o.end_array();
    o.key("unreadable").begin_array();
    if (r.unreadable)
        for (const UnreadableDocument& u : *r.unreadable) {
            o.begin_object();
            o.key("source").string(u.source);
            o.key("problems").begin_array();
            for (const Problem& p : u.problems) {
                o.begin_object();
                o.key("path").string(p.path);
                o.key("message").string(p.message);
                o.end_object();
            }
            o.end_array();
            o.end_object();
        }
    o.end_array();
    o.key("receipt").begin_object();
    o.key("avtal").string(library_version);
    o.key("rules").string(rules_version);
    o.key("thresholds").string(r.thresholds);
    o.end_object();
    o.end_object();
}

} // namespace

std::string write_portfolio(const PortfolioReport& report, Lang lang) {
    Out o{true};
    report_object(o, report, lang);
    return o.take();
}

void write_portfolio_summary(const PortfolioSummary& summary, const std::vector<PortfolioReport>& reports, Lang lang,
                             const std::function<void(std::string_view)>& sink) {
    Out o{true};
    o.begin_object();
    o.key("schema").string("avtal-portfolio-summary/1");
    o.key("year").number(std::to_string(summary.year));
    o.key("parties").begin_array();
    for (const auto& l : summary.lines) {
        o.begin_object();
        o.key("id").string(l.party);
        o.key("name").string(l.name);
        enum_or_null(o.key("kind"), l.kind);
        o.key("totals");
        totals(o, l.totals);
        o.end_object();
    }
    o.end_array();
    o.key("all");
    totals(o, summary.all);
    o.key("reports").begin_array();
    for (const PortfolioReport& r : reports) {
        report_object(o, r, lang);
        o.flush(sink);
    }
    o.end_array();
    o.end_object();
    o.flush(sink, true);
}

std::string write_portfolio_summary(const PortfolioSummary& summary, const std::vector<PortfolioReport>& reports, Lang lang) {
    std::string out;
    write_portfolio_summary(summary, reports, lang, [&out](std::string_view piece) { out += piece; });
    return out;
}

PortfolioOutput portfolio_from_documents(const PortfolioRequest& request) {
    PortfolioOutput out;
    const bool sv = request.lang == Lang::sv;
    if (!request.all_parties && request.party.empty()) {
        out.exit_code = 2;
        out.errors.emplace_back(sv ? "portfolio: ange --party ID eller --all-parties" : "portfolio: give --party ID or --all-parties");
        return out;
    }
    if (request.all_parties && request.format == PortfolioFormat::svg) {
        out.exit_code = 2;
        out.errors.emplace_back(sv ? "portfolio: --format svg ritar en part; ange --party ID"
                                   : "portfolio: --format svg draws one party; give --party ID");
        return out;
    }
    Portfolio portfolio{request.check};
    for (const PortfolioDocument& doc : request.documents)
        for (json::ReadResult& r : json::read_batch(doc.text, doc.source)) {
            if (r.agreement) {
                portfolio.add(std::move(*r.agreement), std::move(r.source), std::move(r.input_sha256));
                continue;
            }
            for (const Problem& p : r.problems) out.errors.push_back(r.source + ": " + p.to_string());
            out.unreadable.push_back(UnreadableDocument{r.source, r.problems});
            portfolio.add_unreadable(std::move(r.source), std::move(r.problems));
            out.exit_code = 2;
        }
    const std::int32_t now =
        static_cast<int>(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}.year());
    const std::int32_t year =
        request.year.value_or(default_report_year(portfolio, request.all_parties ? std::string_view{} : std::string_view{request.party}, now));
    const PortfolioRenderOptions ro{request.lang, 80};
    if (!request.all_parties) {
        const PortfolioReport rep = portfolio_report(portfolio, request.party, year);
        if (!rep.found()) {
            out.exit_code = 2;
            out.errors.push_back(sv ? "portfolio: inget avtal har parten «" + request.party + "»"
                                    : "portfolio: no agreement has the party «" + request.party + "»");
        }
        switch (request.format) {
        case PortfolioFormat::markdown: out.output = render_portfolio_markdown(rep, ro); break;
        case PortfolioFormat::text: out.output = render_portfolio_text(rep, ro); break;
        case PortfolioFormat::json: out.output = write_portfolio(rep, request.lang); break;
        case PortfolioFormat::html: out.output = render_portfolio_html(rep, ro); break;
        case PortfolioFormat::svg: out.output = render_portfolio_svg(rep, ro); break;
        }
        return out;
    }
    std::vector<PortfolioReport> reports;
    for (const std::string& id : portfolio.party_ids()) reports.push_back(portfolio_report(portfolio, id, year));
    const PortfolioSummary summary = portfolio_summary(portfolio, reports, year);
    // Piece by piece to the sink when there is one, else into the output.
    const auto emit = [&](std::string_view piece) {
        if (request.sink)
            request.sink(piece);
        else
            out.output += piece;
    };
    switch (request.format) {
    case PortfolioFormat::json: write_portfolio_summary(summary, reports, request.lang, emit); break;
    case PortfolioFormat::html: emit(render_portfolio_all_html(summary, reports, ro)); break;
    case PortfolioFormat::markdown:
    case PortfolioFormat::text:
    case PortfolioFormat::svg: {
        const bool md = request.format == PortfolioFormat::markdown;
        std::string piece = md ? render_portfolio_summary_markdown(summary, ro) : render_portfolio_summary_text(summary, ro);
        for (const PortfolioReport& r : reports) {
            emit(piece);
            piece.clear(); // one buffer for every report
            if (md) {
                piece += "\n---\n\n";
                pf::markdown_into(piece, pf::build(r, request.lang));
            } else {
                piece += '\n';
                piece.append(80, '=');
                piece += "\n\n";
                piece += render_portfolio_text(r, ro);
            }
        }
        emit(piece);
        break;
    }
    }
    return out;
}

CommandResult run_portfolio(std::span<const Input> inputs, const PortfolioCommand& portfolio, const CommandOptions& options, const OutputSink& sink) {
    CommandResult result;
    PortfolioRequest req;
    const auto format = enum_from_string<PortfolioFormat>(portfolio.format);
    if (!format) {
        result.exit_code = exit_bad_input;
        result.errors = "avtal: portfolio does not write " + portfolio.format + " (markdown, text, json, html or svg)\n";
        return result;
    }
    req.format = *format;
    req.party = portfolio.party;
    req.all_parties = portfolio.all_parties;
    req.year = portfolio.year;
    req.lang = options.lang;
    req.check.date = options.date;
    req.check.thresholds = options.thresholds;
    req.sink = sink;
    req.documents.reserve(inputs.size());
    for (const Input& in : inputs) req.documents.push_back(PortfolioDocument{std::string{in.source}, std::string{in.bytes}});
    PortfolioOutput out = portfolio_from_documents(req);
    result.exit_code = out.exit_code;
    result.output = std::move(out.output);
    for (const std::string& e : out.errors) result.errors += e + "\n";
    for (const UnreadableDocument& u : out.unreadable) {
        result.problems += "{\"schema\":\"avtal-error/1\",\"source\":" + json::quote(u.source) + ",\"problems\":[";
        for (std::size_t i = 0; i < u.problems.size(); ++i)
            result.problems +=
                (i ? ",{\"path\":" : "{\"path\":") + json::quote(u.problems[i].path) + ",\"message\":" + json::quote(u.problems[i].message) + "}";
        result.problems += "]}\n";
    }
    return result;
}

} // namespace avtal
