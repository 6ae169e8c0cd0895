// SKR's method guide (SPEC §8; SKR 2023 kap. 5): the steps and their
// checklists from the Norrström–Fjällviken case, and the progress report.
#include <avtal/law/check.hpp>
#include <avtal/law/method.hpp>

#include "entry.hpp"

#include <algorithm>
#include <utility>

namespace avtal {

namespace {

using S = MethodStep;
using P = Prerequisite;

// An item of the checklist; its step is the one that lists it (make_steps).
ChecklistItem item(std::string id, std::optional<P> part, Text text, bool decidable = false, std::vector<std::string> rules = {}) {
    return ChecklistItem{std::move(id), {}, part, std::move(text), decidable, std::move(rules)};
}

// clang-format off
std::vector<MethodStepInfo> make_steps() {
    std::vector<MethodStepInfo> v;
    v.push_back({S::needs, "1", {"Identifiera behov kring samverkan", "Identify the needs for cooperation"}, {
        item("1.needs_analysis", {},
             {"Behovsanalys utförd som kartlägger behovet hos samtliga tilltänkta parter (i exemplet: familjebehandlingar i både Norrströms och Fjällvikens kommun)",
              "Needs analysis carried out, mapping the need of every prospective party (in the example: family treatment in both Norrström and Fjällviken)"}),
        item("1.tasks_defined", {},
             {"Samverkansuppgifterna konkretiserade: exakt vad samarbetet handlar om och vad det inte handlar om",
              "The cooperation tasks made concrete: exactly what the cooperation is about and what it is not about"}),
        item("1.benefits", {},
             {"Fördelarna med att samverka identifierade (i exemplet: resurseffektivitet, förebyggande arbete, ökad kontinuitet och samordning, stärkt samhällsstöd)",
              "The benefits of cooperating identified (in the example: resource efficiency, preventive work, greater continuity and coordination, stronger community support)"}),
    }});
    v.push_back({S::prerequisites, "2A", {"Utreda förutsättningar", "Investigate the prerequisites"}, {
        item("2a.organisational.responsibilities", P::organisational,
             {"Ansvarsfördelningen av samverkansuppgifter utformad", "The allocation of responsibility for the cooperation tasks designed"}),
        item("2a.organisational.roles", P::organisational,
             {"Bestämt vem som är uppdragstagare och vem som är uppdragsgivare",
              "Decided who is the contractor (uppdragstagare) and who is the principal (uppdragsgivare)"},
             true, {"task.roles"}),
        item("2a.organisational.staff", P::organisational,
             {"Ansvar för personal och arbetsmiljö säkerställt", "Responsibility for staff and the work environment ensured"},
             true, {"staff.transfer_of_undertaking", "staff.work_environment"}),
        item("2a.organisational.huvudman", P::organisational,
             {"Bestämt vem som har huvudmannaskap kring uppgifterna, och försäkrat sig om att huvudmannaskapet inte kan förändras vid samverkan",
              "Decided who holds principal responsibility (huvudmannaskap) for the tasks, and made sure that it cannot change through the cooperation"},
             true, {"task.huvudman_retained"}),
        item("2a.economic.cost_price", P::economic,
             {"Ersättningen utgår från självkostnadsprincipen", "The compensation is based on the cost-price principle (självkostnadsprincipen)"},
             true, {"compensation.no_profit"}),
        item("2a.economic.costs_covered", P::economic,
             {"Uppdragstagarens kostnader täcks", "The contractor's costs are covered"},
             true, {"compensation.covers_cost"}),
        item("2a.economic.financing", P::economic,
             {"Ställning tagen till finansieringen (i exemplet: verksamheten ska inte vara taxefinansierad)",
              "The financing settled (in the example: the activity is not to be fee-financed)"}),
        item("2a.economic.decided", P::economic,
             {"De ekonomiska förutsättningarna beslutade av ansvariga nämnder och kommunfullmäktige",
              "The economic terms decided by the responsible committees and the municipal council"}),
        item("2a.legal.nature", P::legal,
             {"Bestämt om samverkan gäller insatser eller myndighetsutövning (avtalssamverkan för insatser eller för myndighetsutövning)",
              "Decided whether the cooperation concerns services (insatser) or exercise of public authority (avtalssamverkan for services or for exercise of authority)"},
             true),
        item("2a.legal.procurement", P::legal,
             {"Upphandlingslagstiftningens tillämplighet och möjliga undantag utredda (i exemplet: direktupphandling, värdet under gränsen 8,1 miljoner kronor per part)",
              "The applicability of procurement law and possible exceptions investigated (in the example: direct award, the value below the limit of 8.1 million kronor per party)"},
             true, {"procurement.required"}),
        item("2a.legal.special_legislation", P::legal,
             {"Speciallagstiftning för uppgifternas område granskad (i exemplet: socialtjänstlagen och lagstiftningen om barn och unga)",
              "The special legislation of the tasks' area reviewed (in the example: the Social Services Act and the legislation on children and young people)"},
             true, {"task.special_legislation"}),
    }});
    v.push_back({S::contact, "2B", {"Ta kontakt med samverkansparter", "Contact the cooperation partners"}, {
        item("2b.contact", {},
             {"Kontakt tagen med samverkansparten (i exemplet: socialchefen i Fjällvikens kommun)",
              "Contact made with the cooperation partner (in the example: the head of social services in Fjällviken)"}),
        item("2b.partner_needs", {},
             {"Samverkansparternas behov och förutsättningar kända", "The partners' needs and circumstances understood"}),
        item("2b.common_goal", {},
             {"Gemensam målbild säkerställd", "A shared picture of the goals ensured"}),
    }});
    v.push_back({S::form, "2C", {"Besluta kring samverkansform", "Decide on the form of cooperation"}, {
        item("2c.form_chosen", {},
             {"Samverkansform vald (i exemplet: avtalssamverkan)", "The form of cooperation chosen (in the example: avtalssamverkan)"},
             true),
    }});
    v.push_back({S::control, "3A", {"Kontroll av uppgifter, uppsiktsplikt och rapportering", "Control of tasks, oversight duty and reporting"}, {
        item("3a.control", {},
             {"Rutiner för kontroll och uppsiktsplikt framtagna i varje kommun", "Routines for control and oversight drawn up in each municipality"},
             true, {"oversight.internal_control"}),
        item("3a.follow_up", {},
             {"Planerat hur varje kommun följer upp de insatser den är ansvarig för",
              "Planned how each municipality follows up the services it is responsible for"},
             true, {"oversight.follow_up"}),
        item("3a.reporting", {},
             {"Rapportering till respektive kommuns beslutsfattare säkerställd (årlig rapportering till fullmäktige)",
              "Reporting to each municipality's decision-makers ensured (annual report to the council)"},
             true, {"oversight.annual_report"}),
    }});
    v.push_back({S::security, "3B", {"Fastställande av rutiner för säkerhet och informationshantering",
                                     "Establish routines for security and information handling"}, {
        item("3b.information_routines", {},
             {"Rutiner för säkerhet och informationshantering fastställda (personuppgifter, diarieföring och arkivering, sekretess)",
              "Routines for security and information handling established (personal data, registration and archiving, confidentiality)"},
             true, {"information.*"}),
        item("3b.meetings", {},
             {"Regelbundna möten mellan kommunerna inplanerade för att diskutera förändringar och förbättringar",
              "Regular meetings between the municipalities scheduled to discuss changes and improvements"}),
        item("3b.updates", {},
             {"Rutiner för att samtliga parter informeras om de senaste uppdateringarna",
              "Routines ensuring that every party is informed of the latest updates"}),
    }});
    v.push_back({S::anchoring, "3C", {"Förankring inom de egna organisationerna", "Anchor the cooperation within the parties' own organisations"}, {
        item("3c.anchoring", {},
             {"Beslutet förankrat inom de egna organisationerna (i exemplet: intern konferens, workshop för anställda om nya rutiner och ansvarsområden)",
              "The decision anchored within the own organisations (in the example: an internal conference, a workshop for staff on the new routines and responsibilities)"}),
        item("3c.no_conflict", {},
             {"Säkerställt att samverkan går att inrätta i den egna kommunen och inte krockar med andra planer",
              "Made sure that the cooperation can be set up in the own municipality and does not clash with other plans"}),
    }});
    v.push_back({S::agreement, "4", {"Upprätta avtal", "Draw up the agreement"}, {
        item("4.legal_expertise", {},
             {"Juridisk expertis anlitad för att avtalet ska utformas korrekt", "Legal expertise engaged so that the agreement is drafted correctly"}),
        item("4.content", {},
             {"Avtalet innehåller alla nödvändiga delar", "The agreement contains every necessary part"},
             true, {"content.required"}),
        item("4.signed", {},
             {"Avtalet signerat av samtliga parter", "The agreement signed by all parties"}),
    }});
    for (MethodStepInfo& step : v)
        for (ChecklistItem& i : step.items) i.step = step.step;
    return v;
}
// clang-format on

// How a decidable item is read from the report.
enum class Decider : std::uint8_t {
    findings,       // every error/warning finding of its rules: violated → open, all satisfied → done
    finding_exists, // a finding of its rule exists → done
    procurement,    // every task's procurement outcome settled → done, else open
    agreement,      // a checked agreement exists → done
    task_nature,    // every task's nature stated → done, else open
};

Decider decider_of(const ChecklistItem& it) {
    if (it.id == "2a.legal.procurement") return Decider::procurement;
    if (it.id == "2a.legal.special_legislation") return Decider::finding_exists;
    if (it.id == "2c.form_chosen") return Decider::agreement;
    if (it.id == "2a.legal.nature") return Decider::task_nature;
    return Decider::findings;
}

void add_unique(std::vector<std::string>& v, std::string_view s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.emplace_back(s);
}

bool matches_any(std::string_view id, const std::vector<std::string>& patterns) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) { return rule_matches(id, p); });
}

void decide(ItemProgress& ip, const Report& report) {
    const ChecklistItem& it = *ip.item;
    ItemStatus st = ItemStatus::unknown;
    switch (decider_of(it)) {
    case Decider::findings: {
        bool any = false, violated = false, undetermined = false;
        for (const Finding& f : report.findings()) {
            if (!f.rule || !matches_any(f.rule->id(), it.rules) || f.rule->info().severity == Severity::info) continue;
            any = true;
            add_unique(ip.rules, f.rule->id());
            if (f.status == Status::violated)
                violated = true;
            else if (f.status == Status::undetermined) {
                undetermined = true;
                for (const std::string& m : f.missing) add_unique(ip.missing, m);
            }
        }
        st = violated ? ItemStatus::open : (any && !undetermined) ? ItemStatus::done : ItemStatus::unknown;
        break;
    }
    case Decider::finding_exists:
        for (const Finding& f : report.findings())
            if (f.rule && matches_any(f.rule->id(), it.rules)) {
                add_unique(ip.rules, f.rule->id());
                st = ItemStatus::done;
            }
        break;
    case Decider::procurement: {
        const auto& results = report.procurement();
        if (results.empty()) break;
        st = ItemStatus::done;
        for (const ProcurementResult& p : results)
            if (p.outcome == ProcurementOutcome::undetermined) {
                st = ItemStatus::open;
                for (const std::string& m : p.missing) add_unique(ip.missing, m);
            }
        ip.rules = it.rules;
        break;
    }
    case Decider::agreement: st = ItemStatus::done; break;
    case Decider::task_nature: {
        const auto& tasks = report.agreement().tasks;
        if (tasks.empty()) break;
        st = ItemStatus::done;
        for (std::size_t i = 0; i < tasks.size(); ++i)
            if (!tasks[i].nature) {
                st = ItemStatus::open;
                ip.missing.push_back("/tasks/" + std::to_string(i) + "/nature");
            }
        break;
    }
    }
    ip.status = st;
    ip.source = st == ItemStatus::unknown ? ItemSource::none : ItemSource::check;
}

ItemStatus combine(const std::vector<const ItemProgress*>& items) {
    bool all_done = true, any_open = false;
    for (const ItemProgress* ip : items) {
        all_done = all_done && ip->status == ItemStatus::done;
        any_open = any_open || ip->status == ItemStatus::open;
    }
    return all_done ? ItemStatus::done : any_open ? ItemStatus::open : ItemStatus::unknown;
}

} // namespace

const std::vector<MethodStepInfo>& method_steps() {
    static const std::vector<MethodStepInfo> steps = make_steps();
    return steps;
}

const MethodStepInfo& method_step(MethodStep step) { return detail::entry_for(method_steps(), step); }

const Text& prerequisite_title(Prerequisite part) {
    static const Text titles[] = {
        {"Organisatoriska förutsättningar", "Organisational prerequisites"},
        {"Ekonomiska förutsättningar", "Economic prerequisites"},
        {"Juridiska förutsättningar", "Legal prerequisites"},
    };
    const auto i = static_cast<std::size_t>(part);
    return titles[i < std::size(titles) ? i : 0];
}

const ChecklistItem* find_checklist_item(std::string_view id) {
    for (const MethodStepInfo& s : method_steps())
        for (const ChecklistItem& it : s.items)
            if (it.id == id) return &it;
    return nullptr;
}

const StepProgress& MethodProgress::step(MethodStep s) const {
    for (const StepProgress& sp : steps)
        if (sp.step == s) return sp;
    static const StepProgress empty{};
    return empty;
}

const ItemProgress* MethodProgress::item(std::string_view id) const {
    for (const StepProgress& sp : steps)
        for (const ItemProgress& ip : sp.items)
            if (ip.item && ip.item->id == id) return &ip;
    return nullptr;
}

ItemStatus MethodProgress::status(Prerequisite part) const {
    std::vector<const ItemProgress*> items;
    for (const ItemProgress& ip : step(MethodStep::prerequisites).items)
        if (ip.item && ip.item->part == part) items.push_back(&ip);
    return items.empty() ? ItemStatus::unknown : combine(items);
}

MethodProgress method_progress(const ItemStates& stated, const Report* report) {
    MethodProgress out;
    for (const auto& [id, done] : stated)
        if (!find_checklist_item(id)) out.unknown_ids.push_back(id);
    for (const MethodStepInfo& s : method_steps()) {
        StepProgress sp;
        sp.step = s.step;
        std::vector<const ItemProgress*> ptrs;
        sp.items.reserve(s.items.size());
        for (const ChecklistItem& it : s.items) {
            ItemProgress ip;
            ip.item = &it;
            if (auto f = stated.find(it.id); f != stated.end()) {
                ip.status = f->second ? ItemStatus::done : ItemStatus::open;
                ip.source = ItemSource::stated;
            } else if (report && it.decidable) {
                decide(ip, *report);
            }
            sp.items.push_back(std::move(ip));
        }
        for (const ItemProgress& ip : sp.items) ptrs.push_back(&ip);
        sp.status = combine(ptrs);
        if (!out.next && sp.status != ItemStatus::done) out.next = sp.step;
        out.steps.push_back(std::move(sp));
    }
    return out;
}

} // namespace avtal
