#pragma once
/// @file
/// @brief The built-in rule catalogue (SPEC §4) and the exported predicates
/// it is made of, for users who recombine them in their own rules. Each
/// rule is defined in one header of `avtal/rules/`, by section; grep its id.
///
/// This header is not part of the umbrella `avtal.hpp` (it costs compile
/// time); `avtal::check()` runs these rules without it.

#include <avtal/rules/compensation.hpp>
#include <avtal/rules/content.hpp>
#include <avtal/rules/delegation.hpp>
#include <avtal/rules/exceptions.hpp>
#include <avtal/rules/information.hpp>
#include <avtal/rules/oversight.hpp>
#include <avtal/rules/parties.hpp>
#include <avtal/rules/procurement.hpp>
#include <avtal/rules/staff.hpp>
#include <avtal/rules/tasks.hpp>
