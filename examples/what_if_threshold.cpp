// What if the direct-award limit were raised? Loads a replacement (or
// extension) of the dated threshold table at run time — no recompilation —
// and lists the tasks whose procurement outcome changes.
//
//   what_if_threshold THRESHOLDS.json AGREEMENT.json...
#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace {
std::string slurp(const char* path) {
    std::ifstream in{path};
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: what_if_threshold THRESHOLDS.json AGREEMENT.json...\n";
        return 2;
    }
    auto loaded = avtal::json::read_thresholds(slurp(argv[1]), argv[1]);
    if (!loaded.table) {
        for (const auto& p : loaded.problems) std::cerr << argv[1] << ": " << p.to_string() << "\n";
        return 2;
    }
    avtal::CheckOptions reform;
    reform.thresholds = loaded.extends_builtin
                            ? std::make_shared<const avtal::ThresholdTable>(avtal::builtin_thresholds()->extended_with(*loaded.table))
                            : std::make_shared<const avtal::ThresholdTable>(std::move(*loaded.table));
    std::cout << "Reform: " << reform.thresholds->name << "\n";
    std::size_t changed = 0;
    for (int i = 2; i < argc; ++i) {
        const auto doc = avtal::json::read_agreement(slurp(argv[i]));
        if (!doc) {
            std::cerr << argv[i] << ": unreadable\n";
            return 2;
        }
        const avtal::Report today = avtal::check(*doc.agreement);
        const avtal::Report what_if = avtal::check(*doc.agreement, reform);
        for (std::size_t t = 0; t < doc.agreement->tasks.size(); ++t) {
            const auto before = today.procurement()[t].outcome, after = what_if.procurement()[t].outcome;
            std::cout << "  " << doc.agreement->id << " / " << doc.agreement->tasks[t].id << ": " << avtal::to_string(before);
            if (before != after) {
                std::cout << " -> " << avtal::to_string(after);
                ++changed;
            }
            std::cout << "\n";
        }
    }
    std::cout << changed << " task(s) change outcome under the reform\n";
    return changed > 0 ? 0 : 1;
}
