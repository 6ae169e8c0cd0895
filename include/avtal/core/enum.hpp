#pragma once
/// @file
/// @brief Enum <-> string for every enum that crosses the JSON or CLI
/// boundary, from one place (Boost.Describe).

#include <boost/describe/enum.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/mp11/algorithm.hpp>

#include <optional>
#include <string_view>
#include <type_traits>

namespace avtal {

/// @brief An enum whose enumerators are described with `BOOST_DESCRIBE_ENUM`,
/// so that its JSON names come from the enumerator names.
template <class E>
concept DescribedEnum = std::is_enum_v<E> && boost::describe::has_describe_enumerators<E>::value;

/// @brief The JSON name of an enumerator (its identifier, snake_case).
template <DescribedEnum E>
[[nodiscard]] constexpr std::string_view to_string(E e) noexcept {
    return boost::describe::enum_to_string(e, "?");
}

/// @brief The enumerator named `name`, or `nullopt` if there is none.
template <DescribedEnum E>
[[nodiscard]] std::optional<E> enum_from_string(std::string_view name) noexcept {
    std::optional<E> found;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) {
        if (!found && name == std::string_view{d.name}) found = d.value;
    });
    return found;
}

/// @brief Calls `f(e)` for every enumerator of `E`, in declaration order.
template <DescribedEnum E, class F>
constexpr void for_each_enumerator(F&& f) {
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) { f(d.value); });
}

} // namespace avtal
