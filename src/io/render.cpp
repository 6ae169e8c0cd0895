// Human-readable reports: text for a terminal, Markdown for a memo. Both
// group findings by what the reader must do: errors against the law, legal
// requirements that cannot be decided (with the facts to find out),
// deviations from guidance, then information.
#include "text_layout.hpp"
#include "text_util.hpp"

#include <avtal/core/date.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/io/messages.hpp>
#include <avtal/io/render.hpp>
#include <avtal/law/method.hpp>
#include <avtal/law/thresholds.hpp>
#include <avtal/model/names.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace avtal {

namespace {

using detail::Words;

Words verdict_words(Verdict v) {
    switch (v) {
    case Verdict::ok: return {"OK – inga fel", "OK – no errors"};
    case Verdict::violations: return {"ÖVERTRÄDELSER – avtalet bryter mot lag", "VIOLATIONS – the agreement breaks the law"};
    case Verdict::incomplete: return {"OFULLSTÄNDIGT – uppgifter saknas för att avgöra", "INCOMPLETE – facts are missing to decide"};
    case Verdict::invalid: break;
    }
    return {"OGILTIG INDATA", "INVALID INPUT"};
}

Words severity_words(Severity s) {
    switch (s) {
    case Severity::error: return {"lagkrav", "legal requirement"};
    case Severity::warning: return {"vägledning", "guidance"};
    case Severity::info: break;
    }
    return {"information", "information"};
}

Words outcome_words(ProcurementOutcome o) {
    switch (o) {
    case ProcurementOutcome::not_applicable: return {"LOU gäller inte (myndighetsutövning)", "LOU does not apply (exercise of authority)"};
    case ProcurementOutcome::exempt:
        return {"ingen annonserad upphandling krävs (undantag gäller)", "no advertised procurement needed (an exception holds)"};
    case ProcurementOutcome::required: return {"ska upphandlas", "must be procured"};
    case ProcurementOutcome::undetermined: break;
    }
    return {"kan inte avgöras", "undetermined"};
}

Words truth_words(Truth t) {
    switch (t) {
    case Truth::yes: return {"ja", "yes"};
    case Truth::no: return {"nej", "no"};
    case Truth::unknown: break;
    }
    return {"okänt", "unknown"};
}

/// The name of a procurement exception as SKR 2023 kap. 3 names it; a
/// user's own exception by its text.
std::string exception_name(const Predicate<TaskSubject>& e, Lang lang) {
    static constexpr std::array<std::array<const char*, 3>, 5> names = {{
        {"exception.public_authority", "Myndighetsutövning", "Exercise of public authority"},
        {"exception.direct_award", "Direktupphandling", "Direct award"},
        {"exception.hamburg", "Hamburgundantaget", "The Hamburg exception"},
        {"exception.teckal", "Teckalundantaget", "The Teckal exception"},
        {"exception.nesgi", "Tjänster av allmänt intresse utan ekonomisk karaktär", "Non-economic services of general interest"},
    }};
    for (const auto& n : names)
        if (e.id() == n[0]) return lang == Lang::sv ? n[1] : n[2];
    return e.info().text.in(lang);
}

/// Text and Markdown go to terminals and documents: every C0 control but
/// the line break, and DEL, becomes its visible Unicode control picture
/// (ESC as "␛"), so that a name such as "\u001b[31m…" cannot steer the
/// terminal (an escape injection). Line breaks inside user text are
/// replaced where that text is laid out (`wrap`, `party_name`).
std::string visible_controls(std::string s) {
    const auto is_control = [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F; };
    // Blocks of 64 bytes without an early exit, in byte arithmetic (which the
    // compiler vectorises): a report of 10⁵ tasks is some 300 MB, nearly
    // always without a control.
    std::size_t clean = 0;
    for (; clean + 64 <= s.size(); clean += 64) {
        std::uint8_t any = 0;
        for (std::size_t k = 0; k < 64; ++k) {
            const auto c = static_cast<std::uint8_t>(s[clean + k]);
            any |= static_cast<std::uint8_t>(static_cast<std::uint8_t>(c < 0x20) & static_cast<std::uint8_t>(c != 0x0A)) |
                   static_cast<std::uint8_t>(c == 0x7F);
        }
        if (any != 0) break;
    }
    if (std::none_of(s.begin() + static_cast<std::ptrdiff_t>(clean), s.end(), is_control)) return s;
    std::string out;
    out.reserve(s.size() + 16);
    for (char c : s) {
        if (!is_control(c)) {
            out += c;
            continue;
        }
        // U+2400 + c (U+2421 for DEL), three bytes of UTF-8: E2 90 80+c.
        const unsigned code = c == 0x7F ? 0x21 : static_cast<unsigned char>(c);
        out += '\xE2';
        out += '\x90';
        out += static_cast<char>(0x80 + code);
    }
    return out;
}

using detail::one_line;

using detail::width_of;

/// Wraps `text` at spaces to `width` columns, every line indented by
/// `indent` and the lines after the first by `hang` more; a line break in
/// the text is shown as "␊".
std::string wrap(std::string_view raw, std::size_t indent, std::size_t width, std::size_t hang = 0) {
    const std::string flat = raw.find('\n') == std::string_view::npos ? std::string{} : one_line(raw);
    return detail::wrap_words(flat.empty() ? raw : std::string_view{flat}, indent, indent + hang, width);
}

std::string pad_right(std::string s, std::size_t w) {
    const std::size_t n = width_of(s);
    if (n < w) s.append(w - n, ' ');
    return s;
}

std::string pad_left(const std::string& s, std::size_t w) {
    const std::size_t n = width_of(s);
    return n < w ? std::string(w - n, ' ') + s : s;
}

std::string party_name(const Agreement& a, std::size_t k) {
    const Party& p = a.parties[k];
    return one_line(p.name.empty() ? p.id : p.name);
}

std::string party_name(const Agreement& a, const std::string& id) {
    const Party* p = a.find_party(id);
    return one_line(p && !p->name.empty() ? p->name : id);
}

using detail::md_cell;

std::string joined(const std::vector<std::string>& v, std::string_view sep = ", ") {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) (s += i ? sep : "") += v[i];
    return s;
}

// --- Findings, grouped by what the reader must do ---------------------------

enum class Group : std::uint8_t { errors, undetermined_law, deviations, undetermined_guidance, information, satisfied };
constexpr std::size_t group_count = 6;

Group group_of(const Finding& f) {
    const Severity s = f.rule->info().severity;
    if (s == Severity::info) return Group::information;
    if (f.status == Status::satisfied) return Group::satisfied;
    if (s == Severity::error) return f.status == Status::violated ? Group::errors : Group::undetermined_law;
    return f.status == Status::violated ? Group::deviations : Group::undetermined_guidance;
}

Words group_heading(Group g) {
    switch (g) {
    case Group::errors: return {"FEL (lag)", "ERRORS (law)"};
    case Group::undetermined_law: return {"KAN INTE AVGÖRAS (lag)", "CANNOT BE DECIDED (law)"};
    case Group::deviations: return {"AVVIKELSER FRÅN VÄGLEDNING", "DEVIATIONS FROM GUIDANCE"};
    case Group::undetermined_guidance: return {"KAN INTE AVGÖRAS (vägledning)", "CANNOT BE DECIDED (guidance)"};
    case Group::information: return {"INFORMATION", "INFORMATION"};
    case Group::satisfied: break;
    }
    return {"UPPFYLLT", "SATISFIED"};
}

Words group_title(Group g) {
    switch (g) {
    case Group::errors: return {"Fel (lag)", "Errors (law)"};
    case Group::undetermined_law: return {"Kan inte avgöras (lag)", "Cannot be decided (law)"};
    case Group::deviations: return {"Avvikelser från vägledning", "Deviations from guidance"};
    case Group::undetermined_guidance: return {"Kan inte avgöras (vägledning)", "Cannot be decided (guidance)"};
    case Group::information: return {"Information", "Information"};
    case Group::satisfied: break;
    }
    return {"Uppfyllt", "Satisfied"};
}

const char* group_mark(Group g) {
    switch (g) {
    case Group::errors:
    case Group::deviations: return "✗";
    case Group::undetermined_law:
    case Group::undetermined_guidance: return "?";
    case Group::information: return "i";
    case Group::satisfied: break;
    }
    return "✓";
}

/// The findings of each group, in the report's order.
std::array<std::vector<const Finding*>, group_count> grouped(const Report& r, bool all) {
    std::array<std::vector<const Finding*>, group_count> g;
    for (const Finding& f : r.findings()) {
        const Group k = group_of(f);
        if (k == Group::satisfied && !all) continue;
        g[static_cast<std::size_t>(k)].push_back(&f);
    }
    return g;
}

/// The missing facts every finding of a group shares, when there are
/// several findings and all have the same list: said once for the group.
std::vector<std::string> shared_missing(const std::vector<const Finding*>& fs) {
    if (fs.size() < 2 || fs.front()->missing.empty()) return {};
    for (const Finding* f : fs)
        if (f->missing != fs.front()->missing) return {};
    return fs.front()->missing;
}

const char* basis_label(const Finding& f, Lang lang) {
    const bool law = f.rule->info().severity == Severity::error;
    return lang == Lang::sv ? (law ? "Lagrum: " : "Källa: ") : (law ? "Law: " : "Source: ");
}

// --- Summary and receipt ----------------------------------------------------

std::string summary_line(const Report& r, Lang lang) {
    std::array<std::size_t, group_count> c{};
    for (const Finding& f : r.findings()) ++c[static_cast<std::size_t>(group_of(f))];
    const auto n = [](std::size_t x, const char* one, const char* many) { return std::to_string(x) + " " + (x == 1 ? one : many); };
    const auto at = [&](Group g) { return c[static_cast<std::size_t>(g)]; };
    std::string s = verdict_words(r.verdict()).in(lang) + " · ";
    if (lang == Lang::sv)
        s += n(at(Group::errors), "fel", "fel") + ", " + n(at(Group::undetermined_law), "lagkrav", "lagkrav") + " som inte kan avgöras, " +
             n(at(Group::deviations), "avvikelse", "avvikelser") + " från vägledning, " + n(at(Group::undetermined_guidance), "råd", "råd") +
             " som inte kan avgöras; " + n(r.findings().size(), "kontroll", "kontroller");
    else
        s += n(at(Group::errors), "error", "errors") + ", " + n(at(Group::undetermined_law), "legal requirement", "legal requirements") +
             " that cannot be decided, " + n(at(Group::deviations), "deviation", "deviations") + " from guidance, " +
             n(at(Group::undetermined_guidance), "recommendation", "recommendations") + " that cannot be decided; " +
             n(r.findings().size(), "check", "checks");
    return s;
}

/// The threshold table's name in the report's language: the built-in table
/// by what it is, a user's table by its own name.
std::string table_name(const std::string& name, Lang lang) {
    const std::string& builtin = builtin_thresholds()->name;
    if (name.compare(0, builtin.size(), builtin) != 0) return name;
    const std::string version = builtin.substr(builtin.rfind(' ') + 1);
    return (lang == Lang::sv ? "avtals inbyggda tabell " : "avtal's built-in table ") + version + name.substr(builtin.size());
}

std::string receipt_line(const Report& r, const RenderOptions& o) {
    const Receipt rc = r.receipt();
    const bool sv = o.lang == Lang::sv;
    std::string s = std::string{sv ? "Kvitto: " : "Receipt: "} + "avtal " + rc.avtal + " · " + (sv ? "regler " : "rules ") + rc.rules + " · " +
                    (sv ? "direktupphandlingsgränser: " : "direct-award limits: ") + table_name(rc.thresholds, o.lang);
    for (const ThresholdRow* row : rc.rows)
        s += " · " + name_of(row->category).in(o.lang) + (sv ? " från " : " from ") + format_date(row->valid_from) + ": " + row->amount.display(sv);
    if (!o.input_sha256.empty()) s += " · " + std::string{sv ? "indata sha256 " : "input sha256 "} + std::string{o.input_sha256};
    return s;
}

// --- The direct-award test per principal ------------------------------------

std::string value_text(const DirectAwardLine& l, bool sv) {
    if (l.value_high && *l.value_high == l.value_low) return l.value_low.display(sv);
    if (l.value_high) return l.value_low.display(sv) + "–" + l.value_high->display(sv);
    return (sv ? "minst " : "at least ") + l.value_low.display(sv);
}

std::string months_text(const DirectAwardLine& l, bool sv, bool abbreviated = false) {
    std::string m = std::to_string(l.months_low);
    if (!l.months_high)
        m = (sv ? "minst " : "at least ") + m;
    else if (*l.months_high != l.months_low)
        m += "–" + std::to_string(*l.months_high);
    return m + (abbreviated ? (sv ? " mån." : " mo.") : (sv ? " månader" : " months"));
}

/// The limit rows a task's lines use, in order, each once.
std::vector<const ThresholdRow*> limit_rows(const std::vector<DirectAwardLine>& lines) {
    std::vector<const ThresholdRow*> rows;
    for (const auto& l : lines)
        if (l.limit && std::find(rows.begin(), rows.end(), l.limit) == rows.end()) rows.push_back(l.limit);
    return rows;
}

/// What stands under the per-principal table, once: each limit with its
/// period, whether the amount itself is within and its source; the
/// 48-month rule when it applies; categories with no confirmed limit.
std::vector<std::string> limit_notes(const std::vector<DirectAwardLine>& lines, const Context& ctx, Lang lang, bool markdown) {
    const bool sv = lang == Lang::sv;
    std::vector<std::string> notes;
    for (const ThresholdRow* row : limit_rows(lines)) {
        const std::string to = row->valid_to ? format_date(*row->valid_to) : std::string{sv ? "tills vidare" : "open-ended"};
        std::string s = (sv ? "Gränsen för " : "The limit for ") + name_of(row->category).in(lang) + (sv ? " är " : " is ") +
                        row->amount.display(sv) + " (" + format_date(row->valid_from) + "–" + to + "); ";
        s += row->inclusive
                 ? (sv ? "ett värde lika med beloppet ligger inom gränsen." : "a value equal to the amount is within the limit.")
                 : (sv ? "beloppet självt ingår inte (det är EU:s tröskelvärde)." : "the amount itself is not within (it is the EU threshold).");
        s += (sv ? " Källa: " : " Source: ") + format_citation(row->source, markdown) + ".";
        notes.push_back(std::move(s));
    }
    for (const auto& l : lines)
        if (!l.limit && ctx.date()) {
            std::string s = sv ? "Ingen bekräftad direktupphandlingsgräns för " + name_of(l.category).sv + " den " + format_date(*ctx.date()) + "."
                               : "No confirmed direct-award limit for " + name_of(l.category).en + " on " + format_date(*ctx.date()) + ".";
            if (std::find(notes.begin(), notes.end(), s) == notes.end()) notes.push_back(std::move(s));
        }
    const bool indefinite = std::any_of(lines.begin(), lines.end(), [](const DirectAwardLine& l) { return l.indefinite; });
    if (indefinite)
        notes.emplace_back(sv ? "Avtalet gäller tills vidare eller anger ingen avtalstid: värdet räknas över 48 månader, eller över den bundna "
                                "avtalstiden om den är längre (5 kap. LOU)."
                              : "The agreement runs until further notice or states no term: the value is counted over 48 months, or over the binding "
                                "term if it is longer (LOU chapter 5).");
    else if (!lines.empty())
        notes.emplace_back(sv ? "Värdet räknas över hela avtalstiden med förlängningar."
                              : "The value is counted over the whole term with extensions.");
    return notes;
}

/// A short answer for the exception list's direct-award reason.
std::string direct_award_summary(const std::vector<DirectAwardLine>& lines, const Agreement& a, Lang lang) {
    const bool sv = lang == Lang::sv;
    std::vector<std::string> principals, over, open;
    const auto add = [](std::vector<std::string>& v, const std::string& s) {
        if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
    };
    for (const auto& l : lines) {
        add(principals, l.principal);
        if (l.within == Truth::no) add(over, party_name(a, l.principal));
        if (l.within == Truth::unknown) add(open, party_name(a, l.principal));
    }
    if (over.empty() && open.empty()) {
        const std::string n = std::to_string(principals.size());
        return sv ? "Inom gränsen för " + (principals.size() == 1 ? std::string{"uppdragsgivaren"} : "alla " + n + " uppdragsgivare") + "."
                  : "Within the limit for " + (principals.size() == 1 ? std::string{"the principal"} : "all " + n + " principals") + ".";
    }
    std::string s;
    if (!over.empty()) s += (sv ? "Över gränsen: " : "Over the limit: ") + joined(over) + ".";
    if (!open.empty()) s += std::string{s.empty() ? "" : " "} + (sv ? "Kan inte avgöras: " : "Cannot be decided: ") + joined(open) + ".";
    return s;
}

} // namespace

// --- Plain text -------------------------------------------------------------

static std::string render_text_unescaped(const Report& r, const RenderOptions& o) {
    const Lang lang = o.lang;
    const bool sv = lang == Lang::sv;
    const Agreement& a = r.agreement();
    const std::size_t w = o.width;
    std::string out;
    // About what a finding and a task's procurement block take (pages not
    // written are never touched): the report is not copied as it grows.
    out.reserve(std::min<std::size_t>(1024 * (r.findings().size() + 2 * r.procurement().size()) + 4096, std::size_t{1} << 30));
    out += wrap((a.title.empty() ? a.id : a.title) + " (" + a.id + ")", 0, w);
    out += wrap(std::string{sv ? "Bedömningsdatum: " : "Assessment date: "} +
                    (r.context().date() ? format_date(*r.context().date()) : std::string{sv ? "saknas" : "missing"}),
                0, w);
    out += wrap(std::string{sv ? "Resultat: " : "Verdict: "} + verdict_words(r.verdict()).in(lang), 0, w);
    for (const Problem& p : r.problems()) out += wrap(std::string{sv ? "Ogiltig indata: " : "Invalid input: "} + p.to_string(lang), 2, w);

    const auto groups = grouped(r, o.all);
    const char* find_out = sv ? "Ta reda på: " : "Find out: ";
    for (std::size_t g = 0; g < group_count; ++g) {
        const auto& fs = groups[g];
        if (fs.empty()) continue;
        const auto group = static_cast<Group>(g);
        const std::vector<std::string> shared = shared_missing(fs);
        out += "\n" + group_heading(group).in(lang) + " (" + std::to_string(fs.size()) + ")\n";
        for (const Finding* f : fs) {
            const std::string path = subject_path(r, *f);
            out += wrap(std::string{group_mark(group)} + " " + f->rule->id() + (path.empty() ? std::string{} : " (" + path + ")"), 2, w);
            out += wrap(message(r, *f, lang), 4, w);
            out += wrap(basis_label(*f, lang) + format_citation(f->rule->info().citation), 4, w);
            if (!f->missing.empty() && shared.empty()) out += wrap(find_out + joined(f->missing), 4, w);
        }
        if (!shared.empty())
            out += wrap(std::string{sv ? "Ta reda på (för alla " : "Find out (for all "} + std::to_string(fs.size()) +
                            (sv ? " ovan): " : " above): ") + joined(shared),
                        2, w);
    }

    if (!r.procurement().empty()) {
        out += std::string{"\n"} + (sv ? "UPPHANDLING (LOU)" : "PROCUREMENT (LOU)") + "\n";
        const auto& list = r.context().exceptions();
        for (const ProcurementResult& p : r.procurement()) {
            out += wrap(a.tasks[p.task].id + ": " + outcome_words(p.outcome).in(lang), 2, w);
            for (std::size_t i = 0; i < list.size(); ++i)
                out += "    " + pad_right(exception_name(list[i], lang), 30) + " " + truth_words(p.exceptions[i]).in(lang) + "\n";
            const std::vector<DirectAwardLine> lines = r.context().agreement().tasks[p.task].nature == TaskNature::exercise_of_authority
                                                           ? std::vector<DirectAwardLine>{}
                                                           : direct_award_lines(r.context(), p.task);
            if (!lines.empty()) {
                out += wrap(sv ? "Direktupphandling per uppdragsgivare (värde, period som räknas, gräns, inom gränsen?):"
                               : "Direct award per principal (value, period counted, limit, within?):",
                            4, w);
                for (const auto& l : lines)
                    out += "    " + pad_right(party_name(a, l.principal), 22) + " " + pad_left(value_text(l, sv), 17) + "  " +
                           pad_right(months_text(l, sv, true), 12) + " " + pad_left(l.limit ? l.limit->amount.display(sv) : std::string{"–"}, 13) +
                           " " + truth_words(l.within).in(lang) + "\n";
                for (const std::string& n : limit_notes(lines, r.context(), lang, false)) out += wrap(n, 4, w);
            }
            if (p.rests_on_direct_award_alone(list)) out += wrap(direct_award_duties().in(lang), 4, w);
            if (!p.missing.empty()) out += wrap(find_out + joined(p.missing), 4, w);
        }
    }
    if (!r.allocation().empty()) {
        out += std::string{"\n"} + (sv ? "FÖRDELNING PER ÅR" : "ALLOCATION PER YEAR") + "\n";
        for (const AllocationLine& l : r.allocation()) {
            std::string name = party_name(a, l.party);
            if (l.own_share) name += sv ? " (egen andel)" : " (own share)";
            const std::string amount = l.amount.display(sv);
            const std::size_t room = w > 4 + width_of(amount) ? w - 4 - width_of(amount) : 1;
            out += "  " + pad_right(name, room) + amount + "\n";
        }
    }
    out += "\n" + wrap(summary_line(r, lang), 0, w);
    out += wrap(receipt_line(r, o), 0, w);
    return out;
}

// --- Markdown ---------------------------------------------------------------

static std::string render_markdown_unescaped(const Report& r, const RenderOptions& o) {
    const Lang lang = o.lang;
    const bool sv = lang == Lang::sv;
    const Agreement& a = r.agreement();
    std::string out;
    out += std::string{"# "} + (sv ? "Granskning av avtalssamverkan: " : "Review of avtalssamverkan: ") + (a.title.empty() ? a.id : a.title) + "\n\n";
    out += sv ? "| Uppgift | Värde |\n|---|---|\n" : "| Item | Value |\n|---|---|\n";
    out += std::string{"| "} + (sv ? "Avtal" : "Agreement") + " | `" + a.id + "` |\n";
    out += std::string{"| "} + (sv ? "Bedömningsdatum" : "Assessment date") + " | " +
           (r.context().date() ? format_date(*r.context().date()) : std::string{"–"}) + " |\n";
    out += std::string{"| "} + (sv ? "Resultat" : "Verdict") + " | **" + verdict_words(r.verdict()).in(lang) + "** |\n";
    out += std::string{"| "} + (sv ? "Antal parter" : "Parties") + " | " + std::to_string(a.parties.size()) + " |\n\n";
    std::vector<std::string> parties;
    for (std::size_t i = 0; i < a.parties.size(); ++i) parties.push_back(party_name(a, i));
    out += std::string{"**"} + (sv ? "Parter:" : "Parties:") + "** " + joined(parties) + ".\n\n";
    if (!r.problems().empty()) {
        out += std::string{"## "} + (sv ? "Ogiltig indata" : "Invalid input") + "\n\n";
        for (const Problem& p : r.problems()) out += "- `" + p.path + "`: " + p.in(lang) + "\n";
        out += "\n";
    }
    const auto groups = grouped(r, o.all);
    // Every missing fact once, with the rules that need it.
    std::vector<std::pair<std::string, std::vector<std::string>>> missing;
    std::unordered_map<std::string_view, std::size_t> missing_at; // a path (in its finding, which outlives this) → its place in `missing`
    for (std::size_t g = 0; g < group_count; ++g) {
        const auto& fs = groups[g];
        if (fs.empty()) continue;
        out += "## " + group_title(static_cast<Group>(g)).in(lang) + "\n\n";
        const std::vector<std::string> shared = shared_missing(fs);
        for (std::size_t i = 0; i < fs.size(); ++i) {
            const Finding& f = *fs[i];
            out += std::to_string(i + 1) + ". " + message(r, f, lang) + "\n\n";
            const std::string path = subject_path(r, f);
            out += std::string{"   "} + basis_label(f, lang) + format_citation(f.rule->info().citation, true) + ". " + (sv ? "Regel " : "Rule ") +
                   "`" + f.rule->id() + "`" + (path.empty() ? std::string{} : ", `" + path + "`") + ".\n\n";
            if (!f.missing.empty() && shared.empty()) {
                std::string m;
                for (const auto& p : f.missing) m += (m.empty() ? "" : ", ") + ("`" + p + "`");
                out += std::string{"   "} + (sv ? "Ta reda på: " : "Find out: ") + m + ".\n\n";
            }
            for (const auto& p : f.missing) {
                const auto [at, added] = missing_at.try_emplace(p, missing.size());
                if (added) missing.emplace_back(p, std::vector<std::string>{});
                auto& ids = missing[at->second].second;
                if (std::find(ids.begin(), ids.end(), f.rule->id()) == ids.end()) ids.push_back(f.rule->id());
            }
        }
        if (!shared.empty()) {
            std::string m;
            for (const auto& p : shared) m += (m.empty() ? "" : ", ") + ("`" + p + "`");
            out += std::string{sv ? "Ta reda på (för alla " : "Find out (for all "} + std::to_string(fs.size()) + (sv ? " ovan): " : " above): ") +
                   m + ".\n\n";
        }
    }
    if (!missing.empty()) {
        out += std::string{"## "} + (sv ? "Uppgifter att ta reda på" : "Facts to find out") + "\n\n";
        for (const auto& [path, ids] : missing) {
            std::string rules;
            for (const auto& id : ids) rules += (rules.empty() ? "" : ", ") + ("`" + id + "`");
            out += "- `" + path + "` (" + rules + ")\n";
        }
        out += "\n";
    }
    if (!r.procurement().empty()) {
        out += std::string{"## "} + (sv ? "Upphandling (LOU)" : "Procurement (LOU)") + "\n";
        const auto& list = r.context().exceptions();
        for (const ProcurementResult& p : r.procurement()) {
            out += "\n### " + a.tasks[p.task].id + ": " + outcome_words(p.outcome).in(lang) + "\n\n";
            const std::vector<DirectAwardLine> lines = a.tasks[p.task].nature == TaskNature::exercise_of_authority
                                                           ? std::vector<DirectAwardLine>{}
                                                           : direct_award_lines(r.context(), p.task);
            out += sv ? "| Undantag | Gäller? |\n|---|---|\n" : "| Exception | Holds? |\n|---|---|\n";
            for (std::size_t i = 0; i < list.size(); ++i)
                out += "| " + md_cell(exception_name(list[i], lang)) + " | " + truth_words(p.exceptions[i]).in(lang) + " |\n";
            out += "\n";
            for (std::size_t i = 0; i < list.size(); ++i) {
                std::string why;
                if (list[i].id() == "exception.direct_award" && !lines.empty()) {
                    why = direct_award_summary(lines, a, lang) + (sv ? " Se tabellen nedan." : " See the table below.");
                } else {
                    const Explanation e = r.explain_exception(p.task, i);
                    for (const auto& n : e.notes) why += (why.empty() ? "" : " ") + n.in(lang);
                    for (const auto& c : e.children)
                        if (c.value != Truth::yes) why += (why.empty() ? "" : " ") + c.text.in(lang) + ": " + truth_words(c.value).in(lang) + ".";
                }
                if (!why.empty()) out += "- **" + exception_name(list[i], lang) + ":** " + why + "\n";
            }
            if (!lines.empty()) {
                out += std::string{"\n#### "} + (sv ? "Direktupphandling per uppdragsgivare" : "Direct award per principal") + "\n\n";
                out += sv ? "| Uppdragsgivare | Värde | Period som räknas | Gräns | Inom gränsen? |\n"
                          : "| Principal | Value | Period counted | Limit | Within? |\n";
                out += "|---|---:|---|---:|---|\n";
                const bool several = limit_rows(lines).size() > 1;
                for (const auto& l : lines) {
                    std::string limit = l.limit ? l.limit->amount.display(sv) : std::string{"–"};
                    if (several && l.limit) limit += " (" + name_of(l.category).in(lang) + ")";
                    out += "| " + md_cell(party_name(a, l.principal)) + " | " + value_text(l, sv) + " | " + months_text(l, sv) + " | " +
                           md_cell(limit) + " | " + truth_words(l.within).in(lang) + " |\n";
                }
                out += "\n";
                for (const std::string& n : limit_notes(lines, r.context(), lang, true)) out += n + "\n\n";
            } else {
                out += "\n";
            }
            if (p.rests_on_direct_award_alone(list)) out += "> " + direct_award_duties().in(lang) + "\n\n";
            if (!p.missing.empty()) {
                std::string m;
                for (const auto& path : p.missing) m += (m.empty() ? "" : ", ") + ("`" + path + "`");
                out += std::string{sv ? "Ta reda på: " : "Find out: "} + m + ".\n\n";
            }
        }
    }
    if (!r.allocation().empty()) {
        out += std::string{"## "} + (sv ? "Fördelning" : "Allocation") + "\n\n";
        out += sv ? "| Part | Belopp per år |\n|---|---:|\n" : "| Party | Amount per year |\n|---|---:|\n";
        for (const AllocationLine& l : r.allocation())
            out += "| " + md_cell(party_name(a, l.party)) + (l.own_share ? (sv ? " (egen andel)" : " (own share)") : "") + " | " +
                   l.amount.display(sv) + " |\n";
        out += "\n";
    }
    out += std::string{"## "} + (sv ? "Sammanfattning" : "Summary") + "\n\n" + summary_line(r, lang) + "\n\n";
    // Appended piecewise: gcc 12 warns falsely (-Wrestrict) on "_" + string.
    out += '_';
    out += receipt_line(r, o);
    out += "_\n";
    return out;
}

static std::string render_recommendation_unescaped(const Recommendation& rec, const RenderOptions& o) {
    const Lang lang = o.lang;
    const bool sv = lang == Lang::sv;
    const std::size_t w = o.width;
    std::string out =
        wrap(std::string{sv ? "Samverkansformer för behovet (SKR 2023, Tabell 1)" : "Forms of cooperation for the need (SKR 2023, Table 1)"}, 0, w);
    const auto block = [&](const FormAssessment& a, std::size_t rank) {
        std::string head = (rank ? std::to_string(rank) + ". " : std::string{"- "}) + form_info(a.form).name.in(lang);
        if (a.suitable) head += sv ? " (poäng " + std::to_string(a.score) + ")" : " (score " + std::to_string(a.score) + ")";
        out += wrap(head, 2, w);
        for (const FormReason& r : a.reasons) {
            const char* mark = r.effect == ReasonEffect::favours ? "+" : r.effect == ReasonEffect::disfavours ? "-" : "x";
            out += wrap(std::string{mark} + " " + r.text.in(lang), 5, w);
        }
        if (!a.missing.empty()) {
            std::string m = sv ? "Okänt: " : "Unknown: ";
            for (std::size_t i = 0; i < a.missing.size(); ++i) m += (i ? ", " : "") + a.missing[i];
            out += wrap(m, 5, w);
        }
    };
    out += std::string{"\n"} + (sv ? "LÄMPLIGA, BÄST FÖRST" : "SUITABLE, BEST FIRST") + "\n";
    if (rec.suitable.empty()) out += wrap(sv ? "Ingen samverkansform passar behovet." : "No form of cooperation fits the need.", 2, w);
    for (std::size_t i = 0; i < rec.suitable.size(); ++i) block(rec.suitable[i], i + 1);
    if (!rec.unsuitable.empty()) {
        out += std::string{"\n"} + (sv ? "OLÄMPLIGA" : "UNSUITABLE") + "\n";
        for (const auto& a : rec.unsuitable) block(a, 0);
    }
    return out;
}

static std::string render_recommendation_markdown_unescaped(const Recommendation& rec, const RenderOptions& o) {
    const Lang lang = o.lang;
    const bool sv = lang == Lang::sv;
    std::string out = std::string{"# "} + (sv ? "Samverkansformer för behovet" : "Forms of cooperation for the need") + "\n\n";
    out += std::string{sv ? "Källa: " : "Source: "} + format_citation(forms_source, true) + ".\n\n";
    const auto block = [&](const FormAssessment& a, std::size_t rank) {
        out += "### " + (rank ? std::to_string(rank) + ". " : std::string{}) + form_info(a.form).name.in(lang);
        if (a.suitable) out += sv ? " (poäng " + std::to_string(a.score) + ")" : " (score " + std::to_string(a.score) + ")";
        out += "\n\n";
        for (const FormReason& r : a.reasons) {
            const char* mark = r.effect == ReasonEffect::favours      ? (sv ? "För" : "For")
                               : r.effect == ReasonEffect::disfavours ? (sv ? "Emot" : "Against")
                                                                      : (sv ? "Utesluter" : "Excludes");
            out += std::string{"- **"} + mark + ":** " + r.text.in(lang) + "\n";
        }
        if (!a.missing.empty()) {
            std::string m;
            for (const auto& x : a.missing) m += (m.empty() ? "" : ", ") + ("`" + x + "`");
            out += std::string{"- **"} + (sv ? "Okänt:" : "Unknown:") + "** " + m + "\n";
        }
        out += "\n";
    };
    out += std::string{"## "} + (sv ? "Lämpliga, bäst först" : "Suitable, best first") + "\n\n";
    if (rec.suitable.empty()) out += std::string{sv ? "Ingen samverkansform passar behovet." : "No form of cooperation fits the need."} + "\n\n";
    for (std::size_t i = 0; i < rec.suitable.size(); ++i) block(rec.suitable[i], i + 1);
    if (!rec.unsuitable.empty()) {
        out += std::string{"## "} + (sv ? "Olämpliga" : "Unsuitable") + "\n\n";
        for (const auto& a : rec.unsuitable) block(a, 0);
    }
    while (out.size() > 1 && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

namespace {

Words item_status_words(ItemStatus s) {
    switch (s) {
    case ItemStatus::done: return {"klar", "done"};
    case ItemStatus::open: return {"inte klar", "open"};
    case ItemStatus::unknown: break;
    }
    return {"okänt", "unknown"};
}

const char* item_mark(ItemStatus s) { return s == ItemStatus::done ? "x" : s == ItemStatus::open ? " " : "?"; }

} // namespace

static std::string render_guide_unescaped(const MethodProgress& p, const RenderOptions& o, bool markdown) {
    const Lang lang = o.lang;
    const bool sv = lang == Lang::sv;
    std::string out;
    const std::string title = sv ? "Metodguide för avtalssamverkan" : "Method guide for avtalssamverkan";
    const std::string source = format_citation("SKR 2023 kap. 5", markdown);
    if (markdown)
        out += "# " + title + "\n\n" + (sv ? "Källa: " : "Source: ") + source + ".\n\n";
    else
        out += wrap(title + " (" + source + ")", 0, o.width);
    if (p.next) {
        const MethodStepInfo& next = method_step(*p.next);
        const std::string line = (sv ? "Nästa steg: " : "Next step: ") + next.code + " " + next.title.in(lang);
        out += markdown ? "**" + line + "**\n\n" : line + "\n";
    } else {
        const std::string line = sv ? "Alla steg är klara." : "Every step is done.";
        out += markdown ? line + "\n\n" : line + "\n";
    }
    for (const StepProgress& s : p.steps) {
        const MethodStepInfo& info = method_step(s.step);
        const std::string head = info.code + " " + info.title.in(lang) + " – " + item_status_words(s.status).in(lang);
        out += markdown ? "## " + head + "\n\n" : "\n" + head + "\n";
        std::optional<Prerequisite> part;
        for (const ItemProgress& i : s.items) {
            if (i.item->part && i.item->part != part) {
                part = i.item->part;
                const std::string ph = prerequisite_title(*part).in(lang) + " – " + item_status_words(p.status(*part)).in(lang);
                out += markdown ? "### " + ph + "\n\n" : "  " + ph + "\n";
            }
            std::string line = std::string{"["} + item_mark(i.status) + "] " + i.item->text.in(lang);
            if (i.source == ItemSource::check) line += sv ? " (enligt granskningen)" : " (from the check)";
            if (i.source == ItemSource::stated) line += sv ? " (angivet)" : " (stated)";
            if (markdown) {
                out += "- " + line + "\n";
                if (!i.missing.empty()) {
                    std::string m;
                    for (const auto& x : i.missing) m += (m.empty() ? "" : ", ") + ("`" + x + "`");
                    out += std::string{"  "} + (sv ? "Ta reda på: " : "Find out: ") + m + "\n";
                }
            } else {
                out += wrap(line, part ? 4 : 2, o.width, 4);
                if (!i.missing.empty()) out += wrap((sv ? "Ta reda på: " : "Find out: ") + joined(i.missing), part ? 8 : 6, o.width);
            }
        }
        if (markdown) out += "\n";
    }
    while (markdown && out.size() > 1 && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

static std::string render_allocation_unescaped(const Context& ctx, const std::vector<AllocationLine>& lines, const RenderOptions& o) {
    const Agreement& a = ctx.agreement();
    const bool sv = o.lang == Lang::sv;
    std::string out = wrap((sv ? "Fördelning per år: " : "Allocation per year: ") + (a.title.empty() ? a.id : a.title), 0, o.width);
    if (lines.empty())
        out += sv ? "  Ingen fördelning: belopp eller fördelningsnyckel saknas.\n" : "  No allocation: an amount or the allocation key is missing.\n";
    // Amounts right-aligned in one column, so that öre line up.
    struct Row {
        std::string label, amount;
    };
    for (std::size_t g = 0; g < ctx.compensation_groups().size(); ++g) {
        const auto& group = ctx.compensation_groups()[g];
        const auto figures = compensation_figures(ctx, g);
        std::vector<Row> rows;
        if (auto cost = figures.full_cost.value()) rows.push_back({sv ? "Självkostnad" : "Full cost", cost->display(sv)});
        Money sum{};
        std::size_t shown = 0;
        for (const auto& l : lines) {
            if (l.contractor != group.contractor) continue;
            rows.push_back({party_name(a, l.party) + (l.own_share ? (sv ? " (egen andel)" : " (own share)") : ""), l.amount.display(sv)});
            sum += l.amount;
            ++shown;
        }
        if (shown == 0 && rows.empty()) continue;
        rows.push_back({sv ? "Summa" : "Total", sum.display(sv)});
        std::size_t label_w = 0, amount_w = 0;
        for (const Row& r : rows) {
            label_w = std::max(label_w, width_of(r.label));
            amount_w = std::max(amount_w, width_of(r.amount));
        }
        label_w = std::min<std::size_t>(label_w, o.width > amount_w + 6 ? o.width - amount_w - 6 : 1);
        if (group.contractor) out += std::string{sv ? "Uppdragstagare: " : "Contractor: "} + party_name(a, *group.contractor) + "\n";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i + 1 == rows.size()) out += "  " + std::string(label_w + 2 + amount_w, '-') + "\n";
            out += "  " + pad_right(rows[i].label, label_w) + "  " + pad_left(rows[i].amount, amount_w) + "\n";
        }
    }
    return out;
}

static std::string render_thresholds_unescaped(const ThresholdTable& table, const std::optional<Date>& date, const RenderOptions& o) {
    const bool sv = o.lang == Lang::sv;
    std::vector<const ThresholdRow*> rows;
    std::vector<Category> gaps;
    if (date) {
        rows = table.direct_award_rows(*date);
        for_each_enumerator<Category>([&](Category c) {
            if (!table.find(direct_award_limit, c, *date)) gaps.push_back(c);
        });
    } else {
        for (const auto& r : table.rows) rows.push_back(&r);
    }
    std::string out = wrap((sv ? "Direktupphandlingsgränser (LOU): " : "Direct-award limits (LOU): ") + table_name(table.name, o.lang), 0, o.width);
    std::size_t amount_w = 0;
    for (const ThresholdRow* r : rows) amount_w = std::max(amount_w, width_of(r->amount.display(sv)));
    for (const ThresholdRow* r : rows) {
        out += "  " + format_date(r->valid_from) + " – " + (r->valid_to ? format_date(*r->valid_to) : std::string(10, ' ')) + "  " +
               pad_left(r->amount.display(sv), amount_w) + "  " + name_of(r->category).in(o.lang) + "\n";
        if (!r->inclusive)
            out += std::string(31 + amount_w, ' ') + (sv ? "(beloppet självt ingår inte)" : "(the amount itself is not within)") + "\n";
        out += wrap((sv ? "Källa: " : "Source: ") + format_citation(r->source), 6, o.width);
    }
    for (Category c : gaps)
        out += wrap(std::string{sv ? "Ingen bekräftad gräns för " : "No confirmed limit for "} + name_of(c).in(o.lang) + (sv ? " den " : " on ") +
                        format_date(*date) + ".",
                    2, o.width);
    return out;
}

namespace {

/// One node of an explanation tree and its children, indented.
void tree_lines(std::string& out, const Explanation& e, Lang lang, std::size_t depth, std::size_t width, bool values) {
    const std::string mark = values ? "[" + truth_words(e.value).in(lang) + "] " : std::string{"- "};
    const std::string head = mark + e.text.in(lang) + (e.id.empty() || e.id.front() == '(' ? std::string{} : " (" + e.id + ")");
    out += wrap(head, 2 + 2 * depth, width, width_of(mark));
    if (values) {
        for (const Text& n : e.notes) out += wrap(n.in(lang), 4 + 2 * depth, width);
        if (!e.missing.empty() && e.children.empty())
            out += wrap((lang == Lang::sv ? "Saknas: " : "Missing: ") + joined(e.missing), 4 + 2 * depth, width);
    }
    for (const Explanation& c : e.children) tree_lines(out, c, lang, depth + 1, width, values);
}

} // namespace

static std::string render_explanation_unescaped(const Explanation& e, const RenderOptions& o, std::size_t indent) {
    std::string out;
    tree_lines(out, e, o.lang, indent / 2, o.width, true);
    return out;
}

static std::string render_rule_unescaped(const RuleInfo& i, const RenderOptions& o, const std::vector<std::string>& facts, const Explanation* tree) {
    const bool sv = o.lang == Lang::sv;
    const std::size_t w = o.width;
    std::string out = i.id + " [" + severity_words(i.severity).in(o.lang) + "]\n";
    out += wrap(i.title.in(o.lang), 2, w);
    const bool law = i.severity == Severity::error;
    out += wrap((sv ? (law ? "Lagrum: " : "Källa: ") : (law ? "Law: " : "Source: ")) + format_citation(i.citation), 2, w);
    if (i.source != i.citation) out += wrap((sv ? "Vägledning: " : "Guidance: ") + format_citation(i.source), 2, w);
    if (!i.violation.in(o.lang).empty()) {
        std::string v = i.violation.in(o.lang);
        if (auto pos = v.find("{subject}"); pos != std::string::npos) v.replace(pos, 9, "«…»");
        out += wrap((sv ? "Om regeln inte är uppfylld: " : "When violated: ") + v, 2, w);
    }
    if (!facts.empty()) {
        out += std::string{sv ? "  Fält i indata som regeln läser (JSON):\n" : "  Facts the rule reads (JSON):\n"};
        for (const auto& f : facts) out += "    " + f + "\n";
    }
    if (tree) {
        out += std::string{sv ? "  Hur regeln prövas:\n" : "  How the rule is decided:\n"};
        tree_lines(out, *tree, o.lang, 1, w, false);
    }
    return out;
}

static std::string render_exception_unescaped(const PredicateInfo& e, const RenderOptions& o, const std::vector<std::string>& facts,
                                              const Explanation* tree) {
    const bool sv = o.lang == Lang::sv;
    std::string out = e.id + "\n" + wrap(e.text.in(o.lang), 2, o.width);
    out += wrap((sv ? "Lagrum: " : "Law: ") + format_citation(e.citation), 2, o.width);
    if (!facts.empty()) {
        out += std::string{sv ? "  Fält i indata som undantaget läser (JSON):\n" : "  Facts the exception reads (JSON):\n"};
        for (const auto& f : facts) out += "    " + f + "\n";
    }
    if (tree) {
        out += std::string{sv ? "  Hur undantaget prövas:\n" : "  How the exception is decided:\n"};
        tree_lines(out, *tree, o.lang, 1, o.width, false);
    }
    return out;
}

std::string render_text(const Report& r, const RenderOptions& o) { return visible_controls(render_text_unescaped(r, o)); }
std::string render_markdown(const Report& r, const RenderOptions& o) { return visible_controls(render_markdown_unescaped(r, o)); }
std::string render_recommendation(const Recommendation& rec, const RenderOptions& o) {
    return visible_controls(render_recommendation_unescaped(rec, o));
}
std::string render_recommendation_markdown(const Recommendation& rec, const RenderOptions& o) {
    return visible_controls(render_recommendation_markdown_unescaped(rec, o));
}
std::string render_guide(const MethodProgress& p, const RenderOptions& o, bool markdown) {
    return visible_controls(render_guide_unescaped(p, o, markdown));
}
std::string render_allocation(const Context& ctx, const std::vector<AllocationLine>& lines, const RenderOptions& o) {
    return visible_controls(render_allocation_unescaped(ctx, lines, o));
}
std::string render_thresholds(const ThresholdTable& table, const std::optional<Date>& date, const RenderOptions& o) {
    return visible_controls(render_thresholds_unescaped(table, date, o));
}
std::string render_explanation(const Explanation& e, const RenderOptions& o, std::size_t indent) {
    return visible_controls(render_explanation_unescaped(e, o, indent));
}
std::string render_rule(const RuleInfo& i, const RenderOptions& o, const std::vector<std::string>& facts, const Explanation* tree) {
    return visible_controls(render_rule_unescaped(i, o, facts, tree));
}
std::string render_exception(const PredicateInfo& e, const RenderOptions& o, const std::vector<std::string>& facts, const Explanation* tree) {
    return visible_controls(render_exception_unescaped(e, o, facts, tree));
}

} // namespace avtal
