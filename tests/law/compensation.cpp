// Compensation under självkostnadsprincipen and exact allocation (SPEC §6;
// SKR 2023 kap. 2 "Ersättning" and the shared-cost cases of kap. 4).
#include "support.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <random>

using namespace avtal;
using avtal::detail::i128;
using avtal::test::kr;
using avtal::test::norrstrom;
using avtal::test::status_of;

namespace {

std::vector<Decimal> whole(std::initializer_list<std::int64_t> ws) {
    std::vector<Decimal> out;
    for (auto w : ws) out.push_back(Decimal::whole(w));
    return out;
}

std::int64_t sum_ore(const std::vector<Money>& parts) {
    std::int64_t s = 0;
    for (const Money& m : parts) s += m.ore();
    return s;
}

/// The four municipalities of the shared family-law office (SKR 2023 kap. 4:
/// Danderyd, Lidingö, Täby, Vaxholm; costs shared "baserat på antal
/// invånare"). Populations: SCB, folkmängd 31 december 2019 (as cited by
/// Wikipedia's municipality pages): Danderyd 32 857, Lidingö 48 123,
/// Täby 71 874, Vaxholm 12 003. Täby hosts the office, which also serves its
/// own residents (contractor_bears_share).
Agreement family_law_office() {
    Agreement a;
    a.id = "familjeratt";
    a.title = "Gemensam familjerätt";
    a.assessment_date = test::ymd(2024, 1, 1);
    a.term = Term{36, 0, false};
    a.parties = {Party{"danderyd", "Danderyds kommun", PartyKind::municipality, 32'857, std::nullopt},
                 Party{"lidingo", "Lidingö stad", PartyKind::municipality, 48'123, std::nullopt},
                 Party{"taby", "Täby kommun", PartyKind::municipality, 71'874, std::nullopt},
                 Party{"vaxholm", "Vaxholms stad", PartyKind::municipality, 12'003, std::nullopt}};
    Task t;
    t.id = "familjeratt";
    t.contractor = "taby";
    t.principals = std::vector<Id>{"danderyd", "lidingo", "vaxholm"};
    t.huvudman = t.principals;
    t.nature = TaskNature::exercise_of_authority;
    t.area = Area::family_law;
    a.tasks = {t};
    Compensation c;
    c.cost_per_year = CostComponents{kr(9'800'000), kr(1'200'000), kr(800'000), kr(200'000), Money{}}; // 12 MSEK
    c.contractor_bears_share = true;
    c.allocation = Allocation{AllocationKey::population, std::nullopt};
    a.compensation = c;
    return a;
}

} // namespace

TEST_CASE("Largest remainder: exact to the öre, ties to the earlier party", "[compensation][allocation]") {
    auto r = allocate(Money::from_ore(100), whole({1, 1, 1}));
    REQUIRE(r);
    CHECK(r.parts == std::vector<Money>{Money::from_ore(34), Money::from_ore(33), Money::from_ore(33)});
    r = allocate(Money::from_ore(200), whole({1, 1, 1}));
    CHECK(r.parts == std::vector<Money>{Money::from_ore(67), Money::from_ore(67), Money::from_ore(66)});
    r = allocate(Money::from_ore(10), whole({0, 3, 7}));
    CHECK(r.parts == std::vector<Money>{Money{}, Money::from_ore(3), Money::from_ore(7)}); // zero weight gets zero
    r = allocate(Money::from_ore(-100), whole({1, 1, 1}));                                 // a deficit
    CHECK(r.parts == std::vector<Money>{Money::from_ore(-34), Money::from_ore(-33), Money::from_ore(-33)});
    CHECK(allocate(Money::from_ore(100), whole({0, 0})).error == AllocationError::all_zero);
    CHECK(allocate(Money::from_ore(100), std::vector<Decimal>{Decimal::from_units(-1), Decimal::whole(2)}).error == AllocationError::negative_weight);
    CHECK(allocate(Money::from_ore(100), std::vector<Decimal>{}).error == AllocationError::no_parties);
    // Exact decimals: 1/3 each of 1 krona with weights 0.333333.
    r = allocate(Money::from_ore(100), std::vector<Decimal>(3, *Decimal::parse("0.333333")));
    CHECK(sum_ore(r.parts) == 100);
}

TEST_CASE("Allocation properties over 10 000 generated cases", "[compensation][allocation][property]") {
    std::mt19937_64 rng{20261125}; // fixed seed: reproducible
    std::uniform_int_distribution<int> parties(1, 400);
    std::uniform_int_distribution<std::int64_t> amount(0, 100'000'000'000'000); // up to 10^12 kr in öre
    std::uniform_int_distribution<std::int64_t> weight(0, 1'000'000'000'000);   // up to 10^6 with six decimals
    std::uniform_int_distribution<int> zero(0, 9);
    std::uniform_int_distribution<std::int64_t> scale(2, 1000);
    for (int c = 0; c < 10'000; ++c) {
        const int n = parties(rng);
        std::vector<Decimal> w;
        for (int i = 0; i < n; ++i) w.push_back(Decimal::from_units(zero(rng) == 0 ? 0 : weight(rng)));
        if (std::all_of(w.begin(), w.end(), [](Decimal d) { return d.units() == 0; })) w[0] = Decimal::from_units(1);
        const Money a = Money::from_ore(amount(rng));
        const AllocationResult r = allocate(a, w);
        REQUIRE(r);
        REQUIRE(r.parts.size() == w.size());
        // 1. The parts sum exactly to the whole.
        REQUIRE(sum_ore(r.parts) == a.ore());
        // 2. Each part differs from its exact share by less than one öre:
        //    |part·W − A·w| < W.
        i128 total = 0;
        for (const auto& d : w) total += d.units();
        for (std::size_t i = 0; i < w.size(); ++i) {
            const i128 diff = static_cast<i128>(r.parts[i].ore()) * total - static_cast<i128>(a.ore()) * w[i].units();
            REQUIRE((diff < 0 ? -diff : diff) < total);
            if (w[i].units() == 0) REQUIRE(r.parts[i].ore() == 0);
        }
        // 3. Scaling all weights leaves the result unchanged.
        const std::int64_t k = scale(rng);
        std::vector<Decimal> scaled;
        for (const auto& d : w) scaled.push_back(Decimal::from_units(d.units() * k));
        REQUIRE(allocate(a, scaled).parts == r.parts);
        // 4. Permuting parties with distinct weights permutes the result.
        std::vector<std::size_t> perm(w.size());
        std::iota(perm.begin(), perm.end(), std::size_t{0});
        std::shuffle(perm.begin(), perm.end(), rng);
        std::vector<Decimal> pw;
        for (auto p : perm) pw.push_back(w[p]);
        std::vector<Decimal> sorted = w;
        std::sort(sorted.begin(), sorted.end());
        if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) {
            const AllocationResult pr = allocate(a, pw);
            for (std::size_t i = 0; i < perm.size(); ++i) REQUIRE(pr.parts[i] == r.parts[perm[i]]);
        }
    }
}

TEST_CASE("No overflow at 10^12 kr over 400 parties with amount-sized weights", "[compensation][allocation]") {
    const Money a = Money::from_kronor(1'000'000'000'000);
    std::vector<Decimal> w(400, Decimal::from_units(1'000'000'000'000'000'000)); // 10^12 kr as a weight with six decimals
    w[7] = Decimal::from_units(999'999'999'999'999'999);
    const AllocationResult r = allocate(a, w);
    REQUIRE(r);
    CHECK(sum_ore(r.parts) == a.ore());
}

TEST_CASE("The Östergötland HVB: region 27.5 %, 13 municipalities 72.5 %, deficits shared proportionally", "[compensation][seed]") {
    // SKR 2023 kap. 4: costs shared by "deras andel i de totala
    // personalkostnaderna (25–30% för regionen och 70–75% för kommunerna),
    // och eventuella underskott delas proportionellt". Our split: the region
    // 27.5 %; the municipalities' 72.5 % by population (SCB, 31 December
    // 2024: county total 472 446). Weights are exact: region 275 × P and
    // municipality i 725 × population_i, so the region's share is exactly
    // 27.5 % and the municipalities' exactly 72.5 %.
    const std::vector<std::pair<const char*, std::int64_t>> municipalities = {
        {"boxholm", 5'517}, {"finspang", 21'623},    {"kinda", 9'957},        {"linkoping", 168'035}, {"mjolby", 28'695},
        {"motala", 43'505}, {"norrkoping", 144'980}, {"soderkoping", 14'789}, {"vadstena", 7'490},    {"valdemarsvik", 7'525},
        {"ydre", 3'626},    {"atvidaberg", 11'467},  {"odeshog", 5'237}};
    std::int64_t county = 0;
    for (const auto& m : municipalities) county += m.second;
    REQUIRE(county == 472'446);
    std::vector<Decimal> w{Decimal::whole(275 * county)};
    for (const auto& m : municipalities) w.push_back(Decimal::whole(725 * m.second));

    const Money annual_cost = kr(38'500'000);
    const AllocationResult cost = allocate(annual_cost, w);
    REQUIRE(cost);
    CHECK(sum_ore(cost.parts) == annual_cost.ore());
    CHECK(cost.parts[0] == Money::from_ore(1'058'750'000)); // 27.5 % of 38.5 MSEK exactly
    std::int64_t municipal = 0;
    for (std::size_t i = 1; i < cost.parts.size(); ++i) municipal += cost.parts[i].ore();
    CHECK(municipal == 2'791'250'000); // 72.5 %

    // A deficit of 1 234 567.89 kr, shared by the same key, to the öre.
    const Money deficit = Money::from_ore(-123'456'789);
    const AllocationResult d = allocate(deficit, w);
    REQUIRE(d);
    CHECK(sum_ore(d.parts) == deficit.ore());
    CHECK(d.parts[0] == Money::from_ore(-33'950'617)); // 27.5 % of the deficit, rounded by largest remainder
    for (const Money& p : d.parts) CHECK(p.ore() <= 0);

    // Multi-year view: the council's yearly figure, per party and cumulatively.
    const std::vector<YearFigures> years = {
        {2022, kr(36'000'000), kr(36'000'000)}, {2023, kr(37'200'000), kr(36'000'000)}, {2024, kr(38'500'000), kr(38'900'000)}};
    const MultiYearResult m = multi_year_balance(years, w);
    REQUIRE_FALSE(m.error);
    REQUIRE(m.years.size() == 3);
    CHECK(m.years[0].balance == Money{});
    CHECK(m.years[1].balance == kr(-1'200'000));
    CHECK(m.years[2].balance == kr(400'000));
    CHECK(m.years[2].cumulative == kr(-800'000));
    for (const auto& y : m.years) {
        CHECK(sum_ore(y.party_balance) == y.balance.ore());
        CHECK(sum_ore(y.party_cumulative) == y.cumulative.ore());
    }
    CHECK(m.years[2].party_cumulative[0] == Money::from_ore(-22'000'000)); // 27.5 % of −800 000 kr
}

TEST_CASE("The family-law office of four municipalities split by population", "[compensation][seed]") {
    Agreement a = family_law_office();
    const Context ctx{a};
    const CompensationFigures f = compensation_figures(ctx, 0);
    REQUIRE(f.full_cost.value() == kr(12'000'000));
    // Täby's own share (71 874 of 164 857 inhabitants) is not billed to the others.
    const Money principals = *f.principals_part.value();
    const Money exact_taby = Money::from_ore(static_cast<std::int64_t>(static_cast<i128>(1'200'000'000) * 71'874 / 164'857));
    CHECK(principals.ore() == 1'200'000'000 - exact_taby.ore() - 1); // largest remainder gave Täby the extra öre
    a.compensation->money_per_year = principals;
    const Report ok = check(a);
    CHECK(status_of(ok, "compensation.no_profit") == Status::satisfied);
    CHECK(status_of(ok, "compensation.covers_cost") == Status::satisfied);
    CHECK(status_of(ok, "compensation.allocation_complete") == Status::satisfied);
    // The report's allocation splits the full cost over all four, to the öre.
    REQUIRE(ok.allocation().size() == 4);
    std::int64_t total = 0;
    for (const auto& l : ok.allocation()) total += l.amount.ore();
    CHECK(total == kr(12'000'000).ore());
    CHECK(ok.allocation()[2].own_share);
    CHECK(ok.allocation()[2].party == 2); // Täby
    // Billing the host's own share to the others fails no_profit.
    a.compensation->money_per_year = kr(12'000'000);
    const Report bad = check(a);
    CHECK(status_of(bad, "compensation.no_profit") == Status::violated);
    CHECK(bad.verdict() == Verdict::violations);
}

TEST_CASE("Compensation per contractor in a reciprocal agreement", "[compensation][reciprocal]") {
    // Norrström performs family treatment for Fjällviken; Fjällviken runs
    // payroll for Norrström: compensation is stated per task.
    Agreement a = norrstrom();
    a.compensation.reset();
    Compensation c1;
    c1.money_per_year = kr(5'000'000);
    c1.cost_per_year = CostComponents{kr(5'000'000), Money{}, Money{}, Money{}, Money{}};
    a.tasks[0].compensation = c1;
    Task payroll;
    payroll.id = "loneadministration";
    payroll.contractor = "fjallviken";
    payroll.principals = std::vector<Id>{"norrstrom"};
    payroll.huvudman = payroll.principals;
    payroll.nature = TaskNature::service;
    payroll.area = Area::hr;
    payroll.category = Category::general;
    payroll.target_group_children = false;
    payroll.within_competence = true;
    payroll.annual_value = kr(600'000);
    Compensation c2;
    c2.money_per_year = kr(650'000); // above its cost
    c2.cost_per_year = CostComponents{kr(600'000), Money{}, Money{}, Money{}, Money{}};
    payroll.compensation = c2;
    a.tasks.push_back(payroll);
    const Report r = check(a);
    CHECK(r.problems().empty());
    CHECK(test::statuses(r, "compensation.no_profit") == std::vector<Status>{Status::satisfied, Status::violated});
    const auto f = r.findings_of("compensation.no_profit");
    CHECK(subject_path(r, *f[1]) == "/parties/1");
    CHECK_THAT(message(r, *f[1], Lang::sv), Catch::Contains("Fjällvikens kommun") && Catch::Contains("Överskott: 50\u00a0000\u00a0kr"));
    // Agreement-level compensation with several contractors is bad input.
    Agreement b = a;
    for (auto& t : b.tasks) t.compensation.reset();
    b.compensation = c1;
    const Report rb = check(b);
    REQUIRE_FALSE(rb.problems().empty());
    CHECK(rb.problems()[0].path == "/compensation");
}

TEST_CASE("In-kind performance counts at its value, without one, bounds decide what they can", "[compensation]") {
    Agreement a = norrstrom();
    a.compensation->money_per_year = kr(4'000'000);
    a.compensation->in_kind_value_per_year = kr(1'000'000); // Fjällviken performs a task in return
    CHECK(status_of(check(a), "compensation.no_profit") == Status::satisfied);
    CHECK(status_of(check(a), "compensation.covers_cost") == Status::satisfied);
    a.compensation->in_kind_value_per_year.reset();
    const Report r = check(a);
    CHECK(status_of(r, "compensation.no_profit") == Status::undetermined);
    CHECK(status_of(r, "compensation.covers_cost") == Status::undetermined);
    CHECK(status_of(r, "compensation.in_kind_valued") == Status::violated);
    a.compensation->money_per_year = kr(5'200'000); // money alone exceeds the cost: in-kind can only add
    CHECK(status_of(check(a), "compensation.no_profit") == Status::violated);
    CHECK(status_of(check(a), "compensation.covers_cost") == Status::satisfied);
}

TEST_CASE("Several contractors without any compensation: the missing facts point at the tasks", "[compensation][reciprocal]") {
    Agreement a = norrstrom();
    a.compensation.reset();
    Task payroll = a.tasks[0];
    payroll.id = "loneadministration";
    payroll.contractor = "fjallviken";
    payroll.principals = std::vector<Id>{"norrstrom"};
    payroll.huvudman = payroll.principals;
    a.tasks.push_back(payroll);
    const Report r = check(a);
    CHECK(r.problems().empty());
    const auto f = r.findings_of("compensation.no_profit");
    REQUIRE(f.size() == 2); // one per contractor
    CHECK(f[0]->missing == std::vector<std::string>{"/tasks/0/compensation"});
    CHECK(f[1]->missing == std::vector<std::string>{"/tasks/1/compensation"});
}

TEST_CASE("Fixed shares that do not add up to 100 % violate allocation_complete", "[compensation]") {
    Agreement a = norrstrom();
    a.parties.push_back(Party{"gransby", "Gränsby kommun", PartyKind::municipality, 3000, std::nullopt});
    a.tasks[0].principals = std::vector<Id>{"fjallviken", "gransby"};
    a.tasks[0].huvudman = a.tasks[0].principals;
    a.tasks[0].principal_shares = std::vector<PrincipalShare>{{"fjallviken", Percent::whole(50)}, {"gransby", Percent::whole(50)}};
    a.compensation->allocation =
        Allocation{AllocationKey::fixed_shares, std::vector<Weight>{{"fjallviken", Decimal::whole(75)}, {"gransby", Decimal::whole(75)}}};
    const Report r = check(a);
    CHECK(test::status_of(r, "compensation.allocation_complete") == Status::violated);
    CHECK_THAT(message(r, *r.findings_of("compensation.allocation_complete")[0], Lang::sv), Catch::Contains("summerar till 150 %"));
    a.compensation->allocation->weights = std::vector<Weight>{{"fjallviken", Decimal::whole(60)}, {"gransby", Decimal::whole(40)}};
    CHECK(test::status_of(check(a), "compensation.allocation_complete") == Status::satisfied);
}

namespace {

const Money largest = Money::from_ore(std::numeric_limits<std::int64_t>::max());

/// Every figure a report shows about money: no part of it may be negative
/// or rest on a wrapped sum.
void require_no_negative_money(const Report& r) {
    for (const AllocationLine& l : r.allocation()) CHECK(l.amount.ore() >= 0);
    for (std::size_t g = 0; g < r.context().compensation_groups().size(); ++g) {
        const CompensationFigures f = compensation_figures(r.context(), g);
        for (const Bounds* b : {&f.payment, &f.full_cost, &f.principals_part, &f.tolerance}) {
            CHECK(b->low >= 0);
            if (b->high) CHECK(*b->high >= b->low);
        }
    }
}

} // namespace

TEST_CASE("Amounts at the int64 limit are bad input with their path, never a wrapped result", "[compensation][overflow]") {
    SECTION("staff and premises at the largest amount, the contractor bearing a share") {
        Agreement a = norrstrom();
        a.compensation->cost_per_year->staff = largest;
        a.compensation->cost_per_year->premises = largest;
        a.compensation->contractor_bears_share = true;
        const auto problems = validate(a);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == "/compensation/cost_per_year/staff");
        CHECK_THAT(problems[0].message, Catch::StartsWith("amount too large"));
        const Report r = check(a);
        CHECK(r.verdict() == Verdict::invalid);
        require_no_negative_money(r);
        // The payment (5 MSEK) is far below the cost: never a surplus.
        CHECK(status_of(r, "compensation.no_profit") != Status::violated);
        const CompensationFigures f = compensation_figures(r.context(), 0);
        CHECK_FALSE(f.full_cost.value().has_value()); // beyond Money: no exact value in öre
        CHECK(f.full_cost.low == (static_cast<i128>(largest.ore()) * 2 + 40'000'000) * Bounds::scale);
    }
    SECTION("the same without a share: the full cost is shown exactly, not as -0,02 kr") {
        Agreement a = norrstrom();
        a.compensation->cost_per_year = CostComponents{largest, largest, Money{}, Money{}, Money{}};
        const Report r = check(a);
        CHECK(r.verdict() == Verdict::invalid);
        require_no_negative_money(r);
        const std::string m = message(r, *r.findings_of("compensation.covers_cost")[0], Lang::en);
        CHECK_THAT(m, Catch::Contains("full cost SEK 184,467,440,737,095,516.14"));
        CHECK_THAT(m, !Catch::Contains("-"));
    }
    SECTION("fixed-share weights that wrap to exactly 100 % in 64 bits") {
        Agreement a = norrstrom();
        a.parties.push_back(Party{"gransby", "Gränsby kommun", PartyKind::municipality, 3000, std::nullopt});
        a.parties.push_back(Party{"ostby", "Östby kommun", PartyKind::municipality, 2000, std::nullopt});
        a.tasks[0].principals = std::vector<Id>{"fjallviken", "gransby", "ostby"};
        const Decimal near = Decimal::from_units(std::numeric_limits<std::int64_t>::max());
        a.compensation->allocation = Allocation{
            AllocationKey::fixed_shares, std::vector<Weight>{{"fjallviken", near}, {"gransby", near}, {"ostby", Decimal::from_units(100'000'002)}}};
        const auto problems = validate(a);
        REQUIRE(problems.size() == 3);
        CHECK(problems[0].path == "/compensation/allocation/weights/fjallviken");
        CHECK(problems[2].path == "/compensation/allocation/weights/ostby");
        const Report r = check(a);
        CHECK(r.verdict() == Verdict::invalid);
        // Summed exactly, the shares are not 100 %: the key is not accepted.
        CHECK(status_of(r, "compensation.allocation_complete") == Status::violated);
    }
    SECTION("a huge percentage tolerance") {
        Agreement a = norrstrom();
        a.compensation->cost_per_year = CostComponents{largest, largest, largest, largest, largest};
        a.compensation->tolerance = Tolerance::of_percent(Percent{Decimal::from_units(std::numeric_limits<std::int64_t>::max())});
        CHECK_FALSE(validate(a).empty());
        require_no_negative_money(check(a));
        Agreement b = norrstrom();
        b.compensation->tolerance = Tolerance::of_percent(Percent{Decimal::from_units(std::numeric_limits<std::int64_t>::max())});
        const auto problems = validate(b);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == "/compensation/tolerance/percent");
        // 1 000 000 % of 5 MSEK is within the range: valid (if odd).
        b.compensation->tolerance = Tolerance::of_percent(Percent::whole(1'000'000));
        CHECK(validate(b).empty());
    }
    SECTION("per-task compensations of one contractor summing beyond int64") {
        Agreement a = norrstrom();
        Compensation c = *a.compensation;
        a.compensation.reset();
        c.money_per_year = Money::from_ore(std::numeric_limits<std::int64_t>::max() / 2 + 1);
        a.tasks[0].compensation = c;
        a.tasks.push_back(a.tasks[0]);
        a.tasks[1].id = "familjebehandling-2";
        const auto problems = validate(a);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == "/tasks/1/compensation/money_per_year");
        const Report r = check(a);
        CHECK(r.verdict() == Verdict::invalid);
        require_no_negative_money(r);
        CHECK(r.allocation().empty()); // a line would rest on a wrapped sum
    }
    SECTION("annual values summing beyond int64") {
        Agreement a = norrstrom();
        a.tasks[0].annual_value = largest;
        a.tasks.push_back(a.tasks[0]);
        a.tasks[1].id = "familjebehandling-2";
        const auto problems = validate(a);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == "/tasks/1/annual_value");
        // The contract value is shown exactly (12 months of two such values).
        const Report r = check(a);
        const Explanation e = r.explain_exception(0, 1);
        bool shown = false;
        std::function<void(const Explanation&)> walk = [&](const Explanation& x) {
            for (const auto& n : x.notes) shown = shown || n.en.find("SEK 184,467,440,737,095,516.14") != std::string::npos;
            for (const auto& c : x.children) walk(c);
        };
        walk(e);
        CHECK(shown);
    }
    SECTION("amounts that together reach the largest total are still computed exactly") {
        Agreement a = norrstrom();
        const Money half = Money::from_ore(largest.ore() / 2); // payment + cost = the largest total - 1 öre
        a.compensation->money_per_year = half;
        a.compensation->cost_per_year = CostComponents{half, Money{}, Money{}, Money{}, Money{}};
        a.compensation->in_kind_value_per_year = Money{};
        CHECK(validate(a).empty());
        const Report r = check(a);
        CHECK(status_of(r, "compensation.no_profit") == Status::satisfied);
        REQUIRE(r.allocation().size() == 1);
        CHECK(r.allocation()[0].amount == half);
        a.compensation->cost_per_year->premises = Money::from_ore(2);
        REQUIRE(validate(a).size() == 1);
        CHECK(validate(a)[0].path == "/compensation/cost_per_year/premises");
    }
}

TEST_CASE("Multi-year balances that overflow are an error, never a wrap", "[compensation][overflow]") {
    const std::vector<YearFigures> years{{2024, Money{}, largest}, {2025, Money{}, largest}};
    const MultiYearResult r = multi_year_balance(years, whole({1, 1}));
    CHECK(r.error == AllocationError::overflow);
}

TEST_CASE("Bounds stay true bounds at their cap", "[compensation][overflow]") {
    Bounds b;
    for (int i = 0; i < 4; ++i) b.add(Bounds{Bounds::cap, Bounds::cap});
    CHECK(b.low == Bounds::cap);     // still a lower bound of the true sum
    CHECK_FALSE(b.high.has_value()); // no upper bound within the cap
    Bounds m;
    m.add(largest);
    m.add(largest);
    CHECK(m.exact());
    CHECK_FALSE(m.value().has_value());
}
