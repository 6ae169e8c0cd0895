// The board's annual report on a party's avtalssamverkan (9 kap. 38 § KL)
// as a document (sections, one table each), and its Markdown and text.
#include "portfolio_doc.hpp"

#include "text_layout.hpp"
#include "text_util.hpp"

#include <avtal/core/date.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/io/messages.hpp>
#include <avtal/model/names.hpp>

#include <algorithm>

namespace avtal::detail::portfolio {

namespace {

using W = avtal::detail::Words;

using avtal::detail::md_cell_into;
using avtal::detail::width_of;

std::string wrap(std::string_view text, std::size_t indent, std::size_t width, std::size_t hanging) {
    return avtal::detail::wrap_words(text, indent, hanging, width);
}

std::string join(const std::vector<std::string>& xs, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (i) out += sep;
        out += xs[i];
    }
    return out;
}

/// A table row from its cells, each moved in (a braced list would copy every string).
template <class... Cell>
std::vector<std::string> cells(Cell&&... c) {
    std::vector<std::string> row;
    row.reserve(sizeof...(c));
    (row.emplace_back(std::forward<Cell>(c)), ...);
    return row;
}

std::string count_of(std::size_t n) { return std::to_string(n); }

} // namespace

std::string party_label(const Agreement& a, std::size_t k) {
    const Party& p = a.parties[k];
    return p.name.empty() ? p.id : p.name;
}

std::string agreement_label(const Agreement& a) {
    // Titles carry their provenance after a parenthesis ("Barnahus mellersta Skåne (Lunds kommun, …)"): the short name is enough here.
    std::string t = a.title.empty() ? a.id : a.title;
    if (auto p = t.find(" ("); p != std::string::npos && p > 0) t.resize(p);
    return t;
}

std::string role_word(PortfolioRole r, Lang lang) {
    return r == PortfolioRole::contractor ? W{"uppdragstagare", "contractor"}.in(lang) : W{"uppdragsgivare", "principal"}.in(lang);
}

std::string area_word(const std::optional<Area>& a, Lang lang) {
    if (!a) return W{"okänt område", "area unknown"}.in(lang);
    switch (*a) {
    case Area::social_services: return W{"socialtjänst", "social services"}.in(lang);
    case Area::family_law: return W{"familjerätt", "family law"}.in(lang);
    case Area::elderly_care: return W{"äldreomsorg", "elderly care"}.in(lang);
    case Area::disability: return W{"funktionshinder (LSS)", "disability (LSS)"}.in(lang);
    case Area::children_and_youth: return W{"barn och unga", "children and youth"}.in(lang);
    case Area::addiction: return W{"missbruk och beroende", "addiction"}.in(lang);
    case Area::health_care: return W{"hälso- och sjukvård", "health care"}.in(lang);
    case Area::education: return W{"utbildning", "education"}.in(lang);
    case Area::planning_and_building: return W{"plan- och byggfrågor", "planning and building"}.in(lang);
    case Area::environment: return W{"miljö- och hälsoskydd", "environment and health"}.in(lang);
    case Area::it: return W{"IT", "IT"}.in(lang);
    case Area::hr: return W{"personaladministration", "HR"}.in(lang);
    case Area::waste: return W{"avfall", "waste"}.in(lang);
    case Area::other: break;
    }
    return W{"annat", "other"}.in(lang);
}

std::string nature_word(const std::optional<TaskNature>& n, Lang lang) {
    if (!n) return W{"okänd", "unknown"}.in(lang);
    return *n == TaskNature::exercise_of_authority ? W{"myndighetsutövning", "exercise of authority"}.in(lang)
                                                   : W{"insats (serviceinstans)", "service"}.in(lang);
}

std::string decider_word(Decider d, Lang lang) {
    switch (d) {
    case Decider::each_party: return W{"respektive part (ingen extern delegering)", "each party itself (no external delegation)"}.in(lang);
    case Decider::contractor_staff: return W{"uppdragstagarens anställda på delegation", "the contractor's employees, on delegation"}.in(lang);
    case Decider::unknown: break;
    }
    return W{"okänt (delegering anges inte)", "unknown (delegation not stated)"}.in(lang);
}

std::string verdict_word(Verdict v, Lang lang) {
    switch (v) {
    case Verdict::ok: return W{"OK", "OK"}.in(lang);
    case Verdict::violations: return W{"överträdelser", "violations"}.in(lang);
    case Verdict::incomplete: return W{"ofullständigt", "incomplete"}.in(lang);
    case Verdict::invalid: break;
    }
    return W{"ogiltig indata", "invalid input"}.in(lang);
}

std::string outcome_word(ProcurementOutcome o, Lang lang) {
    switch (o) {
    case ProcurementOutcome::not_applicable: return W{"LOU gäller inte", "LOU does not apply"}.in(lang);
    case ProcurementOutcome::exempt: return W{"undantag gäller", "exempt"}.in(lang);
    case ProcurementOutcome::required: return W{"ska upphandlas", "must be procured"}.in(lang);
    case ProcurementOutcome::undetermined: break;
    }
    return W{"kan inte avgöras", "undetermined"}.in(lang);
}

std::string exception_word(const std::string& id, Lang lang) {
    if (id == "exception.public_authority") return W{"myndighetsutövning", "exercise of public authority"}.in(lang);
    if (id == "exception.direct_award") return W{"direktupphandling (19 a kap. LOU)", "direct award (LOU 19 a kap.)"}.in(lang);
    if (id == "exception.hamburg") return W{"Hamburgundantaget (3 kap. 17 § LOU)", "the Hamburg exception (LOU 3 kap. 17 §)"}.in(lang);
    if (id == "exception.teckal") return W{"Teckalundantaget (3 kap. 11–16 §§ LOU)", "the Teckal exception (LOU 3 kap. 11–16 §§)"}.in(lang);
    if (id == "exception.nesgi") return W{"icke-ekonomiska tjänster av allmänt intresse", "non-economic services of general interest"}.in(lang);
    return id;
}

std::string amount(Money m, Lang lang) { return m.display(lang == Lang::sv); }
std::string amount(const std::optional<Money>& m, Lang lang) { return m ? amount(*m, lang) : W{"okänt", "unknown"}.in(lang); }

std::string kind_word(const std::optional<PartyKind>& k, Lang lang) { return k ? name_of(*k).in(lang) : W{"okänd", "unknown"}.in(lang); }

std::string attention_what(const PortfolioReport& r, const Attention& a, Lang lang) {
    const bool sv = lang == Lang::sv;
    const std::string d = a.date ? format_date(*a.date) : std::string{};
    switch (a.kind) {
    case AttentionKind::term_ends:
        return sv ? "Avtalstiden löper ut " + d + ", inom tolv månader från rapportdatum: besluta om förlängning, nytt avtal eller avslut."
                  : "The term ends on " + d + ", within twelve months of the report date: decide on extension, a new agreement or ending it.";
    case AttentionKind::term_ended:
        return sv ? "Avtalstiden löpte ut " + d + ": kontrollera om avtalet har förlängts."
                  : "The term ended on " + d + ": check whether it was extended.";
    case AttentionKind::until_further_notice:
        return sv ? "Avtalet löper tills vidare: pröva vid rapporten om samverkan ska fortsätta och vilken uppsägningstid som gäller."
                  : "The agreement runs until further notice: consider at each report whether to continue it and what notice applies.";
    case AttentionKind::term_end_unknown:
        return sv ? "Avtalstidens slut kan inte beräknas; ta reda på " + a.path + "."
                  : "The end of the term cannot be computed; find out " + a.path + ".";
    case AttentionKind::no_follow_up:
        return a.stated ? W{"Avtalet saknar rutin för uppföljning (nämndernas interna kontroll, 6 kap. 6 § KL).",
                            "The agreement has no follow-up routine (the committees' internal control, 6 kap. 6 § KL)."}
                              .in(lang)
                        : (sv ? "Det framgår inte om det finns en rutin för uppföljning; ta reda på " + a.path + "."
                              : "It is not stated whether there is a follow-up routine; find out " + a.path + ".");
    case AttentionKind::no_annual_report:
        return a.stated
                   ? W{"Avtalet rapporteras inte årligen till fullmäktige (9 kap. 38 § KL).",
                       "The agreement is not reported to the council every year (9 kap. 38 § KL)."}
                         .in(lang)
                   : (sv ? "Det framgår inte om avtalet rapporteras årligen till fullmäktige (9 kap. 38 § KL); ta reda på " + a.path + "."
                         : "It is not stated whether the agreement is reported to the council every year (9 kap. 38 § KL); find out " + a.path + ".");
    case AttentionKind::delegation_no_reporting:
        return a.stated ? W{"Extern delegering används utan rutin för att anmäla besluten till uppdragsgivarens nämnd (7 kap. 8 § KL).",
                            "External delegation is used without a routine for reporting the decisions to the principal's committee (7 kap. 8 § KL)."}
                              .in(lang)
                        : (sv ? "Extern delegering används; det framgår inte hur besluten anmäls till uppdragsgivarens nämnd (7 kap. 8 § KL); ta "
                                "reda på " +
                                    a.path + "."
                              : "External delegation is used; it is not stated how the decisions are reported to the principal's committee (7 kap. 8 "
                                "§ KL); find out " +
                                    a.path + ".");
    case AttentionKind::limit_changes:
    case AttentionKind::no_confirmed_limit: break;
    }
    const std::string cat = a.category ? category_word(*a.category, lang) : std::string{};
    std::string s;
    if (a.kind == AttentionKind::limit_changes && a.current && a.next) {
        s = sv ? "Direktupphandlingsgränsen för " + cat + " ändras " + d + " från " + amount(a.current->amount, lang) + " till " +
                     amount(a.next->amount, lang) + " (" + a.next->source + ")."
               : "The direct-award limit for " + cat + " changes on " + d + " from " + amount(a.current->amount, lang) + " to " +
                     amount(a.next->amount, lang) + " (" + a.next->source + ").";
    } else if (a.current) {
        s = sv ? "Direktupphandlingsgränsen för " + cat + " (" + amount(a.current->amount, lang) + ") gäller till " +
                     format_date(*a.current->valid_to) + "; tabellen " + r.thresholds + " har ingen bekräftad gräns från " + d + "."
               : "The direct-award limit for " + cat + " (" + amount(a.current->amount, lang) + ") applies until " +
                     format_date(*a.current->valid_to) + "; the table " + r.thresholds + " has no confirmed limit from " + d + ".";
    } else {
        s = sv ? "Tabellen " + r.thresholds + " har ingen bekräftad direktupphandlingsgräns för " + cat + " på rapportdatum " + d + "."
               : "The table " + r.thresholds + " has no confirmed direct-award limit for " + cat + " on the report date " + d + ".";
    }
    if (a.kind == AttentionKind::no_confirmed_limit && a.floor)
        s += sv ? " Den allmänna gränsen " + amount(a.floor->amount, lang) + " gäller ändå för alla slag av tjänster (19 a kap. 2 § LOU)."
                : " The general limit of " + amount(a.floor->amount, lang) + " still applies to every kind of service (LOU 19 a kap. 2 §).";
    s += sv ? " Berör " + std::to_string(a.tasks.size()) + (a.tasks.size() == 1 ? " uppgift" : " uppgifter") + ", varav " +
                  std::to_string(a.resting_on_direct_award) + " undantas enbart genom direktupphandling."
            : " Affects " + std::to_string(a.tasks.size()) + (a.tasks.size() == 1 ? " task" : " tasks") + ", of which " +
                  std::to_string(a.resting_on_direct_award) + " rest on direct award alone.";
    return s;
}

// The general category in a sentence of the report ("the limit for services
// in general"); the others as the model names them.
std::string category_word(Category c, Lang lang) {
    return c == Category::general ? W{"tjänster i allmänhet", "services in general"}.in(lang) : name_of(c).in(lang);
}

std::string receipt_line(const std::string& thresholds, Lang lang) {
    const bool sv = lang == Lang::sv;
    return std::string{sv ? "Kvitto: " : "Receipt: "} + "avtal " + std::string{library_version} + " · " + (sv ? "regler " : "rules ") +
           std::string{rules_version} + " · " + (sv ? "tröskelvärden: " : "thresholds: ") + thresholds;
}

Doc build(const PortfolioReport& r, Lang lang) {
    const bool sv = lang == Lang::sv;
    const PortfolioTotals& t = r.totals;
    const std::string name = r.name.empty() ? r.party : r.name;
    Doc d;
    d.title = (sv ? "Rapport om avtalssamverkan " : "Report on avtalssamverkan ") + std::to_string(r.year) + " – " + name;
    d.intro.push_back(sv ? "Styrelsens årliga rapport till fullmäktige om " + name +
                               "s avtalssamverkan enligt 9 kap. 37 § kommunallagen (2017:725), som 9 kap. 38 § kommunallagen kräver. Rapportdatum " +
                               format_date(r.report_date) + "; belopp per år enligt avtalen och deras fördelningsnycklar."
                         : "The board's annual report to the council on " + name +
                               "'s avtalssamverkan under 9 kap. 37 § kommunallagen (2017:725), as 9 kap. 38 § kommunallagen requires. Report date " +
                               format_date(r.report_date) + "; amounts per year as the agreements and their allocation keys state them.");
    if (!r.found())
        d.intro.push_back(sv ? "Inget av de lästa avtalen har parten «" + r.party + "»."
                             : "None of the agreements read has the party «" + r.party + "».");

    // Summary.
    {
        Section s;
        s.id = "summary";
        s.heading = sv ? "Sammanfattning" : "Summary";
        s.table.head = {sv ? "Uppgift" : "Item", sv ? "Värde" : "Value"};
        s.table.numeric = {false, true};
        const auto row = [&](std::string k, std::string v) { s.table.rows.push_back(cells(std::move(k), std::move(v))); };
        row(sv ? "Avtal" : "Agreements", count_of(t.agreements));
        row(sv ? "Uppgifter som uppdragstagare (utför åt andra)" : "Tasks as contractor (performed for others)", count_of(t.tasks_as_contractor));
        row(sv ? "Uppgifter som uppdragsgivare (köper av andra)" : "Tasks as principal (bought from others)", count_of(t.tasks_as_principal));
        if (t.overflow) {
            row(sv ? "Belopp" : "Amounts", sv ? "för stora för att summeras" : "too large to add up");
        } else {
            row(sv ? "Betalar per år" : "Pays per year", amount(t.pays, lang));
            row(sv ? "Tar emot per år" : "Receives per year", amount(t.receives, lang));
            row(sv ? "Egen andel av kostnaden för det den utför" : "Own share of the cost of what it performs", amount(t.own_share, lang));
            row(sv ? "Motprestation in natura i det den utför (värderad)" : "In-kind performance in what it performs (valued)",
                amount(t.in_kind_received, lang));
            row(sv ? "Motprestation in natura i det den köper (värderad, hela avtalets)"
                   : "In-kind performance in what it buys (valued, whole terms)",
                amount(t.in_kind_paid, lang));
        }
        row(sv ? "Avtal utan fel / med överträdelser / ofullständiga" : "Agreements ok / with violations / incomplete",
            count_of(t.ok) + " / " + count_of(t.violations) + " / " + count_of(t.incomplete));
        row(sv ? "Att uppmärksamma" : "Needs attention", count_of(t.attention));
        if (r.unreadable && !r.unreadable->empty())
            row(sv ? "Dokument som inte kunde läsas" : "Documents that could not be read", count_of(r.unreadable->size()));
        d.sections.push_back(std::move(s));
    }

    // Cooperation: every agreement and task.
    {
        Section s;
        s.id = "cooperation";
        s.heading = sv ? "Samverkan" : "Cooperation";
        s.paragraphs.emplace_back(
            sv ? "Varje avtal och uppgift där parten är uppdragsgivare eller uppdragstagare, med motparter, område, art och vem som fattar besluten."
               : "Every agreement and task in which the party is principal or contractor, with counterparties, area, nature and who decides.");
        s.table.head = {sv ? "Avtal" : "Agreement",
                        sv ? "Uppgift" : "Task",
                        sv ? "Roll" : "Role",
                        sv ? "Motparter" : "Counterparties",
                        sv ? "Område" : "Area",
                        sv ? "Art" : "Nature",
                        sv ? "Beslut fattas av" : "Decisions by"};
        s.table.numeric.assign(7, false);
        for (const PortfolioAgreement& pa : r.agreements) {
            const Agreement& a = pa.agreement();
            for (const PortfolioTask& pt : pa.tasks) {
                const Task& task = a.tasks[pt.task];
                std::vector<std::string> cps;
                for (std::size_t k : pt.counterparties) {
                    std::string n = party_label(a, k);
                    if (pt.contractor && k == *pt.contractor) n += sv ? " (uppdragstagare)" : " (contractor)";
                    cps.push_back(n);
                }
                s.table.rows.push_back(cells(agreement_label(a), task.id, role_word(pt.role, lang), join(cps, ", "), area_word(task.area, lang),
                                             nature_word(task.nature, lang), decider_word(pt.decides, lang)));
            }
        }
        s.empty = sv ? "Inga avtal." : "No agreements.";
        d.sections.push_back(std::move(s));
    }

    // Money.
    {
        Section s;
        s.id = "money";
        s.heading = (sv ? "Ekonomi " : "Money ") + std::to_string(r.year);
        s.paragraphs.emplace_back(
            sv ? "Belopp per år enligt avtalens fördelning: vad parten betalar som uppdragsgivare och tar emot som uppdragstagare. När "
                 "uppdragstagaren bär en andel (gemensam verksamhet för egna invånare) fördelas hela självkostnaden och dess egen andel visas för "
                 "sig. Resultat = vad uppdragsgivarna betalar (pengar och värderad motprestation) minus deras del av självkostnaden."
               : "Amounts per year by the agreements' allocation: what the party pays as principal and receives as contractor. When the contractor "
                 "bears a share (a shared unit serving its own residents) the whole cost is allocated and its own share shown apart. Result = what "
                 "the principals pay (money and valued in-kind performance) less their part of the full cost.");
        s.table.head = {sv ? "Avtal" : "Agreement",      sv ? "Roll" : "Role",
                        sv ? "Betalar" : "Pays",         sv ? "Tar emot" : "Receives",
                        sv ? "Egen andel" : "Own share", sv ? "Självkostnad" : "Full cost",
                        sv ? "Resultat" : "Result"};
        s.table.numeric = {false, false, true, true, true, true, true};
        for (const PortfolioAgreement& pa : r.agreements) {
            const Agreement& a = pa.agreement();
            for (const PortfolioMoney& m : pa.money) {
                std::string label = agreement_label(a);
                if (pa.report().context().compensation_groups().size() > 1 && m.contractor)
                    label += (sv ? " (uppdragstagare " : " (contractor ") + party_label(a, *m.contractor) + ")";
                const bool c = m.role == PortfolioRole::contractor;
                std::string result;
                if (c) {
                    if (!m.balance)
                        result = sv ? "okänt" : "unknown";
                    else if (m.balance->ore() == 0)
                        result = sv ? "täcker självkostnaden" : "covers the cost";
                    else
                        result = (m.balance->ore() > 0 ? (sv ? "överskott " : "surplus ") : (sv ? "underskott " : "deficit ")) +
                                 amount(Money::from_ore(m.balance->ore() < 0 ? -m.balance->ore() : m.balance->ore()), lang);
                }
                const std::string none = "–";
                s.table.rows.push_back(
                    cells(std::move(label), role_word(m.role, lang), c ? none : (m.allocated ? amount(m.pays, lang) : amount(std::nullopt, lang)),
                          c ? (m.allocated ? amount(m.receives, lang) : amount(std::nullopt, lang)) : none,
                          c && m.own_share.ore() != 0 ? amount(m.own_share, lang) : none, c ? amount(m.full_cost, lang) : none, c ? result : none));
            }
        }
        if (!t.overflow)
            s.table.total = {sv ? "Summa" : "Total", "", amount(t.pays, lang), amount(t.receives, lang), amount(t.own_share, lang), "", ""};
        s.empty = sv ? "Inga ekonomiska villkor." : "No economic terms.";
        for (const PortfolioAgreement& pa : r.agreements)
            for (const PortfolioMoney& m : pa.money) {
                if (m.in_kind && m.in_kind->ore() == 0) continue;
                const std::string who =
                    m.role == PortfolioRole::contractor ? (sv ? "tar emot" : "receives") : (sv ? "ingår i det den köper" : "part of what it buys");
                const std::string how = m.whole_cost ? (sv ? "; ingår i beloppen enligt fördelningen, som delar hela självkostnaden"
                                                           : "; included in the amounts by the allocation, which splits the whole cost")
                                                     : (sv ? "; utöver beloppen i pengar" : "; in addition to the amounts in money");
                s.items.push_back(
                    (sv ? "Motprestation in natura, " : "In-kind performance, ") + agreement_label(pa.agreement()) + " (" + who + "): " +
                    (m.in_kind ? amount(*m.in_kind, lang) + (sv ? " per år" : " per year") + how : (sv ? "utan angivet värde" : "no stated value")));
            }
        if (t.unallocated > 0)
            s.items.push_back(sv ? std::to_string(t.unallocated) + " ekonomiska villkor kunde inte fördelas (belopp eller fördelningsnyckel saknas)."
                                 : std::to_string(t.unallocated) + " economic terms could not be allocated (amount or key missing).");
        d.sections.push_back(std::move(s));
    }

    // Compliance.
    {
        Section s;
        s.id = "compliance";
        s.heading = sv ? "Efterlevnad" : "Compliance";
        s.paragraphs.emplace_back(sv ? "Varje avtals resultat av avtal check: överträdda regler (lag och rättspraxis), avvikelser från vägledning "
                                       "(SKR, Socialstyrelsen) och uppgifter som återstår att ta reda på."
                                     : "Each agreement's result from avtal check: violated rules (statute and case law), departures from guidance "
                                       "(SKR, Socialstyrelsen) and facts still to find out.");
        // As the memo does: a rule of law broken (an error) apart from guidance not followed (a warning),
        // so that an agreement whose verdict is OK does not seem to break the law.
        s.table.head = {sv ? "Avtal" : "Agreement", sv ? "Resultat" : "Verdict", sv ? "Överträdda regler" : "Violated rules",
                        sv ? "Avvikelser från vägledning" : "Departures from guidance", sv ? "Att ta reda på" : "To find out"};
        s.table.numeric.assign(5, false);
        for (const PortfolioAgreement& pa : r.agreements) {
            std::vector<std::string> errors, warnings;
            for (const Finding* f : pa.violated) {
                auto& ids = f->rule->info().severity == Severity::error ? errors : warnings;
                if (std::find(ids.begin(), ids.end(), f->rule->id()) == ids.end()) ids.push_back(f->rule->id());
            }
            s.table.rows.push_back(cells(agreement_label(pa.agreement()), verdict_word(pa.report().verdict(), lang),
                                         errors.empty() ? "–" : join(errors, ", "), warnings.empty() ? "–" : join(warnings, ", "),
                                         pa.missing.empty() ? "–" : join(pa.missing, ", ")));
            for (const Finding* f : pa.violated)
                s.items.push_back(agreement_label(pa.agreement()) + ": " + f->rule->id() + " – " + message(pa.report(), *f, lang));
            for (const Problem& p : pa.report().problems())
                s.items.push_back(agreement_label(pa.agreement()) + ": " + (sv ? "ogiltig indata: " : "invalid input: ") + p.to_string(lang));
        }
        s.empty = sv ? "Inga avtal." : "No agreements.";
        d.sections.push_back(std::move(s));
    }

    // Procurement basis.
    {
        Section s;
        s.id = "procurement";
        s.level = 3;
        s.heading = sv ? "Upphandling" : "Procurement";
        s.table.head = {sv ? "Avtal" : "Agreement", sv ? "Uppgift" : "Task", sv ? "Utfall" : "Outcome", sv ? "Grund" : "Basis"};
        s.table.numeric.assign(4, false);
        for (const PortfolioAgreement& pa : r.agreements)
            for (const PortfolioTask& pt : pa.tasks) {
                if (!pt.procurement) continue;
                std::vector<std::string> basis;
                for (const auto& b : pt.basis) basis.push_back(exception_word(b, lang));
                std::string b = basis.empty() ? "–" : join(basis, ", ");
                if (pt.procurement->outcome == ProcurementOutcome::not_applicable) b = sv ? "myndighetsutövning" : "exercise of authority";
                if (pt.direct_award_alone)
                    b += sv ? " – enbart direktupphandling, med dess egna skyldigheter" : " – direct award alone, with its own duties";
                if (pt.procurement->outcome == ProcurementOutcome::undetermined)
                    b = (sv ? "saknas: " : "missing: ") + join(pt.procurement->missing, ", ");
                s.table.rows.push_back(
                    {agreement_label(pa.agreement()), pa.agreement().tasks[pt.task].id, outcome_word(pt.procurement->outcome, lang), b});
            }
        s.empty = sv ? "Inga uppgifter." : "No tasks.";
        d.sections.push_back(std::move(s));
    }

    // Attention.
    {
        Section s;
        s.id = "attention";
        s.heading = sv ? "Att uppmärksamma före nästa rapport" : "Needs attention before the next report";
        s.paragraphs.emplace_back(sv ? "Avtalstider som löper ut inom tolv månader från rapportdatum eller löper tills vidare, uppföljning och "
                                       "rapportering som saknas, delegering utan anmälan av beslut, och direktupphandlingsgränser som ändras före " +
                                           format_date(r.next_report_date) + "."
                                     : "Terms ending within twelve months of the report date or running until further notice, missing follow-up and "
                                       "reporting, delegation without reporting of decisions, and direct-award limits that change before " +
                                           format_date(r.next_report_date) + ".");
        s.table.head = {sv ? "Avtal" : "Agreement", sv ? "Vad" : "What"};
        s.table.numeric = {false, false};
        for (const Attention& a : r.attention)
            s.table.rows.push_back(
                cells(a.agreement ? agreement_label(r.agreements[*a.agreement].agreement()) : (sv ? "alla tjänster" : "all services"),
                      attention_what(r, a, lang)));
        s.empty = sv ? "Inget att uppmärksamma." : "Nothing needs attention.";
        d.sections.push_back(std::move(s));
    }

    // Unreadable input.
    if (r.unreadable && !r.unreadable->empty()) {
        Section s;
        s.id = "unreadable";
        s.heading = sv ? "Dokument som inte kunde läsas" : "Documents that could not be read";
        s.paragraphs.emplace_back(sv ? "Dessa dokument ingår inte i rapporten; rätta dem och kör om."
                                     : "These documents are not in the report; correct them and run again.");
        s.table.head = {sv ? "Dokument" : "Document", "Problem"};
        s.table.numeric = {false, false};
        for (const UnreadableDocument& u : *r.unreadable)
            for (const Problem& p : u.problems) s.table.rows.push_back(cells(u.source, p.to_string(lang)));
        d.sections.push_back(std::move(s));
    }
    d.receipt = receipt_line(r.thresholds, lang);
    return d;
}

Doc build_summary(const PortfolioSummary& s, Lang lang) {
    const bool sv = lang == Lang::sv;
    Doc d;
    d.title = "Avtalssamverkan " + std::to_string(s.year) + (sv ? ": alla parter" : ": every party");
    d.intro.push_back(sv ? std::to_string(s.lines.size()) + " parter i " + std::to_string(s.all.agreements) +
                               " avtal. Belopp per år enligt avtalens fördelning; det alla betalar är det alla tar emot."
                         : std::to_string(s.lines.size()) + " parties in " + std::to_string(s.all.agreements) +
                               " agreements. Amounts per year by the agreements' allocation; what all pay is what all receive.");
    Section sec;
    sec.id = "parties";
    sec.heading = sv ? "Parternas summor" : "Every party's totals";
    sec.table.head = {sv ? "Part" : "Party",
                      sv ? "Slag" : "Kind",
                      sv ? "Avtal" : "Agreements",
                      sv ? "Utför" : "Performs",
                      sv ? "Köper" : "Buys",
                      sv ? "Betalar" : "Pays",
                      sv ? "Tar emot" : "Receives",
                      sv ? "Egen andel" : "Own share",
                      sv ? "Överträdelser" : "Violations",
                      sv ? "Att uppmärksamma" : "Attention"};
    sec.table.numeric = {false, false, true, true, true, true, true, true, true, true};
    for (const auto& l : s.lines) {
        const PortfolioTotals& t = l.totals;
        sec.table.rows.push_back(cells(l.name.empty() ? l.party : l.name, kind_word(l.kind, lang), count_of(t.agreements),
                                       count_of(t.tasks_as_contractor), count_of(t.tasks_as_principal), amount(t.pays, lang),
                                       amount(t.receives, lang), amount(t.own_share, lang), count_of(t.violations), count_of(t.attention)));
    }
    if (!s.all.overflow)
        sec.table.total = {sv ? "Summa" : "Total",
                           "",
                           count_of(s.all.agreements),
                           count_of(s.all.tasks_as_contractor),
                           count_of(s.all.tasks_as_principal),
                           amount(s.all.pays, lang),
                           amount(s.all.receives, lang),
                           amount(s.all.own_share, lang),
                           count_of(s.all.violations),
                           count_of(s.all.attention)};
    sec.empty = sv ? "Inga parter." : "No parties.";
    d.sections.push_back(std::move(sec));
    return d;
}

void markdown_into(std::string& out, const Doc& d) {
    const auto line = [&out](std::string_view text) {
        out += text;
        out += "\n\n";
    };
    const auto cell = [&out](std::string_view c) {
        out += ' ';
        md_cell_into(out, c);
        out += " |";
    };
    out += "# ";
    line(d.title);
    for (const auto& p : d.intro) line(p);
    for (const Section& s : d.sections) {
        out.append(static_cast<std::size_t>(s.level), '#');
        out += ' ';
        line(s.heading);
        for (const auto& p : s.paragraphs) line(p);
        if (s.table.rows.empty()) {
            if (!s.empty.empty()) line(s.empty);
        } else {
            const Table& t = s.table;
            out += '|';
            for (const auto& h : t.head) cell(h);
            out += "\n|";
            for (std::size_t i = 0; i < t.head.size(); ++i) out += t.numeric[i] ? "---:|" : "---|";
            out += '\n';
            for (const auto& row : t.rows) {
                out += '|';
                for (const auto& c : row) cell(c);
                out += '\n';
            }
            if (!t.total.empty()) {
                out += '|';
                for (const auto& c : t.total) {
                    if (c.empty()) {
                        out += " |";
                        continue;
                    }
                    out += " **";
                    md_cell_into(out, c);
                    out += "** |";
                }
                out += '\n';
            }
            out += '\n';
        }
        for (const auto& i : s.items) {
            out += "- ";
            md_cell_into(out, i);
            out += '\n';
        }
        if (!s.items.empty()) out += '\n';
    }
    if (!d.receipt.empty()) {
        out += "---\n\n";
        out += d.receipt;
        out += '\n';
    }
}

std::string markdown(const Doc& d) {
    std::string out;
    markdown_into(out, d);
    return out;
}

std::string text(const Doc& d, std::size_t width) {
    std::string out = wrap(d.title, 0, width, 0) + std::string(std::min(width, width_of(d.title)), '=') + "\n";
    for (const auto& p : d.intro) out += wrap(p, 0, width, 0);
    for (const Section& s : d.sections) {
        std::string heading = s.heading;
        out += "\n" + (s.level == 2 ? heading : "  " + heading) + "\n";
        for (const auto& p : s.paragraphs) out += wrap(p, 2, width, 2);
        if (s.table.rows.empty() && !s.empty.empty()) out += wrap(s.empty, 2, width, 2);
        const Table& t = s.table;
        // A two-column table reads as "key  value"; a wider one as a block per row.
        if (t.head.size() == 2 && !t.numeric.empty() && t.numeric[1]) {
            // Values right-aligned at the line's end; a key too long for both goes on its own line.
            for (const auto& row : t.rows) {
                const std::size_t used = 2 + width_of(row[0]) + 2 + width_of(row[1]);
                if (used <= width)
                    out += "  " + row[0] + std::string(width - used + 2, ' ') + row[1] + "\n";
                else
                    out += "  " + row[0] + "\n" + std::string(width > width_of(row[1]) ? width - width_of(row[1]) : 0, ' ') + row[1] + "\n";
            }
        } else {
            const auto block = [&](const std::vector<std::string>& row) {
                out += wrap("- " + row[0], 2, width, 4);
                for (std::size_t i = 1; i < row.size() && i < t.head.size(); ++i)
                    if (!row[i].empty()) out += wrap(t.head[i] + ": " + row[i], 4, width, 6);
            };
            for (const auto& row : t.rows) block(row);
            if (!t.total.empty()) block(t.total);
        }
        for (const auto& i : s.items) out += wrap("* " + i, 2, width, 4);
    }
    if (!d.receipt.empty()) out += "\n" + wrap(d.receipt, 0, width, 0);
    return out;
}

} // namespace avtal::detail::portfolio

namespace avtal {

std::string render_portfolio_markdown(const PortfolioReport& report, const PortfolioRenderOptions& options) {
    return detail::portfolio::markdown(detail::portfolio::build(report, options.lang));
}

std::string render_portfolio_text(const PortfolioReport& report, const PortfolioRenderOptions& options) {
    return detail::portfolio::text(detail::portfolio::build(report, options.lang), options.width);
}

std::string render_portfolio_summary_markdown(const PortfolioSummary& summary, const PortfolioRenderOptions& options) {
    return detail::portfolio::markdown(detail::portfolio::build_summary(summary, options.lang));
}

std::string render_portfolio_summary_text(const PortfolioSummary& summary, const PortfolioRenderOptions& options) {
    return detail::portfolio::text(detail::portfolio::build_summary(summary, options.lang), options.width);
}

} // namespace avtal
