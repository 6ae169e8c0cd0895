// A municipality's local policy as a C++ rule, composed with built-in
// predicates and run in the same check (same report, same explanations).
//
// Policy of (fictive) Norrström: "a service we buy from another municipality
// must rest on a Hamburg cooperation, not on direct award alone, when the
// agreement runs longer than two years; and the steering group meets at
// least twice a year" (cf. the Östergötland HVB, SKR 2023 kap. 4).
#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>
#include <avtal/law/rules.hpp> // the built-in predicates, to recombine

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: custom_rule AGREEMENT.json\n";
        return 2;
    }
    using namespace avtal;

    // The user's own predicate: reads a fact avtal knows (the term).
    const auto long_term = make_predicate<TaskSubject>(
        {"norrstrom.long_term", {"Avtalet löper längre än två år", "The agreement runs longer than two years"}, "Norrströms riktlinje för samverkan"},
        [](const TaskSubject& s, Trace& t) {
            const Term& term = s.agreement().term;
            if (term.until_further_notice.value_or(false)) return Truth::yes;
            if (!term.months) return t.unknown([] { return std::string{"/term/months"}; });
            return truth(*term.months + term.extension_months.value_or(0) > 24);
        });
    // Composed with a built-in exported predicate: Hamburg with all its criteria.
    const auto policy = when<TaskSubject>({"norrstrom.hamburg_for_long_services",
                                           {"Långa tjänsteköp vilar på Hamburgundantaget", "Long service purchases rest on the Hamburg exception"},
                                           "Norrströms riktlinje för samverkan"},
                                          long_term, predicates::exception_hamburg());

    CheckOptions options;
    options.rules.push_back(
        Rule{RuleInfo{.id = "norrstrom.long_services",
                      .severity = Severity::warning,
                      .citation = "Norrströms riktlinje för samverkan (KS 2024/17)",
                      .source = "Lokal policy",
                      .title = {"Långa tjänsteköp vilar på Hamburgundantaget", "Long service purchases rest on the Hamburg exception"},
                      .violation = {"{subject} löper länge men vilar inte på Hamburgundantaget.",
                                    "{subject} runs long but does not rest on the Hamburg exception."}},
             policy});

    std::ifstream in{argv[1]};
    std::stringstream text;
    text << in.rdbuf();
    auto doc = json::read_agreement(text.str());
    if (!doc) return 2;

    // Norrström's 12-month agreement: the policy does not apply.
    const Report short_term = check(*doc.agreement, options);
    const Finding* f = short_term.findings_of("norrstrom.long_services").at(0);
    std::cout << message(short_term, *f, Lang::sv) << "\n";
    const bool ok_short = f->status == Status::satisfied;

    // Extended to three years, with the open-market share not known: the
    // policy cannot be decided, and the explanation says what to find out.
    Agreement longer = *doc.agreement;
    longer.term.months = 36;
    const Report long_term_report = check(longer, options);
    f = long_term_report.findings_of("norrstrom.long_services").at(0);
    std::cout << message(long_term_report, *f, Lang::sv) << "\n";
    for (const auto& m : f->missing) std::cout << "  ta reda på: " << m << "\n";
    const Explanation e = long_term_report.explain(*f);
    std::cout << "  " << e.children.at(0).id << ": " << to_string(e.children.at(0).value) << "\n";
    std::cout << "  " << e.children.at(1).id << ": " << to_string(e.children.at(1).value) << "\n";
    const bool ok_long = f->status == Status::undetermined && f->missing == std::vector<std::string>{"/tasks/0/hamburg/open_market_share_percent"};

    // Built-in rules ran in the same report.
    const bool same_report = !long_term_report.findings_of("procurement.required").empty();
    return ok_short && ok_long && same_report ? 0 : 1;
}
