// Forms of cooperation (SPEC §7): Tabell 1 of SKR 2023 kap. 2 as data, and
// the recommender. The Swedish cell texts are verbatim from the table,
// typos included; the English texts are translations.
#include <avtal/law/forms.hpp>

#include "entry.hpp"

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace avtal {

namespace {

using F = CooperationForm;
using R = FormRow;

constexpr std::size_t idx(F f) noexcept { return static_cast<std::size_t>(f); }

// clang-format off
std::vector<FormInfo> make_forms() {
    std::vector<FormInfo> v;
    v.reserve(cooperation_form_count);
    v.push_back(FormInfo{
        F::municipal_federation,
        {"Kommunalförbund", "Municipal federation (kommunalförbund)"},
        {"Kommunalförbund (KF)", "Municipal federation (KF)"},
        {{
            {"Kommuner eller regioner.", "Municipalities or regions."},
            {"Samtliga kommunala uppgifter – men uppgifterna måste vara inom den överlämnande kommunens kompetens.",
             "All municipal tasks – but the tasks must lie within the competence of the municipality handing them over."},
            {"Ja.", "Yes."},
            {"Kommunalförbund blir huvudman.", "The municipal federation becomes the principal (huvudman)."},
            {"Kommunalförbund blir ansvarig.", "The municipal federation becomes responsible."},
            {"Främjar snabbare beslut, ekonomisk självständighet och specialisering för ökad effektivitet i kompetenskrävande verksamheter.",
             "Promotes faster decisions, financial independence and specialisation for greater efficiency in activities that demand expertise."},
            {"Kan bli för självständig. Mindre lämplig för kommuner som vill ha större inflytande.",
             "May become too independent. Less suitable for municipalities that want greater influence."},
            {"Regelstyrd och specialiserad verksamhet samt myndighetsutövning.",
             "Rule-governed and specialised activities, and exercise of public authority."},
        }},
        {"3 kap. 8 §, 9 kap. 1–18 §§ kommunallagen (2017:725)",
         "Local Government Act (2017:725), chapter 3 section 8 and chapter 9 sections 1–18"},
    });
    v.push_back(FormInfo{
        F::joint_committee,
        {"Gemensam nämnd", "Joint committee (gemensam nämnd)"},
        {"Gemensam nämnd", "Joint committee"},
        {{
            {"Kommuner eller regioner.", "Municipalities or regions."},
            {"Samtliga kommunala uppgifter som inte faller inom ramen för fullmäktiges exklusiva beslutanderätt.",
             "All municipal tasks that do not fall within the council's exclusive decision-making power."},
            {"Nej.", "No."},
            {"Varje kommun behåller huvudmannaskap över sina uppgifter",
             "Each municipality keeps principal responsibility (huvudmannaskap) for its tasks"},
            {"Varje kommun har ansvar för sina uppgifter.", "Each municipality is responsible for its tasks."},
            {"Goda möjligheter för styrning. Behöver inte stor administrativ och organisatorisk överbyggnad.",
             "Good opportunities for steering. Does not need a large administrative and organisational superstructure."},
            {"Kräver administration och riskerar bli tungrodd vid många deltagande kommuner.",
             "Requires administration and risks becoming unwieldy when many municipalities take part."},
            {"Plan- och byggfrågor, miljö- och hälsa, IT och HR, gymnasieskola, överförmyndare.",
             "Planning and building matters, environment and health, IT and HR, upper secondary school, chief guardian (överförmyndare)."},
        }},
        {"3 kap. 9 §, 9 kap. 19–35 §§ kommunallagen (2017:725)",
         "Local Government Act (2017:725), chapter 3 section 9 and chapter 9 sections 19–35"},
    });
    v.push_back(FormInfo{
        F::agreement_cooperation,
        {"Avtalssamverkan", "Agreement-based cooperation (avtalssamverkan)"},
        {"Avtals-samverkan", "Agreement-based cooperation"},
        {{
            {"Kommuner eller regioner.", "Municipalities or regions."},
            {"Samtliga kommunala uppgifter som faller inom ramen för kommunens ansvar.",
             "All municipal tasks that fall within the municipality's responsibility."},
            {"Nej.", "No."},
            {"Varje kommun behåller huvudmannaskap för avtalade uppgifter.",
             "Each municipality keeps principal responsibility (huvudmannaskap) for the agreed tasks."},
            {"Varje kommun behåller ansvaret för sina uppgifter.", "Each municipality keeps the responsibility for its tasks."},
            {"Ingen administrativ och organisatorisk överbyggnad. Går snabbt att inleda samverkan.",
             "No administrative and organisational superstructure. Cooperation can be started quickly."},
            {"Liten möjlighet för kommuner att löpande styra verksamheten.",
             "Little opportunity for municipalities to steer the activity on an ongoing basis."},
            {"Uppgifter och tjänster, myndighetsutövning och specialistfunktioner.",
             "Tasks and services, exercise of public authority and specialist functions."},
        }},
        {"9 kap. 37 § kommunallagen (2017:725)", "Local Government Act (2017:725), chapter 9 section 37"},
    });
    v.push_back(FormInfo{
        F::coordination_association,
        {"Samordningsförbund", "Coordination association (samordningsförbund)"},
        {"Samordnings-förbund", "Coordination association"},
        {{
            {"Kommuner, regioner och staten (Arbetsförmedlingen och Försäkringskassan)",
             "Municipalities, regions and the state (the Public Employment Service and the Social Insurance Agency)"},
            {"Samordna och finansiera rehabiliteringsinsatser till individer.",
             "Coordinating and financing rehabilitation measures for individuals."},
            {"Ja.", "Yes."},
            {"Kommun eller region behåller huvudmannaskap, omfattas av egen lagstiftning.",
             "The municipality or region keeps principal responsibility (huvudmannaskap); governed by its own legislation."},
            {"Samordningsförbundet har ansvar men omfattas av egen lagstiftning.",
             "The coordination association is responsible but is governed by its own legislation."},
            {"Fristående organ med god möjlighet att hjälpa individer förbättra sin förmåga att förvärsaarbata.",
             "An independent body well placed to help individuals improve their capacity for gainful employment."},
            {"Kräver en del administration och har ett specifikt användningsområde.",
             "Requires some administration and has a specific field of use."},
            {"Endast för att finansiera insatser som ger stöd till individer för att förbättra sin arbetsförmåga.",
             "Only for financing measures that support individuals in improving their capacity to work."},
        }},
        // Not named in the seed, which says only "regleras av egen lagstiftning".
        {"lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser",
         "Act (2003:1210) on financial coordination of rehabilitation measures"},
    });
    v.push_back(FormInfo{
        F::private_law_forms,
        {"Privaträttsliga samverkansformer", "Private-law forms of cooperation"},
        {"Privaträttsliga samverkansformer", "Private-law forms of cooperation"},
        {{
            {"Kommuner eller regioner.", "Municipalities or regions."},
            {"Uppgifter som kan bedrivs av interkommunala bolag.", "Tasks that can be run by inter-municipal companies."},
            {"Ja, men ingen myndighet.", "Yes, but not a public authority."},
            {"Interkommunala företaget räknas som huvudman.", "The inter-municipal company counts as the principal (huvudman)."},
            {"Interkommunala företaget är ansvarig.", "The inter-municipal company is responsible."},
            {"Möjliggör samverkan mellan privata aktörer och offentliga aktörer.",
             "Enables cooperation between private actors and public actors."},
            {"Begränsat i sitt omfång och mindre befogenheter.", "Limited in scope and with fewer powers."},
            {"När kommunen behöver samverka med privata aktörer, exempelvis vid större infrastrukturprojekt.",
             "When the municipality needs to cooperate with private actors, for example in larger infrastructure projects."},
        }},
        {},
    });
    v.push_back(FormInfo{
        F::network,
        {"Nätverk och informella avtal", "Networks and informal agreements"},
        {"Nätverk och \"informella avtal\"", "Networks and \"informal agreements\""},
        {{
            {"Kommuner.", "Municipalities."},
            {"Uppgifter som inte kräver juridiskt bindande avtal", "Tasks that do not require a legally binding agreement"},
            {"Nej.", "No."},
            {"Varje enskild kommun bibehåller huvudmannaskap.",
             "Each individual municipality retains principal responsibility (huvudmannaskap)."},
            {"Varje kommun behåller ansvar.", "Each municipality keeps responsibility."},
            {"Enkelt att administrera och lämplig för samverkan i mindre skala.",
             "Easy to administer and suitable for small-scale cooperation."},
            {"Inget juridiskt bindande avtal vilket innebär begränsat omfång.",
             "No legally binding agreement, which means limited scope."},
            {"Informell samverkan utan juridiska avtal, passar mindre uppgifter utan behov av avtal.",
             "Informal cooperation without legal agreements; suits smaller tasks with no need for an agreement."},
        }},
        {},
    });
    return v;
}

const std::array<Text, form_row_count>& row_titles() {
    static const std::array<Text, form_row_count> t{{
        {"Aktörer", "Actors"},
        {"Omfattning av uppgifter", "Scope of tasks"},
        {"Egen juridisk person", "Own legal person"},
        {"Huvudmannaskap", "Principal responsibility (huvudmannaskap)"},
        {"Ansvar", "Responsibility"},
        {"Fördelar", "Advantages"},
        {"Nackdelar", "Disadvantages"},
        {"Exempel på lämpliga verksamheter för samverkan", "Examples of activities suited to cooperation"},
    }};
    return t;
}

// Sentences of kap. 2 ("Andra kommunala samverkansformer" and "Viktiga
// saker att ta hänsyn till"), verbatim, that support a reason.
const Text quote_kf_large{
    "Kommunalförbund bildas av medlemmar från kommuner och regioner och är lämplig för storskaligt samarbete eller långsiktiga uppgifter.",
    "A municipal federation is formed by members from municipalities and regions and is suited to large-scale cooperation or long-term tasks."};
const Text quote_kf_cost{
    "Denna form av samarbete kräver dock mycket tid och resurser, vilket kan vara en nackdel för kommuner som endast önskar samarbeta kring specifika uppgifter.",
    "This form of cooperation, however, demands a lot of time and resources, which may be a drawback for municipalities that only wish to cooperate on specific tasks."};
const Text quote_parties{
    "Parter som får ingå i avtalssamverkan är kommuner och regioner, men inte kommunala bolag, privata aktörer eller staten.",
    "The parties that may enter into avtalssamverkan are municipalities and regions, but not municipal companies, private actors or the state."};
const Text quote_gn_legal_person{
    "Det är viktigt att tänka på att en gemensam nämnd inte utgör en egen juridisk person vilket innebär att det är medlemmarna i nämnden som bär ansvaret för nämndens beslut och åtgärder.",
    "It is important to bear in mind that a joint committee is not a legal person of its own, which means that its members bear the responsibility for the committee's decisions and actions."};
const Text quote_sf_members{
    "En ytterligare form av samverkan är samordningsförbund vilket bildas mellan kommuner, regioner och staten (genom Arbetsförmedlingen eller Försäkringskassan).",
    "A further form of cooperation is the coordination association, formed between municipalities, regions and the state (through the Public Employment Service or the Social Insurance Agency)."};
const Text quote_sf_purpose{
    "Samordningsförbund kan således inte användas som avtalssamverkan eller för särskilda ändamål.",
    "A coordination association can therefore not be used as avtalssamverkan or for particular purposes."};
const Text quote_network{
    "Den lämpar sig väl vid mindre uppgifter som inte kräver att avtal träffas mellan parter.",
    "It is well suited to smaller tasks that do not require an agreement to be made between the parties."};
const Text quote_private{
    "När kommuner eller andra offentliga enheter överväger att samarbeta med privata organisationer är privaträttsliga samverkansformer ofta ett bra alternativ.",
    "When municipalities or other public bodies consider cooperating with private organisations, private-law forms of cooperation are often a good alternative."};
// clang-format on

// Collects the reasons for every form.
class Assessor {
  public:
    Assessor() {
        for (std::size_t i = 0; i < cooperation_form_count; ++i) a_[i].form = static_cast<F>(i);
    }

    void favour(F f, std::string_view need, int points, Text why, std::initializer_list<R> rows, const Text* quote = nullptr) {
        add(f, need, ReasonEffect::favours, points, std::move(why), rows, quote);
    }
    void disfavour(F f, std::string_view need, int points, Text why, std::initializer_list<R> rows, const Text* quote = nullptr) {
        add(f, need, ReasonEffect::disfavours, -points, std::move(why), rows, quote);
    }
    void exclude(F f, std::string_view need, Text why, std::initializer_list<R> rows, const Text* quote = nullptr) {
        add(f, need, ReasonEffect::excludes, 0, std::move(why), rows, quote);
    }
    // `need` is unknown and could change the assessment of each form in `fs`.
    void missing(std::string_view need, std::initializer_list<F> fs) {
        for (F f : fs) {
            auto& m = a_[idx(f)].missing;
            if (std::find(m.begin(), m.end(), need) == m.end()) m.emplace_back(need);
        }
    }
    [[nodiscard]] bool excluded(F f) const {
        const auto& rs = a_[idx(f)].reasons;
        return std::any_of(rs.begin(), rs.end(), [](const FormReason& r) { return r.effect == ReasonEffect::excludes; });
    }

    Recommendation finish() && {
        Recommendation out;
        for (FormAssessment& fa : a_) {
            std::stable_partition(fa.reasons.begin(), fa.reasons.end(), [](const FormReason& r) { return r.effect == ReasonEffect::excludes; });
            fa.suitable = !excluded(fa.form);
            fa.score = 0;
            for (const FormReason& r : fa.reasons) fa.score += r.points;
            (fa.suitable ? out.suitable : out.unsuitable).push_back(std::move(fa));
        }
        // Best first; ties keep the column order (a_ is in column order).
        std::stable_sort(out.suitable.begin(), out.suitable.end(),
                         [](const FormAssessment& x, const FormAssessment& y) { return x.score > y.score; });
        return out;
    }

  private:
    void add(F f, std::string_view need, ReasonEffect e, int points, Text why, std::initializer_list<R> rows, const Text* quote) {
        const FormInfo& info = form_info(f);
        FormReason r;
        r.need = std::string{need};
        r.effect = e;
        r.points = points;
        r.text = std::move(why);
        r.text.sv += " (Tabell 1, " + info.name.sv + " – ";
        r.text.en += " (Table 1, " + info.name.en + " – ";
        bool first = true;
        for (R row : rows) {
            r.cells.push_back(FormCell{f, row});
            const Text& title = form_row_title(row);
            const Text& cell = info.cell(row);
            r.text.sv += (first ? "" : "; ") + title.sv + ": ”" + cell.sv + "”";
            r.text.en += (first ? "" : "; ") + title.en + ": “" + cell.en + "”";
            first = false;
        }
        r.text.sv += ")";
        r.text.en += ")";
        if (quote) {
            r.quote = *quote;
            r.text.sv += " Kap. 2: ”" + quote->sv + "”";
            r.text.en += " Chapter 2: “" + quote->en + "”";
        }
        a_[idx(f)].reasons.push_back(std::move(r));
    }

    std::array<FormAssessment, cooperation_form_count> a_;
};

void assess_actors(const Need& n, Assessor& as) {
    // The state: only samordningsförbund admits it.
    if (n.state == true) {
        for (F f : {F::municipal_federation, F::joint_committee, F::private_law_forms, F::network})
            as.exclude(f, "state",
                       {"Staten deltar, men formen är till för kommuner och regioner",
                        "The state takes part, but the form is for municipalities and regions"},
                       {R::actors});
        as.exclude(F::agreement_cooperation, "state",
                   {"Staten deltar, men staten får inte vara part i avtalssamverkan",
                    "The state takes part, but the state may not be a party to avtalssamverkan"},
                   {R::actors}, &quote_parties);
        as.favour(F::coordination_association, "state", 2,
                  {"Staten deltar, och samordningsförbund bildas med staten",
                   "The state takes part, and a coordination association is formed with the state"},
                  {R::actors}, &quote_sf_members);
    } else if (n.state == false) {
        as.exclude(F::coordination_association, "state",
                   {"Staten deltar inte, men samordningsförbund bildas mellan kommuner, regioner och staten",
                    "The state does not take part, but a coordination association is formed between municipalities, regions and the state"},
                   {R::actors}, &quote_sf_members);
    } else {
        as.missing("state", {F::municipal_federation, F::joint_committee, F::agreement_cooperation, F::coordination_association, F::private_law_forms,
                             F::network});
    }

    // Private actors: only the private-law forms admit them.
    if (n.private_actors == true) {
        as.favour(F::private_law_forms, "private_actors", 3, {"Privata aktörer deltar", "Private actors take part"}, {R::advantages, R::examples},
                  &quote_private);
        for (F f : {F::municipal_federation, F::joint_committee})
            as.exclude(f, "private_actors",
                       {"Privata aktörer deltar, men formen är till för kommuner och regioner",
                        "Private actors take part, but the form is for municipalities and regions"},
                       {R::actors});
        as.exclude(F::agreement_cooperation, "private_actors",
                   {"Privata aktörer deltar, men privata aktörer får inte vara part i avtalssamverkan",
                    "Private actors take part, but private actors may not be parties to avtalssamverkan"},
                   {R::actors}, &quote_parties);
        as.exclude(F::coordination_association, "private_actors",
                   {"Privata aktörer deltar, men samordningsförbund bildas av kommuner, regioner och staten",
                    "Private actors take part, but a coordination association is formed by municipalities, regions and the state"},
                   {R::actors});
        as.exclude(F::network, "private_actors",
                   {"Privata aktörer deltar, men tabellen anger bara kommuner som aktörer i nätverk",
                    "Private actors take part, but the table names only municipalities as actors in networks"},
                   {R::actors});
    } else if (!n.private_actors) {
        as.missing("private_actors",
                   {F::municipal_federation, F::joint_committee, F::agreement_cooperation, F::coordination_association, F::network});
    }

    // Networks: the table names only kommuner.
    if (n.regions == true)
        as.exclude(F::network, "regions",
                   {"Regioner deltar, men tabellen anger bara kommuner som aktörer i nätverk",
                    "Regions take part, but the table names only municipalities as actors in networks"},
                   {R::actors});
    else if (!n.regions)
        as.missing("regions", {F::network});
    if (n.municipalities == false)
        as.exclude(F::network, "municipalities",
                   {"Inga kommuner deltar, men nätverk är samverkan mellan kommuner",
                    "No municipalities take part, but a network is cooperation between municipalities"},
                   {R::actors});
    else if (!n.municipalities)
        as.missing("municipalities", {F::network});
}

void assess_legal_person(const Need& n, Assessor& as) {
    if (n.own_legal_person_wanted == true) {
        for (F f : {F::municipal_federation, F::coordination_association})
            as.favour(f, "own_legal_person_wanted", 3,
                      {"Egen juridisk person önskas, och formen är en", "An own legal person is wanted, and the form is one"}, {R::legal_person});
        as.favour(F::private_law_forms, "own_legal_person_wanted", 3,
                  {"Egen juridisk person önskas, och ett interkommunalt företag är en (men ingen myndighet)",
                   "An own legal person is wanted, and an inter-municipal company is one (but not a public authority)"},
                  {R::legal_person});
        as.exclude(F::joint_committee, "own_legal_person_wanted",
                   {"Egen juridisk person önskas, men en gemensam nämnd är ingen", "An own legal person is wanted, but a joint committee is none"},
                   {R::legal_person}, &quote_gn_legal_person);
        for (F f : {F::agreement_cooperation, F::network})
            as.exclude(f, "own_legal_person_wanted",
                       {"Egen juridisk person önskas, men formen är ingen", "An own legal person is wanted, but the form is none"},
                       {R::legal_person});
    } else if (n.own_legal_person_wanted == false) {
        for (F f : {F::municipal_federation, F::coordination_association, F::private_law_forms})
            as.disfavour(f, "own_legal_person_wanted", 1,
                         {"Egen juridisk person önskas inte, men formen kräver att en bildas",
                          "An own legal person is not wanted, but the form requires one to be formed"},
                         {R::legal_person});
    } else {
        as.missing("own_legal_person_wanted", {F::joint_committee, F::agreement_cooperation, F::network});
    }
}

void assess_binding(const Need& n, Assessor& as) {
    if (n.legally_binding_needed == true) {
        as.exclude(F::network, "legally_binding_needed",
                   {"Ett juridiskt bindande arrangemang behövs, men nätverk saknar juridiskt bindande avtal",
                    "A legally binding arrangement is needed, but a network has no legally binding agreement"},
                   {R::scope, R::disadvantages});
    } else if (n.legally_binding_needed == false) {
        as.favour(F::network, "legally_binding_needed", 5,
                  {"Inget juridiskt bindande avtal behövs: det informella nätverket räcker",
                   "No legally binding agreement is needed: the informal network suffices"},
                  {R::scope, R::examples}, &quote_network);
    } else {
        as.missing("legally_binding_needed", {F::network});
    }
}

void assess_scope(const Need& n, Assessor& as) {
    if (!n.scope) return;
    switch (*n.scope) {
    case TaskScope::single_task:
        as.favour(F::agreement_cooperation, "scope", 2,
                  {"En enstaka uppgift: avtalssamverkan kan avse enskilda uppgifter och tjänster",
                   "A single task: avtalssamverkan can cover individual tasks and services"},
                  {R::examples});
        as.disfavour(F::municipal_federation, "scope", 2,
                     {"En enstaka uppgift: ett kommunalförbund tar över hela uppgifter och kräver mycket tid och resurser",
                      "A single task: a municipal federation takes over whole tasks and demands much time and resources"},
                     {R::scope}, &quote_kf_cost);
        break;
    case TaskScope::several_tasks:
        for (F f : {F::municipal_federation, F::joint_committee, F::agreement_cooperation})
            as.favour(f, "scope", 1, {"Flera uppgifter ryms i formen", "Several tasks fit the form"}, {R::scope});
        break;
    case TaskScope::broad:
        as.favour(F::municipal_federation, "scope", 2,
                  {"Ett brett uppdrag: kommunalförbund kan ta samtliga kommunala uppgifter",
                   "A broad remit: a municipal federation can take all municipal tasks"},
                  {R::scope});
        as.favour(F::joint_committee, "scope", 1,
                  {"Ett brett uppdrag: gemensam nämnd kan fullgöra uppgifter inom all kommunal verksamhet",
                   "A broad remit: a joint committee can perform tasks in all municipal activity"},
                  {R::scope});
        as.disfavour(F::private_law_forms, "scope", 2,
                     {"Ett brett uppdrag, men formen är begränsad i sitt omfång", "A broad remit, but the form is limited in scope"},
                     {R::disadvantages});
        as.disfavour(F::network, "scope", 2,
                     {"Ett brett uppdrag, men nätverk har begränsat omfång", "A broad remit, but a network has limited scope"}, {R::disadvantages});
        break;
    }
}

void assess_authority(const Need& n, Assessor& as) {
    if (n.exercise_of_authority == true) {
        as.favour(F::municipal_federation, "exercise_of_authority", 1,
                  {"Myndighetsutövning kan skötas av kommunalförbund", "Exercise of authority can be handled by a municipal federation"},
                  {R::examples});
        as.favour(F::joint_committee, "exercise_of_authority", 1,
                  {"Myndighetsutövning kan skötas av en gemensam nämnd, som är en nämnd i en kommuns organisation",
                   "Exercise of authority can be handled by a joint committee, a committee in a municipality's organisation"},
                  {R::scope, R::examples});
        as.favour(F::agreement_cooperation, "exercise_of_authority", 1,
                  {"Myndighetsutövning kan ingå i avtalssamverkan", "Exercise of authority can be part of avtalssamverkan"}, {R::examples});
        as.exclude(F::private_law_forms, "exercise_of_authority",
                   {"Uppgifterna innefattar myndighetsutövning, men ett interkommunalt företag är ingen myndighet",
                    "The tasks include exercise of authority, but an inter-municipal company is not a public authority"},
                   {R::legal_person});
        as.exclude(F::network, "exercise_of_authority",
                   {"Uppgifterna innefattar myndighetsutövning, men ett nätverk saknar juridiskt bindande avtal och kan inte bära den",
                    "The tasks include exercise of authority, but a network has no legally binding agreement and cannot carry it"},
                   {R::scope, R::disadvantages});
        as.disfavour(F::coordination_association, "exercise_of_authority", 2,
                     {"Uppgifterna innefattar myndighetsutövning, men samordningsförbund samordnar och finansierar insatser",
                      "The tasks include exercise of authority, but a coordination association coordinates and finances measures"},
                     {R::scope, R::examples});
    } else if (!n.exercise_of_authority) {
        as.missing("exercise_of_authority", {F::private_law_forms, F::network});
    }
}

void assess_steering(const Need& n, Assessor& as) {
    if (n.continuous_steering_wanted != true) return;
    as.favour(F::joint_committee, "continuous_steering_wanted", 2,
              {"Löpande politisk styrning önskas, och gemensam nämnd ger goda möjligheter för styrning",
               "Continuous political steering is wanted, and a joint committee gives good opportunities for steering"},
              {R::advantages});
    as.disfavour(F::agreement_cooperation, "continuous_steering_wanted", 2,
                 {"Löpande politisk styrning önskas, men avtalssamverkan ger liten möjlighet att löpande styra",
                  "Continuous political steering is wanted, but avtalssamverkan gives little opportunity for ongoing steering"},
                 {R::disadvantages});
    as.disfavour(F::municipal_federation, "continuous_steering_wanted", 2,
                 {"Löpande politisk styrning önskas, men ett kommunalförbund kan bli för självständigt",
                  "Continuous political steering is wanted, but a municipal federation may become too independent"},
                 {R::disadvantages});
    as.disfavour(F::private_law_forms, "continuous_steering_wanted", 1,
                 {"Löpande politisk styrning önskas, men det interkommunala företaget är huvudman och ansvarigt",
                  "Continuous political steering is wanted, but the inter-municipal company is principal and responsible"},
                 {R::huvudmannaskap, R::responsibility});
    as.disfavour(F::coordination_association, "continuous_steering_wanted", 1,
                 {"Löpande politisk styrning önskas, men samordningsförbundet är ett fristående organ",
                  "Continuous political steering is wanted, but the coordination association is an independent body"},
                 {R::advantages});
}

void assess_scale(const Need& n, Assessor& as) {
    if (!n.scale) return;
    if (*n.scale == Scale::small) {
        as.favour(F::network, "scale", 2, {"Samverkan i mindre skala", "Small-scale cooperation"}, {R::advantages});
        as.favour(F::agreement_cooperation, "scale", 1,
                  {"Samverkan i mindre skala behöver ingen överbyggnad", "Small-scale cooperation needs no superstructure"}, {R::advantages});
        as.disfavour(F::municipal_federation, "scale", 2,
                     {"Samverkan i mindre skala, men ett kommunalförbund är en egen juridisk person som kräver mycket tid och resurser",
                      "Small-scale cooperation, but a municipal federation is a legal person of its own that demands much time and resources"},
                     {R::legal_person}, &quote_kf_cost);
    } else if (*n.scale == Scale::large) {
        as.favour(F::municipal_federation, "scale", 3,
                  {"Storskaligt samarbete: kommunalförbund är lämpligt för storskaligt samarbete",
                   "Large-scale cooperation: a municipal federation suits large-scale cooperation"},
                  {R::advantages}, &quote_kf_large);
        as.favour(F::private_law_forms, "scale", 1,
                  {"Storskaligt samarbete, t.ex. större infrastrukturprojekt", "Large-scale cooperation, e.g. larger infrastructure projects"},
                  {R::examples});
        as.disfavour(F::joint_committee, "scale", 1,
                     {"Storskaligt samarbete: en gemensam nämnd riskerar att bli tungrodd",
                      "Large-scale cooperation: a joint committee risks becoming unwieldy"},
                     {R::disadvantages});
        as.disfavour(F::network, "scale", 3,
                     {"Storskaligt samarbete, men nätverk passar samverkan i mindre skala och har begränsat omfång",
                      "Large-scale cooperation, but a network suits small-scale cooperation and has limited scope"},
                     {R::advantages, R::disadvantages});
    }
}

void assess_term(const Need& n, Assessor& as) {
    if (n.long_term == true) {
        as.favour(F::municipal_federation, "long_term", 2,
                  {"Långsiktigt samarbete: kommunalförbund är lämpligt för långsiktiga uppgifter och ger ekonomisk självständighet",
                   "Long-term cooperation: a municipal federation suits long-term tasks and gives financial independence"},
                  {R::advantages}, &quote_kf_large);
        as.disfavour(F::network, "long_term", 1,
                     {"Långsiktigt samarbete, men nätverk saknar juridiskt bindande avtal",
                      "Long-term cooperation, but a network has no legally binding agreement"},
                     {R::disadvantages});
    } else if (n.long_term == false) {
        as.disfavour(F::municipal_federation, "long_term", 2,
                     {"Tidsbegränsat samarbete, men ett kommunalförbund är en egen juridisk person som kräver mycket tid och resurser",
                      "Time-limited cooperation, but a municipal federation is a legal person of its own that demands much time and resources"},
                     {R::legal_person}, &quote_kf_cost);
        as.favour(F::agreement_cooperation, "long_term", 1,
                  {"Tidsbegränsat samarbete: avtalssamverkan kräver ingen överbyggnad",
                   "Time-limited cooperation: avtalssamverkan needs no superstructure"},
                  {R::advantages});
        as.favour(F::network, "long_term", 1,
                  {"Tidsbegränsat samarbete: nätverk är enkelt att administrera", "Time-limited cooperation: a network is easy to administer"},
                  {R::advantages});
    }
}

void assess_quick_start(const Need& n, Assessor& as) {
    if (n.quick_start_wanted != true) return;
    as.favour(
        F::agreement_cooperation, "quick_start_wanted", 3,
        {"Snabb start önskas, och avtalssamverkan går snabbt att inleda", "A quick start is wanted, and avtalssamverkan can be started quickly"},
        {R::advantages});
    as.favour(F::network, "quick_start_wanted", 2,
              {"Snabb start önskas, och nätverk är enkelt att administrera", "A quick start is wanted, and a network is easy to administer"},
              {R::advantages});
    as.disfavour(F::municipal_federation, "quick_start_wanted", 2,
                 {"Snabb start önskas, men ett kommunalförbund är en egen juridisk person som måste bildas",
                  "A quick start is wanted, but a municipal federation is a legal person of its own that must be formed"},
                 {R::legal_person}, &quote_kf_cost);
    as.disfavour(
        F::joint_committee, "quick_start_wanted", 1,
        {"Snabb start önskas, men en gemensam nämnd kräver administration", "A quick start is wanted, but a joint committee requires administration"},
        {R::disadvantages});
    as.disfavour(F::coordination_association, "quick_start_wanted", 1,
                 {"Snabb start önskas, men samordningsförbund kräver en del administration",
                  "A quick start is wanted, but a coordination association requires some administration"},
                 {R::disadvantages});
    as.disfavour(F::private_law_forms, "quick_start_wanted", 1,
                 {"Snabb start önskas, men ett interkommunalt företag är en egen juridisk person som måste bildas",
                  "A quick start is wanted, but an inter-municipal company is a legal person of its own that must be formed"},
                 {R::legal_person});
}

void assess_rehabilitation(const Need& n, Assessor& as) {
    if (n.rehabilitation == true) {
        as.favour(F::coordination_association, "rehabilitation", 4,
                  {"Syftet är att samordna och finansiera rehabilitering till arbete",
                   "The purpose is to coordinate and finance rehabilitation towards work"},
                  {R::scope, R::advantages, R::examples});
    } else if (n.rehabilitation == false) {
        as.exclude(F::coordination_association, "rehabilitation",
                   {"Syftet är inte rehabilitering, men samordningsförbund är endast till för att finansiera insatser som förbättrar individers "
                    "arbetsförmåga",
                    "The purpose is not rehabilitation, but a coordination association only serves to finance measures improving individuals' "
                    "capacity to work"},
                   {R::examples, R::disadvantages}, &quote_sf_purpose);
    } else {
        as.missing("rehabilitation", {F::coordination_association});
    }
}

void assess_huvudman(const Need& n, Assessor& as) {
    if (n.huvudman_transfer_wanted == true) {
        as.favour(F::municipal_federation, "huvudman_transfer_wanted", 3,
                  {"Huvudmannaskapet ska flyttas, och kommunalförbundet blir huvudman och ansvarigt",
                   "Huvudmannaskap is to move, and the municipal federation becomes principal and responsible"},
                  {R::huvudmannaskap, R::responsibility});
        as.favour(F::private_law_forms, "huvudman_transfer_wanted", 1,
                  {"Huvudmannaskapet ska flyttas, och det interkommunala företaget räknas som huvudman",
                   "Huvudmannaskap is to move, and the inter-municipal company counts as principal"},
                  {R::huvudmannaskap});
        for (F f : {F::joint_committee, F::agreement_cooperation, F::coordination_association, F::network})
            as.exclude(f, "huvudman_transfer_wanted",
                       {"Huvudmannaskapet ska flyttas, men i denna form behåller varje kommun sitt huvudmannaskap",
                        "Huvudmannaskap is to move, but in this form each municipality keeps its huvudmannaskap"},
                       {R::huvudmannaskap});
    } else if (n.huvudman_transfer_wanted == false) {
        as.exclude(F::municipal_federation, "huvudman_transfer_wanted",
                   {"Huvudmannaskapet ska stanna hos varje part, men kommunalförbundet blir huvudman",
                    "Huvudmannaskap is to stay with each party, but the municipal federation becomes principal"},
                   {R::huvudmannaskap});
        as.exclude(F::private_law_forms, "huvudman_transfer_wanted",
                   {"Huvudmannaskapet ska stanna hos varje part, men det interkommunala företaget räknas som huvudman",
                    "Huvudmannaskap is to stay with each party, but the inter-municipal company counts as principal"},
                   {R::huvudmannaskap});
        for (F f : {F::joint_committee, F::agreement_cooperation, F::coordination_association, F::network})
            as.favour(f, "huvudman_transfer_wanted", 1,
                      {"Huvudmannaskapet ska stanna hos varje part, och det gör det i denna form",
                       "Huvudmannaskap is to stay with each party, and in this form it does"},
                      {R::huvudmannaskap});
    } else {
        as.missing("huvudman_transfer_wanted", {F::municipal_federation, F::joint_committee, F::agreement_cooperation, F::coordination_association,
                                                F::private_law_forms, F::network});
    }
}

// Samordningsförbund is suitable only when it is established that the
// state takes part and the purpose is rehabilitation.
void assess_coordination_requirements(const Need& n, Assessor& as) {
    if (as.excluded(F::coordination_association)) return;
    if (n.state == true && n.rehabilitation == true) return;
    as.exclude(
        F::coordination_association, !n.state ? "state" : "rehabilitation",
        {"Samordningsförbund passar endast när staten deltar och syftet är rehabilitering till arbete, och det är inte angivet",
         "A coordination association fits only when the state takes part and the purpose is rehabilitation towards work, and that is not stated"},
        {R::actors, R::examples}, &quote_sf_purpose);
}

} // namespace

const std::vector<FormInfo>& cooperation_forms() {
    static const std::vector<FormInfo> forms = make_forms();
    return forms;
}

const FormInfo& form_info(CooperationForm form) { return detail::entry_for(cooperation_forms(), form); }

const Text& form_row_title(FormRow row) { return detail::entry_for(row_titles(), row); }

const Text& forms_table_title() {
    static const Text t{"Tabell 1. Samverkansformer lämpliga för kommunal samverkan",
                        "Table 1. Forms of cooperation suitable for municipal cooperation"};
    return t;
}

const FormAssessment* Recommendation::find(CooperationForm form) const noexcept {
    for (const auto* list : {&suitable, &unsuitable})
        for (const FormAssessment& a : *list)
            if (a.form == form) return &a;
    return nullptr;
}

Recommendation recommend_forms(const Need& need) {
    Assessor as;
    assess_actors(need, as);
    assess_legal_person(need, as);
    assess_binding(need, as);
    assess_scope(need, as);
    assess_authority(need, as);
    assess_steering(need, as);
    assess_scale(need, as);
    assess_term(need, as);
    assess_quick_start(need, as);
    assess_rehabilitation(need, as);
    assess_huvudman(need, as);
    assess_coordination_requirements(need, as);
    return std::move(as).finish();
}

} // namespace avtal
