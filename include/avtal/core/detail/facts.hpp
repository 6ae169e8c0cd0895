#pragma once
// Internal helpers shared by the built-in predicates: reading optional facts
// into Truth while reporting the path of what is missing.

#include <avtal/core/predicate.hpp>
#include <avtal/core/text.hpp>

#include <optional>
#include <string>
#include <utility>

namespace avtal::detail {

/// `yes`/`no` from a stated boolean fact; `unknown` (and the path) if unstated.
template <class PathFn>
Truth fact_is(const std::optional<bool>& v, bool wanted, Trace& t, PathFn&& path) {
    if (!v) return t.unknown(std::forward<PathFn>(path));
    return truth(*v == wanted);
}

/// A bilingual text from two literals.
inline Text tx(std::string sv, std::string en) { return Text{std::move(sv), std::move(en)}; }

/// Quotes a name for a message: «name».
inline std::string quoted(const std::string& s) { return "\u00ab" + s + "\u00bb"; }

} // namespace avtal::detail
