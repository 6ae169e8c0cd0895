// Validation of the model: repeated ids, dangling references, negative
// amounts, shares that do not sum to 100 (SPEC §9).
#include <avtal/model/validate.hpp>

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace avtal {

namespace {

using detail::i128;

std::string q(std::string_view s) { return "\"" + std::string{s} + "\""; }

std::string at(std::string_view prefix, std::size_t i) { return std::string{prefix} + std::to_string(i); }

/// The longest term avtal counts with (about 8 333 years; the reader's limit too).
constexpr std::int32_t max_months = 100'000;
std::string too_many_months() { return "too many months (at most " + std::to_string(max_months) + ")"; }

/// For each position of `ids`, whether the same id occurs at an earlier
/// position: a nested scan for a few ids, an id index for many (O(n)).
template <class IdOf, class T>
std::vector<bool> repeats(std::span<const T> items, IdOf&& id_of) {
    std::vector<bool> out(items.size(), false);
    constexpr std::size_t scan_limit = 16;
    if (items.size() <= scan_limit) {
        for (std::size_t i = 0; i < items.size(); ++i)
            for (std::size_t j = 0; j < i && !out[i]; ++j) out[i] = id_of(items[j]) == id_of(items[i]);
        return out;
    }
    const detail::IdIndex first{items, id_of};
    for (std::size_t i = 0; i < items.size(); ++i) out[i] = first.find(id_of(items[i])) != i;
    return out;
}

/// Whether `id` is among `ids`: a scan for a few, an id index for many.
class IdSet {
  public:
    explicit IdSet(const std::vector<Id>& ids) : ids_{ids} {
        if (ids.size() > scan_limit) index_ = detail::IdIndex{ids, [](const Id& id) -> const Id& { return id; }};
    }
    [[nodiscard]] bool contains(std::string_view id) const {
        if (ids_.size() <= scan_limit) return std::find(ids_.begin(), ids_.end(), id) != ids_.end();
        return index_.find(id).has_value();
    }

  private:
    static constexpr std::size_t scan_limit = 16;
    const std::vector<Id>& ids_;
    detail::IdIndex index_;
};

/// The largest total of amounts avtal computes with: 92 233 720 368 547 758,07 kr.
const std::string& largest_total() {
    static const std::string s = Money::from_ore(INT64_MAX).display(false);
    return s;
}

// Paths are built only when a problem is found: validation of a well-formed
// agreement allocates nothing.
struct Problems {
    std::vector<Problem>& out;
    template <class PathFn>
    void add(ProblemCode code, PathFn&& path, std::string message, std::string message_sv = {}) {
        out.push_back({code, std::forward<PathFn>(path)(), std::move(message), std::move(message_sv)});
    }
    /// What an element with an id is called in a message: "party",
    /// "Partens" (its id), "parter" (two of them).
    struct Noun {
        const char* en;
        const char* sv_possessive;
        const char* sv_plural;
    };
    /// The id of element `i` (at `path`): not empty, and the first element
    /// of `index` with that id.
    template <class PathFn>
    void id(const detail::IdIndex& index, std::size_t i, const Id& id, const PathFn& path, Noun noun) {
        if (id.empty()) add(ProblemCode::missing_value, path, "empty id", std::string{noun.sv_possessive} + " id är tomt.");
        if (index.find(id) != i)
            add(ProblemCode::repeated_id, path, "repeated " + std::string{noun.en} + " id " + q(id),
                "Två " + std::string{noun.sv_plural} + " har samma id " + q(id) + ".");
    }
    template <class PathFn>
    void amount(const std::optional<Money>& m, PathFn&& path) {
        if (m && m->ore() < 0)
            add(ProblemCode::out_of_range, std::forward<PathFn>(path), "negative amount", "Beloppet kan inte vara mindre än noll.");
    }
    template <class PathFn>
    void percent(const std::optional<Percent>& p, PathFn&& path) {
        if (p && (p->units() < 0 || *p > hundred_percent))
            add(ProblemCode::out_of_range, std::forward<PathFn>(path), "percentage outside 0–100", "Procentsatsen ska ligga mellan 0 och 100.");
    }
};

/// The same in Swedish: 92 233 720 368 547 758,07 kr.
const std::string& largest_sv() {
    static const std::string s = Money::from_ore(INT64_MAX).display(true);
    return s;
}

/// A running sum of amounts that must stay within the range of `Money`
/// (92 233 720 368 547 758,07 kr), so that every figure computed from them
/// (sums, parts, surplus, allocation) is exact. The first amount that takes
/// it beyond is reported, once.
struct Total {
    const char* what;
    const char* what_sv; // the same in Swedish
    i128 sum = 0;
    bool reported = false;
    template <class PathFn>
    void add(i128 ore, Problems& out, PathFn&& path) {
        if (ore <= 0 || reported) return;
        sum += ore; // each term < 2^127 / 2: at most once beyond the limit
        if (sum > detail::max_ore) {
            reported = true;
            out.add(ProblemCode::out_of_range, std::forward<PathFn>(path),
                    std::string{"amount too large: "} + what + " add up to more than " + largest_total() + ", the largest total avtal computes with",
                    std::string{"Beloppet är för stort: "} + what_sv + " blir sammanlagt mer än " + largest_sv() +
                        ", som är den största summa programmet kan räkna med.");
        }
    }
};

void validate_compensation(const detail::IdIndex& parties, const Compensation& c, const std::optional<std::size_t>& task, Problems& out, Total& total,
                           const ValidateOptions& options) {
    const auto base = [&] { return task ? at("/tasks/", *task) + "/compensation" : std::string{"/compensation"}; };
    const auto sum = [&](const std::optional<Money>& m, const char* rest) {
        if (m) total.add(m->ore(), out, [&] { return base() + rest; });
    };
    sum(c.money_per_year, "/money_per_year");
    sum(c.in_kind_value_per_year, "/in_kind_value_per_year");
    i128 cost = 0; // this object's full cost (each component < 2^63)
    if (c.cost_per_year) {
        const auto& k = *c.cost_per_year;
        for (const auto* m : {&k.staff, &k.premises, &k.overhead, &k.capital, &k.other})
            if (*m && (*m)->ore() > 0) cost += (*m)->ore();
        sum(k.staff, "/cost_per_year/staff");
        sum(k.premises, "/cost_per_year/premises");
        sum(k.overhead, "/cost_per_year/overhead");
        sum(k.capital, "/cost_per_year/capital");
        sum(k.other, "/cost_per_year/other");
    }
    if (c.tolerance.kind == Tolerance::Kind::amount) {
        total.add(c.tolerance.amount.ore(), out, [&] { return base() + "/tolerance"; });
    } else if (c.tolerance.percent.units() > 0) {
        // At most the whole cost times the percentage: < 2^63 * 2^63.
        const i128 capped = std::min(cost, detail::max_ore);
        total.add(capped * c.tolerance.percent.units() / hundred_percent.units(), out, [&] { return base() + "/tolerance/percent"; });
    }
    out.amount(c.money_per_year, [&] { return base() + "/money_per_year"; });
    out.amount(c.in_kind_value_per_year, [&] { return base() + "/in_kind_value_per_year"; });
    if (c.cost_per_year) {
        const auto& k = *c.cost_per_year;
        out.amount(k.staff, [&] { return base() + "/cost_per_year/staff"; });
        out.amount(k.premises, [&] { return base() + "/cost_per_year/premises"; });
        out.amount(k.overhead, [&] { return base() + "/cost_per_year/overhead"; });
        out.amount(k.capital, [&] { return base() + "/cost_per_year/capital"; });
        out.amount(k.other, [&] { return base() + "/cost_per_year/other"; });
    }
    if (c.tolerance.kind == Tolerance::Kind::amount)
        out.amount(c.tolerance.amount, [&] { return base() + "/tolerance"; });
    else if (c.tolerance.percent.units() < 0)
        out.add(
            ProblemCode::out_of_range, [&] { return base() + "/tolerance/percent"; }, "negative percentage",
            "Procentsatsen kan inte vara mindre än noll.");
    if (c.allocation && c.allocation->weights) {
        const auto& ws = *c.allocation->weights;
        const bool shares = c.allocation->key == AllocationKey::fixed_shares;
        const auto repeated = repeats(std::span<const Weight>{ws}, [](const Weight& w) -> std::string_view { return w.party; });
        for (std::size_t i = 0; i < ws.size(); ++i) {
            const auto wp = [&] { return base() + "/allocation/weights/" + ws[i].party; };
            if (options.party_references && !parties.find(ws[i].party))
                out.add(ProblemCode::dangling_reference, wp, "unknown party " + q(ws[i].party),
                        "Okänd part " + q(ws[i].party) + ": ingen part i avtalet har det id:t.");
            if (ws[i].weight.units() < 0) out.add(ProblemCode::out_of_range, wp, "negative weight", "Vikten kan inte vara mindre än noll.");
            if (shares && ws[i].weight > Decimal::whole(100))
                out.add(ProblemCode::out_of_range, wp, "a fixed share is a percentage: " + ws[i].weight.to_string() + " is over 100",
                        "En fast andel är en procentsats och får vara högst 100, inte " + ws[i].weight.to_string() + ".");
            if (repeated[i])
                out.add(ProblemCode::repeated_reference, wp, "repeated party " + q(ws[i].party), "Parten " + q(ws[i].party) + " står två gånger.");
        }
    }
}

} // namespace

std::vector<Problem> validate(const Agreement& a, const ValidateOptions& options) {
    std::vector<Problem> problems;
    Problems out{problems};
    // Ids are looked up in hash indexes: O(n + references).
    const detail::IdIndex parties{a.parties, [](const Party& p) -> const Id& { return p.id; }};
    const detail::IdIndex tasks{a.tasks, [](const Task& t) -> const Id& { return t.id; }};
    const auto find_party = [&](std::string_view id) { return parties.find(id).has_value(); };
    for (std::size_t i = 0; i < a.parties.size(); ++i) {
        const Party& p = a.parties[i];
        const auto path = [i](const char* rest) { return [i, rest] { return at("/parties/", i) + rest; }; };
        out.id(parties, i, p.id, path("/id"), {"party", "Partens", "parter"});
        if (p.population && *p.population < 0)
            out.add(ProblemCode::out_of_range, path("/population"), "negative population", "Invånarantalet kan inte vara mindre än noll.");
        if (p.mandate_covers_tasks && p.kind && *p.kind != PartyKind::municipal_federation)
            out.add(ProblemCode::not_allowed_here, path("/mandate_covers_tasks"), "only a municipal_federation party has a mandate",
                    "Bara ett kommunalförbund (municipal_federation) har ett ändamål som kan täcka uppgifterna.");
    }
    if (a.term.months && *a.term.months < 1)
        out.add(
            ProblemCode::out_of_range, [] { return std::string{"/term/months"}; },
            "a fixed term needs at least one month (leave months out for no fixed term)",
            "En bestämd avtalstid är minst en månad (utelämna months om avtalet saknar bestämd avtalstid).");
    if (a.term.months && *a.term.months > max_months)
        out.add(
            ProblemCode::out_of_range, [] { return std::string{"/term/months"}; }, too_many_months());
    if (a.term.extension_months && *a.term.extension_months < 0)
        out.add(
            ProblemCode::out_of_range, [] { return std::string{"/term/extension_months"}; }, "negative number of months",
            "Antalet månader kan inte vara mindre än noll.");
    if (a.term.extension_months && *a.term.extension_months > max_months)
        out.add(
            ProblemCode::out_of_range, [] { return std::string{"/term/extension_months"}; }, too_many_months());
    const auto party_ref = [&](const std::optional<Id>& id, auto&& path) {
        if (options.party_references && id && !find_party(*id))
            out.add(ProblemCode::dangling_reference, path, "unknown party " + q(*id),
                    "Okänd part " + q(*id) + ": ingen part i avtalet har det id:t.");
    };
    Total money{"the amounts of the compensation terms (payments, in-kind values, costs and tolerances)",
                "ersättningsvillkorens belopp (betalningar, värden i natura, kostnader och toleranser)"};
    Total values{"the annual values of the tasks", "uppgifternas årsvärden"};
    const std::optional<Id>* first_contractor = nullptr;
    bool several_contractors = false, per_task = false;
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        const Task& t = a.tasks[i];
        const auto path = [i](const char* rest) { return [i, rest] { return at("/tasks/", i) + rest; }; };
        out.id(tasks, i, t.id, path("/id"), {"task", "Uppgiftens", "uppgifter"});
        party_ref(t.contractor, path("/contractor"));
        if (t.contractor) {
            if (!first_contractor)
                first_contractor = &t.contractor;
            else if (**first_contractor != *t.contractor)
                several_contractors = true;
        }
        const auto refs = [&](const std::optional<std::vector<Id>>& ids, const char* key) {
            if (!ids) return;
            const auto repeated = repeats(std::span<const Id>{*ids}, [](const Id& id) -> std::string_view { return id; });
            for (std::size_t j = 0; j < ids->size(); ++j) {
                const auto jp = [&] { return at("/tasks/", i) + key + std::to_string(j); };
                party_ref((*ids)[j], jp);
                if (repeated[j])
                    out.add(ProblemCode::repeated_reference, jp, "repeated party " + q((*ids)[j]), "Parten " + q((*ids)[j]) + " står två gånger.");
            }
        };
        refs(t.principals, "/principals/");
        refs(t.huvudman, "/huvudman/");
        out.amount(t.annual_value, path("/annual_value"));
        if (t.annual_value) values.add(t.annual_value->ore(), out, path("/annual_value"));
        out.percent(t.hamburg.open_market_share_percent, path("/hamburg/open_market_share_percent"));
        out.percent(t.teckal.activity_share_percent, path("/teckal/activity_share_percent"));
        if (t.principal_shares) {
            // A principal that is no party is reported above; the shares are
            // compared with the principals only when those are all parties.
            const bool principals_known = t.principals && std::all_of(t.principals->begin(), t.principals->end(), find_party);
            const std::optional<IdSet> principals = principals_known ? std::optional<IdSet>{std::in_place, *t.principals} : std::nullopt;
            std::vector<Id> named;
            named.reserve(t.principal_shares->size());
            i128 sum = 0; // exact: shares near the int64 limit must not wrap to 100
            for (const auto& s : *t.principal_shares) {
                const auto sp = [&] { return at("/tasks/", i) + "/principal_shares/" + s.party; };
                if (!find_party(s.party))
                    party_ref(s.party, sp);
                else if (principals && !principals->contains(s.party))
                    out.add(ProblemCode::bad_shares, sp, q(s.party) + " is not a principal of the task",
                            q(s.party) + " är inte uppdragsgivare i uppgiften.");
                if (s.share.units() < 0) out.add(ProblemCode::out_of_range, sp, "negative share", "Andelen kan inte vara mindre än noll.");
                sum += s.share.units();
                named.push_back(s.party);
            }
            if (principals) {
                const IdSet shares{named};
                for (const auto& p : *t.principals)
                    if (!shares.contains(p))
                        out.add(ProblemCode::bad_shares, path("/principal_shares"), "does not name principal " + q(p),
                                "Andelen för uppdragsgivaren " + q(p) + " saknas.");
            }
            if (sum != hundred_percent.units()) {
                const auto shown = detail::narrow(sum);
                const std::string total = shown ? Percent{Decimal::from_units(*shown)}.to_string() : std::string{"more than 9223372036854"};
                out.add(ProblemCode::bad_shares, path("/principal_shares"), "shares sum to " + total + ", not 100",
                        "Andelarna ska sammanlagt vara 100, inte " +
                            (shown ? Percent{Decimal::from_units(*shown)}.to_string() : std::string{"mer än 9223372036854"}) + ".");
            }
        }
        if (t.compensation) {
            per_task = true;
            validate_compensation(parties, *t.compensation, i, out, money, options);
            if (a.compensation)
                out.add(ProblemCode::contradiction, path("/compensation"), "compensation is stated both for the agreement and for the task",
                        "Ersättningen anges både för avtalet och för uppgiften. Ange den på ett av ställena.");
        }
    }
    if (a.compensation) {
        validate_compensation(parties, *a.compensation, std::nullopt, out, money, options);
        if (several_contractors && !per_task)
            out.add(
                ProblemCode::not_allowed_here, [] { return std::string{"/compensation"}; },
                "the tasks have different contractors: state compensation per task (tasks[].compensation)",
                "Uppgifterna har olika uppdragstagare. Ange ersättningen per uppgift (tasks[].compensation).");
    }
    const auto& ds = a.delegation.delegates;
    if (a.delegation.used == false && !ds.empty())
        out.add(
            ProblemCode::contradiction, [] { return std::string{"/delegation/used"}; }, "delegation.used is false, but delegations are listed",
            "delegation.used är false, men delegeringar räknas upp.");
    for (std::size_t i = 0; i < ds.size(); ++i) {
        const auto path = [i](const char* rest) { return [i, rest] { return at("/delegation/delegates/", i) + rest; }; };
        if (options.task_references && ds[i].task && !tasks.find(*ds[i].task))
            out.add(ProblemCode::dangling_reference, path("/task"), "unknown task " + q(*ds[i].task),
                    "Okänd uppgift " + q(*ds[i].task) + ": ingen uppgift i avtalet har det id:t.");
        party_ref(ds[i].employer, path("/employer"));
    }
    return problems;
}

} // namespace avtal
