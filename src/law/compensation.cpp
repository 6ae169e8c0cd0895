// Compensation under självkostnadsprincipen and exact allocation (SPEC §6).
#include <avtal/core/detail/facts.hpp>
#include <avtal/law/compensation.hpp>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <utility>

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
        for (std::size_t i = 0; i < party_cum.size(); ++i) {
            const auto sum = checked_add(party_cum[i], b.party_balance[i]);
            if (!sum) {
                out.error = AllocationError::overflow;
                return out;
            }
            party_cum[i] = *sum;
        }
        b.party_cumulative = party_cum;
        out.years.push_back(std::move(b));
    }
    return out;
}

namespace detail {

WeightedParties weighted_parties(const Context& ctx, const CompensationGroup& g, const CompensationObject& o) {
    const Agreement& a = ctx.agreement();
    WeightedParties w;
    // The weighted parties in agreement order: collected, sorted, unique
    // (linear in the object's principals, not in the agreement's parties).
    std::vector<std::size_t> in;
    for (std::size_t t : o.tasks) {
        const auto& ps = a.tasks[t].principals;
        if (!ps) {
            w.missing.push_back("/tasks/" + std::to_string(t) + "/principals");
            continue;
        }
        for (const auto& id : *ps)
            if (auto k = ctx.party_index(id)) in.push_back(*k);
    }
    const bool bears = o.comp && o.comp->contractor_bears_share;
    if (bears && g.contractor) in.push_back(*g.contractor);
    std::sort(in.begin(), in.end());
    in.erase(std::unique(in.begin(), in.end()), in.end());
    for (const std::size_t k : in) {
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
        // A repeated party (which validate() reports) counts once, as written last.
        // A few weights are scanned, many sorted once.
        const auto& ws = *al.weights;
        constexpr std::size_t scan_limit = 8;
        std::vector<std::pair<std::string_view, std::size_t>> by_party;
        if (ws.size() > scan_limit) {
            by_party.reserve(ws.size());
            for (std::size_t i = 0; i < ws.size(); ++i) by_party.emplace_back(ws[i].party, i);
            std::sort(by_party.begin(), by_party.end());
        }
        const auto weight_of = [&](std::string_view id) -> const Weight* {
            if (ws.size() <= scan_limit) {
                const Weight* found = nullptr;
                for (const auto& x : ws)
                    if (x.party == id) found = &x;
                return found;
            }
            const auto it = std::upper_bound(by_party.begin(), by_party.end(), id, [](std::string_view v, const auto& e) { return v < e.first; });
            return it != by_party.begin() && std::prev(it)->first == id ? &ws[std::prev(it)->second] : nullptr;
        };
        for (std::size_t k : w.parties) {
            const Weight* found = weight_of(a.parties[k].id);
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
        // Summed exactly: weights near the int64 limit must not wrap to 100.
        i128 sum = 0;
        for (const auto& x : w.weights) sum += x.units();
        if (sum != Decimal::whole(100).units())
            w.fixed_shares_sum = Decimal::from_units(narrow(sum).value_or(std::numeric_limits<std::int64_t>::max()));
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
            // A cost beyond the range of Money cannot be allocated (and
            // validate() reports it): the part then lies between nothing
            // and the whole cost.
            const auto low = narrow(f.full_cost.low / Bounds::scale);
            const auto high = f.full_cost.high ? narrow(*f.full_cost.high / Bounds::scale) : std::nullopt;
            if (!low || (f.full_cost.high && !high)) {
                f.principals_part.low = 0;
                f.principals_part.high = f.full_cost.high;
            } else {
                f.principals_part.low = principals_part_of(Money::from_ore(*low), w);
                if (high)
                    f.principals_part.high = principals_part_of(Money::from_ore(*high), w);
                else
                    f.principals_part.high.reset();
            }
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
        // Millionths of a percent (10^8 = 100 %) times öre; a product beyond
        // the bounds' range is no bound at all (validate() reports it).
        const i128 p = c.tolerance.percent.units();
        const auto times = [p](i128 part) -> std::optional<i128> {
            i128 r = 0;
            if (__builtin_mul_overflow(part / Bounds::scale, p, &r) || r > Bounds::cap || r < -Bounds::cap) return std::nullopt;
            return r;
        };
        f.tolerance.low = times(f.principals_part.low).value_or(0);
        f.tolerance.high = f.principals_part.high ? times(*f.principals_part.high) : std::nullopt;
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
    // The line of (party, contractor), found in constant time.
    std::unordered_map<std::uint64_t, std::size_t> line_of;
    const std::size_t n = ctx.agreement().parties.size() + 1;
    bool overflow = false;
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
                const auto key = static_cast<std::uint64_t>(w.parties[i]) * n + (g.contractor ? *g.contractor : n - 1);
                const auto [it, fresh] = line_of.try_emplace(key, lines.size());
                if (fresh) {
                    lines.push_back({w.parties[i], parts.parts[i], g.contractor, w.contractor == i});
                } else if (const auto sum = checked_add(lines[it->second].amount, parts.parts[i])) {
                    lines[it->second].amount = *sum;
                } else {
                    overflow = true; // only when validate() reports the amounts as too large
                }
            }
        });
    }
    if (overflow) lines.clear(); // no line may rest on a wrapped sum
    return lines;
}

} // namespace avtal
