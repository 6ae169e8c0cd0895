// The portfolio report as one standalone printable HTML file, and the
// drawing of the party's cooperation as SVG (generated directly, so that
// the same input always gives the same bytes).
#include "portfolio_doc.hpp"
#include "text_layout.hpp"
#include "text_util.hpp"

#include <avtal/core/date.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace avtal::detail::portfolio {

namespace {

std::string esc(std::string_view s) {
    return avtal::detail::substitute(s, [](char c) -> const char* {
        switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        case '\'': return "&#39;";
        default: return nullptr;
        }
    });
}

/// A coordinate with one decimal, the same bytes on every run.
std::string num(double v) {
    char buf[32];
    if (std::fabs(v) < 0.05) v = 0; // no "-0.0"
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

using avtal::detail::width_of;

const char* verdict_colour(Verdict v) {
    switch (v) {
    case Verdict::ok: return "#1b7a3d";
    case Verdict::violations: return "#b3261e";
    case Verdict::incomplete: return "#a15c00";
    case Verdict::invalid: break;
    }
    return "#5f6368";
}

struct Node {
    std::string id;
    std::string name;
    double x = 0, y = 0;
};

/// Half the width and height of a node's box.
std::pair<double, double> box_of(const Node& n, bool centre) {
    // DejaVu Sans averages about 0.63 em a character (12 px: 7.6 px); the party in the middle is 14 px bold (about 9.4 px).
    const double per_char = centre ? 9.4 : 7.6;
    const double w = std::max(centre ? 140.0 : 96.0, per_char * static_cast<double>(width_of(n.name)) + (centre ? 24 : 18)), h = centre ? 46 : 34;
    return {w / 2, h / 2};
}

/// How far from a box's centre a line in direction (ux, uy) leaves it, plus a small gap.
double clip(std::pair<double, double> half, double ux, double uy) {
    const double tx = std::fabs(ux) < 1e-9 ? 1e9 : half.first / std::fabs(ux);
    const double ty = std::fabs(uy) < 1e-9 ? 1e9 : half.second / std::fabs(uy);
    return std::min(tx, ty) + 4;
}

struct Edge {
    std::size_t from = 0, to = 0; // node indices; 0 is the party
    std::string label;
    Verdict verdict = Verdict::ok;
};

std::string html_table(const Table& t) {
    std::string out = "<table>\n<thead><tr>";
    for (std::size_t i = 0; i < t.head.size(); ++i) out += std::string{t.numeric[i] ? "<th class=\"n\">" : "<th>"} + esc(t.head[i]) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    const auto row = [&](const std::vector<std::string>& r, bool total) {
        out += total ? "<tr class=\"total\">" : "<tr>";
        for (std::size_t i = 0; i < r.size(); ++i)
            out += std::string{i < t.numeric.size() && t.numeric[i] ? "<td class=\"n\">" : "<td>"} + esc(r[i]) + "</td>";
        out += "</tr>\n";
    };
    for (const auto& r : t.rows) row(r, false);
    if (!t.total.empty()) row(t.total, true);
    out += "</tbody>\n</table>\n";
    return out;
}

std::string html_sections(const Doc& d, const std::string& prefix) {
    std::string out;
    for (const Section& s : d.sections) {
        const std::string h = "h" + std::to_string(s.level + 1);
        out += "<section id=\"" + esc(prefix + s.id) + "\">\n<" + h + ">" + esc(s.heading) + "</" + h + ">\n";
        for (const auto& p : s.paragraphs) out += "<p>" + esc(p) + "</p>\n";
        if (s.table.rows.empty()) {
            if (!s.empty.empty()) out += "<p class=\"empty\">" + esc(s.empty) + "</p>\n";
        } else {
            out += html_table(s.table);
        }
        if (!s.items.empty()) {
            out += "<ul>\n";
            for (const auto& i : s.items) out += "<li>" + esc(i) + "</li>\n";
            out += "</ul>\n";
        }
        out += "</section>\n";
    }
    return out;
}

const char* const style =
    R"(body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1f1f1f;margin:2rem auto;max-width:64rem;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:2px solid #1f4e79;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin-top:1.4rem}h4{font-size:1rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}
th,td{border:1px solid #c7c7c7;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#eef3f8}td.n,th.n{text-align:right;white-space:nowrap}tr.total td{font-weight:bold;background:#f6f6f6}
figure{margin:1rem 0;text-align:center}figure svg{max-width:100%;height:auto}figcaption{font-size:.85rem;color:#444}
.receipt{font-size:.75rem;color:#555;border-top:1px solid #c7c7c7;padding-top:.5rem;margin-top:2rem}
.party{page-break-before:always}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{page-break-after:avoid}table{page-break-inside:auto}tr{page-break-inside:avoid}}
)";

std::string html_head(const std::string& title, Lang lang) {
    return std::string{"<!DOCTYPE html>\n<html lang=\""} + (lang == Lang::sv ? "sv" : "en") +
           "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + esc(title) +
           "</title>\n<style>\n" + style + "</style>\n</head>\n<body>\n";
}

std::string report_body(const PortfolioReport& r, Lang lang, const std::string& prefix, int level) {
    const Doc d = build(r, lang);
    const std::string h = "h" + std::to_string(level);
    std::string out = "<" + h + ">" + esc(d.title) + "</" + h + ">\n";
    for (const auto& p : d.intro) out += "<p>" + esc(p) + "</p>\n";
    if (r.found()) {
        out += "<figure>\n" + render_portfolio_svg(r, PortfolioRenderOptions{lang, 80}) + "<figcaption>" +
               esc(lang == Lang::sv ? "Samverkan: en pil per uppgift från uppdragstagare till uppdragsgivare, med område och belopp per år; färgen "
                                      "är avtalets resultat."
                                    : "Cooperation: one arrow per task from contractor to principal, with area and amount per year; the colour is "
                                      "the agreement's verdict.") +
               "</figcaption>\n</figure>\n";
    }
    out += html_sections(d, prefix);
    out += "<p class=\"receipt\">" + esc(d.receipt) + "</p>\n";
    return out;
}

} // namespace

} // namespace avtal::detail::portfolio

namespace avtal {

using namespace detail::portfolio;

std::string render_portfolio_svg(const PortfolioReport& r, const PortfolioRenderOptions& options) {
    const Lang lang = options.lang;
    const bool sv = lang == Lang::sv;
    std::vector<Node> nodes;
    nodes.push_back(Node{r.party, r.name.empty() ? r.party : r.name, 0, 0});
    std::vector<Edge> edges;
    const auto node_of = [&](const Agreement& a, std::size_t k) {
        const Party& p = a.parties[k];
        for (std::size_t i = 1; i < nodes.size(); ++i)
            if (nodes[i].id == p.id) return i;
        nodes.push_back(Node{p.id, p.name.empty() ? p.id : p.name, 0, 0});
        return nodes.size() - 1;
    };
    for (const PortfolioAgreement& pa : r.agreements) {
        const Agreement& a = pa.agreement();
        for (const PortfolioTask& pt : pa.tasks) {
            const Task& task = a.tasks[pt.task];
            std::string label = area_word(task.area, lang);
            if (pt.role == PortfolioRole::principal) {
                if (!pt.contractor || *pt.contractor == pa.party) continue;
                if (pt.amount) label += " · " + amount(*pt.amount, lang);
                edges.push_back(Edge{node_of(a, *pt.contractor), 0, label, pa.report().verdict()});
            } else {
                if (!task.principals) continue;
                for (const Id& p : *task.principals) {
                    auto k = a.party_index(p);
                    if (!k || *k == pa.party) continue;
                    std::string l = label;
                    // The principal's line of the allocation, when the contractor's terms cover this one task.
                    for (const PortfolioMoney& m : pa.money) {
                        const auto& grp = pa.report().context().compensation_groups()[m.group];
                        if (m.role != PortfolioRole::contractor || grp.tasks.size() != 1 || grp.tasks.front() != pt.task) continue;
                        for (const AllocationLine& line : pa.report().allocation())
                            if (line.contractor == grp.contractor && line.party == *k) l += " · " + amount(line.amount, lang);
                    }
                    edges.push_back(Edge{0, node_of(a, *k), l, pa.report().verdict()});
                }
            }
        }
    }

    // Layout: the party in the middle, counterparties on a circle in the order met.
    const std::size_t n = nodes.size() - 1;
    // The fan of parallel arrows to one counterparty is 28 px per arrow wide at its middle, where the labels are; the circle is
    // large enough that, half-way out, neighbouring fans (and their labels) keep apart.
    std::vector<std::size_t> per_node(nodes.size(), 0);
    for (const Edge& ed : edges) ++per_node[ed.from == 0 ? ed.to : ed.from];
    const std::size_t fan = per_node.empty() ? 0 : *std::max_element(per_node.begin(), per_node.end());
    const double radius = n <= 1 ? 260.0
                                 : std::max({340.0, 75.0 * static_cast<double>(n) / std::numbers::pi,
                                             static_cast<double>(n) * (28.0 * static_cast<double>(fan) + 24) / std::numbers::pi});
    const double width = 2 * radius + 320, height = 2 * radius + 170;
    const double cx = width / 2, cy = height / 2 - 10;
    nodes[0].x = cx;
    nodes[0].y = cy;
    for (std::size_t i = 1; i <= n; ++i) {
        const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i - 1) / static_cast<double>(n);
        nodes[i].x = cx + radius * std::cos(angle);
        nodes[i].y = cy + radius * std::sin(angle);
    }

    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " +
                      num(width) + " " + num(height) +
                      "\" role=\"img\" aria-labelledby=\"portfolio-title\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n";
    out += "<title id=\"portfolio-title\">" + esc("Avtalssamverkan " + std::to_string(r.year) + " – " + (r.name.empty() ? r.party : r.name)) +
           "</title>\n";
    out += "<defs>\n";
    for (Verdict v : {Verdict::ok, Verdict::violations, Verdict::incomplete, Verdict::invalid})
        out += std::string{"<marker id=\"arrow-"} + std::string{to_string(v)} +
               "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 "
               "L10,5 L0,10 z\" fill=\"" +
               verdict_colour(v) + "\"/></marker>\n";
    out += "</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";

    // Edges: parallel ones between the same two nodes bend apart.
    out += "<g fill=\"none\" stroke-width=\"1.6\">\n";
    std::string labels;
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const Edge& ed = edges[e];
        const std::size_t other = ed.from == 0 ? ed.to : ed.from;
        std::size_t rank = 0, total = 0;
        for (std::size_t f = 0; f < edges.size(); ++f) {
            const std::size_t o = edges[f].from == 0 ? edges[f].to : edges[f].from;
            if (o != other) continue;
            if (f < e) ++rank;
            ++total;
        }
        const Node& a = nodes[ed.from];
        const Node& b = nodes[ed.to];
        const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
        if (len < 1) continue;
        const double ux = dx / len, uy = dy / len, nx = -uy, ny = ux;
        const double offset = (static_cast<double>(rank) - (static_cast<double>(total) - 1) / 2) * 28;
        const double r0 = clip(box_of(a, ed.from == 0), ux, uy), r1 = clip(box_of(b, ed.to == 0), ux, uy);
        const double x0 = a.x + ux * r0, y0 = a.y + uy * r0, x1 = b.x - ux * r1, y1 = b.y - uy * r1;
        const double mx = (x0 + x1) / 2 + nx * offset * 2, my = (y0 + y1) / 2 + ny * offset * 2; // control point
        const double lx = (x0 + x1) / 2 + nx * offset, ly = (y0 + y1) / 2 + ny * offset;         // the curve's midpoint
        const char* colour = verdict_colour(ed.verdict);
        out += "<path d=\"M" + num(x0) + "," + num(y0) + " Q" + num(mx) + "," + num(my) + " " + num(x1) + "," + num(y1) + "\" stroke=\"" + colour +
               "\" marker-end=\"url(#arrow-" + std::string{to_string(ed.verdict)} + ")\"/>\n";
        double angle = std::atan2(dy, dx) * 180 / std::numbers::pi;
        if (angle > 90) angle -= 180;
        if (angle < -90) angle += 180;
        labels += "<text x=\"" + num(lx) + "\" y=\"" + num(ly) + "\" transform=\"rotate(" + num(angle) + " " + num(lx) + " " + num(ly) +
                  ")\" dy=\"-3\" fill=\"" + colour + "\">" + esc(ed.label) + "</text>\n";
    }
    out += "</g>\n<g font-size=\"10\" text-anchor=\"middle\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\n" + labels + "</g>\n";

    // Nodes.
    out += "<g text-anchor=\"middle\">\n";
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& nd = nodes[i];
        const bool centre = i == 0;
        const auto [hw, hh] = box_of(nd, centre);
        const double w = 2 * hw, h = 2 * hh;
        out += "<rect x=\"" + num(nd.x - w / 2) + "\" y=\"" + num(nd.y - h / 2) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
               "\" rx=\"10\" fill=\"" + (centre ? "#1f4e79" : "#eef3f8") + "\" stroke=\"#1f4e79\" stroke-width=\"1.5\"/>\n";
        out += "<text x=\"" + num(nd.x) + "\" y=\"" + num(nd.y + (centre ? 5 : 4)) + "\" font-size=\"" + (centre ? "14" : "12") + "\" fill=\"" +
               (centre ? "#ffffff" : "#1f1f1f") + "\"" + (centre ? " font-weight=\"bold\"" : "") + ">" + esc(nd.name) + "</text>\n";
    }
    out += "</g>\n";

    // Legend.
    out += "<g font-size=\"11\">\n";
    double x = 20;
    const double y = height - 22;
    for (Verdict v : {Verdict::ok, Verdict::incomplete, Verdict::violations}) {
        const std::string word = verdict_word(v, lang);
        out += "<line x1=\"" + num(x) + "\" y1=\"" + num(y) + "\" x2=\"" + num(x + 26) + "\" y2=\"" + num(y) + "\" stroke=\"" + verdict_colour(v) +
               "\" stroke-width=\"2\" marker-end=\"url(#arrow-" + std::string{to_string(v)} + ")\"/>\n";
        out += "<text x=\"" + num(x + 32) + "\" y=\"" + num(y + 4) + "\">" + esc(word) + "</text>\n";
        x += 48 + 7 * static_cast<double>(width_of(word));
    }
    out += "<text x=\"" + num(width - 20) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\" fill=\"#444444\">" +
           esc(sv ? "pil: från uppdragstagare till uppdragsgivare" : "arrow: from contractor to principal") + "</text>\n";
    out += "</g>\n</svg>\n";
    return out;
}

std::string render_portfolio_html(const PortfolioReport& report, const PortfolioRenderOptions& options) {
    const Doc d = build(report, options.lang);
    std::string out = html_head(d.title, options.lang) + "<main>\n";
    out += report_body(report, options.lang, "", 1);
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::string render_portfolio_all_html(const PortfolioSummary& summary, const std::vector<PortfolioReport>& reports,
                                      const PortfolioRenderOptions& options) {
    const Doc s = build_summary(summary, options.lang);
    std::string out = html_head(s.title, options.lang) + "<main>\n<h1>" + esc(s.title) + "</h1>\n";
    for (const auto& p : s.intro) out += "<p>" + esc(p) + "</p>\n";
    out += html_sections(s, "all-");
    for (const PortfolioReport& r : reports) {
        out += "<article class=\"party\" id=\"party-" + esc(r.party) + "\">\n";
        out += report_body(r, options.lang, r.party + "-", 2);
        out += "</article>\n";
    }
    out += "</main>\n</body>\n</html>\n";
    return out;
}

} // namespace avtal
