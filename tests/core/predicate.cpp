// Predicates as values: composition, short-circuiting, explanation trees.
#include "support.hpp"

#include <avtal/law/rules.hpp>

#include <algorithm>
#include <optional>

using namespace avtal;

namespace {

struct Facts {
    std::optional<bool> a, b, c;
};

int calls = 0;

Predicate<Facts> fact(const char* id, std::optional<bool> Facts::*member) {
    return make_predicate<Facts>({id, {std::string{"Faktum "} + id, std::string{"Fact "} + id}, std::string{"Källa "} + id},
                                 [id, member](const Facts& f, Trace& t) {
                                     ++calls;
                                     const auto& v = f.*member;
                                     if (!v) return t.unknown([id] { return std::string{"/"} + id; });
                                     return truth(*v);
                                 });
}

const Explanation* child(const Explanation& e, std::string_view id) {
    auto it = std::find_if(e.children.begin(), e.children.end(), [&](const Explanation& c) { return c.id == id; });
    return it == e.children.end() ? nullptr : &*it;
}

} // namespace

TEST_CASE("Composed predicates follow Kleene logic for every combination", "[predicate]") {
    const auto A = fact("a", &Facts::a), B = fact("b", &Facts::b);
    const std::optional<bool> vals[] = {false, std::nullopt, true};
    const auto tv = [](std::optional<bool> v) { return v ? truth(*v) : Truth::unknown; };
    for (auto x : vals)
        for (auto y : vals) {
            const Facts f{x, y, {}};
            CHECK((A && B)(f) == (tv(x) && tv(y)));
            CHECK((A || B)(f) == (tv(x) || tv(y)));
            CHECK((!A)(f) == !tv(x));
            // The explained answer always equals the fast answer.
            CHECK((A && B).explain(f).value == (A && B)(f));
            CHECK((A || !B).explain(f).value == (A || !B)(f));
        }
}

TEST_CASE("The fast path short-circuits", "[predicate]") {
    const auto A = fact("a", &Facts::a), B = fact("b", &Facts::b);
    calls = 0;
    CHECK((A && B)(Facts{false, true, {}}) == Truth::no);
    CHECK(calls == 1); // b was not evaluated
    calls = 0;
    CHECK((A || B)(Facts{true, false, {}}) == Truth::yes);
    CHECK(calls == 1);
    calls = 0;
    CHECK((A && B)(Facts{std::nullopt, false, {}}) == Truth::no); // unknown does not decide: b must be looked at
    CHECK(calls == 2);
}

TEST_CASE("Short-circuiting keeps the deciding branch's explanation", "[predicate]") {
    const auto A = fact("a", &Facts::a), B = fact("b", &Facts::b);
    const auto e = (A && B).explain(Facts{false, true, {}});
    CHECK(e.value == Truth::no);
    CHECK(e.id == "all_of");
    REQUIRE(e.children.size() == 2);
    const Explanation* a = child(e, "a");
    REQUIRE(a != nullptr);
    CHECK(a->value == Truth::no); // why it decided
    CHECK(a->text.sv == "Faktum a");
    CHECK(a->text.en == "Fact a");
    CHECK(a->citation == "Källa a");
    CHECK(e.missing.empty());

    // An unknown first part and a deciding second part: the answer is no,
    // decided by b, and a's unknown is still shown with what is missing.
    const auto e2 = (A && B).explain(Facts{std::nullopt, false, {}});
    CHECK(e2.value == Truth::no);
    CHECK(child(e2, "b")->value == Truth::no);
    CHECK(child(e2, "a")->value == Truth::unknown);
    CHECK(child(e2, "a")->missing == std::vector<std::string>{"/a"});
    CHECK(e2.missing.empty()); // a decided answer needs nothing more
}

TEST_CASE("An unknown result carries every missing path", "[predicate]") {
    const auto A = fact("a", &Facts::a), B = fact("b", &Facts::b), C = fact("c", &Facts::c);
    const auto p = all_of<Facts>({"all3", {"Alla tre", "All three"}, "Lag"}, {A, B, C});
    const auto e = p.explain(Facts{std::nullopt, true, std::nullopt});
    CHECK(e.value == Truth::unknown);
    CHECK(e.id == "all3");
    CHECK(e.citation == "Lag");
    CHECK(e.missing == std::vector<std::string>{"/a", "/c"});
    // Through several levels and negation.
    const auto q = (A || B) && !C;
    const auto e2 = q.explain(Facts{std::nullopt, false, std::nullopt});
    CHECK(e2.value == Truth::unknown);
    CHECK(e2.missing == std::vector<std::string>{"/a", "/c"});
}

TEST_CASE("Chained && flattens into one conjunction", "[predicate]") {
    const auto A = fact("a", &Facts::a), B = fact("b", &Facts::b), C = fact("c", &Facts::c);
    const auto e = (A && B && C).explain(Facts{true, true, true});
    CHECK(e.value == Truth::yes);
    CHECK(e.children.size() == 3);
}

TEST_CASE("when(): a conditional requirement holds vacuously when the condition does not", "[predicate]") {
    const auto A = fact("a", &Facts::a), B = fact("b", &Facts::b);
    const auto p = when<Facts>({"cond", {"Om a så b", "If a then b"}, {}}, A, B);
    CHECK(p(Facts{false, std::nullopt, {}}) == Truth::yes);
    CHECK(p(Facts{true, false, {}}) == Truth::no);
    CHECK(p(Facts{true, true, {}}) == Truth::yes);
    CHECK(p(Facts{std::nullopt, false, {}}) == Truth::unknown);
    CHECK(p(Facts{std::nullopt, true, {}}) == Truth::yes);
    CHECK(p.explain(Facts{std::nullopt, false, {}}).missing == std::vector<std::string>{"/a"});
}

TEST_CASE("A user predicate composes with a built-in one", "[predicate][custom]") {
    // A municipality's local policy: a service may be bought from another
    // municipality only when the Hamburg criteria hold AND the contract's
    // annual value stays below a local ceiling of 3 MSEK.
    const auto local_ceiling =
        make_predicate<TaskSubject>({"local.value_ceiling",
                                     {"Årsvärdet understiger 3 mnkr (lokal policy)", "The annual value is below SEK 3 million (local policy)"},
                                     "Norrströms kommun, riktlinje för samverkan"},
                                    [](const TaskSubject& s, Trace& t) {
                                        const auto& v = s.task().annual_value;
                                        if (!v) return t.unknown([&] { return s.path() + "/annual_value"; });
                                        return truth(*v < Money::from_kronor(3'000'000));
                                    });
    const auto policy = all_of<TaskSubject>({"local.cooperation_policy", {"Lokal samverkanspolicy", "Local cooperation policy"}, "Lokal"},
                                            {predicates::exception_hamburg(), local_ceiling});
    Agreement a = test::norrstrom();
    a.tasks[0].hamburg.open_market_share_percent = Percent::whole(5);
    const Context ctx{a};
    const TaskSubject s{&ctx, 0};
    CHECK(policy(s) == Truth::no); // 5 MSEK is above the local ceiling
    a.tasks[0].annual_value = Money::from_kronor(2'000'000);
    CHECK(policy(s) == Truth::yes);
    const auto e = policy.explain(s);
    REQUIRE(e.children.size() == 2);
    CHECK(e.children[0].id == "exception.hamburg");
    CHECK(e.children[0].children.size() == 5); // each Hamburg criterion explained
    CHECK(e.children[1].id == "local.value_ceiling");
    a.tasks[0].hamburg.open_market_share_percent.reset();
    CHECK(policy(s) == Truth::unknown);
    CHECK(policy.explain(s).missing == std::vector<std::string>{"/tasks/0/hamburg/open_market_share_percent"});
}

TEST_CASE("Many missing facts: each once, in the order first found, by a trace and by a junction", "[predicate][missing]") {
    // 3 000 paths, each added twice (a rule over thousands of tasks): the
    // hash index beyond 32 paths must keep exactly the linear look's result.
    Explanation node;
    Trace t{node};
    for (int round = 0; round < 2; ++round)
        for (int i = 0; i < 3000; ++i) t.missing("/tasks/" + std::to_string(i) + "/nature");
    REQUIRE(node.missing.size() == 3000);
    for (int i = 0; i < 3000; ++i) CHECK(node.missing[static_cast<std::size_t>(i)] == "/tasks/" + std::to_string(i) + "/nature");
    // Paths changed behind the trace are still seen.
    node.missing.resize(10);
    t.missing("/tasks/5/nature");
    t.missing("/tasks/2999/nature");
    CHECK(node.missing.size() == 11);

    // A junction of 2 000 unknown children, two paths each, every path twice.
    Explanation e;
    e.value = Truth::unknown;
    e.missing = {"/a"};
    for (int i = 0; i < 2000; ++i) {
        Explanation c;
        c.value = Truth::unknown;
        c.missing = {"/x/" + std::to_string(i % 1000), "/a"};
        e.children.push_back(std::move(c));
    }
    Explanation known;
    known.value = Truth::yes;
    known.missing = {"/ignored"};
    e.children.push_back(known);
    detail::finish(e);
    REQUIRE(e.missing.size() == 1001);
    CHECK(e.missing[0] == "/a");
    for (int i = 0; i < 1000; ++i) CHECK(e.missing[static_cast<std::size_t>(i) + 1] == "/x/" + std::to_string(i));
}

TEST_CASE("facts() answers as explain() with the same missing facts, and records no notes or children", "[predicate][missing]") {
    // A leaf that notes and attaches a child, under every combinator.
    const auto noisy = make_predicate<Facts>({"noisy", {"Brusig", "Noisy"}, {}}, [](const Facts& f, Trace& t) {
        t.note([] { return Text{"not", "note"}; });
        t.child(Explanation{"kid", {}, {}, Truth::yes, {}, {}, {}, nullptr});
        if (!f.c) return t.unknown([] { return std::string{"/c"}; });
        return truth(*f.c);
    });
    const auto A = fact("a", &Facts::a), B = fact("b", &Facts::b);
    const std::vector<Predicate<Facts>> ps{noisy, A && noisy, A || B || noisy, !noisy, when({"w", {"W", "W"}, {}}, A, B && noisy), all_of(A, !B)};
    const std::optional<bool> vals[] = {false, std::nullopt, true};
    for (const auto& p : ps)
        for (auto x : vals)
            for (auto y : vals)
                for (auto z : vals) {
                    const Facts f{x, y, z};
                    const Explanation full = p.explain(f), lean = p.facts(f);
                    CHECK(lean.value == full.value);
                    CHECK(lean.missing == full.missing);
                    CHECK(lean.notes.empty());
                    CHECK(lean.children.empty());
                }
    Explanation node;
    Trace t = Trace::facts_only(node);
    CHECK(t.active());
    CHECK_FALSE(t.full());
    t.note([] { return Text{"x", "x"}; });
    t.child(Explanation{});
    t.missing("/p");
    CHECK(node.notes.empty());
    CHECK(node.children.empty());
    CHECK(node.missing == std::vector<std::string>{"/p"});
}

TEST_CASE("ExplainIn makes Trace::wants answer for its language only, nested and restored", "[predicate]") {
    CHECK(Trace::wants(Lang::sv));
    CHECK(Trace::wants(Lang::en));
    {
        const ExplainIn en{Lang::en};
        CHECK_FALSE(Trace::wants(Lang::sv));
        CHECK(Trace::wants(Lang::en));
        {
            const ExplainIn sv{Lang::sv};
            CHECK(Trace::wants(Lang::sv));
            CHECK_FALSE(Trace::wants(Lang::en));
        }
        CHECK_FALSE(Trace::wants(Lang::sv));
    }
    CHECK(Trace::wants(Lang::sv));
    CHECK(Trace::wants(Lang::en));
    // A note built for the language read only.
    const auto p = make_predicate<Facts>({"n", {"N", "N"}, {}}, [](const Facts&, Trace& t) {
        t.note([] { return Text{Trace::wants(Lang::sv) ? "sv" : "", Trace::wants(Lang::en) ? "en" : ""}; });
        return Truth::yes;
    });
    const Explanation both = p.explain(Facts{});
    CHECK(both.notes == std::vector<Text>{Text{"sv", "en"}});
    CHECK(both.id == "n");
    CHECK(both.info == nullptr);
    CHECK(both.shown_id() == "n");
    const ExplainIn en{Lang::en};
    const Explanation one = p.explain(Facts{});
    CHECK(one.notes == std::vector<Text>{Text{"", "en"}});
    // The texts are the predicate's, not copied.
    CHECK(one.id.empty());
    CHECK(one.info == &p.info());
    CHECK(one.shown_id() == "n");
    CHECK(one.shown_text() == Text{"N", "N"});
    CHECK(one.shown_citation().empty());
    const Explanation tree = (p && p).explain(Facts{});
    REQUIRE(tree.children.size() == 2);
    CHECK(tree.children[1].shown_id() == "n");
}

TEST_CASE("facts() of a junction of thousands of unknown parts keeps the explanation's paths in order", "[predicate][missing]") {
    std::vector<Predicate<Facts>> parts;
    for (int i = 0; i < 300; ++i)
        parts.push_back(make_predicate<Facts>({"p" + std::to_string(i), {"P", "P"}, {}}, [i](const Facts&, Trace& t) {
            for (int k = 0; k < 40; ++k) t.missing("/tasks/" + std::to_string((i * 7 + k) % 500) + "/x");
            return Truth::unknown;
        }));
    const auto all = all_of(PredicateInfo{"all", {"Alla", "All"}, {}}, parts);
    const Facts f{};
    const Explanation full = all.explain(f), lean = all.facts(f);
    REQUIRE(full.missing.size() == 500);
    CHECK(lean.missing == full.missing);
    CHECK(lean.value == Truth::unknown);
}
