// avtal's benchmarks. Targets (medians on a 2-core machine): (a) check() of
// the Norrström–Fjällviken agreement in memory ≤ 2 µs; (b) JSON read +
// check + JSON report ≤ 8 µs (issue 16); (c) the procurement resolution of one task
// ≤ 200 ns; (d) allocation over 290 parties ≤ 20 µs. (e), 10 000 agreements
// through the avtal command, is timed by bench/run.sh.
#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>

#include <benchmark/benchmark.h>

#include <fstream>
#include <random>
#include <sstream>

namespace {

std::string norrstrom_text() {
    std::ifstream in{AVTAL_SOURCE_DIR "/examples/agreements/norrstrom-fjallviken.json"};
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const avtal::Agreement& norrstrom() {
    static const avtal::Agreement a = *avtal::json::read_agreement(norrstrom_text()).agreement;
    return a;
}

void check_in_memory(benchmark::State& state) {
    const avtal::Agreement& a = norrstrom();
    for (auto _ : state) {
        avtal::Report r = avtal::check(a);
        benchmark::DoNotOptimize(r.verdict());
    }
}
BENCHMARK(check_in_memory)->Name("a_check_norrstrom_in_memory");

void read_check_write(benchmark::State& state) {
    const std::string text = norrstrom_text();
    avtal::CheckOptions options;
    options.validated = true; // as the avtal command checks it: the reader validated the agreement
    for (auto _ : state) {
        const auto doc = avtal::json::read_agreement(text);
        const avtal::Report r = avtal::check(*doc.agreement, options);
        std::string out = avtal::json::write_report(r, {}, doc.input_sha256);
        benchmark::DoNotOptimize(out.data());
    }
}
BENCHMARK(read_check_write)->Name("b_json_read_check_report");

void procurement_one_task(benchmark::State& state) {
    const avtal::Context ctx{norrstrom()};
    for (auto _ : state) {
        avtal::ProcurementResult r = avtal::resolve_procurement(ctx, 0);
        benchmark::DoNotOptimize(r.outcome);
    }
}
BENCHMARK(procurement_one_task)->Name("c_procurement_resolution_one_task");

void allocation_290(benchmark::State& state) {
    // 290 municipalities weighted by population. The populations are drawn
    // with a fixed seed from Sweden's spread (about 2 400 to 990 000
    // inhabitants, log-uniform); the work does not depend on the values.
    std::mt19937_64 rng{290};
    std::uniform_real_distribution<double> log_pop(std::log(2'400.0), std::log(990'000.0));
    std::vector<avtal::Decimal> weights;
    for (int i = 0; i < 290; ++i) weights.push_back(avtal::Decimal::whole(static_cast<std::int64_t>(std::exp(log_pop(rng)))));
    const avtal::Money amount = avtal::Money::from_ore(123'456'789'012);
    for (auto _ : state) {
        avtal::AllocationResult r = avtal::allocate(amount, weights);
        benchmark::DoNotOptimize(r.parts.data());
    }
}
BENCHMARK(allocation_290)->Name("d_allocation_290_parties");

} // namespace

BENCHMARK_MAIN();
