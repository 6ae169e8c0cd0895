// The README's custom-rule snippet, compiled and run: the lines between the
// README markers below are the README's code block verbatim (ctest
// example.readme_snippet_in_sync checks they stay the same), so the snippet
// a developer copies is one that compiles and works.
#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>
#include <avtal/law/rules.hpp> // the built-in predicates, to recombine

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>

namespace {

/// The local rule's status for the agreement, and its message when violated.
std::pair<avtal::Status, std::string> check_with_local_rule(const avtal::Agreement& agreement, int meetings) {
    // README:begin custom-rule
    // agreement: an avtal::Agreement; meetings: an int from the municipality's own register
    auto meets_twice = avtal::make_predicate<avtal::AgreementSubject>(
        {"local.steering_group_meets",
         {"Styrgruppen möts minst två gånger per år", "The steering group meets at least twice a year"},
         "Lokal policy"},
        [meetings](const avtal::AgreementSubject&) { return avtal::truth(meetings >= 2); }); // copied in: the rule outlives this scope
    const avtal::RuleInfo info{"local.steering_group",
                               avtal::Severity::warning,
                               "Kommunens riktlinje för samverkan",
                               "Lokal policy",
                               {"Uppföljningen sker i en styrgrupp som möts minst två gånger per år",
                                "Follow-up happens in a steering group that meets at least twice a year"},
                               {"{subject}: styrgruppen möts för sällan.", "{subject}: the steering group meets too rarely."}};
    avtal::CheckOptions options;
    options.rules.push_back(avtal::Rule{info, avtal::predicates::oversight_follow_up() && meets_twice});
    const avtal::Report report = avtal::check(agreement, options);
    // README:end custom-rule
    const auto found = report.findings_of("local.steering_group");
    if (found.size() != 1) return {avtal::Status::undetermined, {}};
    return {found[0]->status, avtal::message(report, *found[0], avtal::Lang::sv)};
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    std::ifstream in{argv[1]};
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = avtal::json::read_agreement(text.str());
    if (!doc) return 2;
    const auto often = check_with_local_rule(*doc.agreement, 4);
    const auto rarely = check_with_local_rule(*doc.agreement, 1);
    if (often.first != avtal::Status::satisfied || rarely.first != avtal::Status::violated) {
        std::cerr << "the local rule did not answer as expected\n";
        return 1;
    }
    std::cout << rarely.second << '\n';
    return 0;
}
