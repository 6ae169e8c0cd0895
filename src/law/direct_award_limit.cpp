// The direct-award test for one principal (SPEC §5): its value summed over
// every service task it buys from the same contractor, its share of each
// task (stated, or by the allocation key that pays for the task), its other
// direct awards of the same kind (before 2022-02-01), the months counted, and
// the dated limit of the contract's main object, with the general limit as a
// floor for every category. Values are exact rationals in öre.
#include <avtal/law/rules/exceptions.hpp>
#include <avtal/model/names.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <limits>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace avtal::detail {

namespace {

using Big = boost::multiprecision::cpp_rational;
using BigInt = boost::multiprecision::cpp_int;

std::atomic<bool> exact_only{false};             // tests: every operation on the cpp_rational path
std::atomic<std::uint64_t> fallbacks_counted{0}; // operations the 128-bit path could not hold

u128 magnitude(i128 v) { return v < 0 ? u128{0} - static_cast<u128>(v) : static_cast<u128>(v); }

u128 gcd(u128 a, u128 b) {
    while (b != 0) {
        if (a <= UINT64_MAX && b <= UINT64_MAX) { // the common case: 64-bit division
            auto x = static_cast<std::uint64_t>(a), y = static_cast<std::uint64_t>(b);
            while (y != 0) x = std::exchange(y, x % y);
            return x;
        }
        a = std::exchange(b, a % b);
    }
    return a;
}

/// a / g exactly (g > 0 divides a): no division for g = 1, a 64-bit one when both fit.
i128 quot(i128 a, i128 g) {
    if (g == 1) return a;
    if (a >= INT64_MIN && a <= INT64_MAX && g <= INT64_MAX) return static_cast<std::int64_t>(a) / static_cast<std::int64_t>(g);
    return a / g;
}

/// An exact rational value (öre, shares, months): a reduced fraction of
/// 128-bit integers (denominator > 0) while its terms fit, with checked
/// arithmetic (__builtin_*_overflow); an operation whose result the 128-bit
/// terms cannot hold is done exactly with cpp_rational instead, and the
/// value stays there. Never rounded, whichever path computes it.
class Exact {
  public:
    Exact() = default;
    Exact(std::int64_t v) : n_{v} { // NOLINT(google-explicit-constructor): an integer is an exact value
        if (exact_only.load(std::memory_order_relaxed)) big_ = Big{v};
    }
    /// a / b (b ≠ 0).
    static Exact ratio(std::int64_t a, std::int64_t b) { return Exact{a} / Exact{b}; }

    friend Exact operator+(const Exact& x, const Exact& y) {
        if (both_small(x, y)) {
            i128 l = 0, r = 0, n = 0, d = 0;
            if (x.d_ == y.d_) { // whole numbers, or one denominator: a/b + c/b
                if (!__builtin_add_overflow(x.n_, y.n_, &n)) return x.d_ == 1 ? Exact{n, 1} : reduced(n, x.d_);
            } else {
                // a/b + c/d = (a·(d/g) + c·(b/g)) / (b·(d/g)), g = gcd(b, d).
                const auto g = static_cast<i128>(gcd(static_cast<u128>(x.d_), static_cast<u128>(y.d_)));
                const i128 dg = quot(y.d_, g);
                if (!__builtin_mul_overflow(x.n_, dg, &l) && !__builtin_mul_overflow(y.n_, quot(x.d_, g), &r) && !__builtin_add_overflow(l, r, &n) &&
                    !__builtin_mul_overflow(x.d_, dg, &d))
                    return reduced(n, d);
            }
            fell_back();
        }
        return Exact{x.big() + y.big()};
    }
    friend Exact operator*(const Exact& x, const Exact& y) {
        if (both_small(x, y)) {
            i128 n = 0, d = 0;
            if (x.d_ == 1 && y.d_ == 1) { // whole numbers
                if (!__builtin_mul_overflow(x.n_, y.n_, &n)) return Exact{n, 1};
                fell_back();
                return Exact{x.big() * y.big()};
            }
            // Cross-reduced first: (a/g1)·(c/g2) / ((b/g2)·(d/g1)) is reduced.
            const auto g1 = y.d_ == 1 ? i128{1} : static_cast<i128>(gcd(magnitude(x.n_), static_cast<u128>(y.d_)));
            const auto g2 = x.d_ == 1 ? i128{1} : static_cast<i128>(gcd(magnitude(y.n_), static_cast<u128>(x.d_)));
            if (!__builtin_mul_overflow(quot(x.n_, g1), quot(y.n_, g2), &n) && !__builtin_mul_overflow(quot(x.d_, g2), quot(y.d_, g1), &d))
                return Exact{n, d};
            fell_back();
        }
        return Exact{x.big() * y.big()};
    }
    /// x / y (y ≠ 0).
    friend Exact operator/(const Exact& x, const Exact& y) {
        if (both_small(x, y) && y.n_ != std::numeric_limits<i128>::min()) {
            const Exact inverse = y.n_ < 0 ? Exact{-y.d_, -y.n_} : Exact{y.d_, y.n_};
            return x * inverse;
        }
        return Exact{x.big() / y.big()};
    }
    friend bool operator==(const Exact& x, const Exact& y) {
        if (both_small(x, y)) return x.n_ == y.n_ && x.d_ == y.d_; // reduced: one form per value
        return x.big() == y.big();
    }
    friend bool operator<(const Exact& x, const Exact& y) {
        if (both_small(x, y)) {
            if (x.d_ == y.d_) return x.n_ < y.n_;
            i128 l = 0, r = 0;
            if (!__builtin_mul_overflow(x.n_, y.d_, &l) && !__builtin_mul_overflow(y.n_, x.d_, &r)) return l < r;
            fell_back();
        }
        return x.big() < y.big();
    }
    friend bool operator>(const Exact& x, const Exact& y) { return y < x; }
    friend bool operator<=(const Exact& x, const Exact& y) { return !(y < x); }
    friend bool operator>=(const Exact& x, const Exact& y) { return !(x < y); }

    /// The value truncated toward zero, at most `cap`; `exact` tells whether nothing was cut.
    [[nodiscard]] i128 whole(i128 cap, bool* exact = nullptr) const {
        if (!big_) {
            if (exact) *exact = n_ % d_ == 0;
            return std::min(n_ / d_, cap);
        }
        const BigInt q = numerator(*big_) / denominator(*big_);
        if (exact) *exact = Big{q} == *big_;
        return q > BigInt{cap} ? cap : static_cast<i128>(q);
    }

  private:
    Exact(i128 n, i128 d) : n_{n}, d_{d} {} // already reduced, d > 0
    explicit Exact(Big b) : big_{std::move(b)} {}

    static bool both_small(const Exact& x, const Exact& y) { return !x.big_ && !y.big_ && !exact_only.load(std::memory_order_relaxed); }
    static void fell_back() { fallbacks_counted.fetch_add(1, std::memory_order_relaxed); }
    /// n / d reduced (d > 0).
    static Exact reduced(i128 n, i128 d) {
        const auto g = static_cast<i128>(gcd(magnitude(n), static_cast<u128>(d)));
        return Exact{quot(n, g), quot(d, g)};
    }
    [[nodiscard]] Big big() const { return big_ ? *big_ : Big{BigInt{n_}, BigInt{d_}}; }

    i128 n_ = 0;
    i128 d_ = 1;
    std::optional<Big> big_; // set: the value is this (n_ and d_ unused)
};

/// A value in öre as an exact interval; `high` empty when unbounded.
struct RInterval {
    Exact low{0};
    std::optional<Exact> high{Exact{0}};
    void add(const RInterval& o) {
        low = low + o.low;
        if (high && o.high)
            *high = *high + *o.high;
        else
            high.reset();
    }
};

/// Whole öre below `r` (r ≥ 0), capped to what `Money` holds.
Money floor_money(const Exact& r) { return Money::from_ore(static_cast<std::int64_t>(r.whole(INT64_MAX))); }

/// Whole öre below `r` (r ≥ 0) shown exactly, however large.
std::string display(const Exact& r, bool sv) { return Money::display_ore(r.whole(static_cast<i128>(1) << 120), sv); }

/// A share in percent with two decimals ("69,23 %" / "69.23 %"); "≈" when rounded.
std::string percent_text(const Exact& share, bool sv) {
    const Exact p = share * 10000; // hundredths of a percent
    bool exact = false;
    const auto h = static_cast<std::int64_t>(p.whole(INT64_MAX, &exact));
    std::string frac = std::to_string(h % 100);
    if (frac.size() < 2) frac.insert(0, "0");
    std::string out = std::to_string(h / 100);
    if (frac != "00") out += (sv ? "," : ".") + frac;
    return (exact ? "" : "≈") + out + " %";
}

const Date reform_2022{std::chrono::year{2022}, std::chrono::month{2}, std::chrono::day{1}};

bool before_2022_reform(const Date& d) { return std::chrono::sys_days{d} < std::chrono::sys_days{reform_2022}; }

/// The paragraph of LOU that sets the limit of `c` on `d`.
std::string limit_paragraph(Category c, const Date& d) {
    if (before_2022_reform(d)) return c == Category::welfare ? "19 kap. LOU" : "19 kap. 7 § LOU";
    return c == Category::general ? "19 a kap. 2 § LOU" : "19 a kap. LOU";
}

/// Who pays for task `j` and how much of it: the weights of the task's
/// principals under the allocation key of the compensation that pays for it
/// (the task's own, else the agreement's), or the missing facts.
struct KeyShares {
    std::vector<std::int64_t> weights; // aligned with the task's principals, when the shares are known
    Exact sum{0};                      // their sum (not zero when known)
    std::vector<std::string> missing;  // why not
    std::string path;                  // the compensation object read
    std::optional<AllocationKey> key;  // its key
    [[nodiscard]] bool known() const noexcept { return !weights.empty(); }
    /// The share of the principal at `pos` among the task's principals.
    [[nodiscard]] Exact share(std::size_t pos) const { return Exact{weights[pos]} / sum; }
};

/// The weights of an allocation key by party, sorted: the last weight given
/// for a party found in O(log w), as a scan that keeps the last match finds it.
class WeightIndex {
  public:
    explicit WeightIndex(const std::vector<Weight>& weights) {
        by_party_.reserve(weights.size());
        for (std::size_t i = 0; i < weights.size(); ++i) by_party_.emplace_back(weights[i].party, i);
        std::sort(by_party_.begin(), by_party_.end());
        weights_ = &weights;
    }
    [[nodiscard]] const Weight* find(std::string_view party) const {
        auto it = std::upper_bound(by_party_.begin(), by_party_.end(), std::pair<std::string_view, std::size_t>{party, SIZE_MAX});
        if (it == by_party_.begin() || (--it)->first != party) return nullptr;
        return &(*weights_)[it->second];
    }

  private:
    std::vector<std::pair<std::string_view, std::size_t>> by_party_;
    const std::vector<Weight>* weights_ = nullptr;
};

} // namespace

/// What the direct-award test has computed once per agreement: each task's
/// shares by key, each allocation key's weight index, and the sums over the
/// tasks of a principal bought from one contractor (for a task whose own
/// facts are complete, which counts like any other task), so that a
/// principal named by k tasks costs O(k) once, not once per task (which
/// would be O(k²)). Guarded by a mutex: a report may be rendered from
/// several threads. Entries are never changed once inserted.
struct DirectAwardMemo {
    /// What the tasks that can count for one principal add up to, per category.
    struct Sums {
        std::array<RInterval, 4> bins{};  // general, social, welfare, unknown category
        bool unknown_category = false;    // a task's category is unknown
        std::vector<Text> notes;          // recorded notes (when recorded)
        std::vector<std::string> missing; // recorded missing facts (when recorded)
    };
    std::mutex mutex;
    std::map<std::size_t, KeyShares> shares;                                     // by task
    std::map<const std::vector<Weight>*, WeightIndex> weights;                   // by weight list
    std::map<std::tuple<std::string, std::string, int>, Sums, std::less<>> sums; // by (principal, contractor, what is recorded)
};

std::shared_ptr<DirectAwardMemo> make_direct_award_memo() { return std::make_shared<DirectAwardMemo>(); }

void direct_award_exact_only(bool on) noexcept { exact_only.store(on, std::memory_order_relaxed); }

std::uint64_t direct_award_fallbacks() noexcept { return fallbacks_counted.load(std::memory_order_relaxed); }

namespace {

const WeightIndex& weight_index(DirectAwardMemo& memo, const std::vector<Weight>& weights) {
    {
        const std::lock_guard lock{memo.mutex};
        if (const auto it = memo.weights.find(&weights); it != memo.weights.end()) return it->second;
    }
    WeightIndex index{weights};
    const std::lock_guard lock{memo.mutex};
    return memo.weights.emplace(&weights, std::move(index)).first->second;
}

KeyShares compute_shares_by_key(const Context& ctx, DirectAwardMemo& memo, std::size_t j) {
    const Agreement& a = ctx.agreement();
    KeyShares ks;
    const Task& tj = a.tasks[j];
    const Compensation* comp = nullptr;
    if (tj.compensation) {
        comp = &*tj.compensation;
        ks.path = "/tasks/" + std::to_string(j) + "/compensation";
    } else if (a.compensation) {
        comp = &*a.compensation;
        ks.path = "/compensation";
    } else {
        ks.missing.push_back("/tasks/" + std::to_string(j) + "/principal_shares");
        return ks;
    }
    if (!comp->allocation || !comp->allocation->key) {
        ks.missing.push_back(ks.path + (comp->allocation ? "/allocation/key" : "/allocation"));
        return ks;
    }
    ks.key = comp->allocation->key;
    const auto& ps = *tj.principals;
    const WeightIndex* index = comp->allocation->weights ? &weight_index(memo, *comp->allocation->weights) : nullptr;
    std::vector<std::int64_t> w;
    w.reserve(ps.size());
    for (const auto& id : ps) {
        if (!index) {
            if (*ks.key != AllocationKey::population) {
                ks.missing.push_back(ks.path + "/allocation/weights");
                return ks;
            }
            const auto k = ctx.party_index(id);
            if (!k || !a.parties[*k].population) {
                ks.missing.push_back(k ? "/parties/" + std::to_string(*k) + "/population" : ks.path + "/allocation/weights");
                continue;
            }
            w.push_back(*a.parties[*k].population);
        } else {
            const Weight* found = index->find(id);
            if (!found) {
                // The key does not cover this principal: it cannot give the shares.
                ks.missing.push_back(ks.path + "/allocation/weights");
                ks.missing.push_back("/tasks/" + std::to_string(j) + "/principal_shares");
                return ks;
            }
            w.push_back(found->weight.units());
        }
    }
    if (!ks.missing.empty()) return ks;
    Exact sum{0};
    for (const auto x : w) sum = sum + x;
    if (sum == 0) {
        ks.missing.push_back("/tasks/" + std::to_string(j) + "/principal_shares");
        return ks;
    }
    ks.weights = std::move(w);
    ks.sum = std::move(sum);
    return ks;
}

/// The shares of task `j` by key, computed once per task.
const KeyShares& shares_by_key(const Context& ctx, DirectAwardMemo& memo, std::size_t j) {
    {
        const std::lock_guard lock{memo.mutex};
        if (const auto it = memo.shares.find(j); it != memo.shares.end()) return it->second;
    }
    KeyShares ks = compute_shares_by_key(ctx, memo, j);
    const std::lock_guard lock{memo.mutex};
    return memo.shares.emplace(j, std::move(ks)).first->second;
}

Text key_text(const std::optional<AllocationKey>& k) {
    if (!k) return tx("okänd nyckel", "unknown key");
    switch (*k) {
    case AllocationKey::population: return tx("invånarantal", "population");
    case AllocationKey::fixed_shares: return tx("fasta andelar", "fixed shares");
    case AllocationKey::usage: return tx("nyttjande", "usage");
    case AllocationKey::personnel_cost_share: break;
    }
    return tx("andel av personalkostnaderna", "share of personnel costs");
}

/// The limit of `row` as a rational in öre, and the tests against it.
struct LimitTest {
    const ThresholdRow* row = nullptr;
    [[nodiscard]] Exact limit() const { return Exact{row->amount.ore()}; }
    [[nodiscard]] bool within(const RInterval& v) const { return v.high && (row->inclusive ? *v.high <= limit() : *v.high < limit()); }
    [[nodiscard]] bool beyond(const RInterval& v) const { return row->inclusive ? v.low > limit() : v.low >= limit(); }
};

/// What the tasks that can count for `principal` add up to, per category
/// (the scan of the direct-award test), with its notes and missing facts in `t`.
DirectAwardMemo::Sums sum_tasks(const TaskSubject& s, DirectAwardMemo& memo, const std::string& principal, const std::string& name,
                                const MonthsInterval& months, Trace& t) {
    const Agreement& a = s.agreement();
    const Task& self = s.task();
    DirectAwardMemo::Sums out;
    // The tasks that can count for this principal: those that name it and
    // those whose principals, contractor or nature are unknown (in task
    // order, as a scan of every task would visit them, with the same missing
    // facts); every task when this task's own contractor is unknown.
    // O(k + log n) per principal for its k tasks, not O(n).
    const TaskIndex& index = s.ctx->tasks_by_principal();
    const auto named = index.tasks_of(principal);
    const auto& irregular = index.irregular();
    std::size_t in_named = 0, in_irregular = 0, in_all = 0;
    const TaskIndex::Entry* entry = nullptr; // the principal's entry of the task visited, when it names it
    const auto next_task = [&]() -> std::optional<std::size_t> {
        if (!self.contractor) {
            if (in_all == a.tasks.size()) return std::nullopt;
            entry = index.find(principal, in_all);
            return in_all++;
        }
        const std::size_t x = in_named < named.size() ? named[in_named].task : SIZE_MAX;
        const std::size_t y = in_irregular < irregular.size() ? irregular[in_irregular] : SIZE_MAX;
        if (x == SIZE_MAX && y == SIZE_MAX) return std::nullopt;
        const std::size_t j = std::min(x, y);
        entry = x == j ? &named[in_named] : nullptr;
        in_named += x == j;
        in_irregular += y == j;
        return j;
    };
    for (auto next = next_task(); next; next = next_task()) {
        const std::size_t j = *next;
        const Task& tj = a.tasks[j];
        bool certain = true;
        if (j != s.index) {
            if (tj.nature == TaskNature::exercise_of_authority) continue;
            if (tj.contractor != self.contractor) {
                // A task whose contractor (or this task's) is unknown may be
                // bought from the same contractor: upper bound only.
                if (tj.contractor && self.contractor) continue;
                certain = false;
                t.missing("/tasks/" + std::to_string(tj.contractor ? s.index : j) + "/contractor");
            }
            // A task of unknown nature may be a service: upper bound only.
            if (tj.nature != TaskNature::service) {
                certain = false;
                t.missing("/tasks/" + std::to_string(j) + "/nature");
            }
        }
        // Is the principal a buyer of task j, and with what share?
        Exact share_low{0};
        std::optional<Exact> share_high{Exact{0}};
        if (!tj.principals) {
            if (j == s.index) continue;
            certain = false;
            share_high = Exact{1};
            t.missing("/tasks/" + std::to_string(j) + "/principals");
        } else {
            if (!entry) continue;
            const std::size_t pos = entry->position;
            if (tj.principals->size() == 1) {
                share_low = 1;
                share_high = Exact{1};
            } else {
                const PrincipalShare* found = entry->share;
                if (found) {
                    share_low = Exact::ratio(found->share.units(), hundred_percent.units());
                    share_high = share_low;
                } else {
                    // Not stated: what the principal pays for the task by the
                    // key of the compensation that pays for it (SPEC §5).
                    const KeyShares& ks = shares_by_key(*s.ctx, memo, j);
                    if (ks.known()) {
                        share_low = ks.share(pos);
                        share_high = share_low;
                        t.note([&] {
                            const Text k = key_text(ks.key);
                            return tx(name + ": andel av uppgiften «" + tj.id + "» " + percent_text(share_low, true) +
                                          ", det parten betalar för den enligt fördelningsnyckeln (" + k.sv + ") i " + ks.path +
                                          " bland uppgiftens uppdragsgivare (principal_shares anges inte).",
                                      name + ": share of task «" + tj.id + "» " + percent_text(share_low, false) +
                                          ", what the party pays for it by the allocation key (" + k.en + ") in " + ks.path +
                                          " among the task's principals (principal_shares not stated).");
                        });
                    } else {
                        // The key cannot give the share: between nothing and the whole task.
                        share_low = 0;
                        share_high = Exact{1};
                        t.missing("/tasks/" + std::to_string(j) + "/principal_shares");
                        for (const auto& m : ks.missing) t.missing(m);
                    }
                }
            }
        }
        RInterval v;
        if (tj.annual_value) {
            const Exact annual{tj.annual_value->ore()};
            v.low = certain ? annual * share_low * months.low / 12 : Exact{0};
            if (share_high && months.high)
                v.high = annual * *share_high * *months.high / 12;
            else
                v.high.reset();
        } else {
            t.missing("/tasks/" + std::to_string(j) + "/annual_value");
            v.high.reset();
        }
        std::size_t bin = 3;
        if (tj.category)
            bin = static_cast<std::size_t>(*tj.category);
        else {
            out.unknown_category = true;
            t.missing("/tasks/" + std::to_string(j) + "/category");
        }
        out.bins[bin].add(v);
    }
    return out;
}

} // namespace

Truth direct_award_for_principal(const TaskSubject& s, const std::string& principal, Trace& t, std::vector<DirectAwardLine>* lines) {
    const Agreement& a = s.agreement();
    const Task& self = s.task();
    const auto& date = s.ctx->date();
    if (!date) {
        t.note([] { return tx("Bedömningsdatum saknas: beloppsgränsen kan inte väljas.", "No assessment date: the limit cannot be chosen."); });
        return t.unknown([] { return std::string{"/assessment_date"}; });
    }
    const MonthsInterval months = counted_months(a, t);
    const Party* party = s.ctx->find_party(principal);
    const std::string& name = party && !party->name.empty() ? party->name : principal;
    DirectAwardMemo& memo = *s.ctx->direct_award_memo();
    // A task whose own contractor, nature and principals are known counts
    // like any other task, so the sums depend only on the principal and the
    // contractor: computed once when the principal has many tasks to scan.
    const TaskIndex& index = s.ctx->tasks_by_principal();
    const bool regular = self.contractor && self.nature == TaskNature::service && self.principals;
    const bool many = index.tasks_of(principal).size() + index.irregular().size() >= 8;
    DirectAwardMemo::Sums computed;
    const DirectAwardMemo::Sums* sums = &computed;
    if (regular && many) {
        // Recorded: nothing (0), the missing facts (1) or notes too (2).
        const int record = !t.active() ? 0 : t.full() ? 2 : 1;
        auto key = std::make_tuple(principal, *self.contractor, record);
        {
            const std::lock_guard lock{memo.mutex};
            if (const auto it = memo.sums.find(key); it != memo.sums.end()) sums = &it->second;
        }
        if (sums == &computed) {
            Explanation scratch;
            Trace recording = record == 2 ? Trace{scratch} : record == 1 ? Trace::facts_only(scratch) : Trace{};
            computed = sum_tasks(s, memo, principal, name, months, recording);
            computed.notes = std::move(scratch.notes);
            computed.missing = std::move(scratch.missing);
            const std::lock_guard lock{memo.mutex};
            sums = &memo.sums.emplace(std::move(key), std::move(computed)).first->second;
        }
        for (const Text& n : sums->notes) t.note([&] { return n; });
        for (const std::string& m : sums->missing) t.missing(m);
    } else {
        computed = sum_tasks(s, memo, principal, name, months, t);
    }
    std::array<RInterval, 4> bins = sums->bins;
    const bool unknown_category = sums->unknown_category;
    // Other direct awards of the same kind in the financial year: added before
    // 2022-02-01 (LOU 19 kap.); from then on 5 kap. governs the value (19 a kap. 1 §).
    if (party && party->other_direct_awards_same_kind) {
        const OtherDirectAwards& o = *party->other_direct_awards_same_kind;
        if (before_2022_reform(*date)) {
            RInterval v;
            v.low = Exact{o.amount.ore()};
            v.high = v.low;
            bins[static_cast<std::size_t>(o.category)].add(v);
            t.note([&] {
                return tx(name + ": övriga direktupphandlingar av samma slag under räkenskapsåret, " + o.amount.display(true) +
                              ", räknas in i värdet (19 kap. LOU i lydelse före 2022-02-01).",
                          name + ": other direct awards of the same kind in the financial year, " + o.amount.display(false) +
                              ", are added to the value (LOU chapter 19 as in force before 2022-02-01).");
            });
        } else {
            t.note([&] {
                return tx(name + ": övriga direktupphandlingar av samma slag (" + o.amount.display(true) +
                              ") räknas inte in: från 2022-02-01 beräknas värdet enligt 5 kap. (19 a kap. 1 § LOU).",
                          name + ": other direct awards of the same kind (" + o.amount.display(false) +
                              ") are not added: from 2022-02-01 the value is calculated under chapter 5 (LOU 19 a kap. 1 §).");
            });
        }
    } else if (before_2022_reform(*date)) {
        t.note([&] {
            return tx(name + ": värdet ska också räknas samman med partens övriga direktupphandlingar av samma slag under räkenskapsåret "
                             "(19 kap. LOU i lydelse före 2022-02-01), vilket avtalet inte anger (other_direct_awards_same_kind).",
                      name + ": the value must also be added to the party's other direct awards of the same kind in the financial year "
                             "(LOU chapter 19 as in force before 2022-02-01), which the agreement does not state (other_direct_awards_same_kind).");
        });
    }
    RInterval total;
    for (const auto& b : bins) total.add(b);
    const auto present = [](const RInterval& b) { return b.low > 0 || !b.high || *b.high > 0; };
    // Candidate categories for the main object (the category of the larger value).
    std::array<bool, 3> candidate{};
    if (unknown_category) {
        candidate = {true, true, true};
    } else {
        std::optional<Exact> best_low;
        for (std::size_t c = 0; c < 3; ++c)
            if (present(bins[c]) && (!best_low || bins[c].low > *best_low)) best_low = bins[c].low;
        bool any = false;
        for (std::size_t c = 0; c < 3; ++c) {
            candidate[c] = present(bins[c]) && (!bins[c].high || *bins[c].high >= *best_low);
            any = any || candidate[c];
        }
        if (!any) {
            // Every value is zero: the task's own category decides.
            if (self.category)
                candidate[static_cast<std::size_t>(*self.category)] = true;
            else
                candidate = {true, true, true};
        }
    }
    // Several candidates because values tie exactly (all known): the main
    // object cannot be told, so the exception must hold under each of them
    // (the stricter limit decides). Because values are uncertain: the
    // answer is known only where all candidates agree.
    bool exact = !unknown_category;
    for (std::size_t c = 0; c < 3 && exact; ++c) exact = !candidate[c] || (bins[c].high && *bins[c].high == bins[c].low);

    // The notes are built only when an explanation is asked for, and then by
    // appending to one string per language (no temporaries per piece).
    const auto append_value = [&](std::string& o, bool sv) {
        if (total.high && *total.high == total.low) {
            o += display(total.low, sv);
        } else if (total.high) {
            o += display(total.low, sv);
            o += "–";
            o += display(*total.high, sv);
        } else {
            o += sv ? "minst " : "at least ";
            o += display(total.low, sv);
        }
    };
    const auto append_months = [&](std::string& o, bool sv) {
        o += std::to_string(months.low);
        if (months.high != months.low) {
            if (months.high) {
                o += "–";
                o += std::to_string(*months.high);
            } else {
                o += sv ? " eller fler" : " or more";
            }
        }
        o += sv ? " månader" : " months";
        o += months.indefinite ? (sv ? ", eftersom avtalet gäller tills vidare eller saknar angiven avtalstid"
                                     : ", as the agreement runs until further notice or states no term")
                               : (sv ? " inkl. förlängning" : " incl. extensions");
    };
    // The note for a limit: "NAME: value V (M) does not exceed / is below … the limit L for C (…)".
    const auto limit_note = [&](const ThresholdRow& row, Category cat, Truth v, bool floor) {
        t.note([&] {
            const std::string from = format_date(row.valid_from);
            const std::string to = row.valid_to ? format_date(*row.valid_to) : std::string{};
            // How the value stands to the limit, {Swedish, English}, by
            // [the limit is inclusive][v: yes, no, unknown].
            static constexpr std::array<std::array<std::array<const char*, 2>, 3>, 2> verbs{{
                {{{"understiger", "is below"}, {"understiger inte", "is not below"}, {"understiger kanske inte", "may not be below"}}},
                {{{"överstiger inte", "does not exceed"}, {"överstiger", "exceeds"}, {"överstiger kanske", "may exceed"}}},
            }};
            const auto& verb = verbs[row.inclusive ? 1 : 0][v == Truth::yes ? 0 : v == Truth::no ? 1 : 2];
            const std::string para = limit_paragraph(cat, *date);
            const Text category = name_of(cat);
            // The words of the note in each language, [0] English, [1] Swedish.
            struct Words {
                const char *value, *counted, *limit, *for_category, *floor, *in_force, *until, *open, *inclusive, *exclusive, *source;
            };
            static constexpr std::array<Words, 2> words{{
                {": the value ", " (counted over ", " the limit ", " for ", ", which applies to every category", " (in force ", " to ", "open",
                 "the value may be at most the amount", "the EU threshold, the value must be below the amount", "; source: "},
                {": värdet ", " (räknat på ", " gränsen ", " för ", ", som gäller för alla kategorier", " (gäller ", "–", "tills vidare",
                 "värdet får uppgå till högst beloppet", "EU:s tröskelvärde, värdet ska understiga beloppet", "; källa: "},
            }};
            const auto write = [&](std::string& note, bool sv) {
                const Words& w = words[sv ? 1 : 0];
                note.reserve(384 + name.size() + row.source.size());
                note += name;
                note += w.value;
                append_value(note, sv);
                note += w.counted;
                append_months(note, sv);
                note += ") ";
                note += verb[sv ? 0 : 1];
                note += w.limit;
                note += row.amount.display(sv);
                note += w.for_category;
                note += sv ? category.sv : category.en;
                if (floor) note += w.floor;
                note += w.in_force;
                note += from;
                note += w.until;
                note += row.valid_to ? to : std::string_view{w.open};
                note += "; ";
                note += row.inclusive ? w.inclusive : w.exclusive;
                note += "; ";
                note += para;
                note += w.source;
                note += row.source;
                note += ").";
            };
            // Only the language read, when the writer reads one (ExplainIn).
            Text out;
            if (Trace::wants(Lang::sv)) write(out.sv, true);
            if (Trace::wants(Lang::en)) write(out.en, false);
            return out;
        });
    };

    const auto line = [&](Category cat, const ThresholdRow* row, Truth within) {
        if (!lines) return;
        lines->push_back(DirectAwardLine{principal, floor_money(total.low), total.high ? std::optional{floor_money(*total.high)} : std::nullopt,
                                         months.low, months.high, months.indefinite, cat, row, within});
    };
    // The general limit is a floor for every category (LOU 19 a kap. 2 §;
    // 19 kap. 7 § before 2022-02-01): within it, no other row is needed.
    const ThresholdRow* general_row = s.ctx->thresholds().find(direct_award_limit, Category::general, *date);
    if (general_row && LimitTest{general_row}.within(total)) {
        const bool only_general = !candidate[1] && !candidate[2];
        limit_note(*general_row, Category::general, Truth::yes, !only_general);
        line(Category::general, general_row, Truth::yes);
        return Truth::yes;
    }
    Truth result = Truth::unknown;
    bool first = true;
    for (std::size_t c = 0; c < 3; ++c) {
        if (!candidate[c]) continue;
        const auto cat = static_cast<Category>(c);
        const ThresholdRow* row = cat == Category::general ? general_row : s.ctx->thresholds().find(direct_award_limit, cat, *date);
        Truth v = Truth::unknown;
        if (!row) {
            t.missing("/thresholds/direct_award_limit/" + std::string{to_string(cat)} + "/" + format_date(*date));
            t.note([&] {
                return tx("Ingen bekräftad direktupphandlingsgräns för " + name_of(cat).sv + " den " + format_date(*date) + ".",
                          "No confirmed direct-award limit for " + name_of(cat).en + " on " + format_date(*date) + ".");
            });
            if (general_row && cat != Category::general)
                limit_note(*general_row, Category::general, LimitTest{general_row}.beyond(total) ? Truth::no : Truth::unknown, true);
            line(cat, nullptr, Truth::unknown);
        } else {
            const LimitTest lt{row};
            const bool beyond_floor = !general_row || cat == Category::general || LimitTest{general_row}.beyond(total);
            v = lt.within(total) ? Truth::yes : (lt.beyond(total) && beyond_floor) ? Truth::no : Truth::unknown;
            limit_note(*row, cat, v, false);
            line(cat, row, v);
            // 2019–2021 the welfare services of bilaga 2 a, a part of the
            // social services, had a higher limit of their own: say so when
            // that limit would decide, without assuming the service is one.
            const ThresholdRow* welfare_row = cat == Category::social_and_other_specific && v != Truth::yes && before_2022_reform(*date)
                                                  ? s.ctx->thresholds().find(direct_award_limit, Category::welfare, *date)
                                                  : nullptr;
            if (welfare_row && welfare_row->amount > row->amount && !LimitTest{welfare_row}.beyond(total))
                t.note([&] {
                    return tx(name + ": om tjänsten är en välfärdstjänst (bilaga 2 a till LOU) gäller i stället gränsen " +
                                  welfare_row->amount.display(true) + " (" + limit_paragraph(Category::welfare, *date) +
                                  "; källa: " + welfare_row->source + "); ange då kategorin välfärdstjänster (category: welfare).",
                              name + ": if the service is a welfare service (LOU annex 2 a), the limit is " + welfare_row->amount.display(false) +
                                  " instead (" + limit_paragraph(Category::welfare, *date) + "; source: " + welfare_row->source +
                                  "); then state the category welfare.");
                });
        }
        if (first) {
            result = v;
            first = false;
        } else if (exact) {
            result = result && v;
        } else if (result != v) {
            result = Truth::unknown;
        }
    }
    return result;
}

bool some_share_beyond_limit(const TaskSubject& s) {
    const Task& task = s.task();
    const auto& date = s.ctx->date();
    if (task.principal_shares || !task.principals || task.principals->size() < 2 || !task.annual_value || !task.category || !date) return false;
    const ThresholdRow* row = s.ctx->thresholds().find(direct_award_limit, *task.category, *date);
    if (!row) return false;
    const ThresholdRow* general_row = s.ctx->thresholds().find(direct_award_limit, Category::general, *date);
    Trace quiet;
    const MonthsInterval months = counted_months(s.agreement(), quiet);
    // The largest part of n is at least the whole over n.
    RInterval part;
    part.low = Exact{task.annual_value->ore()} * months.low / 12 / static_cast<std::int64_t>(task.principals->size());
    part.high.reset();
    return LimitTest{row}.beyond(part) && (!general_row || LimitTest{general_row}.beyond(part));
}

} // namespace avtal::detail
