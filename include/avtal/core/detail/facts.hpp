#pragma once
// Internal helpers shared by the built-in predicates: reading optional facts
// into Truth while reporting the path of what is missing.

#include <avtal/core/predicate.hpp>
#include <avtal/core/text.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace avtal::detail {

/// Whether a stated fact `holds`; `unknown` (and the path) if unstated.
template <class T, class Holds, class PathFn>
Truth fact_that(const std::optional<T>& v, Holds&& holds, Trace& t, PathFn&& path) {
    if (!v) return t.unknown(std::forward<PathFn>(path));
    return truth(holds(*v));
}

/// `yes`/`no` from a stated boolean fact; `unknown` (and the path) if unstated.
template <class PathFn>
Truth fact_is(const std::optional<bool>& v, bool wanted, Trace& t, PathFn&& path) {
    return fact_that(
        v, [wanted](bool b) { return b == wanted; }, t, std::forward<PathFn>(path));
}

/// The function of a `stated` predicate: a yes/no fact of the subject and
/// its path below the subject's.
template <class Subject>
struct StatedFact {
    std::optional<bool> (*fact)(const Subject&);
    std::string_view key;
    Truth operator()(const Subject& s, Trace& t) const {
        return fact_is(fact(s), true, t, [&] { return s.path() + std::string{key}; });
    }
};

/// A predicate that holds where the subject states the fact as true, fails
/// where it states it as false, and is unknown (naming the fact's path,
/// `key` below the subject's) where the fact is not stated.
template <class Subject>
[[nodiscard]] Predicate<Subject> stated(PredicateInfo info, std::optional<bool> (*fact)(const Subject&), std::string_view key) {
    return make_predicate<Subject>(std::move(info), StatedFact<Subject>{fact, key});
}

/// A bilingual text from two literals.
inline Text tx(std::string sv, std::string en) { return Text{std::move(sv), std::move(en)}; }

/// Quotes a name for a message: «name».
inline std::string quoted(const std::string& s) { return "\u00ab" + s + "\u00bb"; }

} // namespace avtal::detail
