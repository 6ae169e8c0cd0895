// Generates the rule-catalogue page of the documentation from the rule
// registry, so the docs never drift from the code.
#include <avtal/avtal.hpp>

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: avtal_catalogue OUTPUT.md\n";
        return 2;
    }
    std::ofstream out{argv[1]};
    out << "# Rule catalogue {#rules}\n\n"
        << "Generated from `avtal::builtin_rules()` (rule catalogue version " << avtal::rules_version
        << "). Ids are stable and part of the public interface. Severity follows the source's legal force: "
           "**error** = statute, EU law or binding case law; **warning** = guidance or good practice; **info** = context.\n\n"
        << "| Id | Severity | Requirement (svenska) | Requirement (English) | Citation | Source |\n"
        << "|---|---|---|---|---|---|\n";
    const auto cell = [](const std::string& s) {
        std::string r;
        for (char c : s) r += c == '|' ? std::string{"\\|"} : std::string(1, c);
        return r;
    };
    for (const avtal::Rule& rule : avtal::builtin_rules()) {
        const avtal::RuleInfo& i = rule.info();
        out << "| `" << i.id << "` | " << avtal::to_string(i.severity) << " | " << cell(i.title.sv) << " | " << cell(i.title.en) << " | "
            << cell(i.citation) << " | " << cell(i.source) << " |\n";
    }
    return out ? 0 : 1;
}
