// Forms of cooperation (SPEC §7): Tabell 1 as data and the recommender.
#include <avtal/law/forms.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace avtal;

namespace {

using F = CooperationForm;

std::vector<F> order(const std::vector<FormAssessment>& v) {
    std::vector<F> out;
    for (const FormAssessment& a : v) out.push_back(a.form);
    return out;
}

bool has_reason(const FormAssessment& a, ReasonEffect effect, FormRow row) {
    return std::any_of(a.reasons.begin(), a.reasons.end(), [&](const FormReason& r) {
        return r.effect == effect && std::find(r.cells.begin(), r.cells.end(), FormCell{a.form, row}) != r.cells.end();
    });
}

bool suitable(const Recommendation& r, F f) {
    const FormAssessment* a = r.find(f);
    REQUIRE(a != nullptr);
    return a->suitable;
}

Need two_municipalities() {
    Need n;
    n.municipalities = true;
    n.regions = false;
    n.state = false;
    n.private_actors = false;
    return n;
}

// Structural invariants every recommendation must satisfy.
void check_invariants(const Recommendation& r) {
    REQUIRE(r.suitable.size() + r.unsuitable.size() == cooperation_form_count);
    std::set<F> seen;
    for (const auto* list : {&r.suitable, &r.unsuitable})
        for (const FormAssessment& a : *list) {
            CHECK(seen.insert(a.form).second);
            int sum = 0;
            bool excluded = false;
            for (const FormReason& reason : a.reasons) {
                sum += reason.points;
                excluded = excluded || reason.effect == ReasonEffect::excludes;
                if (reason.effect == ReasonEffect::excludes) CHECK(reason.points == 0);
                if (reason.effect == ReasonEffect::favours) CHECK(reason.points > 0);
                if (reason.effect == ReasonEffect::disfavours) CHECK(reason.points < 0);
                CHECK_FALSE(reason.need.empty());
                // Every reason cites Tabell 1 and quotes the cells it cites.
                REQUIRE_FALSE(reason.cells.empty());
                for (const FormCell& c : reason.cells) {
                    CHECK(reason.text.sv.find(form_info(c.form).cell(c.row).sv) != std::string::npos);
                    CHECK(reason.text.en.find(form_info(c.form).cell(c.row).en) != std::string::npos);
                }
                if (!reason.quote.sv.empty()) CHECK(reason.text.sv.find(reason.quote.sv) != std::string::npos);
            }
            CHECK(sum == a.score);
            CHECK(excluded == !a.suitable);
            // Excluding reasons come first.
            CHECK(std::is_partitioned(a.reasons.begin(), a.reasons.end(), [](const FormReason& x) { return x.effect == ReasonEffect::excludes; }));
        }
    for (const FormAssessment& a : r.suitable) CHECK(a.suitable);
    for (const FormAssessment& a : r.unsuitable) CHECK_FALSE(a.suitable);
    // Best first, ties in column order; unsuitable in column order.
    for (std::size_t i = 1; i < r.suitable.size(); ++i) {
        const auto& x = r.suitable[i - 1];
        const auto& y = r.suitable[i];
        CHECK((x.score > y.score || (x.score == y.score && x.form < y.form)));
    }
    for (std::size_t i = 1; i < r.unsuitable.size(); ++i) CHECK(r.unsuitable[i - 1].form < r.unsuitable[i].form);
}

} // namespace

TEST_CASE("Tabell 1: six forms in column order with stable ids", "[forms]") {
    const auto& forms = cooperation_forms();
    REQUIRE(forms.size() == cooperation_form_count);
    const std::vector<std::string> ids{"municipal_federation",     "joint_committee",   "agreement_cooperation",
                                       "coordination_association", "private_law_forms", "network"};
    for (std::size_t i = 0; i < forms.size(); ++i) {
        CHECK(static_cast<std::size_t>(forms[i].form) == i);
        CHECK(to_string(forms[i].form) == ids[i]);
        CHECK(enum_from_string<CooperationForm>(ids[i]) == forms[i].form);
        CHECK(&form_info(forms[i].form) == &forms[i]);
        CHECK_FALSE(forms[i].name.sv.empty());
        CHECK_FALSE(forms[i].name.en.empty());
        for (std::size_t r = 0; r < form_row_count; ++r) {
            INFO(ids[i] << " row " << r);
            CHECK_FALSE(forms[i].cells[r].sv.empty());
            CHECK_FALSE(forms[i].cells[r].en.empty());
            CHECK(forms[i].cells[r].sv != forms[i].cells[r].en);
        }
    }
    CHECK(form_info(F::municipal_federation).heading.sv == "Kommunalförbund (KF)");
    CHECK(form_info(F::agreement_cooperation).heading.sv == "Avtals-samverkan");
    CHECK(form_info(F::coordination_association).heading.sv == "Samordnings-förbund");
    CHECK(form_info(F::network).heading.sv == "Nätverk och \"informella avtal\"");
    CHECK(forms_table_title().sv == "Tabell 1. Samverkansformer lämpliga för kommunal samverkan");
}

TEST_CASE("Tabell 1: row titles in the table's order", "[forms]") {
    const std::vector<std::string> titles{"Aktörer",
                                          "Omfattning av uppgifter",
                                          "Egen juridisk person",
                                          "Huvudmannaskap",
                                          "Ansvar",
                                          "Fördelar",
                                          "Nackdelar",
                                          "Exempel på lämpliga verksamheter för samverkan"};
    for (std::size_t r = 0; r < form_row_count; ++r) {
        CHECK(form_row_title(static_cast<FormRow>(r)).sv == titles[r]);
        CHECK_FALSE(form_row_title(static_cast<FormRow>(r)).en.empty());
    }
    CHECK(to_string(FormRow::legal_person) == "legal_person");
}

TEST_CASE("Tabell 1: cells are verbatim, typos included", "[forms]") {
    using R = FormRow;
    const auto cell = [](F f, R r) { return form_info(f).cell(r).sv; };
    // The source's typos are kept.
    CHECK(cell(F::coordination_association, R::advantages) ==
          "Fristående organ med god möjlighet att hjälpa individer förbättra sin förmåga att förvärsaarbata.");
    CHECK(cell(F::private_law_forms, R::scope) == "Uppgifter som kan bedrivs av interkommunala bolag.");
    // Missing full stops are kept too.
    CHECK(cell(F::joint_committee, R::huvudmannaskap) == "Varje kommun behåller huvudmannaskap över sina uppgifter");
    CHECK(cell(F::network, R::scope) == "Uppgifter som inte kräver juridiskt bindande avtal");
    CHECK(cell(F::coordination_association, R::actors) == "Kommuner, regioner och staten (Arbetsförmedlingen och Försäkringskassan)");

    // Row by row, the facts the recommender rests on.
    for (F f : {F::municipal_federation, F::joint_committee, F::agreement_cooperation, F::private_law_forms})
        CHECK(cell(f, R::actors) == "Kommuner eller regioner.");
    CHECK(cell(F::network, R::actors) == "Kommuner.");
    CHECK(cell(F::municipal_federation, R::scope) ==
          "Samtliga kommunala uppgifter – men uppgifterna måste vara inom den överlämnande kommunens kompetens.");
    CHECK(cell(F::joint_committee, R::scope) == "Samtliga kommunala uppgifter som inte faller inom ramen för fullmäktiges exklusiva beslutanderätt.");
    CHECK(cell(F::agreement_cooperation, R::scope) == "Samtliga kommunala uppgifter som faller inom ramen för kommunens ansvar.");
    CHECK(cell(F::coordination_association, R::scope) == "Samordna och finansiera rehabiliteringsinsatser till individer.");
    CHECK(cell(F::municipal_federation, R::legal_person) == "Ja.");
    CHECK(cell(F::joint_committee, R::legal_person) == "Nej.");
    CHECK(cell(F::agreement_cooperation, R::legal_person) == "Nej.");
    CHECK(cell(F::coordination_association, R::legal_person) == "Ja.");
    CHECK(cell(F::private_law_forms, R::legal_person) == "Ja, men ingen myndighet.");
    CHECK(cell(F::network, R::legal_person) == "Nej.");
    CHECK(cell(F::municipal_federation, R::huvudmannaskap) == "Kommunalförbund blir huvudman.");
    CHECK(cell(F::agreement_cooperation, R::huvudmannaskap) == "Varje kommun behåller huvudmannaskap för avtalade uppgifter.");
    CHECK(cell(F::coordination_association, R::huvudmannaskap) == "Kommun eller region behåller huvudmannaskap, omfattas av egen lagstiftning.");
    CHECK(cell(F::private_law_forms, R::huvudmannaskap) == "Interkommunala företaget räknas som huvudman.");
    CHECK(cell(F::network, R::huvudmannaskap) == "Varje enskild kommun bibehåller huvudmannaskap.");
    CHECK(cell(F::municipal_federation, R::responsibility) == "Kommunalförbund blir ansvarig.");
    CHECK(cell(F::joint_committee, R::responsibility) == "Varje kommun har ansvar för sina uppgifter.");
    CHECK(cell(F::agreement_cooperation, R::responsibility) == "Varje kommun behåller ansvaret för sina uppgifter.");
    CHECK(cell(F::coordination_association, R::responsibility) == "Samordningsförbundet har ansvar men omfattas av egen lagstiftning.");
    CHECK(cell(F::private_law_forms, R::responsibility) == "Interkommunala företaget är ansvarig.");
    CHECK(cell(F::network, R::responsibility) == "Varje kommun behåller ansvar.");
    CHECK(cell(F::municipal_federation, R::advantages) ==
          "Främjar snabbare beslut, ekonomisk självständighet och specialisering för ökad effektivitet i kompetenskrävande verksamheter.");
    CHECK(cell(F::joint_committee, R::advantages) ==
          "Goda möjligheter för styrning. Behöver inte stor administrativ och organisatorisk överbyggnad.");
    CHECK(cell(F::agreement_cooperation, R::advantages) == "Ingen administrativ och organisatorisk överbyggnad. Går snabbt att inleda samverkan.");
    CHECK(cell(F::private_law_forms, R::advantages) == "Möjliggör samverkan mellan privata aktörer och offentliga aktörer.");
    CHECK(cell(F::network, R::advantages) == "Enkelt att administrera och lämplig för samverkan i mindre skala.");
    CHECK(cell(F::municipal_federation, R::disadvantages) == "Kan bli för självständig. Mindre lämplig för kommuner som vill ha större inflytande.");
    CHECK(cell(F::joint_committee, R::disadvantages) == "Kräver administration och riskerar bli tungrodd vid många deltagande kommuner.");
    CHECK(cell(F::agreement_cooperation, R::disadvantages) == "Liten möjlighet för kommuner att löpande styra verksamheten.");
    CHECK(cell(F::coordination_association, R::disadvantages) == "Kräver en del administration och har ett specifikt användningsområde.");
    CHECK(cell(F::private_law_forms, R::disadvantages) == "Begränsat i sitt omfång och mindre befogenheter.");
    CHECK(cell(F::network, R::disadvantages) == "Inget juridiskt bindande avtal vilket innebär begränsat omfång.");
    CHECK(cell(F::municipal_federation, R::examples) == "Regelstyrd och specialiserad verksamhet samt myndighetsutövning.");
    CHECK(cell(F::joint_committee, R::examples) == "Plan- och byggfrågor, miljö- och hälsa, IT och HR, gymnasieskola, överförmyndare.");
    CHECK(cell(F::agreement_cooperation, R::examples) == "Uppgifter och tjänster, myndighetsutövning och specialistfunktioner.");
    CHECK(cell(F::coordination_association, R::examples) ==
          "Endast för att finansiera insatser som ger stöd till individer för att förbättra sin arbetsförmåga.");
    CHECK(cell(F::private_law_forms, R::examples) ==
          "När kommunen behöver samverka med privata aktörer, exempelvis vid större infrastrukturprojekt.");
    CHECK(cell(F::network, R::examples) == "Informell samverkan utan juridiska avtal, passar mindre uppgifter utan behov av avtal.");
}

TEST_CASE("Tabell 1: legal basis of each form", "[forms]") {
    CHECK(form_info(F::municipal_federation).legal_basis.sv == "3 kap. 8 §, 9 kap. 1–18 §§ kommunallagen (2017:725)");
    CHECK(form_info(F::joint_committee).legal_basis.sv == "3 kap. 9 §, 9 kap. 19–35 §§ kommunallagen (2017:725)");
    CHECK(form_info(F::agreement_cooperation).legal_basis.sv == "9 kap. 37 § kommunallagen (2017:725)");
    CHECK(form_info(F::coordination_association).legal_basis.sv == "lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser");
    // The seed names no statute for these.
    CHECK(form_info(F::private_law_forms).legal_basis.sv.empty());
    CHECK(form_info(F::network).legal_basis.sv.empty());
}

TEST_CASE("Recommender: avtalssamverkan first for a single social-services task wanting a quick start", "[forms]") {
    Need n = two_municipalities();
    n.scope = TaskScope::single_task;
    n.quick_start_wanted = true;
    n.legally_binding_needed = true;
    n.exercise_of_authority = false;
    const Recommendation r = recommend_forms(n);
    check_invariants(r);
    REQUIRE(r.best() != nullptr);
    CHECK(r.best()->form == F::agreement_cooperation);
    CHECK(has_reason(*r.best(), ReasonEffect::favours, FormRow::advantages)); // "Går snabbt att inleda samverkan."
    CHECK(has_reason(*r.best(), ReasonEffect::favours, FormRow::examples));   // "Uppgifter och tjänster, …"
    // Unknown facts that could still rule it out are named.
    CHECK(r.best()->missing == std::vector<std::string>{"own_legal_person_wanted", "huvudman_transfer_wanted"});
    // The network is out: a legally binding agreement is needed.
    CHECK_FALSE(suitable(r, F::network));
    CHECK(has_reason(*r.find(F::network), ReasonEffect::excludes, FormRow::disadvantages));
    // A kommunalförbund is heavy for one task.
    CHECK(has_reason(*r.find(F::municipal_federation), ReasonEffect::disfavours, FormRow::legal_person));

    // Also when whether it must be binding is left open.
    Need open = two_municipalities();
    open.scope = TaskScope::single_task;
    open.quick_start_wanted = true;
    const Recommendation r2 = recommend_forms(open);
    check_invariants(r2);
    CHECK(r2.best()->form == F::agreement_cooperation);
    const auto& m = r2.find(F::network)->missing;
    CHECK(std::find(m.begin(), m.end(), "legally_binding_needed") != m.end());
}

TEST_CASE("Recommender: kommunalförbund first for a large long-term cooperation needing its own legal person", "[forms]") {
    Need n = two_municipalities();
    n.own_legal_person_wanted = true;
    n.scale = Scale::large;
    n.long_term = true;
    const Recommendation r = recommend_forms(n);
    check_invariants(r);
    REQUIRE(r.best() != nullptr);
    CHECK(r.best()->form == F::municipal_federation);
    CHECK(has_reason(*r.best(), ReasonEffect::favours, FormRow::legal_person));
    CHECK(has_reason(*r.best(), ReasonEffect::favours, FormRow::advantages));
    // Forms that are no legal person are excluded, citing "Egen juridisk person: Nej."
    for (F f : {F::joint_committee, F::agreement_cooperation, F::network}) {
        CHECK_FALSE(suitable(r, f));
        CHECK(has_reason(*r.find(f), ReasonEffect::excludes, FormRow::legal_person));
    }
    CHECK(order(r.suitable) == std::vector<F>{F::municipal_federation, F::private_law_forms});
}

TEST_CASE("Recommender: with the state, only samordningsförbund and only for rehabilitation", "[forms]") {
    Need n;
    n.municipalities = true;
    n.regions = true;
    n.state = true;
    n.rehabilitation = true;
    const Recommendation r = recommend_forms(n);
    check_invariants(r);
    CHECK(order(r.suitable) == std::vector<F>{F::coordination_association});
    for (const FormAssessment& a : r.unsuitable) CHECK(has_reason(a, ReasonEffect::excludes, FormRow::actors));
    CHECK(has_reason(*r.best(), ReasonEffect::favours, FormRow::actors));
    CHECK(has_reason(*r.best(), ReasonEffect::favours, FormRow::scope));

    // The state but no rehabilitation: nothing fits, each form says why.
    n.rehabilitation = false;
    const Recommendation none = recommend_forms(n);
    check_invariants(none);
    CHECK(none.suitable.empty());
    CHECK(none.best() == nullptr);
    REQUIRE(none.unsuitable.size() == cooperation_form_count);
    for (const FormAssessment& a : none.unsuitable) {
        REQUIRE_FALSE(a.reasons.empty());
        CHECK(a.reasons.front().effect == ReasonEffect::excludes);
    }
    CHECK(has_reason(*none.find(F::coordination_association), ReasonEffect::excludes, FormRow::examples));
    CHECK(none.find(F::agreement_cooperation)->reasons.front().text.sv.find("Kommuner eller regioner.") != std::string::npos);
}

TEST_CASE("Recommender: samordningsförbund is suitable exactly when the state takes part for rehabilitation", "[forms]") {
    const std::optional<bool> values[] = {std::nullopt, false, true};
    for (const auto& state : values)
        for (const auto& rehab : values)
            for (const auto& authority : values) {
                Need n;
                n.state = state;
                n.rehabilitation = rehab;
                n.exercise_of_authority = authority;
                const Recommendation r = recommend_forms(n);
                check_invariants(r);
                const bool expected = state == true && rehab == true;
                CHECK(suitable(r, F::coordination_association) == expected);
                if (state == true)
                    for (F f : {F::municipal_federation, F::joint_committee, F::agreement_cooperation, F::private_law_forms, F::network})
                        CHECK_FALSE(suitable(r, f));
                if (!state || !rehab) {
                    const auto& m = r.find(F::coordination_association)->missing;
                    CHECK_FALSE(m.empty());
                }
            }
}

TEST_CASE("Recommender: a private actor leads to the private-law forms", "[forms]") {
    Need n;
    n.municipalities = true;
    n.private_actors = true;
    n.state = false;
    n.scale = Scale::large;
    const Recommendation r = recommend_forms(n);
    check_invariants(r);
    REQUIRE(r.best() != nullptr);
    CHECK(r.best()->form == F::private_law_forms);
    CHECK(has_reason(*r.best(), ReasonEffect::favours, FormRow::advantages)); // "Möjliggör samverkan mellan privata aktörer …"
    // Only municipalities and regions may be parties.
    for (F f : {F::agreement_cooperation, F::municipal_federation, F::joint_committee}) {
        CHECK_FALSE(suitable(r, f));
        CHECK(has_reason(*r.find(f), ReasonEffect::excludes, FormRow::actors));
    }
    CHECK(order(r.suitable) == std::vector<F>{F::private_law_forms});
    // The chapter's sentence on parties backs the avtalssamverkan reason.
    CHECK(r.find(F::agreement_cooperation)->reasons.front().quote.sv.find("privata aktörer") != std::string::npos);
}

TEST_CASE("Recommender: nätverk first when nothing legally binding is needed", "[forms]") {
    Need n = two_municipalities();
    n.legally_binding_needed = false;
    const Recommendation r = recommend_forms(n);
    check_invariants(r);
    REQUIRE(r.best() != nullptr);
    CHECK(r.best()->form == F::network);
    CHECK(has_reason(*r.best(), ReasonEffect::favours, FormRow::scope)); // "Uppgifter som inte kräver juridiskt bindande avtal"

    // Also for a small single task wanting a quick start (which avtalssamverkan also suits).
    n.scope = TaskScope::single_task;
    n.scale = Scale::small;
    n.quick_start_wanted = true;
    const Recommendation r2 = recommend_forms(n);
    check_invariants(r2);
    CHECK(r2.best()->form == F::network);
    REQUIRE(r2.suitable.size() >= 2);
    CHECK(r2.suitable[1].form == F::agreement_cooperation);
}

TEST_CASE("Recommender: exercise of authority rules out companies and networks", "[forms]") {
    Need n = two_municipalities();
    n.exercise_of_authority = true;
    const Recommendation r = recommend_forms(n);
    check_invariants(r);
    for (F f : {F::municipal_federation, F::joint_committee, F::agreement_cooperation}) {
        CHECK(suitable(r, f));
        CHECK(has_reason(*r.find(f), ReasonEffect::favours, FormRow::examples));
    }
    CHECK_FALSE(suitable(r, F::private_law_forms));
    CHECK(has_reason(*r.find(F::private_law_forms), ReasonEffect::excludes, FormRow::legal_person)); // "ingen myndighet"
    CHECK_FALSE(suitable(r, F::network));
}

TEST_CASE("Recommender: continuous steering favours gemensam nämnd over avtalssamverkan", "[forms]") {
    Need n = two_municipalities();
    n.scope = TaskScope::several_tasks;
    n.exercise_of_authority = true;
    n.continuous_steering_wanted = true;
    const Recommendation r = recommend_forms(n);
    check_invariants(r);
    CHECK(r.best()->form == F::joint_committee);
    CHECK(has_reason(*r.best(), ReasonEffect::favours, FormRow::advantages)); // "Goda möjligheter för styrning."
    const FormAssessment* as = r.find(F::agreement_cooperation);
    CHECK(as->suitable);
    CHECK(has_reason(*as, ReasonEffect::disfavours, FormRow::disadvantages));
    bool quoted = false;
    for (const FormReason& reason : as->reasons)
        quoted = quoted || reason.text.sv.find("Liten möjlighet för kommuner att löpande styra verksamheten.") != std::string::npos;
    CHECK(quoted);
    CHECK(as->score < r.best()->score);
}

TEST_CASE("Recommender: huvudmannaskap cannot move under avtalssamverkan", "[forms]") {
    Need n = two_municipalities();
    n.huvudman_transfer_wanted = true;
    const Recommendation r = recommend_forms(n);
    check_invariants(r);
    CHECK_FALSE(suitable(r, F::agreement_cooperation));
    CHECK(has_reason(*r.find(F::agreement_cooperation), ReasonEffect::excludes, FormRow::huvudmannaskap));
    CHECK(r.best()->form == F::municipal_federation);

    n.huvudman_transfer_wanted = false;
    const Recommendation keep = recommend_forms(n);
    check_invariants(keep);
    CHECK(suitable(keep, F::agreement_cooperation));
    CHECK_FALSE(suitable(keep, F::municipal_federation));
    CHECK(has_reason(*keep.find(F::municipal_federation), ReasonEffect::excludes, FormRow::huvudmannaskap));
}

TEST_CASE("Recommender: an empty need ranks by column order and lists what is missing", "[forms]") {
    const Recommendation r = recommend_forms(Need{});
    check_invariants(r);
    CHECK(order(r.suitable) ==
          std::vector<F>{F::municipal_federation, F::joint_committee, F::agreement_cooperation, F::private_law_forms, F::network});
    for (const FormAssessment& a : r.suitable) CHECK(a.score == 0);
    CHECK(order(r.unsuitable) == std::vector<F>{F::coordination_association});
    const auto& m = r.find(F::coordination_association)->missing;
    CHECK(std::find(m.begin(), m.end(), "state") != m.end());
    CHECK(std::find(m.begin(), m.end(), "rehabilitation") != m.end());
    const auto& net = r.find(F::network)->missing;
    CHECK(std::find(net.begin(), net.end(), "legally_binding_needed") != net.end());
}

TEST_CASE("Recommender: deterministic and consistent over many needs", "[forms]") {
    std::uint32_t seed = 12345;
    const auto next = [&](std::uint32_t n) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % n;
    };
    const auto tri = [&]() -> std::optional<bool> {
        switch (next(3)) {
        case 0: return std::nullopt;
        case 1: return false;
        default: return true;
        }
    };
    for (int i = 0; i < 2000; ++i) {
        Need n;
        n.municipalities = tri();
        n.regions = tri();
        n.state = tri();
        n.private_actors = tri();
        n.own_legal_person_wanted = tri();
        n.legally_binding_needed = tri();
        if (auto k = next(4); k < 3) n.scope = static_cast<TaskScope>(k);
        n.exercise_of_authority = tri();
        n.continuous_steering_wanted = tri();
        if (auto k = next(4); k < 3) n.scale = static_cast<Scale>(k);
        n.long_term = tri();
        n.quick_start_wanted = tri();
        n.rehabilitation = tri();
        n.huvudman_transfer_wanted = tri();
        const Recommendation r = recommend_forms(n);
        check_invariants(r);
        const Recommendation again = recommend_forms(n);
        CHECK(order(r.suitable) == order(again.suitable));
        if (suitable(r, F::coordination_association)) CHECK((n.state == true && n.rehabilitation == true));
        if (n.state == true && n.rehabilitation == true && n.private_actors != true && n.huvudman_transfer_wanted != true)
            CHECK(suitable(r, F::coordination_association));
        if (n.state == true)
            for (F f : {F::municipal_federation, F::joint_committee, F::agreement_cooperation, F::private_law_forms, F::network})
                CHECK_FALSE(suitable(r, f));
        if (n.private_actors == true)
            for (F f : {F::municipal_federation, F::joint_committee, F::agreement_cooperation}) CHECK_FALSE(suitable(r, f));
        if (n.exercise_of_authority == true) {
            CHECK_FALSE(suitable(r, F::private_law_forms));
            CHECK_FALSE(suitable(r, F::network));
        }
        if (n.legally_binding_needed == true) CHECK_FALSE(suitable(r, F::network));
        if (n.huvudman_transfer_wanted == true) CHECK_FALSE(suitable(r, F::agreement_cooperation));
    }
}
