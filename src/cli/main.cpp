// The avtal command: check agreements, allocate costs, list thresholds,
// recommend forms of cooperation and explain rules (SPEC §10).
#include <avtal/avtal.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/io/json.hpp>
#include <avtal/io/render.hpp>
#include <avtal/law/rules.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace avtal;

constexpr int exit_ok = 0, exit_violations = 1, exit_bad_input = 2, exit_incomplete = 3;

const char* const usage_text = "usage: avtal check FILE... [--format text|json|markdown] [--lang sv|en] [--all]\n"
                               "                           [--date YYYY-MM-DD] [--thresholds FILE]\n"
                               "       avtal allocate FILE [--format text|json] [--lang sv|en]\n"
                               "       avtal thresholds [--date YYYY-MM-DD] [--thresholds FILE] [--format text|json]\n"
                               "       avtal forms NEEDS.json [--format text|json] [--lang sv|en]\n"
                               "       avtal explain RULE_ID [--lang sv|en]\n"
                               "       avtal --help | --version\n"
                               "\n"
                               "Checks agreements on kommunal avtalssamverkan (9 kap. 37 § kommunallagen)\n"
                               "against the law and SKR's guidance. FILE may be '-' for standard input; a\n"
                               "file may hold one agreement, a JSON array of agreements or JSON Lines.\n"
                               "\n"
                               "Exit codes: 0 ok, 1 violations, 2 bad input or usage, 3 incomplete (no\n"
                               "violations, but a legal requirement could not be decided). With several\n"
                               "agreements the worst code is returned: 2, then 1, then 3, then 0.\n"
                               "\n"
                               "--thresholds FILE  replaces the built-in direct-award limits with the\n"
                               "                   file's table, or extends them when the file says\n"
                               "                   \"extends\": \"builtin\" (a what-if reform).\n";

struct Args {
    std::string command;
    std::vector<std::string> files;
    std::string format = "text";
    Lang lang = Lang::sv;
    bool all = false;
    std::optional<Date> date;
    std::string thresholds_file;
};

int usage_error(const std::string& what) {
    std::cerr << "avtal: " << what << "\n" << usage_text;
    return exit_bad_input;
}

bool read_file(const std::string& name, std::string& out) {
    if (name == "-") {
        out.assign(std::istreambuf_iterator<char>{std::cin}, std::istreambuf_iterator<char>{});
        return true;
    }
    std::ifstream in{name, std::ios::binary};
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = std::move(s).str();
    return true;
}

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

/// The rank of an exit code: bad input is worst, then violations, then incomplete.
int rank(int code) {
    switch (code) {
    case exit_bad_input: return 3;
    case exit_violations: return 2;
    case exit_incomplete: return 1;
    default: return 0;
    }
}
int worst(int a, int b) { return rank(a) >= rank(b) ? a : b; }

std::shared_ptr<const ThresholdTable> load_thresholds(const Args& args, bool& ok) {
    ok = true;
    if (args.thresholds_file.empty()) return nullptr;
    std::string text;
    if (!read_file(args.thresholds_file, text)) {
        std::cerr << "avtal: cannot read " << args.thresholds_file << "\n";
        ok = false;
        return nullptr;
    }
    auto r = json::read_thresholds(text, args.thresholds_file);
    if (!r.table) {
        for (const auto& p : r.problems) std::cerr << args.thresholds_file << ": " << p.to_string() << "\n";
        ok = false;
        return nullptr;
    }
    if (r.extends_builtin) return std::make_shared<const ThresholdTable>(builtin_thresholds()->extended_with(*r.table));
    return std::make_shared<const ThresholdTable>(std::move(*r.table));
}

int cmd_check(const Args& args) {
    if (args.files.empty()) return usage_error("check needs at least one FILE (or - for standard input)");
    if (args.format != "text" && args.format != "json" && args.format != "markdown") return usage_error("unknown format " + args.format);
    bool ok = true;
    CheckOptions options;
    options.date = args.date;
    options.thresholds = load_thresholds(args, ok);
    if (!ok) return exit_bad_input;
    int code = exit_ok;
    std::size_t shown = 0;
    std::string out;
    for (const std::string& file : args.files) {
        std::string text;
        if (!read_file(file, text)) {
            std::cerr << "avtal: cannot read " << file << "\n";
            code = worst(code, exit_bad_input);
            continue;
        }
        for (json::ReadResult& doc : json::read_batch(text, file)) {
            if (!doc.agreement) {
                for (const Problem& p : doc.problems) std::cerr << doc.source << ": " << p.to_string() << "\n";
                code = worst(code, exit_bad_input);
                continue;
            }
            const Report report = check(*doc.agreement, options);
            code = worst(code, exit_code(report.verdict()));
            if (args.format == "json") {
                out += json::write_report(report, {args.lang, args.all}, doc.input_sha256);
                out += '\n';
            } else {
                RenderOptions ro{args.lang, args.all, doc.input_sha256, 80};
                if (shown++ > 0) out += args.format == "markdown" ? "\n---\n\n" : "\n" + std::string(80, '=') + "\n";
                out += args.format == "markdown" ? render_markdown(report, ro) : render_text(report, ro);
            }
            if (out.size() > (1u << 16)) {
                write_out(out);
                out.clear();
            }
        }
    }
    write_out(out);
    return code;
}

int cmd_allocate(const Args& args) {
    if (args.files.size() != 1) return usage_error("allocate needs exactly one FILE");
    std::string text;
    if (!read_file(args.files[0], text)) {
        std::cerr << "avtal: cannot read " << args.files[0] << "\n";
        return exit_bad_input;
    }
    const auto doc = json::read_agreement(text);
    if (!doc.agreement) {
        for (const Problem& p : doc.problems) std::cerr << args.files[0] << ": " << p.to_string() << "\n";
        return exit_bad_input;
    }
    const Context ctx{*doc.agreement, args.date};
    const auto lines = report_allocation(ctx);
    const Agreement& a = *doc.agreement;
    const bool sv = args.lang == Lang::sv;
    if (args.format == "json") {
        std::string out = "[";
        for (std::size_t i = 0; i < lines.size(); ++i) {
            out += (i ? "," : "") + std::string{"{\"party\":"} + json::quote(a.parties[lines[i].party].id) + ",\"amount\":\"" +
                   lines[i].amount.to_string() + "\"";
            // As in the report: the contractor is named when there are several.
            if (lines[i].contractor && ctx.compensation_groups().size() > 1)
                out += ",\"contractor\":" + json::quote(a.parties[*lines[i].contractor].id);
            if (lines[i].own_share) out += ",\"own_share\":true";
            out += "}";
        }
        write_out(out + "]\n");
        return exit_ok;
    }
    if (args.format != "text") return usage_error("unknown format " + args.format);
    std::string out = (sv ? "Fördelning per år: " : "Allocation per year: ") + (a.title.empty() ? a.id : a.title) + "\n";
    if (lines.empty())
        out += sv ? "  Ingen fördelning: belopp eller fördelningsnyckel saknas.\n" : "  No allocation: an amount or the allocation key is missing.\n";
    for (std::size_t g = 0; g < ctx.compensation_groups().size(); ++g) {
        const auto& group = ctx.compensation_groups()[g];
        const auto figures = compensation_figures(ctx, g);
        if (group.contractor)
            out += std::string{sv ? "Uppdragstagare: " : "Contractor: "} +
                   (a.parties[*group.contractor].name.empty() ? a.parties[*group.contractor].id : a.parties[*group.contractor].name) + "\n";
        if (auto cost = figures.full_cost.value()) out += std::string{sv ? "  Självkostnad: " : "  Full cost: "} + cost->display(sv) + "\n";
        Money sum{};
        for (const auto& l : lines) {
            if (l.contractor != group.contractor) continue;
            const Party& p = a.parties[l.party];
            std::string name = (p.name.empty() ? p.id : p.name) + (l.own_share ? (sv ? " (egen andel)" : " (own share)") : "");
            std::size_t columns = 0; // UTF-8 characters, not bytes: "Lidingö" is 7 wide
            for (char c : name) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            if (columns < 44) name.append(44 - columns, ' ');
            out += "  " + name + " " + l.amount.display(sv) + "\n";
            sum = Money::from_ore(sum.ore() + l.amount.ore());
        }
        out += std::string{sv ? "  Summa: " : "  Total: "} + sum.display(sv) + "\n";
    }
    write_out(out);
    return exit_ok;
}

int cmd_thresholds(const Args& args) {
    bool ok = true;
    auto table = load_thresholds(args, ok);
    if (!ok) return exit_bad_input;
    if (!table) table = builtin_thresholds();
    const bool sv = args.lang == Lang::sv;
    std::vector<const ThresholdRow*> rows;
    std::vector<Category> gaps;
    if (args.date) {
        for_each_enumerator<Category>([&](Category c) {
            if (const ThresholdRow* r = table->find(direct_award_limit, c, *args.date))
                rows.push_back(r);
            else
                gaps.push_back(c);
        });
    } else {
        for (const auto& r : table->rows) rows.push_back(&r);
    }
    if (args.format == "json") {
        ThresholdTable t;
        t.name = table->name;
        for (const ThresholdRow* r : rows) t.rows.push_back(*r);
        write_out(json::write_thresholds(t));
    } else {
        std::string out = (sv ? "Direktupphandlingsgränser (LOU): " : "Direct-award limits (LOU): ") + table->name + "\n";
        for (const ThresholdRow* r : rows) {
            out += "  " + format_date(r->valid_from) + " – " + (r->valid_to ? format_date(*r->valid_to) : std::string(10, ' ')) + "  ";
            std::string cat{to_string(r->category)};
            cat.resize(26, ' ');
            out += cat + r->amount.display(sv) +
                   (r->inclusive ? "" : (sv ? "  (beloppet självt ingår inte)" : "  (the amount itself is not within)")) + "\n";
            out += "      " + r->source + "\n";
        }
        for (Category c : gaps)
            out += std::string{"  "} + std::string{to_string(c)} + ": " + (sv ? "ingen bekräftad gräns för " : "no confirmed limit for ") +
                   format_date(*args.date) + "\n";
        write_out(out);
    }
    if (args.date && rows.empty()) {
        std::cerr << "avtal: no confirmed direct-award limit for " << format_date(*args.date) << " in " << table->name << "\n";
        return exit_bad_input;
    }
    return exit_ok;
}

int cmd_explain(const Args& args) {
    if (args.files.size() != 1) return usage_error("explain needs exactly one RULE_ID");
    const std::string& id = args.files[0];
    const bool sv = args.lang == Lang::sv;
    if (const Rule* r = find_rule(id)) {
        const RuleInfo& i = r->info();
        std::string out = i.id + " [" + std::string{to_string(i.severity)} + "]\n";
        out += "  " + i.title.sv + "\n  " + i.title.en + "\n";
        out += std::string{sv ? "  Lagrum: " : "  Citation: "} + i.citation + "\n";
        out += std::string{sv ? "  Källa: " : "  Source: "} + i.source + "\n";
        if (!i.violation.in(args.lang).empty()) {
            std::string v = i.violation.in(args.lang);
            if (auto pos = v.find("{subject}"); pos != std::string::npos) v.replace(pos, 9, sv ? "Föremålet" : "The subject");
            out += std::string{sv ? "  Vid överträdelse: " : "  When violated: "} + v + "\n";
        }
        write_out(out);
        return exit_ok;
    }
    const std::vector<Predicate<TaskSubject>> exceptions = {predicates::exception_public_authority(), predicates::exception_direct_award(),
                                                            predicates::exception_hamburg(), predicates::exception_teckal(),
                                                            predicates::exception_nesgi()};
    for (const auto& e : exceptions)
        if (e.id() == id) {
            std::string out = e.id() + "\n  " + e.info().text.sv + "\n  " + e.info().text.en + "\n";
            out += std::string{sv ? "  Lagrum: " : "  Citation: "} + e.info().citation + "\n";
            write_out(out);
            return exit_ok;
        }
    std::cerr << "avtal: unknown rule " << id << "; known rules:";
    for (const Rule& r : builtin_rules()) std::cerr << " " << r.id();
    for (const auto& e : exceptions) std::cerr << " " << e.id();
    std::cerr << "\n";
    return exit_bad_input;
}

int cmd_forms(const Args& args);

} // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    Args args;
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) return usage_error("missing command");
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        const auto value = [&](const char* opt) -> std::optional<std::string> {
            if (i + 1 >= words.size()) return std::nullopt;
            (void)opt;
            return words[++i];
        };
        if (w == "--help" || w == "-h") {
            std::cout << usage_text;
            return exit_ok;
        }
        if (w == "--version") {
            std::cout << "avtal " << library_version << " (rules " << rules_version << ")\n";
            return exit_ok;
        }
        if (w == "--all") {
            args.all = true;
        } else if (w == "--format") {
            auto v = value("--format");
            if (!v) return usage_error("--format needs a value");
            args.format = *v;
        } else if (w == "--lang") {
            auto v = value("--lang");
            if (!v || (*v != "sv" && *v != "en")) return usage_error("--lang needs sv or en");
            args.lang = *v == "sv" ? Lang::sv : Lang::en;
        } else if (w == "--date") {
            auto v = value("--date");
            if (!v) return usage_error("--date needs a value");
            args.date = parse_date(*v);
            if (!args.date) return usage_error("invalid date " + *v + " (expected an existing date YYYY-MM-DD)");
        } else if (w == "--thresholds") {
            auto v = value("--thresholds");
            if (!v) return usage_error("--thresholds needs a FILE");
            args.thresholds_file = *v;
        } else if (w.size() > 1 && w[0] == '-' && w != "-") {
            return usage_error("unknown option " + w);
        } else if (args.command.empty()) {
            args.command = w;
        } else {
            args.files.push_back(w);
        }
    }
    if (args.command == "check") return cmd_check(args);
    if (args.command == "allocate") return cmd_allocate(args);
    if (args.command == "thresholds") {
        if (!args.files.empty()) return usage_error("thresholds takes no FILE");
        return cmd_thresholds(args);
    }
    if (args.command == "explain") return cmd_explain(args);
    if (args.command == "forms") return cmd_forms(args);
    return usage_error("unknown command " + args.command);
}

namespace {

int cmd_forms(const Args& args) {
    if (args.files.size() != 1) return usage_error("forms needs exactly one NEEDS.json");
    std::string text;
    if (!read_file(args.files[0], text)) {
        std::cerr << "avtal: cannot read " << args.files[0] << "\n";
        return exit_bad_input;
    }
    const auto needs = json::read_needs(text);
    if (!needs.need) {
        for (const Problem& p : needs.problems) std::cerr << args.files[0] << ": " << p.to_string() << "\n";
        return exit_bad_input;
    }
    const Recommendation rec = recommend_forms(*needs.need);
    if (args.format == "json")
        write_out(json::write_recommendation(rec, args.lang) + "\n");
    else if (args.format == "text")
        write_out(render_recommendation(rec, RenderOptions{args.lang, false, {}, 80}));
    else
        return usage_error("unknown format " + args.format);
    return exit_ok;
}

} // namespace
