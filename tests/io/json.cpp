// The avtal/1 reader and writer: exact amounts, every problem with its
// path, nothing half-read, and a stable round trip for every bundled
// agreement.
#include "support.hpp"

#include <avtal/io/json.hpp>
#include <avtal/io/render.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace avtal;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in{p, std::ios::binary};
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::filesystem::path> bundled() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator{AVTAL_SOURCE_DIR "/examples/agreements"})
        if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string minimal(std::string_view extra_task_fields = {}, std::string_view extra_top = {}) {
    return std::string{R"({"schema":"avtal/1","id":"x","assessment_date":"2024-03-01",
      "parties":[{"id":"a","name":"A","kind":"municipality"},{"id":"b","name":"B","kind":"municipality"}],
      "tasks":[{"id":"t","contractor":"a","principals":["b"],"huvudman":["b"],"nature":"service")"} +
           std::string{extra_task_fields} + "}]" + std::string{extra_top} + "}";
}

} // namespace

TEST_CASE("Amounts are read exactly, never through a double", "[json]") {
    auto r = json::read_agreement(minimal(R"(,"annual_value":"1250000.10")"));
    REQUIRE(r);
    CHECK(r.agreement->tasks[0].annual_value->ore() == 125'000'010);
    r = json::read_agreement(minimal(R"(,"annual_value":1250000.10)"));
    REQUIRE(r);
    CHECK(r.agreement->tasks[0].annual_value->ore() == 125'000'010);
    r = json::read_agreement(minimal(R"(,"annual_value":8109449.99)"));
    REQUIRE(r);
    CHECK(r.agreement->tasks[0].annual_value->ore() == 810'944'999);
    r = json::read_agreement(minimal(R"(,"annual_value":92233720368547758.07)"));
    REQUIRE(r); // the largest amount that fits
    CHECK(r.agreement->tasks[0].annual_value->ore() == INT64_MAX);
    r = json::read_agreement(minimal(R"(,"annual_value":92233720368547758.08)"));
    REQUIRE_FALSE(r);
    CHECK(r.problems.at(0).to_string() == "/tasks/0/annual_value: amount 92233720368547758.08 is too large");
}

TEST_CASE("Missing and null facts are unknown, the named defaults apply", "[json]") {
    auto r = json::read_agreement(minimal({}, R"(,"compensation":{"money_per_year":null,"cost_per_year":{"staff":100,"premises":null}})"));
    REQUIRE(r);
    const Agreement& a = *r.agreement;
    CHECK_FALSE(a.tasks[0].within_competence.has_value());
    CHECK_FALSE(a.tasks[0].hamburg.open_market_share_percent.has_value());
    CHECK_FALSE(a.compensation->money_per_year.has_value());
    CHECK(a.compensation->in_kind_value_per_year == Money{}); // left out: no in-kind performance
    CHECK(a.compensation->cost_per_year->staff == Money::from_kronor(100));
    CHECK_FALSE(a.compensation->cost_per_year->premises.has_value()); // null: unknown
    CHECK(a.compensation->cost_per_year->overhead == Money{});        // left out: 0
    CHECK_FALSE(a.compensation->contractor_bears_share);
    CHECK_FALSE(a.clauses.has_value());
    r = json::read_agreement(minimal({}, R"(,"compensation":{"in_kind_value_per_year":null,"tolerance":{"percent":2.5}})"));
    REQUIRE(r);
    CHECK_FALSE(r.agreement->compensation->in_kind_value_per_year.has_value()); // exists, no value
    CHECK(r.agreement->compensation->tolerance == Tolerance::of_percent(*Percent::parse("2.5")));
}

TEST_CASE("A Swedish word for a value is answered with the value avtal/1 spells", "[json]") {
    auto r = json::read_agreement(minimal(R"(,"area":"Äldreomsorg")"));
    REQUIRE_FALSE(r);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].code == ProblemCode::bad_enum);
    CHECK(r.problems[0].message_sv.find("Menade du \"elderly_care\"?") != std::string::npos);
    r = json::read_agreement(std::string{R"({"schema":"avtal/1","id":"x","assessment_date":"2024-03-01",
      "parties":[{"id":"a","name":"A","kind":"kommun"},{"id":"b","name":"B","kind":"Landsting"}],
      "tasks":[{"id":"t","contractor":"a","principals":["b"],"huvudman":["b"],"nature":"Myndighetsutövning"}]})"});
    REQUIRE_FALSE(r);
    std::vector<std::string> got;
    for (const auto& p : r.problems) got.push_back(p.path + " " + p.message_sv.substr(0, p.message_sv.find(" Tillåtna")));
    CHECK(got == std::vector<std::string>{"/parties/0/kind Okänt värde \"kommun\". Menade du \"municipality\"?",
                                          "/parties/1/kind Okänt värde \"Landsting\". Menade du \"region\"?",
                                          "/tasks/0/nature Okänt värde \"Myndighetsutövning\". Menade du \"exercise_of_authority\"?"});
    // A word that is neither a value nor a Swedish name of one gets no guess of that kind.
    r = json::read_agreement(minimal(R"(,"area":"trädgård")"));
    REQUIRE_FALSE(r);
    CHECK(r.problems.at(0).message_sv.find("Menade du \"elderly_care\"") == std::string::npos);
}

TEST_CASE("A tolerance written as a percentage string points to the percent form", "[json]") {
    for (const char* written : {"2%", "2 %", "2,5 procent"}) {
        const auto r = json::read_agreement(minimal({}, std::string{R"(,"compensation":{"tolerance":")"} + written + "\"}"));
        REQUIRE_FALSE(r);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].path == "/compensation/tolerance");
        CHECK(r.problems[0].code == ProblemCode::bad_amount);
        CHECK(r.problems[0].message.find(std::string{"{\"percent\": "} + (written[1] == ',' ? "2.5" : "2") + "}") != std::string::npos);
        CHECK(r.problems[0].message_sv.find("En tolerans i procent skrivs") != std::string::npos);
    }
    // An amount in kronor is still an amount; a percent object still a percentage.
    auto r = json::read_agreement(minimal({}, R"(,"compensation":{"tolerance":"2000"})"));
    REQUIRE(r);
    CHECK(r.agreement->compensation->tolerance == Tolerance::of_amount(Money::from_kronor(2000)));
    r = json::read_agreement(minimal({}, R"(,"compensation":{"tolerance":"2 kr"})"));
    REQUIRE_FALSE(r);
    CHECK(r.problems.at(0).message_sv.find("En tolerans i procent") == std::string::npos);
}

TEST_CASE("Every problem of a document is reported, each with its path, and nothing is half-read", "[json]") {
    const std::string doc = R"({"schema":"avtal/1","id":"x","assessment_date":"2024-02-30","colour":"red",
      "parties":[{"id":"a","kind":"kommun"},{"id":"a","kind":"municipality","population":-5}],
      "tasks":[{"id":"t","contractor":"norrstrm","principals":["a"],"nature":"service","annual_value":"12,50"}],
      "clauses":["parties","budget"]})";
    const auto r = json::read_agreement(doc);
    REQUIRE_FALSE(r);
    std::vector<std::string> got;
    for (const auto& p : r.problems) got.push_back(p.to_string());
    const std::vector<std::string> expected = {
        "/colour: unknown key \"colour\" (allowed here: schema, id, title, assessment_date, term, parties, tasks, delegation, compensation, "
        "information, oversight, staff, creates_copyright_material, clauses)",
        "/assessment_date: invalid date \"2024-02-30\" (expected an existing date YYYY-MM-DD)",
        "/parties/0/kind: unknown value \"kommun\": did you mean \"municipality\"? (expected one of: municipality, region, municipal_federation, "
        "municipal_company, private_company, "
        "state_agency)",
        "/parties/1/population: negative population -5",
        "/tasks/0/annual_value: amounts use a point as decimal separator: 12.50 (not 12,50)",
        "/clauses/1: unknown value \"budget\" (expected one of: parties, contractor_tasks, delegation_scope, economic_terms, information_handling, "
        "follow_up, term, termination, data_protection, confidentiality, work_results, insurance, target_group, assignments, "
        "economic_responsibility, procurement_parameter, division_of_work, take_back)",
        "/parties/1/id: repeated party id \"a\"",
        "/tasks/0/contractor: unknown party \"norrstrm\"",
    };
    CHECK(got == expected);
    CHECK_FALSE(r.agreement.has_value());
    // In Swedish where the reader has the message, else in English.
    got.clear();
    for (const auto& p : r.problems) got.push_back(p.to_string(Lang::sv));
    const std::vector<std::string> expected_sv = {
        "/colour: Okänd nyckel \"colour\". Tillåtna nycklar här: schema, id, title, assessment_date, term, parties, tasks, delegation, compensation, "
        "information, oversight, staff, creates_copyright_material, clauses.",
        "/assessment_date: Ogiltigt datum \"2024-02-30\". Skriv ett datum som finns, i formen ÅÅÅÅ-MM-DD (till exempel 2024-03-01).",
        "/parties/0/kind: Okänt värde \"kommun\". Menade du \"municipality\"? Tillåtna värden: municipality, region, municipal_federation, "
        "municipal_company, private_company, "
        "state_agency.",
        "/parties/1/population: Invånarantalet kan inte vara mindre än noll: -5.",
        "/tasks/0/annual_value: Belopp skrivs med punkt som decimaltecken: 12.50 (inte 12,50).",
        "/clauses/1: Okänt värde \"budget\". Tillåtna värden: parties, contractor_tasks, delegation_scope, economic_terms, information_handling, "
        "follow_up, term, termination, data_protection, confidentiality, work_results, insurance, target_group, assignments, "
        "economic_responsibility, procurement_parameter, division_of_work, take_back.",
        "/parties/1/id: Två parter har samma id \"a\".",
        "/tasks/0/contractor: Okänd part \"norrstrm\": ingen part i avtalet har det id:t.",
    };
    CHECK(got == expected_sv);
}

TEST_CASE("Structural limits: nesting depth, invalid UTF-8, syntax", "[json]") {
    std::string deep = minimal({}, R"(,"clauses":)" + std::string(40, '[') + std::string(40, ']'));
    auto r = json::read_agreement(deep);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.problems.at(0).message, Catch::Contains("nesting too deep"));
    std::string bad = minimal();
    bad.replace(bad.find("\"A\""), 3, "\"\xC3\x28\"");
    r = json::read_agreement(bad);
    REQUIRE_FALSE(r);
    CHECK(r.problems.at(0).path.empty());
    CHECK_THAT(r.problems.at(0).message, Catch::StartsWith("invalid UTF-8 at byte"));
    r = json::read_agreement(R"({"id":"x",})");
    REQUIRE_FALSE(r);
    r = json::read_agreement("");
    REQUIRE_FALSE(r);
    CHECK(r.problems.at(0).to_string() == "empty document");
}

TEST_CASE("Batches: a JSON array, JSON Lines, or one pretty document with trailing text", "[json]") {
    std::string one = minimal();
    std::erase(one, '\n'); // one line each
    auto docs = json::read_batch("[" + one + "," + one + "]", "batch.json");
    REQUIRE(docs.size() == 2);
    CHECK(docs[1].source == "batch.json[1]");
    CHECK(docs[1].agreement.has_value());
    docs = json::read_batch(one + "\n" + one + "\n\n" + one + "\n", "-");
    REQUIRE(docs.size() == 3);
    CHECK(docs[2].source == "-:4");
    CHECK(docs[0].input_sha256 == json::sha256_hex(one));
    docs = json::read_batch("{\n\"id\": \"x\"\n}\ngarbage\n", "f.json");
    REQUIRE(docs.size() == 1);
    CHECK_THAT(docs[0].problems.at(0).message, Catch::StartsWith("unexpected text after the JSON value"));
}

TEST_CASE("Round trip: read, write, read gives an equal agreement, writing is stable", "[json][roundtrip]") {
    const auto files = bundled();
    REQUIRE(files.size() >= 10);
    for (const auto& f : files) {
        INFO(f.filename().string());
        const auto first = json::read_agreement(slurp(f));
        REQUIRE(first);
        const std::string written = json::write_agreement(*first.agreement);
        const auto second = json::read_agreement(written);
        REQUIRE(second);
        CHECK(*second.agreement == *first.agreement);
        CHECK(json::write_agreement(*second.agreement) == written);
    }
    // Built in C++ too, with unknowns and per-task compensation.
    Agreement a = test::norrstrom();
    a.tasks[0].within_competence.reset();
    a.tasks[0].principal_shares = std::vector<PrincipalShare>{{"fjallviken", *Percent::parse("100")}};
    a.tasks[0].teckal.similar_control = true;
    a.compensation->in_kind_value_per_year.reset();
    a.compensation->tolerance = Tolerance::of_percent(*Percent::parse("2.5"));
    a.delegation.used = true;
    a.delegation.delegates.push_back(Delegate{"familjebehandling", std::nullopt, "norrstrom", Matter::individual_case});
    const auto back = json::read_agreement(json::write_agreement(a));
    REQUIRE(back);
    CHECK(*back.agreement == a);
}

TEST_CASE("The JSON report has the schema's fields, explanation trees and the receipt", "[json][report]") {
    const std::string text = slurp(AVTAL_SOURCE_DIR "/examples/agreements/norrstrom-fjallviken.json");
    const auto doc = json::read_agreement(text);
    REQUIRE(doc);
    const Report r = check(*doc.agreement);
    const std::string out = json::write_report(r, {}, doc.input_sha256);
    const auto parsed = json::read_thresholds(out, "x"); // any JSON reader would do: it must at least parse
    CHECK_THAT(out,
               Catch::StartsWith(
                   R"({"schema":"avtal-report/1","agreement":"norrstrom-fjallviken","assessment_date":"2024-03-01","verdict":"ok","findings":[)"));
    CHECK_THAT(
        out,
        Catch::Contains(
            R"("procurement":[{"task":"familjebehandling","outcome":"exempt","exceptions":[{"id":"exception.public_authority","value":"no","explanation":{)"));
    CHECK_THAT(out, Catch::Contains(R"("allocation":[{"party":"fjallviken","amount":"5000000.00"}])"));
    CHECK_THAT(out, Catch::Contains(R"("receipt":{"avtal":"1.0.0","rules":")" + std::string{rules_version} + R"(","thresholds":"avtal builtin)"));
    CHECK_THAT(out, Catch::Contains("\"input_sha256\":\"" + json::sha256_hex(text) + "\""));
    CHECK_THAT(
        out,
        Catch::Contains(
            R"("threshold_rows":[{"category":"social_and_other_specific","valid_from":"2024-01-01","valid_to":"2025-12-31","amount":"8109450.00","inclusive":false)"));
    // Satisfied findings only with --all; info findings always.
    CHECK(out.find("\"rule\":\"party.kind_allowed\"") == std::string::npos);
    CHECK(out.find("\"rule\":\"task.special_legislation\"") != std::string::npos);
    const std::string all = json::write_report(r, {Lang::en, true}, doc.input_sha256);
    CHECK(all.find("\"rule\":\"party.kind_allowed\",\"status\":\"satisfied\"") != std::string::npos);
    CHECK_THAT(
        all,
        Catch::Contains(
            R"x("subject":"/parties/0","citation":"9 kap. 37 § första stycket kommunallagen (2017:725)","message":"Party «Norrströms kommun»: satisfied)x"));
}

TEST_CASE("The text report never splits a citation or a percentage across lines", "[json][report]") {
    // "10 kap.", "6 §", "17 och 18 §§", "80 %" and "19 a kap." stay on one
    // line at every width, so that a lawyer pasting the text into a memo
    // never gets a section number at the end of one line and its unit on
    // the next.
    const auto starts_with_unit = [](std::string_view line) {
        line.remove_prefix(std::min(line.find_first_not_of(' '), line.size()));
        for (std::string_view unit : {"kap.", "§ ", "§§", "% ", "procent"})
            if (line.substr(0, unit.size()) == unit) return true;
        return line == "§" || line == "%" || line.substr(0, 6) == "a kap.";
    };
    std::size_t citations_seen = 0;
    for (const auto& f : bundled()) {
        INFO(f.filename().string());
        const auto doc = json::read_agreement(slurp(f));
        REQUIRE(doc);
        const Report r = check(*doc.agreement);
        for (std::size_t width : {40u, 53u, 61u, 72u, 80u, 97u}) {
            const std::string text = render_text(r, {Lang::sv, true, doc.input_sha256, width});
            citations_seen += text.find(" kap. ") != std::string::npos;
            std::istringstream lines{text};
            std::string line;
            while (std::getline(lines, line)) {
                INFO(width << ": " << line);
                CHECK_FALSE(starts_with_unit(line));
            }
        }
    }
    CHECK(citations_seen > 0);
}

TEST_CASE("The text report fits 80 columns, the Markdown report is a document", "[json][report]") {
    for (const auto& f : bundled()) {
        INFO(f.filename().string());
        const auto doc = json::read_agreement(slurp(f));
        REQUIRE(doc);
        const Report r = check(*doc.agreement);
        for (Lang lang : {Lang::sv, Lang::en}) {
            const std::string text = render_text(r, {lang, true, doc.input_sha256, 80});
            std::istringstream lines{text};
            std::string line;
            while (std::getline(lines, line)) {
                std::size_t cols = 0;
                for (char c : line) cols += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                INFO(line);
                CHECK(cols <= 80);
            }
            for (bool all : {false, true}) {
                const std::string md = render_markdown(r, {lang, all, doc.input_sha256, 80});
                CHECK_THAT(md, Catch::StartsWith("# "));
                CHECK_THAT(md, Catch::Contains("\n## ") && Catch::EndsWith("\n"));
                // Every table cell stays short, so that a memo converted to
                // .docx (pandoc) keeps every column readable.
                std::istringstream md_lines{md};
                while (std::getline(md_lines, line)) {
                    if (line.empty() || line.front() != '|') continue;
                    std::size_t cell = 0;
                    for (std::size_t i = 1; i < line.size(); ++i) {
                        if (line[i] == '|' && line[i - 1] != '\\') {
                            INFO(line);
                            CHECK(cell <= 200);
                            cell = 0;
                        } else {
                            cell += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("The memo states the direct-award test per principal in a table, its limit once", "[json][report]") {
    const auto doc = json::read_agreement(slurp(std::filesystem::path{AVTAL_SOURCE_DIR} / "examples/agreements/ostergotland-hvb.json"));
    REQUIRE(doc);
    const Report r = check(*doc.agreement);
    const std::string md = render_markdown(r, {Lang::sv, false, doc.input_sha256, 80});
    CHECK_THAT(md, Catch::Contains("| Uppdragsgivare | Värde | Period som räknas | Gräns | Inom gränsen? |"));
    CHECK_THAT(md, Catch::Contains("| Region Östergötland | 26\u00a0400\u00a0000,15\u00a0kr | 48 månader | 8\u00a0109\u00a0450\u00a0kr "
                                   "(välfärdstjänster (bilaga 2 a till LOU; sedan 2022-02-01 i bilaga 2)) | nej |"));
    // Within the general limit, which applies to every category (LOU 19 a kap. 2 §).
    CHECK_THAT(md, Catch::Contains("| Ydre kommun | 534\u00a0176,84\u00a0kr | 48 månader | 700\u00a0000\u00a0kr (tjänster (allmän gräns)) | ja |"));
    // Each limit and its source are said once, under the table: two limits
    // apply (the general one for Ydre, the welfare one for the others).
    std::size_t sources = 0;
    for (auto pos = md.find("Nya beloppsgränser för 2024"); pos != std::string::npos; pos = md.find("Nya beloppsgränser för 2024", pos + 1))
        ++sources;
    CHECK(sources == 2);
    CHECK_THAT(md, Catch::Contains("SKR, *Avtalssamverkan inom socialtjänsten* (2023), kap. 3, fotnot 22"));
    CHECK(md.find("seed") == std::string::npos);
    CHECK(md.find("THRESHOLDS.md") == std::string::npos);
    CHECK(md.find("welfare") == std::string::npos);
    const std::string en = render_markdown(r, {Lang::en, false, doc.input_sha256, 80});
    CHECK_THAT(en, Catch::Contains("| Principal | Value | Period counted | Limit | Within? |"));
    CHECK_THAT(en, Catch::Contains("_Receipt: avtal "));
}

TEST_CASE("Threshold tables read and write, bad rows are reported", "[json][thresholds]") {
    const std::string text = json::write_thresholds(*builtin_thresholds());
    const auto r = json::read_thresholds(text, "copy.json");
    REQUIRE(r.table);
    CHECK(r.table->rows == builtin_thresholds()->rows);
    const auto bad = json::read_thresholds(
        R"({"rows":[{"category":"general","valid_from":"2024-01-01","valid_to":"2023-01-01","amount":1,"source":"x"},{"category":"socal","valid_from":"2024-01-01","amount":1}]})",
        "bad.json");
    REQUIRE_FALSE(bad.table);
    std::vector<std::string> got;
    for (const auto& p : bad.problems) got.push_back(p.to_string());
    CHECK(got == std::vector<std::string>{"/rows/0/valid_to: valid_to is before valid_from",
                                          "/rows/1/category: unknown value \"socal\" (expected one of: general, social_and_other_specific, welfare)",
                                          "/rows/1/source: every row needs its source"});
}

TEST_CASE("Repeated keys in a large object: the first counts, each repeated key is reported once", "[json][scale]") {
    // Over 16 keys the object is sorted rather than scanned pairwise: the
    // same answer in O(k log k).
    std::string weights;
    for (int i = 0; i < 40; ++i) weights += (i ? "," : "") + std::string{"\"p"} + std::to_string(i % 25) + "\":" + std::to_string(i + 1);
    const std::string doc = "{\"schema\":\"avtal/1\",\"id\":\"x\",\"parties\":[],\"tasks\":[],\"compensation\":{\"allocation\":{\"key\":\"usage\","
                            "\"weights\":{" +
                            weights + "}}}}";
    const auto r = json::read_agreement(doc);
    std::vector<std::string> repeated;
    for (const Problem& p : r.problems)
        if (p.message.starts_with("repeated key")) repeated.push_back(p.path);
    REQUIRE(repeated.size() == 15); // p0..p14 occur twice
    CHECK(repeated.front() == "/compensation/allocation/weights/p0");
    CHECK(repeated.back() == "/compensation/allocation/weights/p14");
    // The first occurrence is the value read: p0 has weight 1, not 26.
    bool unknown_p0 = false;
    for (const Problem& p : r.problems) unknown_p0 = unknown_p0 || p.path == "/compensation/allocation/weights/p0";
    CHECK(unknown_p0); // p0 is no party: reported at its path
}

TEST_CASE("Text and Markdown show control characters from the input, never pass them to the terminal", "[render][escape]") {
    Agreement a = test::norrstrom();
    a.title = "Avtal\nVerdict: forged";
    a.parties[1].name = "\x1b[31mFjällvikens kommun\x1b[0m\a\x7f";
    a.tasks[0].description = "tab\there";
    const Report r = check(a);
    for (const Lang lang : {Lang::sv, Lang::en}) {
        const RenderOptions o{lang, true, {}, 80};
        for (const std::string& out : {render_text(r, o), render_markdown(r, o), render_allocation(r.context(), r.allocation(), o)}) {
            for (const char c : out) {
                INFO(static_cast<int>(static_cast<unsigned char>(c)));
                CHECK(((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) || c == '\n'));
            }
        }
        // In the text report a line break in a title cannot forge a line of its own.
        CHECK(render_text(r, o).find("\nVerdict: forged") == std::string::npos);
        CHECK_THAT(render_text(r, o), Catch::Contains("\u241B[31mFjällvikens kommun\u241B[0m\u2407\u2421"));
    }
}

TEST_CASE("The memo lists every missing fact once, in the order first found, with each rule that needs it", "[json][report][missing]") {
    // 2 000 tasks whose target group is not stated: each path is needed by
    // content.children_warranted for its task and by every content.children
    // section (a list of 10⁴ paths, once looked up by a scan per path).
    Agreement a = test::norrstrom();
    const Task model = a.tasks[0];
    a.tasks.clear();
    a.clauses.reset();
    for (int i = 0; i < 2000; ++i) {
        Task t = model;
        t.id = "t" + std::to_string(i);
        t.target_group_children.reset();
        a.tasks.push_back(std::move(t));
    }
    const Report r = check(a);
    const std::string md = render_markdown(r, {Lang::en, false, {}, 80});
    const auto section = md.find("## Facts to find out");
    REQUIRE(section != std::string::npos);
    const std::string facts = md.substr(section, md.find("\n## ", section + 1) - section);
    std::size_t previous = 0;
    for (int i = 0; i < 2000; i += 111) {
        const std::string line = "- `/tasks/" + std::to_string(i) + "/target_group_children` (";
        const auto at = facts.find(line);
        REQUIRE(at != std::string::npos);
        CHECK(facts.find(line, at + 1) == std::string::npos); // once
        CHECK(at > previous);                                 // in task order
        previous = at;
        const std::string rules = facts.substr(at + line.size(), facts.find('\n', at) - at - line.size());
        CHECK_THAT(rules, Catch::Contains("`content.children`"));
    }
    CHECK_THAT(facts, Catch::Contains("- `/clauses` ("));
}

TEST_CASE("A citation that citation_is_formatted accepts is format_citation's own text, and the short forms are not accepted",
          "[json][report][citation]") {
    std::vector<std::string> citations;
    for (const Rule& r : builtin_rules()) citations.push_back(r.info().citation);
    for (const auto& e : builtin_exceptions()) citations.push_back(e.info().citation);
    for (const auto& c : citations)
        if (citation_is_formatted(c)) CHECK(format_citation(c) == c);
    CHECK(std::any_of(citations.begin(), citations.end(), [](const std::string& c) { return !citation_is_formatted(c); }));
    for (const char* c : {"SKR 2023 kap. 2", "LOU; SKR 2023, fotnot 22", "SKR, Avtalssamverkan inom socialtjänsten (2023) kap. 3"}) {
        CHECK_FALSE(citation_is_formatted(c));
        CHECK(format_citation(c) != c);
    }
    const std::string full = "SKR, Avtalssamverkan inom socialtjänsten (2023), kap. 3";
    CHECK(citation_is_formatted(full));
    CHECK(format_citation(full) == full);
}
