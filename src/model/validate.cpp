// Validation of the model: repeated ids, dangling references, negative
// amounts, shares that do not sum to 100 (SPEC §9).
#include <avtal/model/validate.hpp>

#include <algorithm>

namespace avtal {

namespace {

std::string q(std::string_view s) { return "\"" + std::string{s} + "\""; }

std::string at(std::string_view prefix, std::size_t i) { return std::string{prefix} + std::to_string(i); }

// Paths are built only when a problem is found: validation of a well-formed
// agreement allocates nothing.
struct Problems {
    std::vector<Problem>& out;
    template <class PathFn>
    void add(PathFn&& path, std::string message) {
        out.push_back({std::forward<PathFn>(path)(), std::move(message)});
    }
    template <class PathFn>
    void amount(const std::optional<Money>& m, PathFn&& path) {
        if (m && m->ore() < 0) add(std::forward<PathFn>(path), "negative amount");
    }
    template <class PathFn>
    void percent(const std::optional<Percent>& p, PathFn&& path) {
        if (p && (p->units() < 0 || *p > hundred_percent)) add(std::forward<PathFn>(path), "percentage outside 0–100");
    }
};

void validate_compensation(const Agreement& a, const Compensation& c, const std::optional<std::size_t>& task, Problems& out) {
    const auto base = [&] { return task ? at("/tasks/", *task) + "/compensation" : std::string{"/compensation"}; };
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
        out.add([&] { return base() + "/tolerance/percent"; }, "negative percentage");
    if (c.allocation && c.allocation->weights) {
        const auto& ws = *c.allocation->weights;
        for (std::size_t i = 0; i < ws.size(); ++i) {
            const auto wp = [&] { return base() + "/allocation/weights/" + ws[i].party; };
            if (!a.find_party(ws[i].party)) out.add(wp, "unknown party " + q(ws[i].party));
            if (ws[i].weight.units() < 0) out.add(wp, "negative weight");
            for (std::size_t j = 0; j < i; ++j)
                if (ws[j].party == ws[i].party) out.add(wp, "repeated party " + q(ws[i].party));
        }
    }
}

} // namespace

std::vector<Problem> validate(const Agreement& a) {
    std::vector<Problem> problems;
    Problems out{problems};
    for (std::size_t i = 0; i < a.parties.size(); ++i) {
        const Party& p = a.parties[i];
        const auto path = [i](const char* rest) { return [i, rest] { return at("/parties/", i) + rest; }; };
        if (p.id.empty()) out.add(path("/id"), "empty id");
        for (std::size_t j = 0; j < i; ++j)
            if (a.parties[j].id == p.id) {
                out.add(path("/id"), "repeated party id " + q(p.id));
                break;
            }
        if (p.population && *p.population < 0) out.add(path("/population"), "negative population");
        if (p.mandate_covers_tasks && p.kind && *p.kind != PartyKind::municipal_federation)
            out.add(path("/mandate_covers_tasks"), "only a municipal_federation party has a mandate");
    }
    if (a.term.months && *a.term.months < 1)
        out.add([] { return std::string{"/term/months"}; }, "a fixed term needs at least one month (leave months out for no fixed term)");
    if (a.term.extension_months && *a.term.extension_months < 0)
        out.add([] { return std::string{"/term/extension_months"}; }, "negative number of months");
    const auto party_ref = [&](const std::optional<Id>& id, auto&& path) {
        if (id && !a.find_party(*id)) out.add(path, "unknown party " + q(*id));
    };
    const std::optional<Id>* first_contractor = nullptr;
    bool several_contractors = false, per_task = false;
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        const Task& t = a.tasks[i];
        const auto path = [i](const char* rest) { return [i, rest] { return at("/tasks/", i) + rest; }; };
        if (t.id.empty()) out.add(path("/id"), "empty id");
        for (std::size_t j = 0; j < i; ++j)
            if (a.tasks[j].id == t.id) {
                out.add(path("/id"), "repeated task id " + q(t.id));
                break;
            }
        party_ref(t.contractor, path("/contractor"));
        if (t.contractor) {
            if (!first_contractor)
                first_contractor = &t.contractor;
            else if (**first_contractor != *t.contractor)
                several_contractors = true;
        }
        const auto refs = [&](const std::optional<std::vector<Id>>& ids, const char* key) {
            if (!ids) return;
            for (std::size_t j = 0; j < ids->size(); ++j) {
                const auto jp = [&] { return at("/tasks/", i) + key + std::to_string(j); };
                party_ref((*ids)[j], jp);
                for (std::size_t k = 0; k < j; ++k)
                    if ((*ids)[k] == (*ids)[j]) {
                        out.add(jp, "repeated party " + q((*ids)[j]));
                        break;
                    }
            }
        };
        refs(t.principals, "/principals/");
        refs(t.huvudman, "/huvudman/");
        out.amount(t.annual_value, path("/annual_value"));
        out.percent(t.hamburg.open_market_share_percent, path("/hamburg/open_market_share_percent"));
        out.percent(t.teckal.activity_share_percent, path("/teckal/activity_share_percent"));
        if (t.principal_shares) {
            // A principal that is no party is reported above; the shares are
            // compared with the principals only when those are all parties.
            const bool principals_known =
                t.principals && std::all_of(t.principals->begin(), t.principals->end(), [&](const Id& p) { return a.find_party(p) != nullptr; });
            std::int64_t sum = 0;
            for (const auto& s : *t.principal_shares) {
                const auto sp = [&] { return at("/tasks/", i) + "/principal_shares/" + s.party; };
                if (!a.find_party(s.party))
                    out.add(sp, "unknown party " + q(s.party));
                else if (principals_known && std::find(t.principals->begin(), t.principals->end(), s.party) == t.principals->end())
                    out.add(sp, q(s.party) + " is not a principal of the task");
                if (s.share.units() < 0) out.add(sp, "negative share");
                sum += s.share.units();
            }
            if (principals_known)
                for (const auto& p : *t.principals) {
                    bool named = false;
                    for (const auto& s : *t.principal_shares) named = named || s.party == p;
                    if (!named) out.add(path("/principal_shares"), "does not name principal " + q(p));
                }
            if (sum != hundred_percent.units())
                out.add(path("/principal_shares"), "shares sum to " + Percent{Decimal::from_units(sum)}.to_string() + ", not 100");
        }
        if (t.compensation) {
            per_task = true;
            validate_compensation(a, *t.compensation, i, out);
            if (a.compensation) out.add(path("/compensation"), "compensation is stated both for the agreement and for the task");
        }
    }
    if (a.compensation) {
        validate_compensation(a, *a.compensation, std::nullopt, out);
        if (several_contractors && !per_task)
            out.add([] { return std::string{"/compensation"}; },
                    "the tasks have different contractors: state compensation per task (tasks[].compensation)");
    }
    const auto& ds = a.delegation.delegates;
    if (a.delegation.used == false && !ds.empty())
        out.add([] { return std::string{"/delegation/used"}; }, "delegation.used is false, but delegations are listed");
    for (std::size_t i = 0; i < ds.size(); ++i) {
        const auto path = [i](const char* rest) { return [i, rest] { return at("/delegation/delegates/", i) + rest; }; };
        if (ds[i].task && !a.task_index(*ds[i].task)) out.add(path("/task"), "unknown task " + q(*ds[i].task));
        party_ref(ds[i].employer, path("/employer"));
    }
    return problems;
}

} // namespace avtal
