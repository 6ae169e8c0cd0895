#pragma once
/// @file
/// @brief The user-facing messages of a report's findings, in Swedish or
/// English: the subject's name, its JSON path, and the finding's message.

#include <avtal/core/text.hpp>
#include <avtal/law/check.hpp>

#include <string>
#include <string_view>

namespace avtal {

/// @brief The JSON path of a finding's subject, e.g. `/tasks/0`.
[[nodiscard]] std::string subject_path(const Report& report, const Finding& f);
/// @brief A finding's subject named as people name it ("Parten «Lunds
/// kommun»", "Delegeringen till Bergviks kommuns anställda i uppgiften
/// «ekonomiskt_bistand»"), without its JSON path (`subject_path`).
[[nodiscard]] std::string subject_name(const Report& report, const Finding& f, Lang lang);
/// @brief A citation as a lawyer writes it: the catalogue's short forms
/// ("SKR 2023 kap. 2") spelled out ("SKR, Avtalssamverkan inom
/// socialtjänsten (2023), kap. 2"), with the titles of publications in
/// italics when `markdown`.
[[nodiscard]] std::string format_citation(std::string_view citation, bool markdown = false);
/// @brief Whether `format_citation(citation)` (not Markdown) is `citation`
/// itself: it has none of the short forms that are spelled out. A writer can
/// then use the text as it is, without a copy.
[[nodiscard]] bool citation_is_formatted(std::string_view citation) noexcept;
/// @brief The finding's message in `lang`, naming its subject.
[[nodiscard]] std::string message(const Report& report, const Finding& f, Lang lang);

} // namespace avtal
