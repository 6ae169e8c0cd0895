// How a case-management system or a message-queue consumer embeds avtal:
// agreements (JSON, one per line) on standard input, reports (JSON, one per
// line) on standard output. A document that cannot be read gives an error
// object with every problem and its path; the service keeps going.
//
//   producer | embed_service > reports.jsonl
#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>

#include <iostream>
#include <string>

int main() {
    std::ios::sync_with_stdio(false);
    avtal::json::ReportOptions options{avtal::Lang::sv, false};
    std::string line;
    std::size_t read = 0, failed = 0;
    while (std::getline(std::cin, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        ++read;
        const auto doc = avtal::json::read_agreement(line);
        if (!doc) {
            ++failed;
            std::cout << avtal::json::write_error(doc) << '\n';
            continue;
        }
        const avtal::Report report = avtal::check(*doc.agreement);
        std::cout << avtal::json::write_report(report, options, doc.input_sha256) << '\n';
    }
    std::cerr << "embed_service: " << read << " documents, " << failed << " unreadable\n";
    return read > 0 ? 0 : 1;
}
