// The built-in catalogue (src/law/catalogue.cpp): every rule well described,
// ids unique and well formed, and the catalogue's version following its
// content.
#include "support.hpp"

#include <avtal/law/rules.hpp>

#include <cctype>
#include <iomanip>
#include <set>
#include <sstream>

using namespace avtal;

namespace {

// An id is `area.name`: an area of include/avtal/law/rules/ and a name of
// lower-case words joined by underscores.
bool well_formed(std::string_view id) {
    static const std::set<std::string_view> areas = {"party",     "task",  "delegation", "compensation", "information",
                                                     "oversight", "staff", "content",    "procurement"};
    const auto dot = id.find('.');
    if (dot == std::string_view::npos || !areas.contains(id.substr(0, dot))) return false;
    const std::string_view name = id.substr(dot + 1);
    if (name.empty() || name.front() == '_' || name.back() == '_') return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (c == '_' ? name[i - 1] == '_' : !(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c))))
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("Every registered rule has a citation, a source and both languages' texts", "[rules][catalogue]") {
    for (const Rule& r : builtin_rules()) {
        const RuleInfo& i = r.info();
        INFO(i.id);
        CHECK_FALSE(i.citation.empty());
        CHECK_FALSE(i.source.empty());
        CHECK_FALSE(i.title.sv.empty());
        CHECK_FALSE(i.title.en.empty());
        if (i.severity != Severity::info) {
            CHECK_THAT(i.violation.sv, Catch::Contains("{subject}"));
            CHECK_THAT(i.violation.en, Catch::Contains("{subject}"));
        }
        CHECK(find_rule(i.id) == &r);
    }
}

TEST_CASE("Rule ids are unique, well formed and grouped by area in report order", "[rules][catalogue]") {
    CHECK(well_formed("party.kind_allowed"));
    CHECK(well_formed("content.children_warranted"));
    CHECK_FALSE(well_formed("party"));
    CHECK_FALSE(well_formed("Party.kind"));
    CHECK_FALSE(well_formed("party.kind__allowed"));
    CHECK_FALSE(well_formed("party.kind-allowed"));
    CHECK_FALSE(well_formed("parties.kind_allowed"));
    CHECK_FALSE(well_formed("party.kind.allowed"));
    std::set<std::string> ids;
    std::vector<std::string> areas; // in order of first appearance
    for (const Rule& r : builtin_rules()) {
        INFO(r.id());
        CHECK(well_formed(r.id()));
        CHECK(ids.insert(r.id()).second);
        const std::string area = r.id().substr(0, r.id().find('.'));
        if (areas.empty() || areas.back() != area) {
            CHECK(std::find(areas.begin(), areas.end(), area) == areas.end()); // an area's rules are adjacent
            areas.push_back(area);
        }
    }
    // Report order (SPEC §4).
    CHECK(areas ==
          std::vector<std::string>{"party", "task", "delegation", "compensation", "information", "oversight", "staff", "content", "procurement"});
}

TEST_CASE("The catalogue's version follows its content", "[rules][catalogue]") {
    std::ostringstream digest;
    digest << "0x" << std::hex << std::setw(16) << std::setfill('0') << catalogue_digest();
    INFO("The rule catalogue changed: in src/law/catalogue.cpp set rules_version to today's date and rules_version_digest to "
         << digest.str() << "ULL (docs/adding-a-rule.md).");
    CHECK(catalogue_digest() == rules_version_digest);
    // The digest sees every part of a description, and the order.
    const std::vector<Rule>& builtin = builtin_rules();
    const std::uint64_t all = catalogue_digest(builtin);
    const auto with = [&](std::size_t k, const auto& change) {
        std::vector<Rule> rules = builtin;
        RuleInfo i = rules[k].info();
        change(i);
        rules[k] = Rule{i, predicates::oversight_follow_up()};
        return catalogue_digest(rules);
    };
    CHECK(with(0, [](RuleInfo&) {}) == all);
    CHECK(with(0, [](RuleInfo& i) { i.id += "x"; }) != all);
    CHECK(with(1, [](RuleInfo& i) { i.severity = Severity::warning; }) != all);
    CHECK(with(2, [](RuleInfo& i) { i.citation += " 2 §"; }) != all);
    CHECK(with(3, [](RuleInfo& i) { i.source.clear(); }) != all);
    CHECK(with(4, [](RuleInfo& i) { i.title.en += "."; }) != all);
    CHECK(with(5, [](RuleInfo& i) { i.violation.sv += "."; }) != all);
    std::vector<Rule> swapped = builtin;
    std::swap(swapped[0], swapped[1]);
    CHECK(catalogue_digest(swapped) != all);
    CHECK(catalogue_digest(std::vector<Rule>{builtin.begin(), builtin.end() - 1}) != all);
}
