#pragma once
// A table's entry for an enumerator, where the enumerators number the
// entries in order (the cooperation forms, the rows of table 1, the steps of
// the method).

#include <cstddef>

namespace avtal::detail {

/// The entry of `table` for `e`; the first entry for a value outside the
/// enumeration.
template <class Table, class E>
const auto& entry_for(const Table& table, E e) noexcept {
    const auto i = static_cast<std::size_t>(e);
    return table[i < table.size() ? i : 0];
}

} // namespace avtal::detail
