#pragma once
/// @file
/// @brief Predicates as values: named, cited, explainable functions
/// `Subject -> Truth`, composed with `&&`, `||`, `!`, `all_of`, `any_of`
/// and `when`.
///
/// Evaluation has two faces. `p(subject)` answers the truth value only,
/// short-circuiting and allocating nothing; it is what `check()` runs.
/// `p.explain(subject)` builds the explanation tree: every node with its id,
/// Swedish and English text, citation, value, the facts that were missing
/// and its children. Explanations are materialised only when asked for,
/// from the same predicate, so the fast answer and the explained answer can
/// never disagree.

#include <avtal/core/text.hpp>
#include <avtal/core/truth.hpp>

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace avtal {

/// @brief The name of a predicate: a stable id, its text in both languages
/// and its legal source.
struct PredicateInfo {
    std::string id;       ///< Stable id, e.g. `"hamburg.open_market_share"`.
    Text text;            ///< What the predicate asserts, in both languages.
    std::string citation; ///< Statute, case or guidance it rests on (may be empty for plain combinators).
};

/// @brief One node of an explanation tree: why a predicate answered as it did.
struct Explanation {
    std::string id;                    ///< The predicate's id.
    Text text;                         ///< What the predicate asserts.
    std::string citation;              ///< Its source.
    Truth value = Truth::unknown;      ///< Its answer for the subject.
    std::vector<std::string> missing;  ///< For an unknown answer: the paths of the missing facts.
    std::vector<Text> notes;           ///< Details (amounts compared, reasons) in both languages.
    std::vector<Explanation> children; ///< The sub-predicates' explanations.
    /// @brief The predicate whose id, text and citation these are when they
    /// were not copied (built under an `ExplainIn`; `id`, `text` and
    /// `citation` are then empty): read them by `shown_id()`,
    /// `shown_text()` and `shown_citation()`, while the predicate lives.
    const PredicateInfo* info = nullptr;

    /// @brief The predicate's id: `id`, or `info`'s when it was not copied.
    [[nodiscard]] const std::string& shown_id() const noexcept { return info ? info->id : id; }
    /// @brief What the predicate asserts: `text`, or `info`'s.
    [[nodiscard]] const Text& shown_text() const noexcept { return info ? info->text : text; }
    /// @brief Its source: `citation`, or `info`'s.
    [[nodiscard]] const std::string& shown_citation() const noexcept { return info ? info->citation : citation; }
};

template <class Subject>
class Predicate;

namespace detail {

/// The positions of distinct paths in a vector, found by their hash: open
/// addressing in one array, so that indexing 10⁵ paths costs no allocation
/// per path (a node-based hash table spent most of a large check in malloc).
class PathIndex {
  public:
    /// Forgets every position.
    void clear() noexcept {
        slots_.clear();
        count_ = 0;
    }
    /// Whether `path` is not among the indexed paths of `paths`; if not, it
    /// is recorded at position `pos` (where the caller then puts it).
    bool add(const std::vector<std::string>& paths, std::string_view path, std::size_t pos) {
        if (2 * (count_ + 1) > slots_.size()) grow();
        const std::size_t h = std::hash<std::string_view>{}(path);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& s = slots_[i];
            if (s.pos == 0) {
                s = Slot{h, pos + 1};
                ++count_;
                return true;
            }
            if (s.hash == h && paths[s.pos - 1] == path) return false;
        }
    }

  private:
    struct Slot {
        std::size_t hash = 0;
        std::size_t pos = 0; // the position + 1; 0 when empty
    };
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 64 : 2 * old.size(), Slot{});
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& s : old) {
            if (s.pos == 0) continue;
            std::size_t i = s.hash & mask;
            while (slots_[i].pos != 0) i = (i + 1) & mask;
            slots_[i] = s;
        }
    }
    std::vector<Slot> slots_;
    std::size_t count_ = 0;
};

} // namespace detail

namespace detail {
/// The one language the explanations built on this thread are read in (set
/// by `ExplainIn`); none: both.
inline thread_local std::optional<Lang> explain_language;
} // namespace detail

/// @brief While it lives, the explanations built on this thread are read in
/// `lang` only: a note may leave its text in the other language empty (see
/// `Trace::wants`), and a node's id, text and citation are not copied from
/// its predicate (`Explanation::info`; read them by `shown_id()` and the
/// like). A writer of one language holds one around the `explain` calls
/// whose trees it writes, and writes them while the predicates live.
class ExplainIn {
  public:
    /// @brief Explanations on this thread are read in `lang` until destroyed.
    explicit ExplainIn(Lang lang) noexcept : previous_{detail::explain_language} { detail::explain_language = lang; }
    ExplainIn(const ExplainIn&) = delete;
    ExplainIn& operator=(const ExplainIn&) = delete;
    /// @brief Restores the languages read before.
    ~ExplainIn() { detail::explain_language = previous_; }

  private:
    std::optional<Lang> previous_;
};

/// @brief What a predicate function may report besides its answer: the facts
/// it found missing and notes for the explanation.
///
/// A `Trace` is inactive on the fast path (`Predicate::operator()`): every
/// call is then a no-op, and the lambdas that would build paths or notes are
/// never invoked. A trace made by `facts_only` records the missing facts but
/// no notes and no children (`Predicate::facts`, what a finding keeps).
class Trace {
  public:
    /// @brief An inactive trace (the fast path).
    Trace() noexcept = default;
    /// @brief A trace writing into the explanation node `node`.
    explicit Trace(Explanation& node) noexcept : node_{&node} {}
    /// @brief A trace writing only the missing facts into `node`: notes and
    /// children are not built.
    [[nodiscard]] static Trace facts_only(Explanation& node) noexcept {
        Trace t{node};
        t.facts_only_ = true;
        return t;
    }

    /// @brief Whether an explanation (or its missing facts) is being built.
    [[nodiscard]] bool active() const noexcept { return node_ != nullptr; }

    /// @brief Whether notes and children are recorded: a whole explanation,
    /// not only its missing facts.
    [[nodiscard]] bool full() const noexcept { return node_ != nullptr && !facts_only_; }

    /// @brief Whether a note's text in `lang` is read: false only for the
    /// other language while an `ExplainIn` is active (a note that is costly
    /// to build may then leave that language empty). Not for notes kept
    /// beyond the explanation (a memo shared by explanations in either
    /// language).
    [[nodiscard]] static bool wants(Lang lang) noexcept { return !detail::explain_language || *detail::explain_language == lang; }

    /// @brief `p.explain(s)` for a full trace, `p.facts(s)` for a trace of
    /// missing facts only (a predicate function that evaluates another
    /// predicate itself asks for what this trace records).
    template <class S>
    [[nodiscard]] Explanation explain(const Predicate<S>& p, const S& s) const;

    /// @brief Records a missing fact (a JSON-pointer-like path such as
    /// `/tasks/0/hamburg/open_market_share_percent`) and returns
    /// `Truth::unknown`. `path` is a callable returning `std::string`,
    /// invoked only when the trace is active.
    template <class PathFn>
    requires std::is_invocable_r_v<std::string, PathFn&> Truth unknown(PathFn&& path) {
        if (node_) add_missing(std::forward<PathFn>(path)());
        return Truth::unknown;
    }

    /// @brief Records a missing fact given as a ready path.
    void missing(std::string path) {
        if (node_) add_missing(std::move(path));
    }

    /// @brief `unknown(path)` for a path the node cannot have yet: the
    /// caller records only distinct paths of its own (one per task, say),
    /// so no look through the node's paths is needed (a rule over 10⁵ tasks
    /// spent a tenth of its check looking).
    template <class PathFn>
    requires std::is_invocable_r_v<std::string, PathFn&> Truth unknown_distinct(PathFn&& path) {
        if (node_) node_->missing.push_back(std::forward<PathFn>(path)());
        return Truth::unknown;
    }

    /// @brief Records the missing facts of a sub-explanation (distinct
    /// paths, as every explanation's are): taken whole when the node has
    /// none yet, else each unless the node has it.
    void missing_all(std::vector<std::string>&& paths) {
        if (!node_) return;
        if (node_->missing.empty()) {
            node_->missing = std::move(paths);
            index_.clear();
            indexed_ = 0;
            return;
        }
        for (auto& m : paths) add_missing(std::move(m));
    }
    /// @brief The same, copying the paths.
    void missing_all(const std::vector<std::string>& paths) {
        if (!node_) return;
        if (node_->missing.empty()) {
            node_->missing = paths;
            index_.clear();
            indexed_ = 0;
            return;
        }
        for (const auto& m : paths) add_missing(m);
    }

    /// @brief Adds a note built by `make` (a callable returning `Text`),
    /// invoked only when the trace is active.
    template <class NoteFn>
    requires std::is_invocable_r_v<Text, NoteFn&>
    void note(NoteFn&& make) {
        if (node_ && !facts_only_) node_->notes.push_back(std::forward<NoteFn>(make)());
    }

    /// @brief Attaches a finished sub-explanation (when a predicate function
    /// evaluates other predicates itself).
    void child(Explanation e) {
        if (node_ && !facts_only_) node_->children.push_back(std::move(e));
    }

  private:
    /// Adds `path` unless the node has it: a linear look for a few paths,
    /// a hash index of the node's paths beyond that (a rule over 10⁵ tasks
    /// can miss 10⁵ facts, which a linear look would make quadratic).
    void add_missing(std::string path) {
        auto& missing = node_->missing;
        if (missing.size() < 32) {
            for (const auto& m : missing)
                if (m == path) return;
            missing.push_back(std::move(path));
            return;
        }
        if (indexed_ > missing.size()) { // the node's paths were changed behind this trace
            index_.clear();
            indexed_ = 0;
        }
        for (; indexed_ < missing.size(); ++indexed_) (void)index_.add(missing, missing[indexed_], indexed_);
        if (!index_.add(missing, path, indexed_)) return;
        missing.push_back(std::move(path));
        ++indexed_;
    }
    Explanation* node_ = nullptr;
    bool facts_only_ = false;
    detail::PathIndex index_; // the positions of node_->missing's paths
    std::size_t indexed_ = 0; // the positions in index_
};

/// @brief A callable that can be made a predicate over `Subject`: it takes
/// `const Subject&` (and optionally a `Trace&`) and returns `Truth`.
template <class F, class Subject>
concept PredicateFunction = std::copy_constructible<F> &&
    (std::is_invocable_r_v<Truth, const F&, const Subject&, Trace&> || std::is_invocable_r_v<Truth, const F&, const Subject&>);

namespace detail {

/// The kind of a predicate node, used to flatten `a && b && c` into one `all_of`.
enum class NodeKind : unsigned char { leaf, all, any, negation, implication, custom };

template <class Subject>
struct PredicateNode {
    PredicateInfo info;
    NodeKind kind = NodeKind::leaf;
    bool anonymous = false; // a combinator without a name of its own

    explicit PredicateNode(PredicateInfo i, NodeKind k = NodeKind::leaf, bool anon = false) : info{std::move(i)}, kind{k}, anonymous{anon} {}
    PredicateNode(const PredicateNode&) = delete;
    PredicateNode& operator=(const PredicateNode&) = delete;
    virtual ~PredicateNode() = default;

    [[nodiscard]] virtual Truth eval(const Subject& s) const = 0;
    [[nodiscard]] virtual Explanation explain(const Subject& s) const = 0;
    [[nodiscard]] virtual Explanation facts(const Subject& s) const = 0;
    [[nodiscard]] virtual const std::vector<Predicate<Subject>>* children() const { return nullptr; }

    // A node's texts are the predicate's, not copied under an ExplainIn.
    [[nodiscard]] Explanation start() const {
        Explanation e;
        if (explain_language) {
            e.info = &info;
        } else {
            e.id = info.id;
            e.text = info.text;
            e.citation = info.citation;
        }
        return e;
    }
};

inline void merge_missing(std::vector<std::string>& into, const std::vector<std::string>& from) {
    if (&into == &from) return;
    if (into.size() * from.size() <= 1024) {
        for (const auto& m : from) {
            bool seen = false;
            for (const auto& x : into) seen = seen || x == m;
            if (!seen) into.push_back(m);
        }
        return;
    }
    // Many paths: an index of their hashes.
    into.reserve(into.size() + from.size());
    PathIndex seen;
    for (std::size_t i = 0; i < into.size(); ++i) (void)seen.add(into, into[i], i);
    for (const auto& m : from)
        if (seen.add(into, m, into.size())) into.push_back(m);
}

/// A decided node needs no missing facts; an unknown one keeps those of its
/// unknown children (taken from them when `keep_children` is false).
inline void finish(Explanation& e, bool keep_children = true) {
    if (e.value != Truth::unknown) {
        e.missing.clear();
        return;
    }
    std::size_t total = e.missing.size();
    for (const auto& c : e.children)
        if (c.value == Truth::unknown) total += c.missing.size();
    if (total <= 64) {
        for (const auto& c : e.children)
            if (c.value == Truth::unknown) merge_missing(e.missing, c.missing);
        return;
    }
    // Many paths, nearly all of the first unknown child (a condition over
    // every task): its paths, distinct, are taken whole; the few of the
    // other children are looked for among them.
    if (e.missing.empty()) {
        auto first = std::find_if(e.children.begin(), e.children.end(), [](const Explanation& c) { return c.value == Truth::unknown; });
        if (first != e.children.end() && total - first->missing.size() <= 8) {
            e.missing.reserve(total); // exactly: a finding keeps these
            if (keep_children)
                e.missing.assign(first->missing.begin(), first->missing.end());
            else
                e.missing.assign(std::make_move_iterator(first->missing.begin()), std::make_move_iterator(first->missing.end()));
            for (auto c = first + 1; c != e.children.end(); ++c)
                if (c->value == Truth::unknown)
                    for (auto& m : c->missing)
                        if (std::find(e.missing.begin(), e.missing.end(), m) == e.missing.end()) {
                            if (keep_children)
                                e.missing.push_back(m);
                            else
                                e.missing.push_back(std::move(m));
                        }
            return;
        }
    }
    // Many paths (a rule over every task): one index of hashes for all
    // children, not a look through the paths so far for each (quadratic).
    // Children whose missing facts are not kept (`facts`) give them up.
    e.missing.reserve(total);
    PathIndex seen;
    for (std::size_t i = 0; i < e.missing.size(); ++i) (void)seen.add(e.missing, e.missing[i], i);
    for (auto& c : e.children)
        if (c.value == Truth::unknown)
            for (auto& m : c.missing)
                if (seen.add(e.missing, m, e.missing.size())) {
                    if (keep_children)
                        e.missing.push_back(m);
                    else
                        e.missing.push_back(std::move(m));
                }
}

template <class Subject, class F>
struct LeafNode final : PredicateNode<Subject> {
    F fn;
    LeafNode(PredicateInfo i, F f) : PredicateNode<Subject>{std::move(i)}, fn{std::move(f)} {}

    Truth call(const Subject& s, Trace& t) const {
        if constexpr (std::is_invocable_r_v<Truth, const F&, const Subject&, Trace&>)
            return fn(s, t);
        else
            return fn(s);
    }
    Truth eval(const Subject& s) const override {
        Trace t;
        return call(s, t);
    }
    Explanation explain(const Subject& s) const override {
        Explanation e = this->start();
        Trace t{e};
        e.value = call(s, t);
        if (e.value != Truth::unknown) e.missing.clear();
        return e;
    }
    Explanation facts(const Subject& s) const override {
        Explanation e;
        Trace t = Trace::facts_only(e);
        e.value = call(s, t);
        if (e.value != Truth::unknown) e.missing.clear();
        return e;
    }
};

} // namespace detail

/// @brief A named, cited, explainable function `Subject -> Truth`.
///
/// A `Predicate` is a cheap-to-copy value (a shared immutable node). Build
/// one with `make_predicate`, compose with `&&`, `||`, `!`, `all_of`,
/// `any_of` and `when`.
template <class Subject>
class Predicate {
  public:
    /// @brief The type of what the predicate is evaluated on.
    using subject_type = Subject;

    /// @brief Wraps a node; used by the combinators.
    explicit Predicate(std::shared_ptr<const detail::PredicateNode<Subject>> node) noexcept : node_{std::move(node)} {}

    /// @brief The answer for `s`, short-circuiting, without an explanation.
    [[nodiscard]] Truth operator()(const Subject& s) const { return node_->eval(s); }

    /// @brief The answer for `s` with its full explanation tree.
    [[nodiscard]] Explanation explain(const Subject& s) const { return node_->explain(s); }

    /// @brief The answer for `s` and the missing facts of its explanation
    /// (equal to `explain(s).value` and `explain(s).missing`), without
    /// texts, notes or children: what a finding keeps.
    [[nodiscard]] Explanation facts(const Subject& s) const { return node_->facts(s); }

    /// @brief The predicate's id, texts and citation.
    [[nodiscard]] const PredicateInfo& info() const noexcept { return node_->info; }

    /// @brief The predicate's stable id.
    [[nodiscard]] const std::string& id() const noexcept { return node_->info.id; }

    /// @brief The node (for combinators).
    [[nodiscard]] const std::shared_ptr<const detail::PredicateNode<Subject>>& node() const noexcept { return node_; }

  private:
    std::shared_ptr<const detail::PredicateNode<Subject>> node_;
};

template <class S>
Explanation Trace::explain(const Predicate<S>& p, const S& s) const {
    return facts_only_ ? p.facts(s) : p.explain(s);
}

/// @brief Makes a predicate from a function and its name. `fn` takes
/// `const Subject&` and optionally a `Trace&` to report missing facts and
/// notes.
///
/// @code
/// auto meets_twice = avtal::make_predicate<avtal::AgreementSubject>(
///     {"local.steering_group", {"Styrgruppen möts minst två gånger per år",
///      "The steering group meets at least twice a year"}, "Lokal policy"},
///     [](const avtal::AgreementSubject&) { return avtal::Truth::yes; });
/// @endcode
template <class Subject, class F>
requires PredicateFunction<F, Subject>
[[nodiscard]] Predicate<Subject> make_predicate(PredicateInfo info, F fn) {
    return Predicate<Subject>{std::make_shared<const detail::LeafNode<Subject, F>>(std::move(info), std::move(fn))};
}

namespace detail {

/// The signature of the built-in predicates' functions: one leaf node type
/// per subject type, however many predicates (keeps the headers cheap to compile).
template <class Subject>
using LeafFn = Truth (*)(const Subject&, Trace&);

/// Makes a predicate from a plain function (a captureless lambda converts).
template <class Subject>
[[nodiscard]] Predicate<Subject> leaf(PredicateInfo info, LeafFn<Subject> fn) {
    return Predicate<Subject>{std::make_shared<const LeafNode<Subject, LeafFn<Subject>>>(std::move(info), fn)};
}

template <class Subject>
struct JunctionNode final : PredicateNode<Subject> {
    std::vector<Predicate<Subject>> parts;
    JunctionNode(PredicateInfo i, NodeKind k, bool anon, std::vector<Predicate<Subject>> ps)
        : PredicateNode<Subject>{std::move(i), k, anon}, parts{std::move(ps)} {}

    Truth eval(const Subject& s) const override {
        // Fast path: stop at the first deciding part.
        const Truth decisive = this->kind == NodeKind::all ? Truth::no : Truth::yes;
        Truth acc = this->kind == NodeKind::all ? Truth::yes : Truth::no;
        for (const auto& p : parts) {
            const Truth v = p(s);
            if (v == decisive) return decisive;
            if (v == Truth::unknown) acc = Truth::unknown;
        }
        return acc;
    }
    Explanation explain(const Subject& s) const override { return combined(s, true); }
    Explanation facts(const Subject& s) const override { return combined(s, false); }
    const std::vector<Predicate<Subject>>* children() const override { return &parts; }

  private:
    // Every part is evaluated, so the deciding part and all others (with
    // their missing facts) are shown; `full` keeps texts, notes and
    // children (explain), otherwise only the value and the missing facts
    // (facts).
    Explanation combined(const Subject& s, bool full) const {
        Explanation e = full ? this->start() : Explanation{};
        e.value = this->kind == NodeKind::all ? Truth::yes : Truth::no;
        e.children.reserve(parts.size());
        for (const auto& p : parts) {
            e.children.push_back(full ? p.explain(s) : p.facts(s));
            const Truth v = e.children.back().value;
            e.value = this->kind == NodeKind::all ? (e.value && v) : (e.value || v);
        }
        finish(e, full);
        if (!full) e.children.clear();
        return e;
    }
};

template <class Subject>
struct NotNode final : PredicateNode<Subject> {
    Predicate<Subject> inner;
    NotNode(PredicateInfo i, Predicate<Subject> p) : PredicateNode<Subject>{std::move(i), NodeKind::negation}, inner{std::move(p)} {}
    Truth eval(const Subject& s) const override { return !inner(s); }
    Explanation explain(const Subject& s) const override {
        Explanation e = this->start();
        e.children.push_back(inner.explain(s));
        e.value = !e.children.back().value;
        finish(e);
        return e;
    }
    Explanation facts(const Subject& s) const override {
        Explanation e;
        e.children.push_back(inner.facts(s));
        e.value = !e.children.back().value;
        finish(e, false);
        e.children.clear();
        return e;
    }
};

template <class Subject>
struct ImpliesNode final : PredicateNode<Subject> {
    Predicate<Subject> condition;
    Predicate<Subject> requirement;
    ImpliesNode(PredicateInfo i, Predicate<Subject> c, Predicate<Subject> r)
        : PredicateNode<Subject>{std::move(i), NodeKind::implication}, condition{std::move(c)}, requirement{std::move(r)} {}
    Truth eval(const Subject& s) const override {
        const Truth c = condition(s);
        if (c == Truth::no) return Truth::yes; // not applicable: holds vacuously
        const Truth r = requirement(s);
        return implies(c, r);
    }
    Explanation explain(const Subject& s) const override {
        Explanation e = this->start();
        e.children.push_back(condition.explain(s));
        e.children.push_back(requirement.explain(s));
        e.value = implies(e.children[0].value, e.children[1].value);
        finish(e);
        return e;
    }
    Explanation facts(const Subject& s) const override {
        Explanation e;
        e.children.push_back(condition.facts(s));
        e.children.push_back(requirement.facts(s));
        e.value = implies(e.children[0].value, e.children[1].value);
        finish(e, false);
        e.children.clear();
        return e;
    }
};

template <class Subject>
Predicate<Subject> junction(PredicateInfo info, NodeKind kind, bool anonymous, std::vector<Predicate<Subject>> parts) {
    if (anonymous) {
        // (a && b) && c becomes all_of(a, b, c): one level, same meaning.
        std::vector<Predicate<Subject>> flat;
        flat.reserve(parts.size());
        for (auto& p : parts) {
            const auto* kids = p.node()->children();
            if (kids && p.node()->kind == kind && p.node()->anonymous)
                flat.insert(flat.end(), kids->begin(), kids->end());
            else
                flat.push_back(std::move(p));
        }
        parts = std::move(flat);
    }
    return Predicate<Subject>{std::make_shared<const JunctionNode<Subject>>(std::move(info), kind, anonymous, std::move(parts))};
}

inline PredicateInfo all_info() { return {"all_of", {"Samtliga villkor är uppfyllda", "All conditions hold"}, {}}; }
inline PredicateInfo any_info() { return {"any_of", {"Minst ett villkor är uppfyllt", "At least one condition holds"}, {}}; }

} // namespace detail

/// @brief A named conjunction: holds when every part holds (Kleene).
template <class Subject>
[[nodiscard]] Predicate<Subject> all_of(PredicateInfo info, std::vector<Predicate<Subject>> parts) {
    return detail::junction(std::move(info), detail::NodeKind::all, false, std::move(parts));
}

/// @brief A named disjunction: holds when some part holds (Kleene).
template <class Subject>
[[nodiscard]] Predicate<Subject> any_of(PredicateInfo info, std::vector<Predicate<Subject>> parts) {
    return detail::junction(std::move(info), detail::NodeKind::any, false, std::move(parts));
}

/// @brief An anonymous conjunction of the given predicates.
template <class Subject, class... More>
requires(std::same_as<More, Predicate<Subject>>&&...) [[nodiscard]] Predicate<Subject> all_of(Predicate<Subject> first, More... more) {
    return detail::junction(detail::all_info(), detail::NodeKind::all, true, std::vector<Predicate<Subject>>{std::move(first), std::move(more)...});
}

/// @brief An anonymous disjunction of the given predicates.
template <class Subject, class... More>
requires(std::same_as<More, Predicate<Subject>>&&...) [[nodiscard]] Predicate<Subject> any_of(Predicate<Subject> first, More... more) {
    return detail::junction(detail::any_info(), detail::NodeKind::any, true, std::vector<Predicate<Subject>>{std::move(first), std::move(more)...});
}

/// @brief Kleene conjunction of two predicates.
template <class Subject>
[[nodiscard]] Predicate<Subject> operator&&(Predicate<Subject> a, Predicate<Subject> b) {
    return all_of(std::move(a), std::move(b));
}

/// @brief Kleene disjunction of two predicates.
template <class Subject>
[[nodiscard]] Predicate<Subject> operator||(Predicate<Subject> a, Predicate<Subject> b) {
    return any_of(std::move(a), std::move(b));
}

/// @brief Kleene negation of a predicate.
template <class Subject>
[[nodiscard]] Predicate<Subject> operator!(Predicate<Subject> p) {
    PredicateInfo info{"not", {"Inte: " + p.info().text.sv, "Not: " + p.info().text.en}, p.info().citation};
    return Predicate<Subject>{std::make_shared<const detail::NotNode<Subject>>(std::move(info), std::move(p))};
}

/// @brief A conditional requirement `condition -> requirement`: holds
/// vacuously when the condition does not (the rule is then not applicable),
/// is decided by the requirement when it does, and is unknown when the
/// condition is unknown and the requirement does not hold.
template <class Subject>
[[nodiscard]] Predicate<Subject> when(PredicateInfo info, Predicate<Subject> condition, Predicate<Subject> requirement) {
    return Predicate<Subject>{std::make_shared<const detail::ImpliesNode<Subject>>(std::move(info), std::move(condition), std::move(requirement))};
}

/// @brief Renames a predicate (gives a composed predicate an id, texts and
/// citation of its own) without changing its meaning.
template <class Subject>
[[nodiscard]] Predicate<Subject> named(PredicateInfo info, Predicate<Subject> p) {
    return all_of(std::move(info), std::vector<Predicate<Subject>>{std::move(p)});
}

} // namespace avtal
