#pragma once
/// @file
/// @brief Rules: a predicate with a stable id, a severity, a citation and
/// messages, producing findings (violated, satisfied, undetermined) for
/// every subject in its scope.

#include <avtal/core/enum.hpp>
#include <avtal/core/predicate.hpp>
#include <avtal/core/text.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace avtal {

/// @brief What rules are evaluated in; defined by the model floor
/// (`avtal/model/subject.hpp`). The core only passes it on.
class Context;

/// @brief The kind of a subject (a party, a task, …); its enumerators are
/// defined by the model floor, the core treats it as an opaque tag.
enum class Scope : std::uint8_t;

/// @brief A reference to a subject: its scope and its index (or key) in
/// that scope.
struct SubjectRef {
    Scope scope{};           ///< The scope.
    std::uint32_t index = 0; ///< Index in its collection (or the key of a keyed subject).
    /// @brief Equal when scope and index are.
    friend bool operator==(const SubjectRef&, const SubjectRef&) = default;
};

/// @brief How a subject type is enumerated and rebuilt from a reference:
/// specialised next to each subject type (the core names none), with
/// `static S make(const Context&, SubjectRef)` and, for a subject that is
/// enumerated rather than listed by a rule,
/// `template <class F> static void for_each(const Context&, F&&)`.
template <class S>
struct SubjectTraits;

/// @brief A subject type every rule can be run on: it can be rebuilt from
/// its reference and knows that reference.
template <class S>
concept Subject = requires(const Context& ctx, SubjectRef r, const S& s) {
    { SubjectTraits<S>::make(ctx, r) } -> std::same_as<S>;
    { s.ref() } -> std::same_as<SubjectRef>;
};

/// @brief A subject type whose subjects are enumerated from the context
/// (every party, every task, …) rather than listed by the rule.
template <class S>
concept EnumerableSubject = Subject<S> && requires(const Context& ctx) {
    SubjectTraits<S>::for_each(ctx, [](const S&) {});
};

/// @brief How serious a violated rule is; follows the source's legal force.
enum class Severity : std::uint8_t {
    error,   ///< A statute, EU law or binding case law is broken.
    warning, ///< Guidance (SKR, Socialstyrelsen) or good practice is not followed.
    info,    ///< Context; never violated.
};
BOOST_DESCRIBE_ENUM(Severity, error, warning, info)

/// @brief The status of a finding.
enum class Status : std::uint8_t {
    violated,     ///< The rule's predicate answered no.
    satisfied,    ///< It answered yes (or the rule is info only).
    undetermined, ///< It answered unknown: facts are missing.
};
BOOST_DESCRIBE_ENUM(Status, violated, satisfied, undetermined)

/// @brief The fixed description of a rule: its stable id, severity, legal
/// citation, source in the guidance and its texts. Write it with designated
/// initialisers (`RuleInfo{.id = "…", .severity = Severity::warning, …}`).
struct RuleInfo {
    std::string id{};       ///< Stable id (part of the public interface), e.g. `party.kind_allowed`.
    Severity severity{};    ///< error, warning or info.
    std::string citation{}; ///< The statute, EU law or case the rule rests on.
    std::string source{};   ///< The guidance or seed section it follows.
    Text title{};           ///< The requirement in one sentence, both languages.
    Text violation{};       ///< The message of a violated finding (none for an info rule); `{subject}` names the subject.
};

class Rule;

/// @brief One result of one rule for one subject.
///
/// Findings are small: messages and explanations are materialised on
/// demand (`Report::message`, `Report::explain`) from the rule, the subject
/// and the agreement.
struct Finding {
    const Rule* rule = nullptr;        ///< The rule (kept alive by the report).
    Status status = Status::satisfied; ///< Violated, satisfied or undetermined.
    SubjectRef subject;                ///< What the finding is about.
    std::vector<std::string> missing;  ///< For an undetermined finding: the missing facts' paths.
};

/// @brief Extra, subject-specific detail for a finding's message (amounts,
/// statutes); computed only when a message is rendered.
template <class Subject>
using DetailFn = Text (*)(const Subject&, Status);

namespace detail {

struct RuleImpl {
    RuleInfo info;
    explicit RuleImpl(RuleInfo i) : info{std::move(i)} {}
    RuleImpl(const RuleImpl&) = delete;
    RuleImpl& operator=(const RuleImpl&) = delete;
    virtual ~RuleImpl() = default;
    virtual void run(const Context& ctx, const Rule* self, std::vector<Finding>& out) const = 0;
    [[nodiscard]] virtual Explanation explain(const Context& ctx, SubjectRef s) const = 0;
    [[nodiscard]] virtual Text detail(const Context& ctx, SubjectRef s, Status st) const = 0;
};

template <class Subject, class P>
void emit_finding(const RuleInfo& info, const P& predicate, const Subject& s, const Rule* self, std::vector<Finding>& out) {
    const Truth v = predicate(s);
    Status st = Status::satisfied;
    if (info.severity == Severity::info) {
        // An info rule's predicate says where it applies: no finding where it does not.
        if (v == Truth::no) return;
    } else {
        switch (v) {
        case Truth::yes: st = Status::satisfied; break;
        case Truth::no: st = Status::violated; break;
        case Truth::unknown: st = Status::undetermined; break;
        }
    }
    out.push_back(Finding{self, st, s.ref(), {}});
    if (st == Status::undetermined) out.back().missing = predicate.facts(s).missing;
}

template <class S, class Root>
struct PredicateRule final : RuleImpl {
    Predicate<S> predicate;
    DetailFn<S> detail_fn = nullptr;
    std::optional<std::vector<std::uint32_t>> keys; // the listed subjects of a keyed rule
    std::optional<Predicate<Root>> when_empty;      // checked once when the scope has no subject

    PredicateRule(RuleInfo i, Predicate<S> p, DetailFn<S> d, std::optional<std::vector<std::uint32_t>> k = std::nullopt,
                  std::optional<Predicate<Root>> e = std::nullopt)
        : RuleImpl{std::move(i)}, predicate{std::move(p)}, detail_fn{d}, keys{std::move(k)}, when_empty{std::move(e)} {}

    static Root root(const Context& ctx) { return SubjectTraits<Root>::make(ctx, SubjectRef{}); }

    void run(const Context& ctx, const Rule* self, std::vector<Finding>& out) const override {
        const std::size_t before = out.size();
        if (keys) {
            for (std::uint32_t k : *keys) emit_finding(info, predicate, SubjectTraits<S>::make(ctx, SubjectRef{Scope{}, k}), self, out);
        } else if constexpr (EnumerableSubject<S>) {
            SubjectTraits<S>::for_each(ctx, [&](const S& s) { emit_finding(info, predicate, s, self, out); });
        }
        if (out.size() == before && when_empty) emit_finding(info, *when_empty, root(ctx), self, out);
    }
    Explanation explain(const Context& ctx, SubjectRef r) const override {
        if constexpr (!std::is_same_v<S, Root>)
            if (when_empty && r == root(ctx).ref()) return when_empty->explain(root(ctx));
        return predicate.explain(SubjectTraits<S>::make(ctx, r));
    }
    Text detail(const Context& ctx, SubjectRef r, Status st) const override {
        if constexpr (!std::is_same_v<S, Root>)
            if (when_empty && r == root(ctx).ref()) return {};
        if (!detail_fn) return {};
        return detail_fn(SubjectTraits<S>::make(ctx, r), st);
    }
};

} // namespace detail

/// @brief A rule: a predicate over one scope with a stable id, a severity,
/// a citation and messages. A cheap-to-copy handle.
///
/// The predicate is evaluated for every subject of its scope (every party,
/// every task, …); each evaluation is one finding: `yes` → satisfied, `no`
/// → violated, `unknown` → undetermined with the missing facts. An info
/// rule's findings are always satisfied; its predicate says where it
/// applies (`no`: no finding for that subject).
class Rule {
  public:
    /// @brief A rule checking `predicate` for every subject of its type.
    template <EnumerableSubject S>
    Rule(RuleInfo info, Predicate<S> predicate, std::type_identity_t<DetailFn<S>> detail_fn = nullptr)
        : impl_{std::make_shared<const detail::PredicateRule<S, S>>(std::move(info), std::move(predicate), detail_fn)} {}

    /// @brief A rule checking `predicate` for every subject of its type and,
    /// when the scope has no subject at all (an agreement without tasks),
    /// `when_empty` once for the root subject `Root` (the agreement).
    template <EnumerableSubject S, Subject Root>
    Rule(RuleInfo info, Predicate<S> predicate, std::type_identity_t<DetailFn<S>> detail_fn, Predicate<Root> when_empty)
        : impl_{std::make_shared<const detail::PredicateRule<S, Root>>(std::move(info), std::move(predicate), detail_fn, std::nullopt,
                                                                       std::move(when_empty))} {}

    /// @brief A keyed rule: `predicate` checked once per listed key (e.g.
    /// each required section of a content rule), in the order given.
    template <Subject S, class Key>
    requires std::is_enum_v<Key> || std::is_integral_v<Key> Rule(RuleInfo info, const std::vector<Key>& keys, Predicate<S> predicate,
                                                                 std::type_identity_t<DetailFn<S>> detail_fn = nullptr)
        : impl_{std::make_shared<const detail::PredicateRule<S, S>>(std::move(info), std::move(predicate), detail_fn, to_keys(keys))} {}

    /// @brief The rule's id, severity, citation and texts.
    [[nodiscard]] const RuleInfo& info() const noexcept { return impl_->info; }
    /// @brief The rule's stable id.
    [[nodiscard]] const std::string& id() const noexcept { return impl_->info.id; }
    /// @brief Evaluates the rule for every subject in `ctx`, appending one
    /// finding per subject; the findings point at this `Rule` object.
    void run(const Context& ctx, std::vector<Finding>& out) const { impl_->run(ctx, this, out); }
    /// @brief The explanation tree of the rule's predicate for one subject.
    [[nodiscard]] Explanation explain(const Context& ctx, SubjectRef s) const { return impl_->explain(ctx, s); }
    /// @brief The subject-specific detail of a finding's message (may be empty).
    [[nodiscard]] Text detail(const Context& ctx, SubjectRef s, Status st) const { return impl_->detail(ctx, s, st); }

  private:
    template <class Key>
    static std::vector<std::uint32_t> to_keys(const std::vector<Key>& keys) {
        std::vector<std::uint32_t> out;
        out.reserve(keys.size());
        for (Key k : keys) out.push_back(static_cast<std::uint32_t>(k));
        return out;
    }
    std::shared_ptr<const detail::RuleImpl> impl_;
};

} // namespace avtal
