#pragma once
/// @file
/// @brief Rules: a predicate with a stable id, a severity, a citation and
/// messages, producing findings (violated, satisfied, undetermined) for
/// every subject in its scope.

#include <avtal/predicate.hpp>
#include <avtal/subject.hpp>
#include <avtal/text.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace avtal {

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
/// citation, source in the guidance and its texts.
struct RuleInfo {
    std::string id;       ///< Stable id (part of the public interface), e.g. `party.kind_allowed`.
    Severity severity{};  ///< error, warning or info.
    std::string citation; ///< The statute, EU law or case the rule rests on.
    std::string source;   ///< The guidance or seed section it follows.
    Text title;           ///< The requirement in one sentence, both languages.
    Text violation;       ///< The message of a violated finding; `{subject}` names the subject.
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

template <class Subject>
struct SubjectTraits;

template <>
struct SubjectTraits<AgreementSubject> {
    template <class F>
    static void for_each(const Context& ctx, F&& f) {
        f(AgreementSubject{&ctx});
    }
    static AgreementSubject make(const Context& ctx, SubjectRef) { return AgreementSubject{&ctx}; }
};
template <>
struct SubjectTraits<PartySubject> {
    template <class F>
    static void for_each(const Context& ctx, F&& f) {
        for (std::size_t i = 0; i < ctx.agreement().parties.size(); ++i) f(PartySubject{&ctx, i});
    }
    static PartySubject make(const Context& ctx, SubjectRef r) { return PartySubject{&ctx, r.index}; }
};
template <>
struct SubjectTraits<TaskSubject> {
    template <class F>
    static void for_each(const Context& ctx, F&& f) {
        for (std::size_t i = 0; i < ctx.agreement().tasks.size(); ++i) f(TaskSubject{&ctx, i});
    }
    static TaskSubject make(const Context& ctx, SubjectRef r) { return TaskSubject{&ctx, r.index}; }
};
template <>
struct SubjectTraits<DelegateSubject> {
    template <class F>
    static void for_each(const Context& ctx, F&& f) {
        for (std::size_t i = 0; i < ctx.agreement().delegation.delegates.size(); ++i) f(DelegateSubject{&ctx, i});
    }
    static DelegateSubject make(const Context& ctx, SubjectRef r) { return DelegateSubject{&ctx, r.index}; }
};
template <>
struct SubjectTraits<CompensationSubject> {
    template <class F>
    static void for_each(const Context& ctx, F&& f) {
        for (std::size_t i = 0; i < ctx.compensation_groups().size(); ++i) f(CompensationSubject{&ctx, i});
    }
    static CompensationSubject make(const Context& ctx, SubjectRef r) { return CompensationSubject{&ctx, r.index}; }
};
template <>
struct SubjectTraits<ClauseSubject> {
    static ClauseSubject make(const Context& ctx, SubjectRef r) { return ClauseSubject{&ctx, static_cast<Clause>(r.index)}; }
};

template <class Subject, class P>
void emit_finding(const RuleInfo& info, const P& predicate, const Subject& s, const Rule* self, std::vector<Finding>& out) {
    Status st = Status::satisfied;
    if (info.severity != Severity::info) {
        switch (predicate(s)) {
        case Truth::yes: st = Status::satisfied; break;
        case Truth::no: st = Status::violated; break;
        case Truth::unknown: st = Status::undetermined; break;
        }
    }
    out.push_back(Finding{self, st, s.ref(), {}});
    if (st == Status::undetermined) out.back().missing = predicate.explain(s).missing;
}

template <class Subject>
struct PredicateRule final : RuleImpl {
    Predicate<Subject> predicate;
    DetailFn<Subject> detail_fn = nullptr;
    std::vector<Clause> clauses;                           // the subjects of a content rule
    std::optional<Predicate<AgreementSubject>> when_empty; // checked once when the scope has no subject

    PredicateRule(RuleInfo i, Predicate<Subject> p, DetailFn<Subject> d, std::vector<Clause> c = {},
                  std::optional<Predicate<AgreementSubject>> e = std::nullopt)
        : RuleImpl{std::move(i)}, predicate{std::move(p)}, detail_fn{std::move(d)}, clauses{std::move(c)}, when_empty{std::move(e)} {}

    void run(const Context& ctx, const Rule* self, std::vector<Finding>& out) const override {
        const std::size_t before = out.size();
        if constexpr (std::is_same_v<Subject, ClauseSubject>) {
            for (Clause c : clauses) emit_finding(info, predicate, ClauseSubject{&ctx, c}, self, out);
        } else {
            SubjectTraits<Subject>::for_each(ctx, [&](const Subject& s) { emit_finding(info, predicate, s, self, out); });
        }
        if (out.size() == before && when_empty) emit_finding(info, *when_empty, AgreementSubject{&ctx}, self, out);
    }
    Explanation explain(const Context& ctx, SubjectRef r) const override {
        if constexpr (!std::is_same_v<Subject, AgreementSubject>)
            if (r.scope == Scope::agreement && when_empty) return when_empty->explain(AgreementSubject{&ctx});
        return predicate.explain(SubjectTraits<Subject>::make(ctx, r));
    }
    Text detail(const Context& ctx, SubjectRef r, Status st) const override {
        if constexpr (!std::is_same_v<Subject, AgreementSubject>)
            if (r.scope == Scope::agreement) return {};
        if (!detail_fn) return {};
        return detail_fn(SubjectTraits<Subject>::make(ctx, r), st);
    }
};

} // namespace detail

/// @brief A rule: a predicate over one scope with a stable id, a severity,
/// a citation and messages. A cheap-to-copy handle.
///
/// The predicate is evaluated for every subject of its scope (every party,
/// every task, …); each evaluation is one finding: `yes` → satisfied, `no`
/// → violated, `unknown` → undetermined with the missing facts. An info
/// rule's findings are always satisfied.
class Rule {
  public:
    /// @brief A rule checking `predicate` for every subject of its type.
    template <class Subject>
    Rule(RuleInfo info, Predicate<Subject> predicate,
         std::type_identity_t<DetailFn<Subject>> detail_fn = nullptr) requires(!std::is_same_v<Subject, ClauseSubject>)
        : impl_{std::make_shared<const detail::PredicateRule<Subject>>(std::move(info), std::move(predicate), detail_fn)} {}

    /// @brief A rule checking `predicate` for every subject of its type and,
    /// when the scope has no subject at all (an agreement without tasks),
    /// `when_empty` once for the agreement.
    template <class Subject>
    Rule(RuleInfo info, Predicate<Subject> predicate, std::type_identity_t<DetailFn<Subject>> detail_fn,
         Predicate<AgreementSubject> when_empty) requires(!std::is_same_v<Subject, ClauseSubject>)
        : impl_{std::make_shared<const detail::PredicateRule<Subject>>(std::move(info), std::move(predicate), detail_fn, std::vector<Clause>{},
                                                                       std::move(when_empty))} {}

    /// @brief A content rule: `predicate` checked once per listed section.
    Rule(RuleInfo info, std::vector<Clause> clauses, Predicate<ClauseSubject> predicate, DetailFn<ClauseSubject> detail_fn = nullptr)
        : impl_{std::make_shared<const detail::PredicateRule<ClauseSubject>>(std::move(info), std::move(predicate), detail_fn, std::move(clauses))} {}

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
    std::shared_ptr<const detail::RuleImpl> impl_;
};

} // namespace avtal
