// Human-readable reports: text for a terminal, Markdown for a memo.
#include <avtal/core/date.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/io/messages.hpp>
#include <avtal/io/render.hpp>

#include <array>

namespace avtal {

namespace {

struct Words {
    const char* sv;
    const char* en;
    [[nodiscard]] std::string in(Lang l) const { return l == Lang::sv ? sv : en; }
};

Words verdict_words(Verdict v) {
    switch (v) {
    case Verdict::ok: return {"OK – inga fel", "OK – no errors"};
    case Verdict::violations: return {"ÖVERTRÄDELSER – avtalet bryter mot lag", "VIOLATIONS – the agreement breaks the law"};
    case Verdict::incomplete: return {"OFULLSTÄNDIGT – uppgifter saknas för att avgöra", "INCOMPLETE – facts are missing to decide"};
    case Verdict::invalid: break;
    }
    return {"OGILTIG INDATA", "INVALID INPUT"};
}

Words status_words(Status s) {
    switch (s) {
    case Status::violated: return {"överträdd", "violated"};
    case Status::satisfied: return {"uppfylld", "satisfied"};
    case Status::undetermined: break;
    }
    return {"kan inte avgöras", "undetermined"};
}

Words severity_words(Severity s) {
    switch (s) {
    case Severity::error: return {"fel", "error"};
    case Severity::warning: return {"varning", "warning"};
    case Severity::info: break;
    }
    return {"information", "info"};
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

std::size_t width_of(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

/// Wraps `text` at spaces to `width` columns, every line indented by `indent`.
std::string wrap(std::string_view text, std::size_t indent, std::size_t width) {
    std::string out, line;
    const std::string pad(indent, ' ');
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(pos, end - pos);
        if (!line.empty() && indent + width_of(line) + 1 + width_of(word) > width) {
            out += pad + line + "\n";
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
        pos = end + 1;
    }
    if (!line.empty()) out += pad + line + "\n";
    return out;
}

std::string pad_right(std::string s, std::size_t w) {
    const std::size_t n = width_of(s);
    if (n < w) s.append(w - n, ' ');
    return s;
}

bool listed(const Finding& f, bool all) { return all || f.status != Status::satisfied || f.rule->info().severity == Severity::info; }

std::string party_name(const Agreement& a, std::size_t k) {
    const Party& p = a.parties[k];
    return p.name.empty() ? p.id : p.name;
}

std::string md_cell(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

struct Counts {
    std::array<std::size_t, 3> violated{}, undetermined{}, satisfied{};
};

Counts count(const Report& r) {
    Counts c;
    for (const Finding& f : r.findings()) {
        const auto s = static_cast<std::size_t>(f.rule->info().severity);
        if (f.status == Status::violated)
            ++c.violated[s];
        else if (f.status == Status::undetermined)
            ++c.undetermined[s];
        else
            ++c.satisfied[s];
    }
    return c;
}

std::string summary_line(const Report& r, Lang lang) {
    const Counts c = count(r);
    const bool sv = lang == Lang::sv;
    // "1 fel, 2 varningar" / "1 error, 2 warnings": a count with its noun.
    const auto n = [](std::size_t x, const char* one, const char* many) { return std::to_string(x) + " " + (x == 1 ? one : many); };
    std::string s = verdict_words(r.verdict()).in(lang) + " · ";
    s += sv ? n(c.violated[0], "fel", "fel") + ", " + n(c.undetermined[0], "oavgjort lagkrav", "oavgjorda lagkrav") + ", " +
                  n(c.violated[1], "varning", "varningar") + ", " + n(c.undetermined[1], "oavgjort råd", "oavgjorda råd") + "; " +
                  n(r.findings().size(), "kontroll", "kontroller")
            : n(c.violated[0], "error", "errors") + ", " + n(c.undetermined[0], "undetermined legal requirement", "undetermined legal requirements") +
                  ", " + n(c.violated[1], "warning", "warnings") + ", " +
                  n(c.undetermined[1], "undetermined recommendation", "undetermined recommendations") + "; " +
                  n(r.findings().size(), "check", "checks");
    return s;
}

std::string receipt_line(const Report& r, const RenderOptions& o) {
    const Receipt rc = r.receipt();
    const bool sv = o.lang == Lang::sv;
    std::string s = std::string{sv ? "Kvitto: " : "Receipt: "} + "avtal " + rc.avtal + " · " + (sv ? "regler " : "rules ") + rc.rules + " · " +
                    (sv ? "tröskelvärden: " : "thresholds: ") + rc.thresholds;
    for (const ThresholdRow* row : rc.rows)
        s += " · " + std::string{to_string(row->category)} + " " + format_date(row->valid_from) + " " + row->amount.display(sv);
    if (!o.input_sha256.empty()) s += " · sha256 " + std::string{o.input_sha256};
    return s;
}

} // namespace

std::string render_text(const Report& r, const RenderOptions& o) {
    const Lang lang = o.lang;
    const bool sv = lang == Lang::sv;
    const Agreement& a = r.agreement();
    const std::size_t w = o.width;
    std::string out;
    out += wrap((a.title.empty() ? a.id : a.title) + " (" + a.id + ")", 0, w);
    out += wrap(std::string{sv ? "Bedömningsdatum: " : "Assessment date: "} +
                    (r.context().date() ? format_date(*r.context().date()) : std::string{sv ? "saknas" : "missing"}),
                0, w);
    out += wrap(std::string{sv ? "Resultat: " : "Verdict: "} + verdict_words(r.verdict()).in(lang), 0, w);
    for (const Problem& p : r.problems()) out += wrap(std::string{sv ? "Ogiltig indata: " : "Invalid input: "} + p.to_string(), 2, w);

    static constexpr std::array<Words, 3> headings = {
        {{"FEL (lag)", "ERRORS (law)"}, {"VARNINGAR (vägledning)", "WARNINGS (guidance)"}, {"INFORMATION", "INFORMATION"}}};
    for (std::size_t sev = 0; sev < 3; ++sev) {
        std::string block;
        std::size_t shown = 0;
        for (const Finding& f : r.findings()) {
            if (static_cast<std::size_t>(f.rule->info().severity) != sev || !listed(f, o.all)) continue;
            ++shown;
            const char* mark = sev == 2 ? "i" : f.status == Status::violated ? "✗" : f.status == Status::undetermined ? "?" : "✓";
            block += wrap(std::string{mark} + " " + f.rule->id() + (sev == 2 ? std::string{} : " – " + status_words(f.status).in(lang)), 2, w);
            block += wrap(message(r, f, lang), 4, w);
            const char* basis = sev == 0 ? (sv ? "Lagrum: " : "Law: ") : (sv ? "Källa: " : "Source: ");
            block += wrap(basis + f.rule->info().citation, 4, w);
            if (!f.missing.empty()) {
                std::string m = sv ? "Ta reda på: " : "Find out: ";
                for (std::size_t i = 0; i < f.missing.size(); ++i) m += (i ? ", " : "") + f.missing[i];
                block += wrap(m, 4, w);
            }
        }
        if (shown == 0) continue;
        out += "\n" + headings[sev].in(lang) + " (" + std::to_string(shown) + ")\n" + block;
    }

    if (!r.procurement().empty()) {
        out += std::string{"\n"} + (sv ? "UPPHANDLING (LOU)" : "PROCUREMENT (LOU)") + "\n";
        const auto& list = r.context().exceptions();
        for (const ProcurementResult& p : r.procurement()) {
            out += wrap(a.tasks[p.task].id + ": " + outcome_words(p.outcome).in(lang), 2, w);
            for (std::size_t i = 0; i < list.size(); ++i)
                out += "    " + pad_right(list[i].id(), 28) + " " + truth_words(p.exceptions[i]).in(lang) + "\n";
            if (p.rests_on_direct_award_alone(list)) out += wrap(direct_award_duties().in(lang), 4, w);
            if (!p.missing.empty()) {
                std::string m = sv ? "Ta reda på: " : "Find out: ";
                for (std::size_t i = 0; i < p.missing.size(); ++i) m += (i ? ", " : "") + p.missing[i];
                out += wrap(m, 4, w);
            }
        }
    }
    if (!r.allocation().empty()) {
        out += std::string{"\n"} + (sv ? "FÖRDELNING" : "ALLOCATION") + "\n";
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

std::string render_markdown(const Report& r, const RenderOptions& o) {
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
    std::string parties;
    for (std::size_t i = 0; i < a.parties.size(); ++i) parties += (i ? ", " : "") + party_name(a, i);
    out += std::string{"| "} + (sv ? "Parter" : "Parties") + " | " + md_cell(parties) + " |\n\n";
    if (!r.problems().empty()) {
        out += std::string{"## "} + (sv ? "Ogiltig indata" : "Invalid input") + "\n\n";
        for (const Problem& p : r.problems()) out += "- `" + p.path + "`: " + p.message + "\n";
        out += "\n";
    }
    out += std::string{"## "} + (sv ? "Iakttagelser" : "Findings") + "\n\n";
    out += sv ? "| Regel | Allvar | Status | Gäller | Iakttagelse | Lagrum eller källa |\n"
              : "| Rule | Severity | Status | Subject | Finding | Law or source |\n";
    out += "|---|---|---|---|---|---|\n";
    std::string missing;
    for (const Finding& f : r.findings()) {
        if (!listed(f, o.all)) continue;
        out += "| `" + f.rule->id() + "` | " + severity_words(f.rule->info().severity).in(lang) + " | " + status_words(f.status).in(lang) + " | `" +
               subject_path(r, f) + "` | " + md_cell(message(r, f, lang)) + " | " + md_cell(f.rule->info().citation) + " |\n";
        for (const auto& m : f.missing) missing += "- `" + m + "` (" + f.rule->id() + ")\n";
    }
    if (!missing.empty()) out += std::string{"\n### "} + (sv ? "Uppgifter att ta reda på" : "Facts to find out") + "\n\n" + missing;
    if (!r.procurement().empty()) {
        out += std::string{"\n## "} + (sv ? "Upphandling (LOU)" : "Procurement (LOU)") + "\n";
        const auto& list = r.context().exceptions();
        for (const ProcurementResult& p : r.procurement()) {
            out += "\n### " + a.tasks[p.task].id + ": " + outcome_words(p.outcome).in(lang) + "\n\n";
            out += sv ? "| Undantag | Svar | Skäl |\n|---|---|---|\n" : "| Exception | Answer | Reason |\n|---|---|---|\n";
            for (std::size_t i = 0; i < list.size(); ++i) {
                const Explanation e = r.explain_exception(p.task, i);
                std::string why;
                for (const auto& n : e.notes) why += (why.empty() ? "" : " ") + n.in(lang);
                for (const auto& c : e.children)
                    if (c.value != Truth::yes) why += (why.empty() ? "" : " ") + c.text.in(lang) + ": " + truth_words(c.value).in(lang) + ".";
                out += "| `" + list[i].id() + "` | " + truth_words(p.exceptions[i]).in(lang) + " | " + md_cell(why) + " |\n";
            }
            if (p.rests_on_direct_award_alone(list)) out += "\n> " + direct_award_duties().in(lang) + "\n";
        }
    }
    if (!r.allocation().empty()) {
        out += std::string{"\n## "} + (sv ? "Fördelning" : "Allocation") + "\n\n";
        out += sv ? "| Part | Belopp per år |\n|---|---:|\n" : "| Party | Amount per year |\n|---|---:|\n";
        for (const AllocationLine& l : r.allocation())
            out += "| " + md_cell(party_name(a, l.party)) + (l.own_share ? (sv ? " (egen andel)" : " (own share)") : "") + " | " +
                   l.amount.display(sv) + " |\n";
    }
    out += std::string{"\n## "} + (sv ? "Sammanfattning" : "Summary") + "\n\n" + summary_line(r, lang) + "\n\n";
    // Appended piecewise: gcc 12 warns falsely (-Wrestrict) on "_" + string.
    out += '_';
    out += receipt_line(r, o);
    out += "_\n";
    return out;
}

std::string render_recommendation(const Recommendation& rec, const RenderOptions& o) {
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

std::string render_allocation(const Context& ctx, const std::vector<AllocationLine>& lines, const RenderOptions& o) {
    const Agreement& a = ctx.agreement();
    const bool sv = o.lang == Lang::sv;
    std::string out = (sv ? "Fördelning per år: " : "Allocation per year: ") + (a.title.empty() ? a.id : a.title) + "\n";
    if (lines.empty())
        out += sv ? "  Ingen fördelning: belopp eller fördelningsnyckel saknas.\n" : "  No allocation: an amount or the allocation key is missing.\n";
    for (std::size_t g = 0; g < ctx.compensation_groups().size(); ++g) {
        const auto& group = ctx.compensation_groups()[g];
        const auto figures = compensation_figures(ctx, g);
        if (group.contractor) out += std::string{sv ? "Uppdragstagare: " : "Contractor: "} + party_name(a, *group.contractor) + "\n";
        if (auto cost = figures.full_cost.value()) out += std::string{sv ? "  Självkostnad: " : "  Full cost: "} + cost->display(sv) + "\n";
        Money sum{};
        for (const auto& l : lines) {
            if (l.contractor != group.contractor) continue;
            out += "  " + pad_right(party_name(a, l.party) + (l.own_share ? (sv ? " (egen andel)" : " (own share)") : ""), 44) + " " +
                   l.amount.display(sv) + "\n";
            sum += l.amount;
        }
        out += std::string{sv ? "  Summa: " : "  Total: "} + sum.display(sv) + "\n";
    }
    return out;
}

std::string render_thresholds(const ThresholdTable& table, const std::optional<Date>& date, const RenderOptions& o) {
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
    std::string out = (sv ? "Direktupphandlingsgränser (LOU): " : "Direct-award limits (LOU): ") + table.name + "\n";
    for (const ThresholdRow* r : rows) {
        out += "  " + format_date(r->valid_from) + " – " + (r->valid_to ? format_date(*r->valid_to) : std::string(10, ' ')) + "  ";
        std::string cat{to_string(r->category)};
        cat.resize(26, ' ');
        out += cat + r->amount.display(sv) + (r->inclusive ? "" : (sv ? "  (beloppet självt ingår inte)" : "  (the amount itself is not within)")) +
               "\n";
        out += "      " + r->source + "\n";
    }
    for (Category c : gaps)
        out += std::string{"  "} + std::string{to_string(c)} + ": " + (sv ? "ingen bekräftad gräns för " : "no confirmed limit for ") +
               format_date(*date) + "\n";
    return out;
}

std::string render_rule(const RuleInfo& i, const RenderOptions& o) {
    const bool sv = o.lang == Lang::sv;
    std::string out = i.id + " [" + std::string{to_string(i.severity)} + "]\n";
    out += "  " + i.title.sv + "\n  " + i.title.en + "\n";
    out += std::string{sv ? "  Lagrum: " : "  Citation: "} + i.citation + "\n";
    out += std::string{sv ? "  Källa: " : "  Source: "} + i.source + "\n";
    if (!i.violation.in(o.lang).empty()) {
        std::string v = i.violation.in(o.lang);
        if (auto pos = v.find("{subject}"); pos != std::string::npos) v.replace(pos, 9, sv ? "Föremålet" : "The subject");
        out += std::string{sv ? "  Vid överträdelse: " : "  When violated: "} + v + "\n";
    }
    return out;
}

std::string render_exception(const PredicateInfo& e, const RenderOptions& o) {
    const bool sv = o.lang == Lang::sv;
    std::string out = e.id + "\n  " + e.text.sv + "\n  " + e.text.en + "\n";
    out += std::string{sv ? "  Lagrum: " : "  Citation: "} + e.citation + "\n";
    return out;
}

} // namespace avtal
