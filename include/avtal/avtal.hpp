#pragma once
/// @file
/// @brief The umbrella header of avtal: the model, the reasoning core and
/// `check()`. Boost.JSON is not in it (see `avtal/json.hpp`, compiled), nor
/// are the built-in rules' definitions (see `avtal/rules.hpp`).

#include <avtal/check.hpp>
#include <avtal/compensation.hpp>
#include <avtal/date.hpp>
#include <avtal/model.hpp>
#include <avtal/money.hpp>
#include <avtal/predicate.hpp>
#include <avtal/procurement.hpp>
#include <avtal/rule.hpp>
#include <avtal/subject.hpp>
#include <avtal/text.hpp>
#include <avtal/thresholds.hpp>
#include <avtal/truth.hpp>
