#pragma once
/// @file
/// @brief The user-facing messages of a report's findings, in Swedish or
/// English: the subject's name and path, and the finding's message.

#include <avtal/core/text.hpp>
#include <avtal/law/check.hpp>

#include <string>

namespace avtal {

/// @brief The JSON path of a finding's subject, e.g. `/tasks/0`.
[[nodiscard]] std::string subject_path(const Report& report, const Finding& f);
/// @brief A readable name of a finding's subject, with its path.
[[nodiscard]] std::string subject_name(const Report& report, const Finding& f, Lang lang);
/// @brief The finding's message in `lang`, naming its subject.
[[nodiscard]] std::string message(const Report& report, const Finding& f, Lang lang);

} // namespace avtal
