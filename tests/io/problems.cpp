// Typed problems of the reader: every malformed document's problem at its
// path carries the code that tests/malformed/EXPECTED.tsv names, codes cross
// JSON by name, and the reader keeps validate()'s problems by code, never by
// the wording of a message.
#include "support.hpp"

#include <avtal/io/json.hpp>

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

std::vector<ProblemCode> codes(const json::ReadResult& r) {
    std::vector<ProblemCode> out;
    for (const auto& p : r.problems) out.push_back(p.code);
    return out;
}

} // namespace

TEST_CASE("Every malformed document is reported with the code of its kind at its path", "[json][problems]") {
    std::ifstream table{AVTAL_SOURCE_DIR "/tests/malformed/EXPECTED.tsv"};
    std::string line;
    std::size_t rows = 0;
    while (std::getline(table, line)) {
        std::vector<std::string> f;
        std::stringstream cells{line};
        for (std::string cell; std::getline(cells, cell, '\t');) f.push_back(cell);
        REQUIRE(f.size() == 4);
        ++rows;
        INFO(f[0]);
        const auto expected = enum_from_string<ProblemCode>(f[3]);
        REQUIRE(expected);
        const auto r = json::read_agreement(slurp(std::filesystem::path{AVTAL_SOURCE_DIR "/tests/malformed"} / f[0]));
        REQUIRE_FALSE(r);
        const auto at = std::find_if(r.problems.begin(), r.problems.end(), [&](const Problem& p) { return p.path == f[1]; });
        REQUIRE(at != r.problems.end());
        CHECK(at->code == *expected);
    }
    CHECK(rows >= 66);
}

TEST_CASE("Codes of problems that no single malformed file shows", "[json][problems]") {
    const std::string parties = R"("parties":[{"id":"a","kind":"municipality"},{"id":"b","kind":"municipality"}])";
    // A party without an id: missing_value, and no dangling reference to it.
    auto r = json::read_agreement(R"({"parties":[{"kind":"municipality"}],"tasks":[{"id":"t","contractor":"a"}]})");
    CHECK(codes(r) == std::vector<ProblemCode>{ProblemCode::missing_value});
    CHECK(r.problems.at(0).path == "/parties/0/id");
    // An empty id is missing too (validate()).
    r = json::read_agreement(R"({"parties":[{"id":""}]})");
    CHECK(codes(r) == std::vector<ProblemCode>{ProblemCode::missing_value});
    // A task id that cannot be read: a delegation naming a task is not a dangling reference.
    r = json::read_agreement("{" + parties + R"(,"tasks":[{"id":7}],"delegation":{"delegates":[{"task":"t"}]}})");
    CHECK(codes(r) == std::vector<ProblemCode>{ProblemCode::wrong_type});
    // ... but it is one when every task id was read.
    r = json::read_agreement("{" + parties + R"(,"tasks":[{"id":"u"}],"delegation":{"delegates":[{"task":"t"}]}})");
    CHECK(codes(r) == std::vector<ProblemCode>{ProblemCode::dangling_reference});
    // A party listed twice among the principals.
    r = json::read_agreement("{" + parties + R"(,"tasks":[{"id":"t","principals":["b","b"]}]})");
    CHECK(codes(r) == std::vector<ProblemCode>{ProblemCode::repeated_reference});
    // Delegations listed while delegation.used is false; compensation stated twice.
    r = json::read_agreement("{" + parties + R"(,"delegation":{"used":false,"delegates":[{"to":"employee"}]}})");
    CHECK(codes(r) == std::vector<ProblemCode>{ProblemCode::contradiction});
    r = json::read_agreement("{" + parties + R"(,"tasks":[{"id":"t","compensation":{}}],"compensation":{}})");
    CHECK(codes(r) == std::vector<ProblemCode>{ProblemCode::contradiction});
    // A null share in a map of shares.
    r = json::read_agreement("{" + parties + R"(,"tasks":[{"id":"t","principals":["b"],"principal_shares":{"b":null}}]})");
    CHECK(codes(r).at(0) == ProblemCode::missing_value);
}

TEST_CASE("Codes cross JSON by their snake_case names in avtal-error/1", "[json][problems]") {
    const auto r = json::read_agreement(R"({"colour":"red","term":{"months":1.5}})");
    REQUIRE_FALSE(r);
    const std::string out = json::write_error(r, Lang::en);
    CHECK(out.starts_with(R"({"schema":"avtal-error/1","input_sha256":")" + r.input_sha256 + R"(","problems":[)"));
    CHECK_THAT(out, Catch::Contains(R"({"code":"unknown_key","path":"/colour","message":"unknown key \"colour\" (allowed here: )"));
    CHECK_THAT(json::write_error(r), Catch::Contains(R"("message":"Okänd nyckel \"colour\". Tillåtna nycklar här: )"));
    CHECK_THAT(out, Catch::Contains(R"({"code":"bad_number","path":"/term/months",)"));
    for_each_enumerator<ProblemCode>([](ProblemCode c) { CHECK(enum_from_string<ProblemCode>(to_string(c)) == c); });
}
