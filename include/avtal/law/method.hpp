#pragma once
/// @file
/// @brief SKR's method guide for avtalssamverkan (SPEC §8; SKR 2023 kap. 5):
/// the steps 1, 2A (organisatoriska, ekonomiska och juridiska
/// förutsättningar), 2B, 2C, 3A, 3B, 3C and 4, each with checklist items
/// taken from the fictive Norrström–Fjällviken case, and a progress report
/// that combines what the user states with what `avtal::check()` can decide.
///
/// The guide's data lives in `src/method.cpp`.

#include <avtal/core/enum.hpp>
#include <avtal/core/text.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avtal {

class Report;

/// @brief A step of the method guide, in the guide's order.
enum class MethodStep : std::uint8_t {
    needs,         ///< 1 Identifiera behov kring samverkan.
    prerequisites, ///< 2A Utreda förutsättningar (organisatoriska, ekonomiska, juridiska).
    contact,       ///< 2B Ta kontakt med samverkansparter.
    form,          ///< 2C Besluta kring samverkansform.
    control,       ///< 3A Kontroll av uppgifter, uppsiktsplikt och rapportering.
    security,      ///< 3B Fastställande av rutiner för säkerhet och informationshantering.
    anchoring,     ///< 3C Förankring inom de egna organisationerna.
    agreement,     ///< 4 Upprätta avtal.
};
BOOST_DESCRIBE_ENUM(MethodStep, needs, prerequisites, contact, form, control, security, anchoring, agreement)

/// @brief The three parts of step 2A.
enum class Prerequisite : std::uint8_t {
    organisational, ///< Organisatoriska förutsättningar.
    economic,       ///< Ekonomiska förutsättningar.
    legal,          ///< Juridiska förutsättningar.
};
BOOST_DESCRIBE_ENUM(Prerequisite, organisational, economic, legal)

/// @brief The status of a checklist item or step.
enum class ItemStatus : std::uint8_t {
    done,    ///< Klar.
    open,    ///< Inte klar.
    unknown, ///< Okänt: neither stated nor decidable from the check.
};
BOOST_DESCRIBE_ENUM(ItemStatus, done, open, unknown)

/// @brief Where an item's status comes from.
enum class ItemSource : std::uint8_t {
    stated, ///< The user stated it.
    check,  ///< Decided from the report of `avtal::check()`.
    none,   ///< Neither: the status is unknown.
};
BOOST_DESCRIBE_ENUM(ItemSource, stated, check, none)

/// @brief A checklist item of the method guide.
struct ChecklistItem {
    std::string id;                   ///< Stable id, e.g. `"2a.legal.procurement"`.
    MethodStep step{};                ///< The step it belongs to.
    std::optional<Prerequisite> part; ///< For step 2A: the part it belongs to.
    Text text;                        ///< What is to be done, both languages.
    bool decidable = false;           ///< The check can decide it when the user has not stated it.
    std::vector<std::string>
        rules; ///< The rule ids (or `prefix.*` patterns) it is decided from; may be empty for a decidable item read from the agreement itself.
};

/// @brief A step of the method guide with its checklist.
struct MethodStepInfo {
    MethodStep step{};                ///< The step.
    std::string code;                 ///< Its number in the guide: "1", "2A", … "4".
    Text title;                       ///< Its title ("Identifiera behov kring samverkan").
    std::vector<ChecklistItem> items; ///< Its checklist, in order.
};

/// @brief The steps of the method guide, in order (1, 2A, 2B, 2C, 3A, 3B, 3C, 4).
[[nodiscard]] const std::vector<MethodStepInfo>& method_steps();

/// @brief The step `step` of the guide.
[[nodiscard]] const MethodStepInfo& method_step(MethodStep step);

/// @brief The title of a part of step 2A ("Juridiska förutsättningar").
[[nodiscard]] const Text& prerequisite_title(Prerequisite part);

/// @brief The checklist item with id `id`, or null.
[[nodiscard]] const ChecklistItem* find_checklist_item(std::string_view id);

/// @brief What the user states about items: id → done (`true`) or open
/// (`false`). Items not in the map are unknown unless the check decides them.
using ItemStates = std::map<std::string, bool, std::less<>>;

/// @brief The progress of one checklist item.
struct ItemProgress {
    const ChecklistItem* item = nullptr;     ///< The item (static data of the guide).
    ItemStatus status = ItemStatus::unknown; ///< Done, open or unknown.
    ItemSource source = ItemSource::none;    ///< Stated, decided by the check, or neither.
    std::vector<std::string> rules;          ///< For `check`: the rule ids whose findings decided it.
    std::vector<std::string> missing;        ///< For `check` and unknown: the facts the check lacked.
};

/// @brief The progress of one step: done when every item is done, open
/// when some item is open, otherwise unknown.
struct StepProgress {
    MethodStep step{};                       ///< The step.
    ItemStatus status = ItemStatus::unknown; ///< The step's status.
    std::vector<ItemProgress> items;         ///< Its items, in order.
};

/// @brief The progress report of a project through the method guide.
struct MethodProgress {
    std::vector<StepProgress> steps;      ///< Every step, in order.
    std::optional<MethodStep> next;       ///< The first step not done; none when all are done.
    std::vector<std::string> unknown_ids; ///< Stated ids that are no item of the guide (ignored).

    /// @brief The progress of step `s` (an unknown, empty step for a value
    /// outside the enumeration or a default-constructed report).
    [[nodiscard]] const StepProgress& step(MethodStep s) const;
    /// @brief The progress of item `id`, or null.
    [[nodiscard]] const ItemProgress* item(std::string_view id) const;
    /// @brief The status of a part of step 2A (same rule as a step's).
    [[nodiscard]] ItemStatus status(Prerequisite part) const;
};

/// @brief The progress report: every item's status from `stated`, else, for
/// items the check can decide and when `report` is given, from the report
/// (procurement analysis settled, `compensation.no_profit`,
/// `task.huvudman_retained`, `oversight.*`, `information.*`,
/// `content.required`, …); steps follow from their items. Never throws on
/// user data: unknown ids are listed in `MethodProgress::unknown_ids`.
[[nodiscard]] MethodProgress method_progress(const ItemStates& stated, const Report* report = nullptr);

} // namespace avtal
