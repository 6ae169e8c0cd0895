#pragma once
/// @file
/// @brief Dated amounts: the direct-award limits (direktupphandlingsgränser)
/// as data, looked up by date and category. The table ships with the
/// library (`builtin_thresholds()`, every row with its source, from
/// THRESHOLDS.md) and can be replaced or extended at run time without
/// recompiling the rules (a "what-if" reform).

#include <avtal/core/date.hpp>
#include <avtal/core/enum.hpp>
#include <avtal/model/agreement.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avtal {

/// @brief The parameter name of the direct-award limit rows.
inline constexpr std::string_view direct_award_limit = "direct_award_limit";

/// @brief One dated amount: `{parameter, category, valid_from, valid_to,
/// amount, inclusive, source}`.
struct ThresholdRow {
    std::string parameter;        ///< What the amount is, e.g. `direct_award_limit`.
    Category category{};          ///< The procurement category it applies to.
    Date valid_from{};            ///< First day of validity (inclusive).
    std::optional<Date> valid_to; ///< Last day of validity (inclusive); `nullopt` = open-ended.
    Money amount{};               ///< The amount, SEK excluding VAT.
    bool inclusive = true;        ///< A value equal to the amount is within it ("uppgår till högst").
    std::string basis;            ///< How the amount is set (e.g. "28 % of the threshold").
    std::string source;           ///< Where the amount is published.

    /// @brief Whether the row is in force on `d`.
    [[nodiscard]] bool covers(const Date& d) const noexcept {
        return std::chrono::sys_days{valid_from} <= std::chrono::sys_days{d} &&
               (!valid_to || std::chrono::sys_days{d} <= std::chrono::sys_days{*valid_to});
    }
    /// @brief Rows are equal when every field is.
    friend bool operator==(const ThresholdRow&, const ThresholdRow&) = default;
};

/// @brief A table of dated amounts with a name (cited in every report's receipt).
struct ThresholdTable {
    std::string name;               ///< The table's name or the file it was loaded from.
    std::vector<ThresholdRow> rows; ///< The rows; a later row overrides an earlier one on the dates both cover.

    /// @brief The row for `parameter` and `category` in force on `date`, or
    /// null when the table has no confirmed amount for that date. When rows
    /// overlap, the last one wins (so appended rows act as a reform).
    [[nodiscard]] const ThresholdRow* find(std::string_view parameter, Category category, const Date& date) const noexcept {
        for (std::size_t i = rows.size(); i-- > 0;)
            if (rows[i].category == category && rows[i].parameter == parameter && rows[i].covers(date)) return &rows[i];
        return nullptr;
    }

    /// @brief The direct-award limits in force on `date`, one per category
    /// in the order of `Category`; a category with no confirmed limit that
    /// day is left out.
    [[nodiscard]] std::vector<const ThresholdRow*> direct_award_rows(const Date& date) const {
        std::vector<const ThresholdRow*> out;
        for_each_enumerator<Category>([&](Category c) {
            if (const ThresholdRow* r = find(direct_award_limit, c, date)) out.push_back(r);
        });
        return out;
    }

    /// @brief Appends the rows of `extra` (they override this table's rows
    /// on the dates they cover) and names the result after both tables.
    [[nodiscard]] ThresholdTable extended_with(const ThresholdTable& extra) const {
        ThresholdTable t = *this;
        t.name += " + " + extra.name;
        t.rows.insert(t.rows.end(), extra.rows.begin(), extra.rows.end());
        return t;
    }
};

/// @brief The table that ships with the library (THRESHOLDS.md, LOU,
/// contracting authorities such as municipalities and regions).
///
/// Gaps are deliberate: January 2022 for welfare services and social and
/// other special services from 2026 have no confirmed SEK amount, so the
/// direct-award test answers `unknown` for them ("no confirmed limit for
/// this date") rather than guessing. A user who does not know whether a
/// service is a welfare service (LOU bilaga 2 a) states
/// `social_and_other_specific`; for 2019–2021 the higher welfare limit may
/// then apply.
[[nodiscard]] std::shared_ptr<const ThresholdTable> builtin_thresholds();

} // namespace avtal
