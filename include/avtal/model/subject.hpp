#pragma once
/// @file
/// @brief What predicates and rules are evaluated on: the checking context
/// (agreement, assessment date, threshold table, procurement exceptions) and
/// one subject type per scope (the agreement, a party, a task, a delegate,
/// a contractor's compensation, a section of the agreement text).
///
/// Subjects are small views (a context pointer and an index); they know
/// their JSON-pointer path, which is how missing facts and findings name
/// what they are about.

#include <avtal/core/date.hpp>
#include <avtal/core/predicate.hpp>
#include <avtal/core/rule.hpp>
#include <avtal/model/agreement.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace avtal {

struct TaskSubject;
struct ThresholdTable;
struct ProcurementResult;
struct CompensationFigures;

/// @brief The scope of a subject: what a finding is about.
enum class Scope : std::uint8_t {
    agreement,    ///< The agreement as a whole.
    party,        ///< One party (`/parties/i`).
    task,         ///< One task (`/tasks/i`).
    delegate,     ///< One delegation (`/delegation/delegates/i`).
    compensation, ///< One contractor's compensation (`/compensation`, or per contractor).
    clause,       ///< One section of the agreement text (`/clauses`).
};
BOOST_DESCRIBE_ENUM(Scope, agreement, party, task, delegate, compensation, clause)

/// @brief The compensation rules' unit: the economic terms of one
/// contractor, either the agreement-level `compensation` or the per-task
/// ones of the tasks it performs (summed, SPEC §6).
struct CompensationGroup {
    std::optional<std::size_t> contractor; ///< Index of the contractor party, if known.
    std::vector<std::size_t> tasks;        ///< The tasks it performs.
    bool agreement_level = true;           ///< The terms are the agreement-level `compensation`.
};

namespace detail {

/// The tasks by principal, for tests that would otherwise scan every task
/// for every principal: each (principal, task) once, with the principal's
/// share of the task when stated (the last one, as a scan would find it),
/// grouped by principal and in task order within a group; and the tasks
/// whose principals, contractor or nature are unknown, which every such test
/// must visit.
class TaskIndex {
  public:
    /// One principal of one task.
    struct Entry {
        std::string_view principal;            ///< The principal's id.
        std::size_t task = 0;                  ///< The task's index.
        std::size_t position = 0;              ///< Its (last) position in the task's `principals`.
        const PrincipalShare* share = nullptr; ///< Its (last) stated share of the task, if any.
    };
    TaskIndex() = default;
    /// Indexes the tasks of `a`: O(e) in the e principals of all tasks (a
    /// hash index of the principals and a counting sort by principal, no
    /// comparison sort of ids).
    explicit TaskIndex(const Agreement& a) {
        std::vector<Entry> scan; // in task order, then position
        for (std::size_t j = 0; j < a.tasks.size(); ++j) {
            const Task& t = a.tasks[j];
            if (t.principals)
                for (std::size_t i = 0; i < t.principals->size(); ++i) scan.push_back(Entry{(*t.principals)[i], j, i, nullptr});
            if (!t.principals || !t.contractor || (t.nature != TaskNature::service && t.nature != TaskNature::exercise_of_authority))
                irregular_.push_back(j);
        }
        // Each entry's group: its principal's, numbered in order of first appearance.
        const IdIndex first{scan, [](const Entry& e) { return e.principal; }};
        std::vector<std::size_t> group(scan.size());
        std::vector<std::string_view> names;
        for (std::size_t k = 0; k < scan.size(); ++k) {
            const std::size_t f = first.find(scan[k].principal).value_or(k);
            if (f == k) {
                group[k] = names.size();
                names.push_back(scan[k].principal);
            } else {
                group[k] = group[f];
            }
        }
        // A stable counting sort by group keeps the scan's (task, position) order within each.
        start_.assign(names.size() + 1, 0);
        for (std::size_t k = 0; k < scan.size(); ++k) ++start_[group[k] + 1];
        for (std::size_t g = 0; g < names.size(); ++g) start_[g + 1] += start_[g];
        entries_.resize(scan.size());
        {
            std::vector<std::size_t> next(start_.begin(), start_.end() - 1);
            for (std::size_t k = 0; k < scan.size(); ++k) entries_[next[group[k]]++] = scan[k];
        }
        // Each (principal, task) once, at its last position (as a scan that keeps the last match finds it).
        std::size_t kept = 0;
        for (std::size_t g = 0; g < names.size(); ++g) {
            const std::size_t lo = start_[g], hi = start_[g + 1];
            start_[g] = kept;
            for (std::size_t k = lo; k < hi; ++k)
                if (k + 1 == hi || entries_[k + 1].task != entries_[k].task) entries_[kept++] = entries_[k];
        }
        start_[names.size()] = kept;
        entries_.resize(kept);
        groups_ = IdIndex{names, [](std::string_view p) { return p; }}; // the views, copied, point into the agreement
        for (std::size_t j = 0; j < a.tasks.size(); ++j)
            if (a.tasks[j].principal_shares)
                for (const PrincipalShare& s : *a.tasks[j].principal_shares)
                    if (Entry* e = find_mutable(s.party, j)) e->share = &s;
    }
    /// The tasks that name `principal`, in task order.
    [[nodiscard]] std::span<const Entry> tasks_of(std::string_view principal) const noexcept {
        const auto g = groups_.find(principal);
        if (!g) return {};
        return std::span<const Entry>{entries_}.subspan(start_[*g], start_[*g + 1] - start_[*g]);
    }
    /// The entry of (`principal`, `task`), or null when the task does not name it.
    [[nodiscard]] const Entry* find(std::string_view principal, std::size_t task) const noexcept {
        const auto of = tasks_of(principal);
        const auto it = std::lower_bound(of.begin(), of.end(), task, [](const Entry& e, std::size_t j) { return e.task < j; });
        return it != of.end() && it->task == task ? &*it : nullptr;
    }
    /// The tasks whose principals, contractor or nature are unknown, in order.
    [[nodiscard]] const std::vector<std::size_t>& irregular() const noexcept { return irregular_; }

  private:
    Entry* find_mutable(std::string_view principal, std::size_t task) noexcept { return const_cast<Entry*>(find(principal, task)); }
    std::vector<Entry> entries_;     // grouped by principal, each group in task order
    std::vector<std::size_t> start_; // group g is entries_[start_[g], start_[g + 1])
    IdIndex groups_;                 // principal → group
    std::vector<std::size_t> irregular_;
};

/// What the direct-award test computes once per agreement (defined with the
/// test in src/law/direct_award_limit.cpp).
struct DirectAwardMemo;
/// A new, empty memo.
std::shared_ptr<DirectAwardMemo> make_direct_award_memo();

} // namespace detail

/// @brief The procurement exceptions in the order they are resolved.
using ExceptionList = std::vector<Predicate<TaskSubject>>;

/// @brief Everything a rule needs besides the agreement's own facts.
///
/// A `Context` refers to the agreement (it does not copy it): keep the
/// agreement alive and unchanged while the context, or a `Report` holding
/// it, is used (it indexes the party and task ids).
class Context {
  public:
    /// @brief A context for `agreement` assessed on `date` (default: the
    /// agreement's `assessment_date`), with a threshold table (default: the
    /// built-in one) and a list of procurement exceptions (default:
    /// `default_exceptions()`).
    explicit Context(const Agreement& agreement, std::optional<Date> date = std::nullopt, std::shared_ptr<const ThresholdTable> thresholds = nullptr,
                     std::shared_ptr<const ExceptionList> exceptions = nullptr);

    /// @brief The agreement.
    [[nodiscard]] const Agreement& agreement() const noexcept { return *agreement_; }
    /// @brief The index of the (first) party with id `id`, or `nullopt`; O(1) on average.
    [[nodiscard]] std::optional<std::size_t> party_index(std::string_view id) const noexcept { return party_ids_.find(id); }
    /// @brief The (first) party with id `id`, or null; O(1) on average.
    [[nodiscard]] const Party* find_party(std::string_view id) const noexcept {
        const auto k = party_ids_.find(id);
        return k ? &agreement_->parties[*k] : nullptr;
    }
    /// @brief The index of the (first) task with id `id`, or `nullopt`; O(1) on average.
    [[nodiscard]] std::optional<std::size_t> task_index(std::string_view id) const noexcept { return task_ids_.find(id); }
    /// @brief The tasks by principal (for tests over every task of a principal).
    [[nodiscard]] const detail::TaskIndex& tasks_by_principal() const noexcept { return tasks_by_principal_; }
    /// @brief What the direct-award test has computed for this agreement
    /// (shared by copies of the context; safe to use from several threads).
    [[nodiscard]] detail::DirectAwardMemo* direct_award_memo() const noexcept { return direct_award_memo_.get(); }
    /// @brief The assessment date (the override, else the agreement's), if any.
    [[nodiscard]] const std::optional<Date>& date() const noexcept { return date_; }
    /// @brief The threshold table.
    [[nodiscard]] const ThresholdTable& thresholds() const noexcept { return *thresholds_; }
    /// @brief The threshold table, shared.
    [[nodiscard]] const std::shared_ptr<const ThresholdTable>& thresholds_ptr() const noexcept { return thresholds_; }
    /// @brief The procurement exceptions, in resolution order.
    [[nodiscard]] const ExceptionList& exceptions() const noexcept { return *exceptions_; }
    /// @brief The procurement exceptions, shared.
    [[nodiscard]] const std::shared_ptr<const ExceptionList>& exceptions_ptr() const noexcept { return exceptions_; }
    /// @brief The contractors' compensation groups (SPEC §6).
    [[nodiscard]] const std::vector<CompensationGroup>& compensation_groups() const noexcept { return groups_; }
    /// @brief Precomputed procurement results per task, when `check()` has them.
    [[nodiscard]] std::span<const ProcurementResult> procurement() const noexcept { return procurement_; }
    /// @brief Sets the precomputed procurement results (one per task, in order).
    void set_procurement(std::span<const ProcurementResult> r) noexcept { procurement_ = r; }
    /// @brief The precomputed figures of compensation group `group`, or null.
    [[nodiscard]] const CompensationFigures* cached_figures(std::size_t group) const noexcept;
    /// @brief Sets the precomputed figures, one per compensation group.
    void set_figures(const CompensationFigures* figures) noexcept { figures_ = figures; }

  private:
    const Agreement* agreement_;
    detail::IdIndex party_ids_;
    detail::IdIndex task_ids_;
    detail::TaskIndex tasks_by_principal_;
    std::shared_ptr<detail::DirectAwardMemo> direct_award_memo_;
    std::optional<Date> date_;
    std::shared_ptr<const ThresholdTable> thresholds_;
    std::shared_ptr<const ExceptionList> exceptions_;
    std::vector<CompensationGroup> groups_;
    std::span<const ProcurementResult> procurement_;
    const CompensationFigures* figures_ = nullptr;
};

/// @brief The agreement as a whole.
struct AgreementSubject {
    const Context* ctx; ///< The context.
    /// @brief The agreement.
    [[nodiscard]] const Agreement& agreement() const noexcept { return ctx->agreement(); }
    /// @brief Its path: the document root, "".
    [[nodiscard]] static std::string path() { return {}; }
    /// @brief Its reference.
    [[nodiscard]] static SubjectRef ref() noexcept { return {Scope::agreement, 0}; }
};

namespace detail {
/// @brief What the subjects that are one element of a list (a party, a
/// task, a delegation, a compensation group) share: the context, the index,
/// the agreement and the reference in `scope`.
template <Scope scope>
struct ListedSubject {
    /// @brief The subject at `i` of its list in `c`.
    ListedSubject(const Context* c, std::size_t i) noexcept : ctx{c}, index{i} {}
    const Context* ctx; ///< The context.
    std::size_t index;  ///< Index in its list.
    /// @brief The agreement.
    [[nodiscard]] const Agreement& agreement() const noexcept { return ctx->agreement(); }
    /// @brief Its reference.
    [[nodiscard]] SubjectRef ref() const noexcept { return {scope, static_cast<std::uint32_t>(index)}; }
};
} // namespace detail

/// @brief One party of the agreement (`index` in `parties`).
struct PartySubject : detail::ListedSubject<Scope::party> {
    using ListedSubject::ListedSubject;
    /// @brief The party.
    [[nodiscard]] const Party& party() const noexcept { return ctx->agreement().parties[index]; }
    /// @brief Its path, `/parties/i`.
    [[nodiscard]] std::string path() const { return "/parties/" + std::to_string(index); }
};

/// @brief One task of the agreement (`index` in `tasks`).
struct TaskSubject : detail::ListedSubject<Scope::task> {
    using ListedSubject::ListedSubject;
    /// @brief The task.
    [[nodiscard]] const Task& task() const noexcept { return ctx->agreement().tasks[index]; }
    /// @brief Its path, `/tasks/i`.
    [[nodiscard]] std::string path() const { return "/tasks/" + std::to_string(index); }
};

/// @brief One delegation of decision power (`index` in
/// `delegation.delegates`).
struct DelegateSubject : detail::ListedSubject<Scope::delegate> {
    using ListedSubject::ListedSubject;
    /// @brief The delegation.
    [[nodiscard]] const Delegate& delegate() const noexcept { return ctx->agreement().delegation.delegates[index]; }
    /// @brief Its path, `/delegation/delegates/i`.
    [[nodiscard]] std::string path() const { return "/delegation/delegates/" + std::to_string(index); }
};

/// @brief One contractor's economic terms (`index` in
/// `ctx->compensation_groups()`).
struct CompensationSubject : detail::ListedSubject<Scope::compensation> {
    using ListedSubject::ListedSubject;
    /// @brief The group.
    [[nodiscard]] const CompensationGroup& group() const noexcept { return ctx->compensation_groups()[index]; }
    /// @brief Its path: `/compensation` for agreement-level terms, else the
    /// contractor's path `/parties/k` (or the first task's when the
    /// contractor is unknown).
    [[nodiscard]] std::string path() const {
        const auto& g = group();
        if (g.agreement_level) return "/compensation";
        if (g.contractor) return "/parties/" + std::to_string(*g.contractor);
        return g.tasks.empty() ? std::string{"/compensation"} : "/tasks/" + std::to_string(g.tasks.front()) + "/compensation";
    }
};

/// @brief One section (clause) of the agreement text, for the content rules.
struct ClauseSubject {
    const Context* ctx; ///< The context.
    Clause clause;      ///< The section.
    /// @brief The agreement.
    [[nodiscard]] const Agreement& agreement() const noexcept { return ctx->agreement(); }
    /// @brief Its path, `/clauses`.
    [[nodiscard]] static std::string path() { return "/clauses"; }
    /// @brief Its reference.
    [[nodiscard]] SubjectRef ref() const noexcept { return {Scope::clause, static_cast<std::uint32_t>(clause)}; }
};

/// @brief How AgreementSubject subjects are enumerated and rebuilt.
template <>
struct SubjectTraits<AgreementSubject> {
    /// @brief Calls `f` for every subject of this type in `ctx`.
    template <class F>
    static void for_each(const Context& ctx, F&& f) {
        f(AgreementSubject{&ctx});
    }
    /// @brief The subject that `r` refers to.
    static AgreementSubject make(const Context& ctx, SubjectRef) { return AgreementSubject{&ctx}; }
};
namespace detail {
/// @brief How a listed subject `S` is enumerated (every index below
/// `count(ctx)`) and rebuilt.
template <class S, std::size_t (*count)(const Context&)>
struct ListedTraits {
    /// @brief Calls `f` for every subject of this type in `ctx`.
    template <class F>
    static void for_each(const Context& ctx, F&& f) {
        for (std::size_t i = 0; i < count(ctx); ++i) f(S{&ctx, i});
    }
    /// @brief The subject that `r` refers to.
    static S make(const Context& ctx, SubjectRef r) { return S{&ctx, r.index}; }
};
/// @brief The number of parties.
inline std::size_t party_count(const Context& ctx) { return ctx.agreement().parties.size(); }
/// @brief The number of tasks.
inline std::size_t task_count(const Context& ctx) { return ctx.agreement().tasks.size(); }
/// @brief The number of delegations.
inline std::size_t delegate_count(const Context& ctx) { return ctx.agreement().delegation.delegates.size(); }
/// @brief The number of compensation groups.
inline std::size_t compensation_count(const Context& ctx) { return ctx.compensation_groups().size(); }
} // namespace detail

/// @brief How PartySubject subjects are enumerated and rebuilt.
template <>
struct SubjectTraits<PartySubject> : detail::ListedTraits<PartySubject, detail::party_count> {};
/// @brief How TaskSubject subjects are enumerated and rebuilt.
template <>
struct SubjectTraits<TaskSubject> : detail::ListedTraits<TaskSubject, detail::task_count> {};
/// @brief How DelegateSubject subjects are enumerated and rebuilt.
template <>
struct SubjectTraits<DelegateSubject> : detail::ListedTraits<DelegateSubject, detail::delegate_count> {};
/// @brief How CompensationSubject subjects are enumerated and rebuilt.
template <>
struct SubjectTraits<CompensationSubject> : detail::ListedTraits<CompensationSubject, detail::compensation_count> {};
/// @brief How ClauseSubject subjects are enumerated and rebuilt (a section is not enumerated: a content rule lists the sections it checks).
template <>
struct SubjectTraits<ClauseSubject> {
    /// @brief The subject that `r` refers to.
    static ClauseSubject make(const Context& ctx, SubjectRef r) { return ClauseSubject{&ctx, static_cast<Clause>(r.index)}; }
};

} // namespace avtal
