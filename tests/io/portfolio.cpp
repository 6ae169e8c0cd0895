// The board's annual report on a party's whole portfolio (9 kap. 38 § KL):
// Lund's cooperations as SKR 2023 kap. 4 lists them, money that balances
// to the öre, attention items, bad input among good, and the writers.
#include "support.hpp"

#include <avtal/io/json.hpp>
#include <avtal/io/portfolio.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace avtal;
using avtal::test::kr;
using avtal::test::ymd;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in{p, std::ios::binary};
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<PortfolioDocument> bundled_documents() {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator{AVTAL_SOURCE_DIR "/examples/agreements"})
        if (e.path().extension() == ".json") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    std::vector<PortfolioDocument> docs;
    for (const auto& p : paths) docs.push_back({p.filename().string(), slurp(p)});
    return docs;
}

Portfolio bundled_portfolio() {
    Portfolio p;
    for (const PortfolioDocument& d : bundled_documents())
        for (json::ReadResult& r : json::read_batch(d.text, d.source)) {
            REQUIRE(r.agreement);
            p.add(std::move(*r.agreement), r.source, r.input_sha256);
        }
    return p;
}

/// Two municipalities performing a task each for the other (reciprocal
/// agreement, per-task compensation): Asby runs the family counselling,
/// Bergvik the social emergency service.
Agreement reciprocal() {
    Agreement a = avtal::test::norrstrom();
    a.id = "reciprocal";
    a.parties = {Party{"asby", "Asby kommun", PartyKind::municipality, 10000, std::nullopt},
                 Party{"bergvik", "Bergviks kommun", PartyKind::municipality, 5000, std::nullopt}};
    a.compensation.reset();
    Task t1 = a.tasks[0];
    t1.id = "familjeradgivning";
    t1.contractor = "asby";
    t1.principals = std::vector<Id>{"bergvik"};
    t1.huvudman = t1.principals;
    t1.annual_value = kr(400'000);
    Compensation c;
    c.money_per_year = kr(400'000);
    c.cost_per_year = CostComponents{kr(400'000), Money{}, Money{}, Money{}, Money{}};
    c.allocation = Allocation{AllocationKey::population, std::nullopt};
    t1.compensation = c;
    Task t2 = t1;
    t2.id = "socialjour";
    t2.contractor = "bergvik";
    t2.principals = std::vector<Id>{"asby"};
    t2.huvudman = t2.principals;
    t2.annual_value = kr(250'000);
    c.money_per_year = Money::from_ore(25'000'050);
    c.cost_per_year = CostComponents{Money::from_ore(25'000'050), Money{}, Money{}, Money{}, Money{}};
    c.in_kind_value_per_year = kr(10'000);
    t2.compensation = c;
    a.tasks = {t1, t2};
    return a;
}

} // namespace

TEST_CASE("portfolio: Lund's cooperations are the six of SKR 2023 kap. 4 (Rapport om avtalssamverkan 2022)") {
    // Transcribed from seed 000 ch. 4, "Avtalssamverkan kring olika
    // socialtjänstinsatser": the cooperating municipalities (and Region
    // Skåne where the text names the region or primary care), whether the
    // cooperation takes decisions of authority itself.
    struct Seed {
        std::string agreement;
        std::set<std::string> parties;
        Decider decides;
        std::optional<TaskNature> nature; // "serviceinstans" or "fattar myndighetsbeslut"; Barnahus and Kriscentrum say neither
    };
    const std::vector<Seed> seed = {
        {"lund-barnahus", {"burlov", "eslov", "horby", "hoor", "kavlinge", "lomma", "lund", "staffanstorp"}, Decider::each_party, std::nullopt},
        {"lund-kriscentrum", {"burlov", "eslov", "hoor", "kavlinge", "lomma", "lund", "staffanstorp"}, Decider::each_party, std::nullopt},
        {"lund-social-jouren", {"hoor", "eslov", "kavlinge", "lund", "staffanstorp"}, Decider::contractor_staff, TaskNature::exercise_of_authority},
        {"lund-unga-vuxna", {"kavlinge", "lund", "staffanstorp", "region_skane"}, Decider::each_party, TaskNature::service},
        {"lund-mariamottagning",
         {"region_skane", "lund", "lomma", "kavlinge", "burlov", "eslov", "horby", "hoor"},
         Decider::each_party,
         TaskNature::service},
        {"lund-familjeradgivning", {"kavlinge", "lomma", "lund", "staffanstorp", "burlov", "hoor"}, Decider::each_party, TaskNature::service},
    };
    const Portfolio p = bundled_portfolio();
    const PortfolioReport r = portfolio_report(p, "lund", 2025);
    REQUIRE(r.found());
    CHECK(r.name == "Lunds kommun");
    REQUIRE(r.agreements.size() == seed.size());
    std::set<std::string> reported;
    for (const PortfolioAgreement& pa : r.agreements) {
        reported.insert(pa.agreement().id);
        const auto it = std::find_if(seed.begin(), seed.end(), [&](const Seed& s) { return s.agreement == pa.agreement().id; });
        REQUIRE(it != seed.end());
        INFO(pa.agreement().id);
        REQUIRE(pa.tasks.size() == 1);
        const PortfolioTask& t = pa.tasks[0];
        std::set<std::string> parties{"lund"};
        for (std::size_t k : t.counterparties) parties.insert(pa.agreement().parties[k].id);
        CHECK(parties == it->parties);
        CHECK(t.decides == it->decides);
        if (it->nature) CHECK(pa.agreement().tasks[t.task].nature == it->nature);
        CHECK(t.role == PortfolioRole::contractor); // Lund hosts every one of them
    }
    CHECK(reported.size() == seed.size());
    CHECK(r.totals.tasks_as_contractor == 6);
    CHECK(r.totals.tasks_as_principal == 0);
}

TEST_CASE("portfolio: what every party pays is what every party receives, to the öre") {
    const Portfolio p = bundled_portfolio();
    std::vector<PortfolioReport> reports;
    for (const std::string& id : p.party_ids()) reports.push_back(portfolio_report(p, id, 2024));
    const PortfolioSummary s = portfolio_summary(p, reports, 2024);
    CHECK(s.lines.size() == p.party_ids().size());
    CHECK_FALSE(s.all.overflow);
    CHECK(s.all.pays == s.all.receives);
    CHECK(s.all.pays.ore() > 0);
    // The Östergötland HVB: the region and twelve municipalities pay Norrköping, which bears its own share.
    const auto nkpg = std::find_if(reports.begin(), reports.end(), [](const PortfolioReport& r) { return r.party == "norrkoping"; });
    REQUIRE(nkpg != reports.end());
    CHECK(nkpg->totals.receives == Money::from_ore(1'866'044'376));
    CHECK(nkpg->totals.own_share == Money::from_ore(533'955'624));
    Money paid_to_norrkoping{};
    for (const PortfolioReport& r : reports)
        for (const PortfolioAgreement& pa : r.agreements)
            if (pa.agreement().id == "ostergotland-hvb") paid_to_norrkoping += pa.pays;
    CHECK(paid_to_norrkoping == nkpg->totals.receives);
}

TEST_CASE("portfolio: a reciprocal agreement, each party principal of one task and contractor of the other") {
    Portfolio p;
    p.add(reciprocal(), "reciprocal");
    const PortfolioReport asby = portfolio_report(p, "asby", 2024);
    const PortfolioReport bergvik = portfolio_report(p, "bergvik", 2024);
    REQUIRE(asby.agreements.size() == 1);
    CHECK(asby.totals.tasks_as_contractor == 1);
    CHECK(asby.totals.tasks_as_principal == 1);
    CHECK(asby.totals.receives == kr(400'000));
    CHECK(asby.totals.pays == Money::from_ore(25'000'050));
    CHECK(bergvik.totals.pays == kr(400'000));
    CHECK(bergvik.totals.receives == Money::from_ore(25'000'050));
    CHECK(bergvik.totals.in_kind_received == kr(10'000));
    CHECK(asby.totals.in_kind_paid == kr(10'000));
    // Bergvik's terms: 250 000,50 kr in money and 10 000 kr in kind for a cost of 250 000,50 kr.
    const auto& m = bergvik.agreements[0].money;
    const auto it = std::find_if(m.begin(), m.end(), [](const PortfolioMoney& x) { return x.role == PortfolioRole::contractor; });
    REQUIRE(it != m.end());
    CHECK(it->balance == kr(10'000));
    CHECK(it->no_profit == Status::violated);
}

TEST_CASE("portfolio: a term's last day") {
    CHECK(term_end(ymd(2023, 1, 1), 36) == ymd(2025, 12, 31));
    CHECK(term_end(ymd(2024, 3, 15), 12) == ymd(2025, 3, 14));
    CHECK(term_end(ymd(2024, 1, 31), 1) == ymd(2024, 2, 29)); // no 31 February: the month's last day
    CHECK(term_end(ymd(2023, 3, 1), 0) == ymd(2023, 2, 28));
}

TEST_CASE("portfolio: what needs attention before the next report") {
    Agreement a = avtal::test::norrstrom();
    a.term.start = ymd(2025, 3, 1); // 12 months: ends 2026-02-28, within twelve months of 2025-12-31
    a.oversight.follow_up = std::nullopt;
    a.oversight.annual_report_to_council = false;
    a.delegation.used = true;
    a.delegation.agreed = true;
    a.delegation.reporting_to_principal = std::nullopt;
    Portfolio p;
    p.add(a, "a.json");
    const auto kinds = [](const PortfolioReport& r) {
        std::map<AttentionKind, const Attention*> k;
        for (const Attention& x : r.attention) k[x.kind] = &x;
        return k;
    };
    {
        const PortfolioReport r = portfolio_report(p, "fjallviken", 2025);
        const auto k = kinds(r);
        REQUIRE(k.count(AttentionKind::term_ends) == 1);
        CHECK(k.at(AttentionKind::term_ends)->date == ymd(2026, 2, 28));
        REQUIRE(k.count(AttentionKind::no_follow_up) == 1);
        CHECK_FALSE(k.at(AttentionKind::no_follow_up)->stated);
        REQUIRE(k.count(AttentionKind::no_annual_report) == 1);
        CHECK(k.at(AttentionKind::no_annual_report)->stated);
        REQUIRE(k.count(AttentionKind::delegation_no_reporting) == 1);
        CHECK(k.at(AttentionKind::delegation_no_reporting)->path == "/delegation/reporting_to_principal");
        // Social services: 8 109 450 kr until 2025-12-31, no confirmed row from 2026-01-01 (THRESHOLDS.md).
        REQUIRE(k.count(AttentionKind::no_confirmed_limit) == 1);
        const Attention& l = *k.at(AttentionKind::no_confirmed_limit);
        CHECK(l.date == ymd(2026, 1, 1));
        REQUIRE(l.current != nullptr);
        CHECK(l.current->amount == kr(8'109'450));
        REQUIRE(l.floor != nullptr);
        CHECK(l.floor->amount == kr(700'000));
        CHECK(l.resting_on_direct_award == 1);
    }
    {
        // A year earlier the term runs past the next report and the 2024–2025 row past it too.
        const PortfolioReport r = portfolio_report(p, "fjallviken", 2023);
        const auto k = kinds(r);
        CHECK(k.count(AttentionKind::term_ends) == 0);
        REQUIRE(k.count(AttentionKind::limit_changes) == 1);
        const Attention& l = *k.at(AttentionKind::limit_changes);
        CHECK(l.date == ymd(2024, 1, 1));
        CHECK(l.current->amount == kr(7'802'550));
        CHECK(l.next->amount == kr(8'109'450));
    }
    {
        const PortfolioReport r = portfolio_report(p, "fjallviken", 2026);
        CHECK(kinds(r).count(AttentionKind::term_ended) == 1);
    }
    a.term = Term{std::nullopt, std::nullopt, true};
    a.oversight.follow_up = true;
    a.oversight.annual_report_to_council = true;
    a.delegation.reporting_to_principal = true;
    Portfolio q;
    q.add(a, "b.json");
    const auto k = kinds(portfolio_report(q, "fjallviken", 2023));
    CHECK(k.count(AttentionKind::until_further_notice) == 1);
    CHECK(k.count(AttentionKind::no_follow_up) == 0);
    CHECK(k.count(AttentionKind::no_annual_report) == 0);
    CHECK(k.count(AttentionKind::delegation_no_reporting) == 0);
}

TEST_CASE("portfolio: a bad document among good ones is reported with its file and path, the rest still read") {
    PortfolioRequest req;
    req.party = "lund";
    req.year = 2024;
    req.documents = {{"lund-barnahus.json", slurp(AVTAL_SOURCE_DIR "/examples/agreements/lund-barnahus.json")},
                     {"ref-principal.json", slurp(AVTAL_SOURCE_DIR "/tests/malformed/ref-principal.json")},
                     {"broken.jsonl", "{\"schema\": \"avtal/1\",\n"},
                     {"lund-kriscentrum.json", slurp(AVTAL_SOURCE_DIR "/examples/agreements/lund-kriscentrum.json")}};
    for (PortfolioFormat f : {PortfolioFormat::markdown, PortfolioFormat::json, PortfolioFormat::html, PortfolioFormat::text}) {
        req.format = f;
        const PortfolioOutput out = portfolio_from_documents(req);
        CHECK(out.exit_code == 2);
        REQUIRE(out.errors.size() >= 2);
        CHECK(out.errors[0].find("ref-principal.json: /tasks/0/principals/1: unknown party \"dalbyy\"") != std::string::npos);
        CHECK(out.errors.back().find("broken.jsonl") == 0);
        CHECK(out.output.find("ref-principal.json") != std::string::npos);
        CHECK(out.output.find("/tasks/0/principals/1") != std::string::npos);
        CHECK(out.output.find("broken.jsonl") != std::string::npos);
        CHECK(out.output.find("Barnahus") != std::string::npos);
        CHECK(out.output.find("Kriscentrum") != std::string::npos);
    }
    req.documents.erase(req.documents.begin() + 1, req.documents.begin() + 3);
    CHECK(portfolio_from_documents(req).exit_code == 0);
    req.party = "nobody";
    const PortfolioOutput none = portfolio_from_documents(req);
    CHECK(none.exit_code == 2);
    CHECK(none.errors.at(0).find("nobody") != std::string::npos);
}

TEST_CASE("portfolio: the compliance table puts the rules of law broken apart from the guidance not followed") {
    const Portfolio p = bundled_portfolio();
    const PortfolioReport r = portfolio_report(p, "asby", 2025);
    for (Lang lang : {Lang::sv, Lang::en}) {
        const std::string md = render_portfolio_markdown(r, {lang, 80});
        CHECK(md.find(lang == Lang::sv ? "| Överträdda regler | Avvikelser från vägledning |" : "| Violated rules | Departures from guidance |") !=
              std::string::npos);
        // Overcompensation breaks självkostnadsprincipen (an error) and lacks SKR's take-back clause (guidance).
        // Its row of the compliance table (the agreement's other rows are in the other tables).
        const auto section = md.find(lang == Lang::sv ? "## Efterlevnad" : "## Compliance");
        REQUIRE(section != std::string::npos);
        const auto row = md.find("| Fel: ersättningen överstiger uppdragstagarens självkostnad | ", section);
        REQUIRE(row != std::string::npos);
        const std::string line = md.substr(row, md.find('\n', row) - row);
        CHECK(line.find("| compensation.no_profit | content.take_back |") != std::string::npos);
    }
    // An agreement that breaks no rule of law shows "–" among the violated rules, its guidance apart.
    const std::string lund = render_portfolio_markdown(portfolio_report(p, "lund", 2025), {Lang::sv, 80});
    CHECK(lund.find("| Barnahus mellersta Skåne | OK | – | content.take_back |") != std::string::npos);
}

TEST_CASE("portfolio: every party's reports through a sink are the same bytes as returned whole, one piece per report") {
    PortfolioRequest req;
    req.all_parties = true;
    req.year = 2025;
    req.documents = bundled_documents();
    for (Lang lang : {Lang::sv, Lang::en})
        for (PortfolioFormat f : {PortfolioFormat::json, PortfolioFormat::markdown, PortfolioFormat::text, PortfolioFormat::html}) {
            CAPTURE(to_string(f), lang == Lang::sv);
            req.format = f;
            req.lang = lang;
            req.sink = {};
            const PortfolioOutput whole = portfolio_from_documents(req);
            REQUIRE(whole.exit_code == 0);
            REQUIRE(!whole.output.empty());
            std::vector<std::string> pieces;
            req.sink = [&pieces](std::string_view piece) { pieces.emplace_back(piece); };
            const PortfolioOutput streamed = portfolio_from_documents(req);
            CHECK(streamed.exit_code == 0);
            CHECK(streamed.output.empty());
            std::string joined;
            for (const std::string& piece : pieces) joined += piece;
            CHECK(joined == whole.output);
            // One piece per party and one for the end (HTML: one piece, the whole document).
            const std::size_t parties = bundled_portfolio().party_ids().size();
            CHECK(pieces.size() == (f == PortfolioFormat::html ? 1 : parties + 1));
        }
}

TEST_CASE("portfolio: the writers are deterministic and name the party's totals") {
    const Portfolio p = bundled_portfolio();
    const PortfolioReport r = portfolio_report(p, "lund", 2025);
    for (Lang lang : {Lang::sv, Lang::en}) {
        const PortfolioRenderOptions o{lang, 80};
        CHECK(render_portfolio_html(r, o) == render_portfolio_html(portfolio_report(p, "lund", 2025), o));
        CHECK(render_portfolio_svg(r, o) == render_portfolio_svg(portfolio_report(p, "lund", 2025), o));
        const std::string md = render_portfolio_markdown(r, o);
        CHECK(md.find(lang == Lang::sv ? "| **Summa** |" : "| **Total** |") != std::string::npos);
        CHECK(md.find(Money::from_ore(2'525'679'214).display(lang == Lang::sv)) != std::string::npos);
        const std::string text = render_portfolio_text(r, o);
        std::istringstream lines{text};
        for (std::string line; std::getline(lines, line);) {
            std::size_t n = 0;
            for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            // Only an unbreakable word (a long path or amount) may pass the width.
            if (n > 80) CHECK(line.find(' ', line.find_first_not_of(' ')) == std::string::npos);
        }
    }
    const std::string j = write_portfolio(r);
    CHECK(j.find("\"schema\": \"avtal-portfolio/1\"") != std::string::npos);
    CHECK(j.find("\"receives\": \"25256792.14\"") != std::string::npos);
}
