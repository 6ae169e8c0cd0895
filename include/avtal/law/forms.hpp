#pragma once
/// @file
/// @brief Forms of municipal cooperation (SPEC §7; SKR 2023 kap. 2 "Andra
/// kommunala samverkansformer" and "Tabell 1. Samverkansformer lämpliga för
/// kommunal samverkan"): every cell of Tabell 1 as data, and a recommender
/// that, from a description of the need, sorts all six forms into suitable
/// (best first, with a score) and unsuitable, each with its reasons and the
/// Tabell 1 cells behind them.
///
/// The Swedish cell texts are verbatim from the source, typos included
/// ("förvärsaarbata", "kan bedrivs"); the English texts are translations.
/// The table itself lives in `src/forms.cpp`.

#include <avtal/core/enum.hpp>
#include <avtal/core/text.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace avtal {

/// @brief A form of cooperation, in the column order of Tabell 1 (which is
/// also the order that breaks ties between equally suitable forms).
enum class CooperationForm : std::uint8_t {
    municipal_federation,     ///< Kommunalförbund (KF), 3 kap. 8 §, 9 kap. 1–18 §§ KL.
    joint_committee,          ///< Gemensam nämnd, 3 kap. 9 §, 9 kap. 19–35 §§ KL.
    agreement_cooperation,    ///< Avtalssamverkan, 9 kap. 37 § KL.
    coordination_association, ///< Samordningsförbund, lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser.
    private_law_forms,        ///< Privaträttsliga samverkansformer (interkommunala företag).
    network,                  ///< Nätverk och "informella avtal".
};
BOOST_DESCRIBE_ENUM(CooperationForm, municipal_federation, joint_committee, agreement_cooperation, coordination_association, private_law_forms,
                    network)

/// @brief The number of forms in Tabell 1.
inline constexpr std::size_t cooperation_form_count = 6;

/// @brief A row of Tabell 1, in the table's order.
enum class FormRow : std::uint8_t {
    actors,         ///< Aktörer.
    scope,          ///< Omfattning av uppgifter.
    legal_person,   ///< Egen juridisk person.
    huvudmannaskap, ///< Huvudmannaskap.
    responsibility, ///< Ansvar.
    advantages,     ///< Fördelar.
    disadvantages,  ///< Nackdelar.
    examples,       ///< Exempel på lämpliga verksamheter för samverkan.
};
BOOST_DESCRIBE_ENUM(FormRow, actors, scope, legal_person, huvudmannaskap, responsibility, advantages, disadvantages, examples)

/// @brief The number of rows of Tabell 1 (besides the heading row).
inline constexpr std::size_t form_row_count = 8;

/// @brief The source of the forms' data.
inline constexpr std::string_view forms_source =
    "SKR, Avtalssamverkan inom socialtjänsten (2023), kap. 2, Tabell 1. Samverkansformer lämpliga för kommunal samverkan";

/// @brief One column of Tabell 1: a form of cooperation with every cell.
struct FormInfo {
    CooperationForm form{};                 ///< The form.
    Text name;                              ///< Its name ("Avtalssamverkan").
    Text heading;                           ///< The column heading verbatim ("Avtals-samverkan").
    std::array<Text, form_row_count> cells; ///< The cells, indexed by `FormRow`; Swedish verbatim.
    Text legal_basis;                       ///< The statute it rests on; empty when the seed gives none.

    /// @brief The cell of row `row`.
    [[nodiscard]] const Text& cell(FormRow row) const noexcept { return cells[static_cast<std::size_t>(row)]; }
};

/// @brief The six forms, in the column order of Tabell 1.
[[nodiscard]] const std::vector<FormInfo>& cooperation_forms();

/// @brief The column of Tabell 1 for form `form`.
[[nodiscard]] const FormInfo& form_info(CooperationForm form);

/// @brief The title of row `row` as in Tabell 1 ("Fördelar").
[[nodiscard]] const Text& form_row_title(FormRow row);

/// @brief The table's caption ("Tabell 1. Samverkansformer lämpliga för
/// kommunal samverkan").
[[nodiscard]] const Text& forms_table_title();

/// @brief How many tasks the cooperation is to cover.
enum class TaskScope : std::uint8_t {
    single_task,   ///< En enstaka, avgränsad uppgift (e.g. köp av platser, en insats).
    several_tasks, ///< Flera preciserade uppgifter.
    broad,         ///< En hel verksamhet eller ett brett område av uppgifter.
};
BOOST_DESCRIBE_ENUM(TaskScope, single_task, several_tasks, broad)

/// @brief The size of the cooperation.
enum class Scale : std::uint8_t {
    small,  ///< Samverkan i mindre skala.
    medium, ///< Medelstor samverkan.
    large,  ///< Storskaligt samarbete.
};
BOOST_DESCRIBE_ENUM(Scale, small, medium, large)

/// @brief A description of the need for cooperation. Every fact may be
/// unknown (`nullopt`): an unknown fact never excludes a form, but is listed
/// in `FormAssessment::missing` where knowing it could change the result.
struct Need {
    std::optional<bool> municipalities;             ///< Kommuner take part.
    std::optional<bool> regions;                    ///< Regioner take part.
    std::optional<bool> state;                      ///< Staten takes part (e.g. Arbetsförmedlingen, Försäkringskassan).
    std::optional<bool> private_actors;             ///< Privata aktörer take part.
    std::optional<bool> own_legal_person_wanted;    ///< The cooperation should be a legal person of its own.
    std::optional<bool> legally_binding_needed;     ///< A legally binding arrangement is needed.
    std::optional<TaskScope> scope;                 ///< How many tasks.
    std::optional<bool> exercise_of_authority;      ///< The tasks include myndighetsutövning.
    std::optional<bool> continuous_steering_wanted; ///< The municipalities want continuous political steering.
    std::optional<Scale> scale;                     ///< Size of the cooperation.
    std::optional<bool> long_term;                  ///< A long-term (lasting) cooperation.
    std::optional<bool> quick_start_wanted;         ///< The cooperation should start quickly.
    std::optional<bool> rehabilitation;             ///< The purpose is to coordinate and finance rehabilitation that helps individuals back to work.
    std::optional<bool> huvudman_transfer_wanted;   ///< Huvudmannaskap should move to the cooperation (true) or stay with each party (false).
};

/// @brief How a reason bears on a form.
enum class ReasonEffect : std::uint8_t {
    favours,    ///< Counts for the form (positive points).
    disfavours, ///< Counts against the form (negative points).
    excludes,   ///< Makes the form unsuitable.
};
BOOST_DESCRIBE_ENUM(ReasonEffect, favours, disfavours, excludes)

/// @brief A cell of Tabell 1.
struct FormCell {
    CooperationForm form{}; ///< The column.
    FormRow row{};          ///< The row.
    /// @brief Equal when column and row are.
    friend bool operator==(const FormCell&, const FormCell&) = default;
};

/// @brief One reason for or against a form, with the Tabell 1 facts behind it.
struct FormReason {
    std::string need;            ///< The `Need` member it rests on, e.g. `"quick_start_wanted"`.
    ReasonEffect effect{};       ///< For, against, or excluding.
    int points = 0;              ///< Contribution to the score (0 for `excludes`).
    Text text;                   ///< The reason, quoting the cells (and the chapter's text, if any).
    std::vector<FormCell> cells; ///< The Tabell 1 cells it rests on (never empty).
    Text quote;                  ///< A supporting sentence from kap. 2 verbatim; empty when none.
};

/// @brief The assessment of one form for a need.
struct FormAssessment {
    CooperationForm form{};           ///< The form.
    bool suitable = true;             ///< No reason excludes it.
    int score = 0;                    ///< Sum of the reasons' points (informational when unsuitable).
    std::vector<FormReason> reasons;  ///< Excluding reasons first, then the others in the order of `Need`.
    std::vector<std::string> missing; ///< Unknown `Need` members that could change this assessment.
};

/// @brief The result of `recommend_forms`: all six forms, split.
struct Recommendation {
    std::vector<FormAssessment> suitable;   ///< Suitable forms, best first (ties: Tabell 1 column order).
    std::vector<FormAssessment> unsuitable; ///< Unsuitable forms, in Tabell 1 column order.

    /// @brief The best suitable form, or null when none is suitable.
    [[nodiscard]] const FormAssessment* best() const noexcept { return suitable.empty() ? nullptr : &suitable.front(); }
    /// @brief The assessment of `form` (in either list); null only for a
    /// value outside the enumeration.
    [[nodiscard]] const FormAssessment* find(CooperationForm form) const noexcept;
};

/// @brief Assesses every form of Tabell 1 against `need`.
///
/// Hard limits (excluding): the actors each form admits (Aktörer; only
/// kommuner and regioner may be parties to avtalssamverkan, gemensam nämnd
/// and kommunalförbund; samordningsförbund only with the state and only for
/// rehabilitation; nätverk only between kommuner), an own legal person
/// (Egen juridisk person), legally binding (nätverk is not), exercise of
/// authority (not in a company, "ingen myndighet", nor a network) and
/// huvudmannaskap (stays with each party except in kommunalförbund and
/// interkommunala företag). Everything else weighs for or against. The
/// result is deterministic.
[[nodiscard]] Recommendation recommend_forms(const Need& need);

} // namespace avtal
