// The built-in rule catalogue (SPEC §4), in report order, and rule-id matching.
#include <avtal/law/check.hpp>
#include <avtal/law/rules.hpp>

namespace avtal {

// The catalogue's version: when a rule is added, removed or reworded, the
// test "The catalogue's version follows its content" fails and prints the new
// digest; set the date to the day of the change and the digest to the one
// printed. Bump the date by hand when only a rule's logic changes.
const std::string_view rules_version = "2026-12-01";
const std::uint64_t rules_version_digest = 0x45b421ee5a065898ULL;

const std::vector<Rule>& builtin_rules() {
    // Report order: parties, tasks, delegation, compensation, information,
    // oversight, staff, content, procurement (SPEC §4).
    static const std::vector<Rule> rules = {
        rules::party_kind_allowed(),
        rules::party_federation_mandate(),
        rules::party_at_least_two(),
        rules::party_decision_body(),
        rules::task_cooperation_in_force(),
        rules::task_roles(),
        rules::task_within_competence(),
        rules::task_contractor_competence(),
        rules::task_huvudman_retained(),
        rules::task_special_legislation(),
        rules::delegation_agreed(),
        rules::delegation_employees_only(),
        rules::delegation_within_agreement(),
        rules::delegation_onward_stated(),
        rules::delegation_reporting(),
        rules::delegation_non_delegable(),
        rules::compensation_stated(),
        rules::compensation_no_profit(),
        rules::compensation_covers_cost(),
        rules::compensation_in_kind_valued(),
        rules::compensation_allocation_complete(),
        rules::information_personal_data_arrangement(),
        rules::information_records(),
        rules::information_confidentiality(),
        rules::oversight_follow_up(),
        rules::oversight_annual_report(),
        rules::oversight_internal_control(),
        rules::staff_transfer_of_undertaking(),
        rules::staff_work_environment(),
        rules::content_required(),
        rules::content_conditional(),
        rules::content_children(),
        rules::content_children_warranted(),
        rules::content_take_back(),
        rules::procurement_required(),
    };
    return rules;
}

std::uint64_t catalogue_digest() { return catalogue_digest(builtin_rules()); }

std::uint64_t catalogue_digest(const std::vector<Rule>& rules) {
    std::uint64_t h = 14695981039346656037ULL; // FNV-1a, 64 bits
    const auto add = [&](std::string_view s) {
        for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        h = (h ^ 0U) * 1099511628211ULL; // a separator, so that "ab"+"c" differs from "a"+"bc"
    };
    for (const Rule& r : rules) {
        const RuleInfo& i = r.info();
        for (std::string_view s :
             {std::string_view{i.id}, to_string(i.severity), std::string_view{i.citation}, std::string_view{i.source}, std::string_view{i.title.sv},
              std::string_view{i.title.en}, std::string_view{i.violation.sv}, std::string_view{i.violation.en}})
            add(s);
    }
    return h;
}

const Rule* find_rule(std::string_view id) {
    for (const Rule& r : builtin_rules())
        if (r.id() == id) return &r;
    return nullptr;
}

const ExceptionList& builtin_exceptions() {
    static const ExceptionList exceptions = {predicates::exception_public_authority(), predicates::exception_direct_award(),
                                             predicates::exception_hamburg(), predicates::exception_teckal(), predicates::exception_nesgi()};
    return exceptions;
}

const Predicate<TaskSubject>* find_exception(std::string_view id) {
    for (const auto& e : builtin_exceptions())
        if (e.id() == id) return &e;
    return nullptr;
}

bool rule_matches(std::string_view id, std::string_view pattern) noexcept {
    if (pattern.ends_with(".*"))
        pattern.remove_suffix(2);
    else if (pattern.ends_with('.'))
        pattern.remove_suffix(1);
    if (pattern.empty()) return true;
    if (id == pattern) return true;
    return id.size() > pattern.size() && id.starts_with(pattern) && id[pattern.size()] == '.';
}

} // namespace avtal
