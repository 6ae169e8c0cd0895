// Compensation under självkostnadsprincipen and exact allocation (SPEC §6).
#include <avtal/core/detail/facts.hpp>
#include <avtal/law/compensation.hpp>

#include <algorithm>
#include <numeric>

namespace avtal {

AllocationResult allocate(Money amount, std::span<const Decimal> weights) {
    using detail::i128;
    AllocationResult r;
    if (weights.empty()) {
        r.error = AllocationError::no_parties;
        return r;
    }
    i128 total = 0;
    for (const Decimal& w : weights) {
        if (w.units() < 0) {
            r.error = AllocationError::negative_weight;
            return r;
        }
        total += w.units();
    }
    if (total == 0) {
        r.error = AllocationError::all_zero;
        return r;
    }
    if (amount.ore() == INT64_MIN) {
        r.error = AllocationError::overflow;
        return r;
    }
    const bool negative = amount.ore() < 0;
    const i128 a = negative ? -static_cast<i128>(amount.ore()) : static_cast<i128>(amount.ore());
    const std::size_t n = weights.size();
    std::vector<i128> rem(n);
    r.parts.resize(n);
    i128 given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const i128 prod = a * weights[i].units(); // < 2^63 * 2^63: fits in 127 bits
        const i128 q = prod / total;
        rem[i] = prod % total;
        r.parts[i] = Money::from_ore(static_cast<std::int64_t>(q));
        given += q;
    }
    auto left = static_cast<std::size_t>(a - given); // < n
    if (left > 0) {
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t{0});
        const auto by_remainder = [&](std::size_t x, std::size_t y) { return rem[x] != rem[y] ? rem[x] > rem[y] : x < y; };
        std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(left - 1), order.end(), by_remainder);
        const std::size_t pivot = order[left - 1];
        for (std::size_t i = 0; i < n; ++i)
            if (i == pivot || by_remainder(i, pivot)) r.parts[i] = Money::from_ore(r.parts[i].ore() + 1);
    }
    if (negative)
        for (auto& p : r.parts) p = Money::from_ore(-p.ore());
    return r;
}

MultiYearResult multi_year_balance(std::span<const YearFigures> years, std::span<const Decimal> weights) {
    MultiYearResult out;
    Money cumulative{};
    std::vector<Money> party_cum(weights.size());
    for (const auto& y : years) {
        YearBalance b;
        b.year = y.year;
        b.cost = y.cost;
        b.paid = y.paid;
        const auto bal = checked_sub(y.paid, y.cost);
        const auto cum = bal ? checked_add(cumulative, *bal) : std::nullopt;
        if (!cum) {
            out.error = AllocationError::overflow;
            return out;
        }
        b.balance = *bal;
        cumulative = *cum;
        b.cumulative = cumulative;
        auto parts = allocate(b.balance, weights);
        if (!parts) {
            out.error = parts.error;
            return out;
        }
        b.party_balance = std::move(parts.parts);
        for (std::size_t i = 0; i < party_cum.size(); ++i) party_cum[i] = Money::from_ore(party_cum[i].ore() + b.party_balance[i].ore());
        b.party_cumulative = party_cum;
        out.years.push_back(std::move(b));
    }
    return out;
}

namespace detail {

WeightedParties weighted_parties(const Context& ctx, const CompensationGroup& g, const CompensationObject& o) {
    const Agreement& a = ctx.agreement();
    WeightedParties w;
    std::vector<bool> in(a.parties.size(), false);
    for (std::size_t t : o.tasks) {
        const auto& ps = a.tasks[t].principals;
        if (!ps) {
            w.missing.push_back("/tasks/" + std::to_string(t) + "/principals");
            continue;
        }
        for (const auto& id : *ps)
            if (auto k = a.party_index(id)) in[*k] = true;
    }
    const bool bears = o.comp && o.comp->contractor_bears_share;
    if (bears && g.contractor) in[*g.contractor] = true;
    for (std::size_t k = 0; k < in.size(); ++k)
        if (in[k]) {
            if (bears && g.contractor == k) w.contractor = w.parties.size();
            w.parties.push_back(k);
        }
    if (!w.missing.empty()) {
        w.complete = Truth::unknown;
        return w;
    }
    if (w.parties.size() == 1) {
        // A sole payer needs no key: it carries everything.
        w.weights = {Decimal::whole(1)};
        w.complete = Truth::yes;
        return w;
    }
    if (!o.comp) {
        w.missing.push_back(o.path());
        return w;
    }
    if (!o.comp->allocation || !o.comp->allocation->key) {
        w.missing.push_back(o.path() + (o.comp->allocation ? "/allocation/key" : "/allocation"));
        return w;
    }
    const Allocation& al = *o.comp->allocation;
    if (!al.weights) {
        if (*al.key != AllocationKey::population) {
            w.missing.push_back(o.path() + "/allocation/weights");
            return w;
        }
        for (std::size_t k : w.parties) {
            const auto& pop = a.parties[k].population;
            if (!pop)
                w.missing.push_back("/parties/" + std::to_string(k) + "/population");
            else
                w.weights.push_back(Decimal::from_units(std::clamp<std::int64_t>(*pop, 0, INT64_MAX / Decimal::scale) * Decimal::scale));
        }
    } else {
        for (std::size_t k : w.parties) {
            const Weight* found = nullptr;
            for (const auto& x : *al.weights)
                if (x.party == a.parties[k].id) found = &x;
            if (!found)
                w.uncovered.push_back(k);
            else
                w.weights.push_back(found->weight);
        }
    }
    if (!w.missing.empty()) {
        w.weights.clear();
        w.complete = Truth::unknown;
        return w;
    }
    if (!w.uncovered.empty()) {
        w.weights.clear();
        w.complete = Truth::no;
        return w;
    }
    if (*al.key == AllocationKey::fixed_shares) {
        std::int64_t sum = 0;
        for (const auto& x : w.weights) sum += x.units();
        if (sum != Decimal::whole(100).units()) w.fixed_shares_sum = Decimal::from_units(sum);
    }
    bool any = false;
    for (const auto& x : w.weights) any = any || x.units() > 0;
    w.all_zero = !any;
    w.complete = truth(any);
    if (!any) w.weights.clear();
    return w;
}

void add_optional(Bounds& b, const std::optional<Money>& m, std::vector<std::string>& missing, const CompensationObject& o, const char* suffix) {
    if (m) {
        b.add(*m);
    } else {
        b.add_unknown();
        missing.push_back(o.path() + suffix);
    }
}

/// The principals' part of `cost` when the contractor bears a share: the
/// cost allocated over every weighted party, less the contractor's line.
i128 principals_part_of(Money cost, const WeightedParties& w) {
    auto parts = allocate(cost, w.weights);
    if (!parts) return 0;
    i128 sum = 0;
    for (std::size_t i = 0; i < parts.parts.size(); ++i)
        if (!w.contractor || i != *w.contractor) sum += parts.parts[i].ore();
    return sum * Bounds::scale;
}

CompensationFigures figures_of(const Context& ctx, const CompensationGroup& g, const CompensationObject& o) {
    CompensationFigures f;
    if (!o.comp) {
        f.missing.push_back(o.path());
        f.payment.add_unknown();
        f.full_cost.add_unknown();
        f.principals_part.add_unknown();
        f.tolerance.add_unknown();
        return f;
    }
    const Compensation& c = *o.comp;
    add_optional(f.payment, c.money_per_year, f.missing, o, "/money_per_year");
    if (!c.in_kind_value_per_year) f.in_kind_unvalued = true;
    add_optional(f.payment, c.in_kind_value_per_year, f.missing, o, "/in_kind_value_per_year");
    if (!c.cost_per_year) {
        f.full_cost.add_unknown();
        f.missing.push_back(o.path() + "/cost_per_year");
    } else {
        const auto& k = *c.cost_per_year;
        add_optional(f.full_cost, k.staff, f.missing, o, "/cost_per_year/staff");
        add_optional(f.full_cost, k.premises, f.missing, o, "/cost_per_year/premises");
        add_optional(f.full_cost, k.overhead, f.missing, o, "/cost_per_year/overhead");
        add_optional(f.full_cost, k.capital, f.missing, o, "/cost_per_year/capital");
        add_optional(f.full_cost, k.other, f.missing, o, "/cost_per_year/other");
    }
    if (!c.contractor_bears_share) {
        f.principals_part = f.full_cost;
    } else {
        const WeightedParties w = weighted_parties(ctx, g, o);
        if (w.complete == Truth::yes) {
            const auto to_money = [](i128 scaled) { return Money::from_ore(static_cast<std::int64_t>(scaled / Bounds::scale)); };
            f.principals_part.low = principals_part_of(to_money(f.full_cost.low), w);
            if (f.full_cost.high)
                f.principals_part.high = principals_part_of(to_money(*f.full_cost.high), w);
            else
                f.principals_part.high.reset();
        } else {
            // Without a usable key the contractor's own share is unknown:
            // the principals' part lies between nothing and the whole cost.
            f.principals_part.low = 0;
            f.principals_part.high = f.full_cost.high;
            for (const auto& m : w.missing) f.missing.push_back(m);
            if (w.complete == Truth::no) f.missing.push_back(o.path() + "/allocation/weights");
        }
    }
    if (c.tolerance.kind == Tolerance::Kind::amount) {
        f.tolerance.add(c.tolerance.amount);
    } else {
        const i128 p = c.tolerance.percent.units(); // millionths of a percent: 10^8 = 100 %
        f.tolerance.low = f.principals_part.low / Bounds::scale * p;
        if (f.principals_part.high)
            f.tolerance.high = *f.principals_part.high / Bounds::scale * p;
        else
            f.tolerance.high.reset();
    }
    return f;
}

} // namespace detail

/// @brief The figures of compensation group `group` of `ctx` (SPEC §6): the
/// sums over its compensation objects.
CompensationFigures compensation_figures(const Context& ctx, std::size_t group) {
    if (const CompensationFigures* cached = ctx.cached_figures(group)) return *cached;
    const CompensationGroup& g = ctx.compensation_groups()[group];
    CompensationFigures total;
    detail::for_each_compensation_object(ctx, g, [&](const detail::CompensationObject& o) {
        CompensationFigures f = detail::figures_of(ctx, g, o);
        total.payment.add(f.payment);
        total.full_cost.add(f.full_cost);
        total.principals_part.add(f.principals_part);
        total.tolerance.add(f.tolerance);
        total.in_kind_unvalued = total.in_kind_unvalued || f.in_kind_unvalued;
        detail::merge_missing(total.missing, f.missing);
    });
    return total;
}

std::vector<AllocationLine> report_allocation(const Context& ctx) {
    std::vector<AllocationLine> lines;
    for (std::size_t gi = 0; gi < ctx.compensation_groups().size(); ++gi) {
        const auto& g = ctx.compensation_groups()[gi];
        detail::for_each_compensation_object(ctx, g, [&](const detail::CompensationObject& o) {
            if (!o.comp) return;
            const WeightedParties w = detail::weighted_parties(ctx, g, o);
            if (w.complete != Truth::yes) return;
            std::optional<Money> amount;
            if (o.comp->contractor_bears_share) {
                CompensationFigures f = detail::figures_of(ctx, g, o);
                amount = f.full_cost.value();
            } else {
                amount = o.comp->money_per_year;
            }
            if (!amount) return;
            auto parts = allocate(*amount, w.weights);
            if (!parts) return;
            for (std::size_t i = 0; i < w.parties.size(); ++i) {
                AllocationLine* same = nullptr;
                for (auto& l : lines)
                    if (l.party == w.parties[i] && l.contractor == g.contractor) same = &l;
                if (same)
                    same->amount = Money::from_ore(same->amount.ore() + parts.parts[i].ore());
                else
                    lines.push_back({w.parties[i], parts.parts[i], g.contractor, w.contractor == i});
            }
        });
    }
    return lines;
}

} // namespace avtal
