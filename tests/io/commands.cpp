// The commands layer: what the command line, the service and the C API run.
#include <avtal/io/commands.hpp>
#include <avtal/io/json.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string norrstrom_path = std::string{AVTAL_SOURCE_DIR} + "/examples/agreements/norrstrom-fjallviken.json";

} // namespace

using namespace avtal;

TEST_CASE("Exit codes combine worst first: bad input, violations, incomplete, ok") {
    CHECK(worst_exit_code(exit_ok, exit_incomplete) == exit_incomplete);
    CHECK(worst_exit_code(exit_incomplete, exit_violations) == exit_violations);
    CHECK(worst_exit_code(exit_violations, exit_bad_input) == exit_bad_input);
    CHECK(worst_exit_code(exit_bad_input, exit_ok) == exit_bad_input);
}

TEST_CASE("run_check writes the same JSON report as the writer, one line per agreement") {
    const std::string text = slurp(norrstrom_path);
    const auto doc = json::read_agreement(text);
    REQUIRE(doc);
    const Report report = check(*doc.agreement);
    CommandOptions o;
    o.format = Format::json;
    const CommandResult r = run_check(Input{"norrstrom.json", text}, o);
    CHECK(r.exit_code == exit_ok);
    CHECK(r.output == json::write_report(report, {Lang::sv, false}, doc.input_sha256) + "\n");
    CHECK(r.errors.empty());
    CHECK(r.problems.empty());
}

TEST_CASE("run_check reports an unreadable document as an avtal-error/1 line, with its source and index") {
    const std::string good = slurp(norrstrom_path);
    const std::string bad = R"({"schema": "avtal/1", "oops": 1})";
    const Input inputs[] = {{"good.json", good}, {"bad.json", bad}};
    CommandOptions o;
    o.format = Format::json;
    std::string streamed, streamed_errors;
    const CommandResult r = run_check(
        inputs, o, [&](std::string_view s) { streamed += s; }, [&](std::string_view s) { streamed_errors += s; });
    CHECK(r.exit_code == exit_bad_input);
    CHECK(r.output.empty());
    CHECK(streamed.find("\"schema\":\"avtal-report/1\"") != std::string::npos);
    CHECK(streamed_errors.find("bad.json: /oops: ") == 0);
    CHECK(r.problems.find(R"({"schema":"avtal-error/1","source":"bad.json","index":1,)") == 0);
    CHECK(r.problems.find(R"("path":"/oops")") != std::string::npos);
}

TEST_CASE("run_explain knows rules and exceptions, and lists them for an unknown id") {
    CHECK(run_explain("party.kind_allowed", {}).output.find("party.kind_allowed [lagkrav]") == 0);
    CHECK(run_explain("exception.nesgi", {}).exit_code == exit_ok);
    const CommandResult r = run_explain("party.kind", {});
    CHECK(r.exit_code == exit_bad_input);
    CHECK(r.errors.find("okänd regel party.kind – menade du party.kind_allowed?") != std::string::npos);
    // What the rule reads and how it is decided.
    CommandOptions en;
    en.lang = Lang::en;
    const std::string hamburg = run_explain("exception.hamburg", en).output;
    CHECK(hamburg.find("Facts the exception reads (JSON):\n    /parties/*/kind\n") != std::string::npos);
    CHECK(hamburg.find("(hamburg.open_market_share)") != std::string::npos);
    CHECK(hamburg.back() == '\n');
}

TEST_CASE("run_thresholds: a date with no confirmed limit at all is bad input, and the text names the gaps") {
    CommandOptions o;
    o.date = parse_date("1999-01-01");
    CHECK(run_thresholds(o).exit_code == exit_bad_input);
    o.date = parse_date("2026-03-01");
    const CommandResult r = run_thresholds(o);
    CHECK(r.exit_code == exit_ok);
    CHECK(r.output.find("Ingen bekräftad gräns för sociala tjänster och andra särskilda tjänster\n  (bilaga 2 till LOU) den 2026-03-01.") !=
          std::string::npos);
}

TEST_CASE("Commands that have no Markdown say so instead of guessing") {
    CommandOptions o;
    o.format = Format::markdown;
    const std::string text = slurp(norrstrom_path);
    CHECK(run_allocate(Input{"n.json", text}, o).exit_code == exit_bad_input);
    CHECK(run_thresholds(o).exit_code == exit_bad_input);
}

TEST_CASE("load_thresholds extends the built-in table or reports the file's problems") {
    const auto bad = load_thresholds("{", "what-if.json");
    CHECK_FALSE(bad.table);
    CHECK(bad.errors.find("what-if.json: ") == 0);
    const auto ok = load_thresholds(slurp(std::string{AVTAL_SOURCE_DIR} + "/examples/thresholds/raised-general-limit.json"), "raised.json");
    REQUIRE(ok.table);
    CHECK(ok.table->rows.size() > builtin_thresholds()->rows.size());
}
