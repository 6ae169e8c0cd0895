// Procurement analysis (SPEC §5; SKR 2023 kap. 3): the dated direct-award
// limits, contract values per participating municipality and the
// default-logic resolution. The exceptions themselves are tested in
// tests/law/rules/exceptions.cpp.
#include "support.hpp"

#include <avtal/law/rules.hpp>

using namespace avtal;
using avtal::test::exception_value;
using avtal::test::general_service;
using avtal::test::kr;
using avtal::test::norrstrom;
using avtal::test::resolve;
using avtal::test::ymd;

namespace {

const Predicate<TaskSubject>& direct = predicates::exception_direct_award();

} // namespace

TEST_CASE("Norrström–Fjällviken is exempt by direct award, the same value as a general service is not", "[procurement][seed]") {
    const Agreement a = norrstrom(); // ~5 MSEK family treatment, social service, 2024
    CHECK(exception_value(a, direct) == Truth::yes);
    const ProcurementResult r = resolve(a);
    CHECK(r.outcome == ProcurementOutcome::exempt);
    CHECK(r.rests_on_direct_award_alone(*default_exceptions()));
    const Context ctx{a};
    const Explanation e = explain_procurement(ctx, 0);
    CHECK(e.value == Truth::yes);
    bool duties = false;
    for (const auto& n : e.notes) duties = duties || n.sv.find("19 a kap.") != std::string::npos;
    CHECK(duties); // direct award is itself a procedure of LOU with duties
    const Explanation d = predicates::exception_direct_award().explain(TaskSubject{&ctx, 0});
    REQUIRE(d.notes.size() == 1);
    CHECK_THAT(d.notes[0].sv, Catch::Contains("8\u00a0109\u00a0450\u00a0kr") && Catch::Contains("Fjällvikens kommun"));

    Agreement g = a;
    g.tasks[0].category = Category::general;
    CHECK(exception_value(g, direct) == Truth::no);                // 5 MSEK > 700 000 kr
    CHECK(resolve(g).outcome == ProcurementOutcome::undetermined); // Hamburg's open-market share is still unknown
    CHECK(resolve(g).missing == std::vector<std::string>{"/tasks/0/hamburg/open_market_share_percent"});
}

TEST_CASE("Direct-award limits: inclusive and exclusive boundaries to the öre", "[procurement][threshold]") {
    SECTION("general: 700 000 kr is within (\"uppgår till högst\"), one öre more is not") {
        CHECK(exception_value(general_service(kr(700'000)), direct) == Truth::yes);
        CHECK(exception_value(general_service(Money::from_ore(70'000'001)), direct) == Truth::no);
    }
    SECTION("social services 2024: the EU threshold itself is not within, one öre under is") {
        Agreement a = norrstrom();
        a.tasks[0].annual_value = kr(8'109'450);
        CHECK(exception_value(a, direct) == Truth::no);
        a.tasks[0].annual_value = Money::from_ore(810'944'999);
        CHECK(exception_value(a, direct) == Truth::yes);
    }
    SECTION("welfare 2020: its own inclusive limit 2 156 469 kr") {
        Agreement a = norrstrom();
        a.assessment_date = ymd(2020, 6, 1);
        a.tasks[0].category = Category::welfare;
        a.tasks[0].annual_value = kr(2'156'469);
        CHECK(exception_value(a, direct) == Truth::yes);
        a.tasks[0].annual_value = Money::from_ore(215'646'901);
        CHECK(exception_value(a, direct) == Truth::no);
    }
}

TEST_CASE("The threshold table picks the right amount on each side of every change", "[procurement][threshold]") {
    const auto& t = *builtin_thresholds();
    const auto amount = [&](Category c, Date d) -> std::optional<std::int64_t> {
        const ThresholdRow* r = t.find(direct_award_limit, c, d);
        if (!r) return std::nullopt;
        return r->amount.ore() / 100;
    };
    using C = Category;
    CHECK_FALSE(amount(C::general, ymd(2017, 12, 31)).has_value()); // before the table
    CHECK(amount(C::general, ymd(2018, 1, 1)) == 586'907);
    CHECK(amount(C::general, ymd(2019, 12, 31)) == 586'907);
    CHECK(amount(C::general, ymd(2020, 1, 1)) == 615'312);
    CHECK(amount(C::general, ymd(2021, 12, 31)) == 615'312);
    CHECK(amount(C::general, ymd(2022, 1, 1)) == 626'284);
    CHECK(amount(C::general, ymd(2022, 1, 31)) == 626'284);
    CHECK(amount(C::general, ymd(2022, 2, 1)) == 700'000);
    CHECK(amount(C::general, ymd(2023, 12, 31)) == 700'000);
    CHECK(amount(C::general, ymd(2024, 1, 1)) == 700'000);
    CHECK(amount(C::general, ymd(2025, 12, 31)) == 700'000);
    CHECK(amount(C::general, ymd(2026, 1, 1)) == 700'000);
    CHECK(amount(C::social_and_other_specific, ymd(2019, 12, 31)) == 586'907);
    CHECK(amount(C::social_and_other_specific, ymd(2020, 1, 1)) == 615'312);
    CHECK(amount(C::social_and_other_specific, ymd(2022, 1, 31)) == 626'284);
    CHECK(amount(C::social_and_other_specific, ymd(2022, 2, 1)) == 7'802'550);
    CHECK(amount(C::social_and_other_specific, ymd(2023, 12, 31)) == 7'802'550);
    CHECK(amount(C::social_and_other_specific, ymd(2024, 1, 1)) == 8'109'450);
    CHECK(amount(C::social_and_other_specific, ymd(2025, 12, 31)) == 8'109'450);
    CHECK_FALSE(amount(C::social_and_other_specific, ymd(2026, 1, 1)).has_value()); // not confirmed: not shipped
    CHECK(amount(C::welfare, ymd(2018, 12, 31)) == 586'907);
    CHECK(amount(C::welfare, ymd(2019, 1, 1)) == 1'991'766);
    CHECK(amount(C::welfare, ymd(2019, 12, 31)) == 1'991'766);
    CHECK(amount(C::welfare, ymd(2020, 1, 1)) == 2'156'469);
    CHECK(amount(C::welfare, ymd(2021, 12, 31)) == 2'156'469);
    CHECK_FALSE(amount(C::welfare, ymd(2022, 1, 1)).has_value()); // January 2022: no published figure
    CHECK_FALSE(amount(C::welfare, ymd(2022, 1, 31)).has_value());
    CHECK(amount(C::welfare, ymd(2022, 2, 1)) == 7'802'550);
    CHECK(amount(C::welfare, ymd(2025, 12, 31)) == 8'109'450);
    CHECK_FALSE(amount(C::welfare, ymd(2026, 1, 1)).has_value());
    // Inclusiveness follows the row: general limits are, EU-threshold limits are not.
    CHECK(t.find(direct_award_limit, C::general, ymd(2024, 6, 1))->inclusive);
    CHECK_FALSE(t.find(direct_award_limit, C::social_and_other_specific, ymd(2024, 6, 1))->inclusive);
    for (const auto& row : t.rows) CHECK_FALSE(row.source.empty());
}

TEST_CASE("A date with no confirmed limit makes direct award unknown, never a guess", "[procurement][threshold]") {
    SECTION("welfare services in January 2022") {
        Agreement a = norrstrom();
        a.assessment_date = ymd(2022, 1, 15);
        a.tasks[0].category = Category::welfare;
        a.tasks[0].annual_value = kr(100'000); // within the general limit (626 284), which applies to every category
        CHECK(exception_value(a, direct) == Truth::yes);
        a.tasks[0].annual_value = kr(700'000); // above it: the welfare limit is needed, and none is known
        const Context ctx{a};
        const Explanation e = direct.explain(TaskSubject{&ctx, 0});
        CHECK(e.value == Truth::unknown);
        CHECK(e.missing == std::vector<std::string>{"/thresholds/direct_award_limit/welfare/2022-01-15"});
        std::string notes;
        for (const auto& n : e.notes) notes += n.en + "\n";
        CHECK_THAT(notes, Catch::Contains("No confirmed direct-award limit"));
    }
    SECTION("social services in 2026 until the SEK value is confirmed") {
        Agreement a = norrstrom();
        a.assessment_date = ymd(2026, 3, 1);
        CHECK(exception_value(a, direct) == Truth::unknown);
        const ProcurementResult r = resolve(a);
        CHECK(r.outcome == ProcurementOutcome::undetermined);
        CHECK(r.missing == std::vector<std::string>{"/thresholds/direct_award_limit/social_and_other_specific/2026-03-01",
                                                    "/tasks/0/hamburg/open_market_share_percent"});
        Report report = check(a);
        CHECK(report.verdict() == Verdict::incomplete);
    }
    SECTION("no assessment date at all") {
        Agreement a = norrstrom();
        a.assessment_date.reset();
        const Context ctx{a};
        CHECK(direct.explain(TaskSubject{&ctx, 0}).missing == std::vector<std::string>{"/assessment_date"});
        CHECK(exception_value(a, direct, 0, ymd(2024, 3, 1)) == Truth::yes); // the --date override
    }
}

TEST_CASE("Lund's cooperations: Social Jouren decides on authority, the service ones are analysed", "[procurement][seed]") {
    // SKR 2023 kap. 4: "Jouren fattar myndighetsbeslut"; Familjerådgivningen
    // "är en serviceinstans". Lund performs both for its neighbours.
    Agreement a;
    a.id = "lund";
    a.assessment_date = ymd(2024, 1, 1);
    a.term = Term{36, 0, false};
    for (const char* m : {"lund", "hoor", "eslov", "kavlinge", "staffanstorp", "lomma", "burlov"})
        a.parties.push_back(Party{m, m, PartyKind::municipality, std::nullopt, std::nullopt});
    Task jour;
    jour.id = "social_jouren";
    jour.contractor = "lund";
    jour.principals = std::vector<Id>{"hoor", "eslov", "kavlinge", "staffanstorp"};
    jour.nature = TaskNature::exercise_of_authority;
    jour.category = Category::social_and_other_specific;
    jour.annual_value = kr(6'000'000);
    Task radgivning;
    radgivning.id = "familjeradgivning";
    radgivning.contractor = "lund";
    radgivning.principals = std::vector<Id>{"kavlinge", "lomma", "staffanstorp", "burlov", "hoor"};
    radgivning.nature = TaskNature::service;
    radgivning.category = Category::social_and_other_specific;
    radgivning.annual_value = kr(4'000'000);
    a.tasks = {jour, radgivning};
    CHECK(resolve(a, 0).outcome == ProcurementOutcome::not_applicable);
    // 4 MSEK a year over 36 months is 12 MSEK: over the limit for any one
    // principal only if its share is large; shares unknown → the total decides.
    const ProcurementResult r = resolve(a, 1);
    CHECK(r.outcome == ProcurementOutcome::undetermined);
    CHECK(std::find(r.missing.begin(), r.missing.end(), "/tasks/1/principal_shares") != r.missing.end());
    // With equal shares each pays 2.4 MSEK over the term: within direct award.
    std::vector<PrincipalShare> shares;
    for (const auto& p : *a.tasks[1].principals) shares.push_back({p, Percent::whole(20)});
    a.tasks[1].principal_shares = shares;
    CHECK(resolve(a, 1).outcome == ProcurementOutcome::exempt);
}

TEST_CASE("Contract value per participating municipality: no splitting, the whole term, 48 months until further notice", "[procurement][value]") {
    SECTION("the principal's tasks from the same contractor add up") {
        Agreement a = general_service(kr(400'000));
        CHECK(exception_value(a, direct) == Truth::yes);
        Task second = a.tasks[0];
        second.id = "it_support";
        second.annual_value = kr(400'000); // 800 000 together > 700 000
        a.tasks.push_back(second);
        CHECK(exception_value(a, direct, 0) == Truth::no);
        CHECK(exception_value(a, direct, 1) == Truth::no);
        // From another contractor, it would not add up.
        a.parties.push_back(Party{"gransby", "Gränsby kommun", PartyKind::municipality, 3000, std::nullopt});
        a.tasks[1].contractor = "gransby";
        CHECK(exception_value(a, direct, 0) == Truth::yes);
    }
    SECTION("the whole fixed term with extension options counts") {
        Agreement a = general_service(kr(300'000));
        a.term = Term{24, 0, false};
        CHECK(exception_value(a, direct) == Truth::yes); // 600 000
        a.term = Term{24, 6, false};
        CHECK(exception_value(a, direct) == Truth::no); // 750 000
        a.term.extension_months.reset();
        const Context ctx{a};
        const Explanation e = direct.explain(TaskSubject{&ctx, 0});
        CHECK(e.value == Truth::unknown);
        CHECK(e.missing == std::vector<std::string>{"/term/extension_months"});
        a.term = Term{60, 0, false}; // however long: 1.5 MSEK
        CHECK(exception_value(a, direct) == Truth::no);
    }
    SECTION("until further notice, or no term stated: 48 months") {
        Agreement a = general_service(kr(170'000));
        a.term = Term{std::nullopt, std::nullopt, true};
        CHECK(exception_value(a, direct) == Truth::yes); // 170 000 × 4 years = 680 000
        a.tasks[0].annual_value = kr(180'000);
        CHECK(exception_value(a, direct) == Truth::no); // 720 000
        a.term = Term{12, 0, true};                     // an initial year, then until further notice: still 48 months
        CHECK(exception_value(a, direct) == Truth::no);
        a.term = Term{};
        CHECK(exception_value(a, direct) == Truth::no); // no term stated: 48 months
    }
    SECTION("a sole principal carries 100 %; shares split the value; unknown shares compare the total") {
        Agreement a = general_service(kr(1'200'000));
        a.parties.push_back(Party{"gransby", "Gränsby kommun", PartyKind::municipality, 3000, std::nullopt});
        a.tasks[0].principals = std::vector<Id>{"fjallviken", "gransby"};
        a.tasks[0].huvudman = a.tasks[0].principals;
        CHECK(exception_value(a, direct) == Truth::yes); // by the population key: Fjällviken 4/7, 685 714 kr
        a.compensation->allocation.reset();
        CHECK(exception_value(a, direct) == Truth::unknown); // 1.2 MSEK total: over, shares unknown
        a.tasks[0].principal_shares = std::vector<PrincipalShare>{{"fjallviken", Percent::whole(50)}, {"gransby", Percent::whole(50)}};
        CHECK(exception_value(a, direct) == Truth::yes); // 600 000 each
        a.tasks[0].principal_shares = std::vector<PrincipalShare>{{"fjallviken", Percent::whole(60)}, {"gransby", Percent::whole(40)}};
        CHECK(exception_value(a, direct) == Truth::no); // 720 000 for Fjällviken
        a.tasks[0].principal_shares.reset();
        a.tasks[0].annual_value = kr(650'000);
        CHECK(exception_value(a, direct) == Truth::yes); // the total is within: within for every principal
    }
    SECTION("mixed categories: the category of the larger value decides") {
        Agreement a = general_service(kr(600'000));
        Task social = a.tasks[0];
        social.id = "stodboende";
        social.category = Category::social_and_other_specific;
        social.annual_value = kr(1'000'000);
        a.tasks.push_back(social);
        // 1.6 MSEK in all, mostly social: the social limit (8.1 MSEK) applies.
        CHECK(exception_value(a, direct, 0) == Truth::yes);
        a.tasks[1].annual_value = kr(500'000);
        // Mostly general now: 1.1 MSEK > 700 000.
        CHECK(exception_value(a, direct, 0) == Truth::no);
    }
}

TEST_CASE("A stand-alone purchase from the municipality's own company: Teckal for real", "[procurement][purchase]") {
    Purchase p;
    p.buyer = Party{"norrstrom", "Norrströms kommun", PartyKind::municipality, 9000, std::nullopt};
    p.supplier = Party{"norrstrom_it", "Norrström IT AB", PartyKind::municipal_company, std::nullopt, std::nullopt};
    p.description = "Drift av verksamhetssystem";
    p.category = Category::general;
    p.annual_value = kr(3'000'000);
    p.term = Term{36, 0, false};
    p.date = ymd(2024, 5, 1);
    p.teckal = TeckalFacts{true, Percent::whole(92), false};
    p.hamburg.establishes_cooperation = false; // a purchase, not a cooperation between authorities
    PurchaseAnalysis r = analyse_purchase(p);
    CHECK(r.outcome == ProcurementOutcome::exempt);
    REQUIRE(r.exceptions.size() == 4);
    CHECK(r.exceptions[3] == std::pair<std::string, Truth>{"exception.teckal", Truth::yes});
    CHECK(r.explanation.id == "procurement.required");
    p.teckal.private_capital = true;
    CHECK(analyse_purchase(p).outcome == ProcurementOutcome::required);
    p.teckal.private_capital.reset();
    r = analyse_purchase(p);
    CHECK(r.outcome == ProcurementOutcome::undetermined);
    CHECK(std::find(r.missing.begin(), r.missing.end(), "/tasks/0/teckal/private_capital") != r.missing.end());
    p.supplier.kind = PartyKind::private_company;
    CHECK(analyse_purchase(p).outcome == ProcurementOutcome::required);
}

TEST_CASE("Terms that run on: never below the binding fixed part, and an unknown 'tills vidare' is unknown", "[procurement][value]") {
    // Review findings: "60 månader, därefter tills vidare" must count 60
    // months, not 48; with until_further_notice unknown, a short fixed term
    // may run on to 48 months.
    Agreement a = general_service(kr(160'000));
    a.term = Term{60, 0, true};
    CHECK(exception_value(a, direct) == Truth::no); // 800 000 > 700 000
    a.term = Term{12, 0, true};
    CHECK(exception_value(a, direct) == Truth::yes); // 48 months: 640 000
    a.tasks[0].annual_value = kr(200'000);
    a.term = Term{36, 0, std::nullopt};
    const Context ctx{a};
    const Explanation e = direct.explain(TaskSubject{&ctx, 0});
    CHECK(e.value == Truth::unknown); // 600 000 if fixed, 800 000 if it runs on
    CHECK(e.missing == std::vector<std::string>{"/term/until_further_notice"});
    a.term = Term{48, 0, std::nullopt};
    CHECK(exception_value(a, direct) == Truth::no); // 800 000 either way
    a.term = Term{0, 0, false};
    CHECK(check(a).verdict() == Verdict::invalid); // a fixed term of no months is bad input
}

TEST_CASE("Equal values of two categories: the stricter limit decides", "[procurement][value]") {
    Agreement a = general_service(kr(600'000));
    Task social = a.tasks[0];
    social.id = "boende";
    social.category = Category::social_and_other_specific;
    a.tasks.push_back(social); // 600 000 general + 600 000 social
    const Context ctx{a};
    const Explanation e = direct.explain(TaskSubject{&ctx, 0});
    CHECK(e.value == Truth::no); // within the social limit, over the general one: the main object cannot be told
    CHECK(e.missing.empty());
}

TEST_CASE("Unknown contractor, no principals, unknown shares far over the limit", "[procurement][value]") {
    SECTION("a task whose contractor is unknown may add to the sum") {
        Agreement a = general_service(kr(400'000));
        Task other = a.tasks[0];
        other.id = "it_support";
        other.contractor.reset();
        a.tasks.push_back(other);
        const Context ctx{a};
        const Explanation e = direct.explain(TaskSubject{&ctx, 0});
        CHECK(e.value == Truth::unknown);
        CHECK(e.missing == std::vector<std::string>{"/tasks/1/contractor"});
    }
    SECTION("nobody buys: not exempt by direct award") {
        Agreement a = general_service(kr(900'000'000));
        a.tasks[0].principals = std::vector<Id>{};
        CHECK(exception_value(a, direct) == Truth::unknown);
    }
    SECTION("shares unknown, but an equal part is already over the limit") {
        Agreement a = norrstrom();
        a.parties.push_back(Party{"gransby", "Gränsby kommun", PartyKind::municipality, 3000, std::nullopt});
        a.tasks[0].principals = std::vector<Id>{"fjallviken", "gransby"};
        a.tasks[0].huvudman = a.tasks[0].principals;
        a.tasks[0].annual_value = kr(9'000'000);
        CHECK(exception_value(a, direct) == Truth::yes); // by the population key: 5.1 and 3.9 MSEK
        a.compensation->allocation.reset();              // no key: the shares are unknown
        a.tasks[0].annual_value = kr(90'000'000);        // someone carries at least 45 MSEK
        CHECK(exception_value(a, direct) == Truth::no);
        a.tasks[0].annual_value = kr(9'000'000); // one could carry 8 MSEK, the other 1 MSEK
        CHECK(exception_value(a, direct) == Truth::unknown);
    }
}
