#pragma once
/// @file
/// @brief Shared helpers of the built-in rule definitions.

#include <avtal/core/detail/facts.hpp>
#include <avtal/core/rule.hpp>

#include <string>

namespace avtal::detail {

/// Builds a rule's fixed description.
inline RuleInfo rule_info(std::string id, Severity severity, std::string citation, std::string source, std::string title_sv, std::string title_en,
                          std::string violation_sv, std::string violation_en) {
    return RuleInfo{std::move(id),
                    severity,
                    std::move(citation),
                    std::move(source),
                    Text{std::move(title_sv), std::move(title_en)},
                    Text{std::move(violation_sv), std::move(violation_en)}};
}

/// A predicate's name from a rule's description (same id, title, citation).
inline PredicateInfo predicate_info(const RuleInfo& r) { return PredicateInfo{r.id, r.title, r.citation}; }

} // namespace avtal::detail
