#pragma once
/// @file
/// @brief Shared helpers of the built-in rule definitions.

#include <avtal/core/detail/facts.hpp>
#include <avtal/core/rule.hpp>

#include <string>

namespace avtal::detail {

/// A predicate's name from a rule's description (same id, title, citation).
inline PredicateInfo predicate_info(const RuleInfo& r) { return PredicateInfo{r.id, r.title, r.citation}; }

/// Whether the fact `get` of some task `holds`: unknown where no task's
/// does and some task's is not stated (naming `/tasks/i` + `key`).
template <class Tasks, class Get, class Holds>
Truth some_task(const Tasks& tasks, Trace& t, Get get, Holds holds, const char* key) {
    Truth any = Truth::no;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const auto& v = get(tasks[i]);
        if (!v)
            any = any || t.unknown_distinct([i, key] { return "/tasks/" + std::to_string(i) + key; });
        else
            any = any || truth(holds(*v));
    }
    return any;
}

/// The `Rule` of a rule without a detail function: `info()` checked by
/// `predicate()`, built once (the body of a plain `rules::name()`).
template <const RuleInfo& (*info)(), auto predicate>
[[nodiscard]] const Rule& rule_of() {
    static const Rule r{info(), predicate()};
    return r;
}

} // namespace avtal::detail
