// Reads an agreement, checks it and prints its verdict: the smallest
// integration of avtal through its installed CMake package.
#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    std::ifstream in{argv[1]};
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = avtal::json::read_agreement(text.str());
    if (!doc) {
        for (const auto& p : doc.problems) std::cerr << p.to_string() << "\n";
        return 2;
    }
    const avtal::Report report = avtal::check(*doc.agreement);
    std::cout << doc.agreement->id << ": " << avtal::to_string(report.verdict()) << "\n";
    return report.verdict() == avtal::Verdict::ok ? 0 : 1;
}
