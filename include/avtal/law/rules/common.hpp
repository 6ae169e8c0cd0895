#pragma once
/// @file
/// @brief Shared helpers of the built-in rule definitions.

#include <avtal/core/detail/facts.hpp>
#include <avtal/core/rule.hpp>

#include <string>

namespace avtal::detail {

/// A predicate's name from a rule's description (same id, title, citation).
inline PredicateInfo predicate_info(const RuleInfo& r) { return PredicateInfo{r.id, r.title, r.citation}; }

/// The `Rule` of a rule without a detail function: `info()` checked by
/// `predicate()`, built once (the body of a plain `rules::name()`).
template <const RuleInfo& (*info)(), auto predicate>
[[nodiscard]] const Rule& rule_of() {
    static const Rule r{info(), predicate()};
    return r;
}

} // namespace avtal::detail
