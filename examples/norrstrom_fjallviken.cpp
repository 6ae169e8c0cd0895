// The chapter 5 case of SKR's report, end to end: Norrström and Fjällviken
// follow the method guide step by step and end with an agreement that avtal
// checks. Exits 0 when each stage comes out as the chapter tells it.
//
//   norrstrom_fjallviken AGREEMENT.json
#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>
#include <avtal/io/render.hpp>
#include <avtal/law/method.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace {

void print_progress(const char* stage, const avtal::MethodProgress& p) {
    std::cout << "== " << stage << " ==\n";
    for (const auto& step : p.steps) {
        const auto& info = avtal::method_step(step.step);
        std::cout << "  " << info.code << "  " << info.title.sv << ": " << avtal::to_string(step.status) << "\n";
    }
    std::cout << "  next step: " << (p.next ? avtal::method_step(*p.next).code : std::string{"none - start cooperating!"}) << "\n";
}

/// Marks every item of the given steps as done (what the social chiefs
/// did); with `leave_decidable`, the items avtal can decide from the
/// agreement are left for the check.
avtal::ItemStates done_through(std::initializer_list<avtal::MethodStep> steps, bool leave_decidable = false) {
    avtal::ItemStates s;
    for (auto step : steps)
        for (const auto& item : avtal::method_step(step).items)
            if (!(leave_decidable && item.decidable)) s[item.id] = true;
    return s;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: norrstrom_fjallviken AGREEMENT.json\n";
        return 2;
    }
    using S = avtal::MethodStep;
    bool as_told = true;

    // Step 1: the social chief of Norrström identifies the need for
    // structured family treatment (BSFT, FFT, MDFT, MST) for 12–17 year olds.
    const auto stage_a = avtal::method_progress(done_through({S::needs}));
    print_progress("(a) needs identified", stage_a);
    as_told = as_told && stage_a.next == S::prerequisites;

    // Steps 2A–2C: organisational, economic and legal prerequisites, contact
    // with Fjällviken, and the choice of avtalssamverkan as the form.
    const auto stage_b = avtal::method_progress(done_through({S::needs, S::prerequisites, S::contact, S::form}));
    print_progress("(b) prerequisites investigated", stage_b);
    as_told = as_told && stage_b.next == S::control;

    // Steps 3A–4: the agreement is drawn up. avtal reads it and decides the
    // items it can (procurement settled, cost price, content present).
    std::ifstream in{argv[1]};
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = avtal::json::read_agreement(text.str());
    if (!doc) {
        for (const auto& p : doc.problems) std::cerr << p.to_string() << "\n";
        return 2;
    }
    const avtal::Report report = avtal::check(*doc.agreement);
    const auto stage_c = avtal::method_progress(
        done_through({S::needs, S::prerequisites, S::contact, S::form, S::control, S::security, S::anchoring, S::agreement}, true), &report);
    print_progress("(c) agreement signed", stage_c);
    const auto* procurement = stage_c.item("2a.legal.procurement");
    std::cout << "  2A legal, procurement: " << (procurement ? avtal::to_string(procurement->status) : "?") << " (from the check)\n\n";
    as_told = as_told && procurement && procurement->status == avtal::ItemStatus::done && procurement->source == avtal::ItemSource::check;
    as_told = as_told && !stage_c.next; // every step done: "att börja samarbeta!"

    // "Eftersom upphandlingens sammanlagda värde understiger gränsen för
    // direktupphandling på 8.1 miljoner kronor per part kan upphandlingen
    // skötas via direktupphandling."
    std::cout << avtal::render_text(report, {avtal::Lang::sv, false, doc.input_sha256, 80});
    as_told = as_told && report.verdict() == avtal::Verdict::ok && report.procurement().at(0).outcome == avtal::ProcurementOutcome::exempt;
    std::cout << (as_told ? "\nAs chapter 5 tells it.\n" : "\nNOT as chapter 5 tells it.\n");
    return as_told ? 0 : 1;
}
