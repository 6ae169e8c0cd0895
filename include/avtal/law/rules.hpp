#pragma once
/// @file
/// @brief The built-in rule catalogue (SPEC §4) and the exported predicates
/// it is made of, for users who recombine them in their own rules. Each
/// rule is defined in one header of `avtal/rules/`, by section; grep its id.
///
/// This header is not part of the umbrella `avtal.hpp` (it costs compile
/// time); `avtal::check()` runs these rules without it.

#include <avtal/law/rules/compensation.hpp>
#include <avtal/law/rules/content.hpp>
#include <avtal/law/rules/delegation.hpp>
#include <avtal/law/rules/exceptions.hpp>
#include <avtal/law/rules/information.hpp>
#include <avtal/law/rules/oversight.hpp>
#include <avtal/law/rules/parties.hpp>
#include <avtal/law/rules/procurement.hpp>
#include <avtal/law/rules/staff.hpp>
#include <avtal/law/rules/tasks.hpp>
