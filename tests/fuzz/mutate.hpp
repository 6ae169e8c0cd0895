#pragma once
// A structure-aware mutation of agreements, shared by the fuzzer's custom
// mutator and the property test: one deep fact changes at a time, often to
// an extreme value (the largest öre, one öre more, half of it twice, weights
// near the int64 limit, shares just over 100 %, terms of 100 000 months).

#include <avtal/avtal.hpp>

#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace avtal::fuzz {

inline constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();

/// An amount in öre: often an extreme one.
inline Money extreme_amount(std::mt19937_64& rng) {
    static constexpr std::int64_t picks[] = {0, 1, 99, 100, 70'000'000, 810'945'000, max64 / 2, max64 / 2 + 1, max64 / 4, max64 - 1, max64};
    if (rng() % 4 == 0) return Money::from_ore(static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(max64)));
    return Money::from_ore(picks[rng() % std::size(picks)]);
}

/// A weight or percentage in millionths: often an extreme one.
inline Decimal extreme_decimal(std::mt19937_64& rng) {
    static constexpr std::int64_t picks[] = {0,           1,           999'999,   1'000'000, 50'000'000, 100'000'000,
                                             100'000'001, 100'000'002, max64 / 2, max64 - 1, max64};
    if (rng() % 4 == 0) return Decimal::from_units(static_cast<std::int64_t>(rng() % 1'000'000'000'000ULL));
    return Decimal::from_units(picks[rng() % std::size(picks)]);
}

template <class E>
E any_enum(std::mt19937_64& rng) {
    std::vector<E> all;
    for_each_enumerator<E>([&](E e) { all.push_back(e); });
    return all[rng() % all.size()];
}

inline Compensation& some_compensation(Agreement& a, std::mt19937_64& rng) {
    if (!a.tasks.empty() && (rng() % 2 == 0 || !a.compensation)) {
        Task& t = a.tasks[rng() % a.tasks.size()];
        if (!t.compensation) t.compensation = Compensation{};
        return *t.compensation;
    }
    if (!a.compensation) a.compensation = Compensation{};
    return *a.compensation;
}

/// Changes one deep fact of `a`.
inline void mutate(Agreement& a, std::mt19937_64& rng) {
    switch (rng() % 12) {
    case 0: some_compensation(a, rng).money_per_year = extreme_amount(rng); break;
    case 1: {
        Compensation& c = some_compensation(a, rng);
        if (!c.cost_per_year) c.cost_per_year = CostComponents{};
        std::optional<Money>* parts[] = {&c.cost_per_year->staff, &c.cost_per_year->premises, &c.cost_per_year->overhead, &c.cost_per_year->capital,
                                         &c.cost_per_year->other};
        *parts[rng() % 5] = extreme_amount(rng);
        break;
    }
    case 2: {
        Compensation& c = some_compensation(a, rng);
        c.contractor_bears_share = !c.contractor_bears_share;
        break;
    }
    case 3: {
        Compensation& c = some_compensation(a, rng);
        c.tolerance = rng() % 2 ? Tolerance::of_amount(extreme_amount(rng)) : Tolerance::of_percent(Percent{extreme_decimal(rng)});
        break;
    }
    case 4: {
        Compensation& c = some_compensation(a, rng);
        Allocation al;
        al.key = any_enum<AllocationKey>(rng);
        if (rng() % 3 != 0 || al.key != AllocationKey::population) {
            std::vector<Weight> ws;
            for (const Party& p : a.parties)
                if (rng() % 8 != 0)
                    ws.push_back(Weight{p.id, al.key == AllocationKey::fixed_shares && rng() % 2
                                                  ? Decimal::from_units(static_cast<std::int64_t>(rng() % 100'000'001))
                                                  : extreme_decimal(rng)});
            al.weights = std::move(ws);
        }
        c.allocation = std::move(al);
        break;
    }
    case 5:
        if (!a.tasks.empty()) a.tasks[rng() % a.tasks.size()].annual_value = extreme_amount(rng);
        break;
    case 6:
        if (!a.tasks.empty() && a.tasks.size() < 64) {
            Task t = a.tasks[rng() % a.tasks.size()];
            t.id += "-" + std::to_string(a.tasks.size());
            a.tasks.push_back(std::move(t));
        }
        break;
    case 7:
        if (a.parties.size() < 64) {
            Party p;
            p.id = "p" + std::to_string(a.parties.size());
            p.kind = any_enum<PartyKind>(rng);
            p.population = static_cast<std::int64_t>(rng() % 1'000'000'001);
            a.parties.push_back(p);
            if (!a.tasks.empty()) {
                Task& t = a.tasks[rng() % a.tasks.size()];
                if (!t.principals) t.principals = std::vector<Id>{};
                t.principals->push_back(p.id);
            }
        }
        break;
    case 8:
        if (!a.tasks.empty()) {
            Task& t = a.tasks[rng() % a.tasks.size()];
            if (t.principals && rng() % 2) {
                std::vector<PrincipalShare> shares;
                for (const Id& id : *t.principals)
                    shares.push_back(PrincipalShare{id, Percent{Decimal::from_units(static_cast<std::int64_t>(rng() % 100'000'001))}});
                t.principal_shares = std::move(shares);
            } else {
                t.principal_shares.reset();
            }
        }
        break;
    case 9:
        if (!a.tasks.empty()) {
            Task& t = a.tasks[rng() % a.tasks.size()];
            t.nature = any_enum<TaskNature>(rng);
            t.category = any_enum<Category>(rng);
            if (!a.parties.empty()) t.contractor = a.parties[rng() % a.parties.size()].id;
        }
        break;
    case 10: {
        static constexpr std::int32_t months[] = {1, 11, 12, 36, 47, 48, 49, 100'000};
        a.term.months = months[rng() % std::size(months)];
        a.term.extension_months = months[rng() % std::size(months)] - 1;
        a.term.until_further_notice = rng() % 2 == 0;
        break;
    }
    default:
        if (!a.parties.empty()) a.parties[rng() % a.parties.size()].population = static_cast<std::int64_t>(rng() % 1'000'000'001);
        break;
    }
}

} // namespace avtal::fuzz
