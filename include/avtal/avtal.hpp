#pragma once
/// @file
/// @brief The umbrella header of avtal: the model, the reasoning core and
/// `check()`. Boost.JSON is not in it (see `avtal/io/json.hpp`, compiled), nor
/// are the built-in rules' definitions (see `avtal/law/rules.hpp`).

#include <avtal/core/date.hpp>
#include <avtal/core/money.hpp>
#include <avtal/core/predicate.hpp>
#include <avtal/core/rule.hpp>
#include <avtal/core/text.hpp>
#include <avtal/core/truth.hpp>
#include <avtal/io/messages.hpp>
#include <avtal/law/check.hpp>
#include <avtal/law/compensation.hpp>
#include <avtal/law/procurement.hpp>
#include <avtal/law/thresholds.hpp>
#include <avtal/model/agreement.hpp>
#include <avtal/model/subject.hpp>
