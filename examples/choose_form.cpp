// Which form of cooperation fits? The recommender of avtal (SKR 2023,
// Tabell 1) on three needs, each with the form the report would advise.
#include <avtal/io/render.hpp>
#include <avtal/law/forms.hpp>

#include <iostream>

int main() {
    using namespace avtal;
    struct Case {
        const char* title;
        Need need;
        CooperationForm expected;
    };
    Need quick; // two municipalities, one social-services task, quickly
    quick.municipalities = true;
    quick.regions = false;
    quick.state = false;
    quick.private_actors = false;
    quick.legally_binding_needed = true;
    quick.scope = TaskScope::single_task;
    quick.quick_start_wanted = true;
    quick.own_legal_person_wanted = false;

    Need lasting; // many municipalities, large and long-term, own legal person
    lasting.municipalities = true;
    lasting.regions = true;
    lasting.state = false;
    lasting.private_actors = false;
    lasting.own_legal_person_wanted = true;
    lasting.legally_binding_needed = true;
    lasting.scope = TaskScope::broad;
    lasting.scale = Scale::large;
    lasting.long_term = true;

    Need rehab; // the state takes part, to help people back to work
    rehab.municipalities = true;
    rehab.regions = true;
    rehab.state = true;
    rehab.private_actors = false;
    rehab.rehabilitation = true;

    const Case cases[] = {{"Familjebehandling mellan två kommuner, snabbt", quick, CooperationForm::agreement_cooperation},
                          {"Stor, långsiktig samverkan med egen juridisk person", lasting, CooperationForm::municipal_federation},
                          {"Rehabilitering tillsammans med Försäkringskassan", rehab, CooperationForm::coordination_association}};
    bool all_as_expected = true;
    for (const Case& c : cases) {
        const Recommendation r = recommend_forms(c.need);
        std::cout << "## " << c.title << "\n" << render_recommendation(r) << "\n";
        all_as_expected = all_as_expected && r.best() && r.best()->form == c.expected;
    }
    return all_as_expected ? 0 : 1;
}
