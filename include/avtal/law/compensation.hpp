#pragma once
/// @file
/// @brief Compensation under självkostnadsprincipen and exact allocation of
/// amounts between parties (SPEC §6; SKR 2023 kap. 2 "Ersättning" and the
/// shared-cost cases of kap. 4).
///
/// All arithmetic is exact: amounts in öre, weights in millionths, and
/// 128-bit intermediates so that amounts up to 10^12 kr over hundreds of
/// parties never overflow.

#include <avtal/model/agreement.hpp>
#include <avtal/model/subject.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace avtal {

/// @brief Why an allocation could not be made.
enum class AllocationError : std::uint8_t {
    no_parties,      ///< There is nobody to allocate to.
    all_zero,        ///< Every weight is zero.
    negative_weight, ///< A weight is negative.
    overflow,        ///< The amount cannot be represented (most negative int64).
};
BOOST_DESCRIBE_ENUM(AllocationError, no_parties, all_zero, negative_weight, overflow)

/// @brief The parts of an allocated amount (one per weight, same order), or
/// the reason it could not be made.
struct AllocationResult {
    std::vector<Money> parts;             ///< The parts; they sum exactly to the amount.
    std::optional<AllocationError> error; ///< Set when no allocation was made.
    /// @brief Whether the allocation was made.
    [[nodiscard]] explicit operator bool() const noexcept { return !error; }
};

/// @brief Allocates `amount` over `weights` by the largest-remainder method
/// (Hamilton): every part is the exact proportional share rounded down to
/// the öre, and the öre left over go to the largest remainders, ties to the
/// earlier party. The parts sum exactly to `amount`; each differs from its
/// exact share by less than one öre; zero weights get zero. A negative
/// amount (a deficit) is allocated as its magnitude, negated.
[[nodiscard]] AllocationResult allocate(Money amount, std::span<const Decimal> weights);

/// @brief One year of a multi-year follow-up: the principals' part of the
/// cost and what they paid.
struct YearFigures {
    std::int32_t year = 0; ///< Calendar year.
    Money cost{};          ///< The principals' part of the contractor's full cost that year.
    Money paid{};          ///< What the principals paid that year.
};

/// @brief The balance of one year and cumulatively, in total and per party.
struct YearBalance {
    std::int32_t year = 0;               ///< Calendar year.
    Money cost{};                        ///< Cost that year.
    Money paid{};                        ///< Paid that year.
    Money balance{};                     ///< Paid − cost: a surplus (> 0) or deficit (< 0).
    Money cumulative{};                  ///< Balance summed over the years so far.
    std::vector<Money> party_balance;    ///< The year's balance by party, by the key.
    std::vector<Money> party_cumulative; ///< Each party's cumulative balance.
};

/// @brief The multi-year view a controller reports to the council each
/// year: per year the surplus or deficit and the cumulative figure, in total
/// and per party, shared by the same key (the Östergötland HVB: deficits
/// shared proportionally). Parts sum exactly to the totals.
struct MultiYearResult {
    std::vector<YearBalance> years;       ///< One entry per year, in input order.
    std::optional<AllocationError> error; ///< Set when the weights cannot allocate.
};

/// @brief Computes the multi-year balance of `years` shared by `weights`.
[[nodiscard]] MultiYearResult multi_year_balance(std::span<const YearFigures> years, std::span<const Decimal> weights);

/// @brief An amount known exactly or only by bounds. Amounts are never
/// negative, so a partly unknown sum still has a lower bound (its known
/// parts); `high` is empty when an unknown part leaves it unbounded.
/// Held in öre × 10^8, so that percentage tolerances stay exact.
///
/// Sums never overflow: every bound stays within ±`cap` (2^120, far beyond
/// any amount a valid agreement can reach, see `validate()`); a lower bound
/// that would pass it stays at `cap`, an upper bound is dropped (unbounded).
/// The bounds remain true bounds, so no verdict rests on a wrapped sum.
struct Bounds {
    detail::i128 low = 0;                 ///< Smallest possible value (scaled).
    std::optional<detail::i128> high = 0; ///< Largest possible value (scaled), if bounded.
    /// @brief The scale: 10^8 units per öre.
    static constexpr detail::i128 scale = 100'000'000;
    /// @brief The largest magnitude of a bound (2^120).
    static constexpr detail::i128 cap = static_cast<detail::i128>(1) << 120;
    /// @brief Whether the value is known exactly.
    [[nodiscard]] bool exact() const noexcept { return high && *high == low; }
    /// @brief The exact value in öre (rounded down), when known and within
    /// the range of `Money`.
    [[nodiscard]] std::optional<Money> value() const noexcept {
        if (!exact()) return std::nullopt;
        const auto ore = detail::narrow(low / scale);
        if (!ore) return std::nullopt;
        return Money::from_ore(*ore);
    }
    /// @brief `v` limited to ±`cap`.
    [[nodiscard]] static constexpr detail::i128 clamp(detail::i128 v) noexcept { return v > cap ? cap : v < -cap ? -cap : v; }
    /// @brief Adds bounds `lo` and `hi` (empty: unbounded), each within ±`cap`.
    void add(detail::i128 lo, std::optional<detail::i128> hi) noexcept {
        low = clamp(clamp(low) + clamp(lo)); // |each| <= 2^120: the sum fits
        if (high && hi) {
            const detail::i128 h = clamp(*high) + clamp(*hi);
            if (h > cap || h < -cap)
                high.reset();
            else
                high = h;
        } else {
            high.reset();
        }
    }
    /// @brief Adds an amount known exactly.
    void add(Money m) noexcept {
        const detail::i128 v = static_cast<detail::i128>(m.ore()) * scale; // |v| < 2^63 * 2^27
        add(v, v);
    }
    /// @brief Adds an unknown amount (no upper bound).
    void add_unknown() noexcept { high.reset(); }
    /// @brief Adds other bounds.
    void add(const Bounds& o) noexcept { add(o.low, o.high); }
};

/// @brief The parties the compensation of one contractor is weighted over
/// and their weights, or why they cannot be (unknown, incomplete).
struct WeightedParties {
    std::vector<std::size_t> parties;        ///< Party indices, in agreement order: the principals (and the contractor, when it bears a share).
    std::vector<Decimal> weights;            ///< Their weights, when `complete == yes`.
    Truth complete = Truth::unknown;         ///< Whether the key covers every party with weights not all zero.
    std::vector<std::size_t> uncovered;      ///< Parties the key does not cover.
    bool all_zero = false;                   ///< Every weight is zero.
    std::optional<Decimal> fixed_shares_sum; ///< For `fixed_shares`: the sum of the stated percentages, when it is not 100.
    std::vector<std::string> missing;        ///< Missing facts when unknown.
    std::optional<std::size_t> contractor;   ///< Index of the contractor in `parties`, when it bears a share.
};

/// @brief The economic figures of one contractor (SPEC §6): what the
/// principals pay, the full cost, their part of it and the tolerance, each
/// as bounds, with the paths of unknown facts.
struct CompensationFigures {
    Bounds payment;                   ///< Money plus valued in-kind performance.
    Bounds full_cost;                 ///< The contractor's full annual cost.
    Bounds principals_part;           ///< The principals' part of the full cost.
    Bounds tolerance;                 ///< The accepted deviation above cost.
    bool in_kind_unvalued = false;    ///< Some in-kind performance has no stated value.
    std::vector<std::string> missing; ///< Paths of unknown facts.
};

namespace detail {

/// One compensation object of a group: the agreement-level terms, or one
/// task's own terms.
struct CompensationObject {
    const Compensation* comp = nullptr; // null: not stated
    std::optional<std::size_t> task;    // per-task terms: the task
    std::span<const std::size_t> tasks; // the tasks it pays for
    [[nodiscard]] std::string path() const { return task ? "/tasks/" + std::to_string(*task) + "/compensation" : std::string{"/compensation"}; }
};

/// Calls `f(object)` for every compensation object of group `g`.
template <class F>
void for_each_compensation_object(const Context& ctx, const CompensationGroup& g, F&& f) {
    const Agreement& a = ctx.agreement();
    if (g.agreement_level) {
        f(CompensationObject{a.compensation ? &*a.compensation : nullptr, std::nullopt, g.tasks});
        return;
    }
    for (const std::size_t& t : g.tasks) {
        const auto& c = a.tasks[t].compensation;
        f(CompensationObject{c ? &*c : nullptr, t, std::span<const std::size_t>{&t, 1}});
    }
}

WeightedParties weighted_parties(const Context& ctx, const CompensationGroup& g, const CompensationObject& o);
CompensationFigures figures_of(const Context& ctx, const CompensationGroup& g, const CompensationObject& o);

} // namespace detail

/// @brief The figures of compensation group `group` of `ctx` (SPEC §6): the
/// sums over its compensation objects (from the context's cache when
/// `check()` has computed them).
[[nodiscard]] CompensationFigures compensation_figures(const Context& ctx, std::size_t group);

/// @brief One line of the report's allocation: a party's share in öre.
struct AllocationLine {
    std::size_t party = 0;                 ///< The party's index.
    Money amount{};                        ///< Its share.
    std::optional<std::size_t> contractor; ///< The contractor the line belongs to.
    bool own_share = false;                ///< The contractor's own part (it bears a share).
};

/// @brief The report's allocation (SPEC §9): per contractor, what each
/// principal pays by the key (`money_per_year` split over the principals),
/// or, when the contractor bears a share, the full cost split over every
/// weighted party (the contractor's line is its own part). Objects whose
/// amount or key is not known give no lines.
[[nodiscard]] std::vector<AllocationLine> report_allocation(const Context& ctx);

} // namespace avtal
