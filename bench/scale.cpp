// Scaling benchmarks (issue 19): JSON read + check() of generated agreements
// with 1 000, 10 000 and 100 000 tasks, parties, and keys in one object;
// tasks that share principals and parties that buy one service, whose
// shares come from the allocation key (the direct-award test's worst case);
// and the tasks again with the same total value at every size (the first
// case's tasks exceed the direct-award limit from 10⁵ on, which changes the
// work per task, not the algorithm).
// Time must grow linearly (or as n log n): each step of 10× should cost
// about 10×, and 100 000 tasks check in well under 2 s. Each run also
// counts the peak heap (every operator new of the process, in use at once)
// while the document is read and checked; after the usual table the bench
// prints CPU time and peak heap per case with the ratio to the step before.
//
//   build/bench/bench/avtal_scale_bench [--benchmark_repetitions=3]
#include <avtal/avtal.hpp>
#include <avtal/io/json.hpp>

#include <benchmark/benchmark.h>

#include <malloc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace {

/// Heap bytes in use now and the most in use since the last reset.
std::atomic<std::size_t> heap_now{0}, heap_peak{0};

void count_alloc(void* p) {
    if (!p) return;
    const std::size_t now = heap_now.fetch_add(malloc_usable_size(p), std::memory_order_relaxed) + malloc_usable_size(p);
    std::size_t peak = heap_peak.load(std::memory_order_relaxed);
    while (now > peak && !heap_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }
}

} // namespace

// Every allocation of the process is counted (the default nothrow and array
// forms forward to these).
void* operator new(std::size_t n) {
    void* p = std::malloc(n == 0 ? 1 : n);
    if (!p) throw std::bad_alloc{};
    count_alloc(p);
    return p;
}
void operator delete(void* p) noexcept {
    if (!p) return;
    heap_now.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
    std::free(p);
}
void operator delete(void* p, std::size_t /*size*/) noexcept { ::operator delete(p); }

namespace {

/// A valid agreement with `tasks` service tasks of one contractor for nine
/// principals (each task for one of them), agreement-level compensation.
std::string many_tasks(std::size_t tasks) {
    std::string s = R"({"schema":"avtal/1","id":"scale-tasks","title":"t","assessment_date":"2024-03-01",)"
                    R"("term":{"months":12,"extension_months":0,"until_further_notice":false},"parties":[)";
    for (int p = 0; p < 10; ++p)
        s += std::string{p ? "," : ""} + R"({"id":"p)" + std::to_string(p) + R"(","name":"P","kind":"municipality","population":)" +
             std::to_string(1000 + p) + "}";
    s += R"(],"tasks":[)";
    for (std::size_t i = 0; i < tasks; ++i)
        s += std::string{i ? "," : ""} + R"({"id":"t)" + std::to_string(i) + R"(","contractor":"p0","principals":["p)" + std::to_string(1 + i % 9) +
             R"("],"huvudman":["p)" + std::to_string(1 + i % 9) +
             R"("],"nature":"service","area":"social_services","category":"social_and_other_specific","within_competence":true,"annual_value":1000})";
    s += R"(],"compensation":{"money_per_year":1000000,"cost_per_year":{"staff":1000000},"allocation":{"key":"population"}}})";
    return s;
}

/// `many_tasks` with the same total annual value (1 000 000) at every size,
/// so that the direct-award test's outcome, and with it each task's work, is
/// the same at every size: `many_tasks` crosses the direct-award limit
/// between 10⁴ and 10⁵ tasks (each principal's tasks then add up to more
/// than the limit), after which `procurement.required` is undetermined for
/// every task, with its missing facts, and the ratio shows that extra work.
std::string many_tasks_same_total(std::size_t tasks) {
    const std::string text = many_tasks(tasks);
    const std::string from = R"("annual_value":1000})", to = R"("annual_value":)" + std::to_string(1'000'000 / tasks) + "}";
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    for (std::size_t k = text.find(from); k != std::string::npos; k = text.find(from, pos)) {
        out.append(text, pos, k - pos);
        out += to;
        pos = k + from.size();
    }
    out.append(text, pos);
    return out;
}

/// A valid agreement with `parties` parties: one task that the first
/// performs for all the others, cost shared by population.
std::string many_parties(std::size_t parties) {
    std::string s = R"({"schema":"avtal/1","id":"scale-parties","assessment_date":"2024-03-01","parties":[)";
    for (std::size_t p = 0; p < parties; ++p)
        s += std::string{p ? "," : ""} + R"({"id":"p)" + std::to_string(p) + R"(","name":"P","kind":"municipality","population":)" +
             std::to_string(1000 + p) + "}";
    std::string principals;
    for (std::size_t p = 1; p < parties; ++p) principals += std::string{p > 1 ? "," : ""} + "\"p" + std::to_string(p) + "\"";
    s += R"(],"tasks":[{"id":"t","contractor":"p0","principals":[)" + principals + R"(],"huvudman":[)" + principals +
         R"(],"nature":"exercise_of_authority","area":"social_services"}],)";
    s += R"("compensation":{"money_per_year":1000000,"cost_per_year":{"staff":1000000},"allocation":{"key":"population"}}})";
    return s;
}

/// A valid agreement with `tasks` service tasks of one contractor, each for
/// three of 99 principals without `principal_shares`: every share comes from
/// the population key, and each principal is named by a third of the tasks.
std::string many_shared_tasks(std::size_t tasks) {
    std::string s = R"({"schema":"avtal/1","id":"scale-shared","title":"t","assessment_date":"2024-03-01",)"
                    R"("term":{"months":12,"extension_months":0,"until_further_notice":false},"parties":[)";
    for (int p = 0; p < 100; ++p)
        s += std::string{p ? "," : ""} + R"({"id":"p)" + std::to_string(p) + R"(","name":"P","kind":"municipality","population":)" +
             std::to_string(1000 + p) + "}";
    s += R"(],"tasks":[)";
    for (std::size_t i = 0; i < tasks; ++i) {
        const std::string ps =
            "\"p" + std::to_string(1 + i % 99) + "\",\"p" + std::to_string(1 + (i + 33) % 99) + "\",\"p" + std::to_string(1 + (i + 66) % 99) + "\"";
        s += std::string{i ? "," : ""} + R"({"id":"t)" + std::to_string(i) + R"(","contractor":"p0","principals":[)" + ps + R"(],"huvudman":[)" + ps +
             R"(],"nature":"service","area":"social_services","category":"general","within_competence":true,"annual_value":1000})";
    }
    s += R"(],"compensation":{"money_per_year":1000000,"cost_per_year":{"staff":1000000},"allocation":{"key":"population"}}})";
    return s;
}

/// A valid agreement with `parties` parties: one service task that the
/// first performs for all the others, each principal's share from the
/// population key (the direct-award test for every principal).
std::string many_service_parties(std::size_t parties) {
    std::string s = R"({"schema":"avtal/1","id":"scale-service-parties","assessment_date":"2024-03-01","parties":[)";
    for (std::size_t p = 0; p < parties; ++p)
        s += std::string{p ? "," : ""} + R"({"id":"p)" + std::to_string(p) + R"(","name":"P","kind":"municipality","population":)" +
             std::to_string(1000 + p) + "}";
    std::string principals;
    for (std::size_t p = 1; p < parties; ++p) principals += std::string{p > 1 ? "," : ""} + "\"p" + std::to_string(p) + "\"";
    s += R"(],"tasks":[{"id":"t","contractor":"p0","principals":[)" + principals + R"(],"huvudman":[)" + principals +
         R"(],"nature":"service","area":"social_services","category":"general","annual_value":100000000}],)";
    s += R"("compensation":{"money_per_year":1000000,"cost_per_year":{"staff":1000000},"allocation":{"key":"population"}}})";
    return s;
}

/// A valid agreement whose allocation key has `keys` weights, one per
/// party: an object with that many keys.
std::string many_keys(std::size_t keys) {
    std::string s = R"({"schema":"avtal/1","id":"scale-keys","assessment_date":"2024-03-01","parties":[)";
    for (std::size_t p = 0; p <= keys; ++p) s += std::string{p ? "," : ""} + R"({"id":"p)" + std::to_string(p) + R"(","kind":"municipality"})";
    std::string principals, weights;
    for (std::size_t p = 1; p <= keys; ++p) {
        principals += std::string{p > 1 ? "," : ""} + "\"p" + std::to_string(p) + "\"";
        weights += std::string{p > 1 ? "," : ""} + "\"p" + std::to_string(p) + "\":" + std::to_string(p % 7 + 1);
    }
    s += R"(],"tasks":[{"id":"t","contractor":"p0","principals":[)" + principals + R"(],"nature":"exercise_of_authority"}],)";
    s += R"("compensation":{"money_per_year":1000000,"cost_per_year":{"staff":1000000},"allocation":{"key":"usage","weights":{)" + weights + "}}}}";
    return s;
}

template <std::string (*Make)(std::size_t)>
void read_and_check(benchmark::State& state) {
    const std::string text = Make(static_cast<std::size_t>(state.range(0)));
    std::size_t peak = 0;
    for (auto _ : state) {
        heap_peak.store(heap_now.load());
        const std::size_t before = heap_now.load();
        {
            const auto doc = avtal::json::read_agreement(text);
            if (!doc.agreement) {
                state.SkipWithError(doc.problems.empty() ? "unreadable" : doc.problems.front().to_string().c_str());
                break;
            }
            const avtal::Report r = avtal::check(*doc.agreement);
            benchmark::DoNotOptimize(r.verdict());
        }
        peak = std::max(peak, heap_peak.load() - before);
    }
    state.counters["bytes"] = static_cast<double>(text.size());
    state.counters["peak_heap"] = static_cast<double>(peak);
}

/// The console table, then per case: n, CPU time (the median when repeated)
/// and peak heap, each with its ratio to the step before.
class RatioReporter : public benchmark::ConsoleReporter {
  public:
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& r : runs) {
            if (r.error_occurred || (r.run_type == Run::RT_Aggregate && r.aggregate_name != "median")) continue;
            const auto peak = r.counters.find("peak_heap");
            Row& row = rows_[r.family_index][std::stoll(r.run_name.args)];
            names_[r.family_index] = r.run_name.function_name;
            row.cpu_ms = r.GetAdjustedCPUTime(); // the benchmarks report in ms
            row.peak_mb = peak == r.counters.end() ? 0 : peak->second.value / 1e6;
        }
    }
    void Finalize() override {
        ConsoleReporter::Finalize();
        std::printf("\n%-24s %9s %12s %7s %14s %7s\n", "case", "n", "CPU ms", "x", "peak heap MB", "x");
        for (const auto& [family, by_n] : rows_) {
            const Row* prev = nullptr;
            for (const auto& [n, row] : by_n) {
                std::printf("%-24s %9lld %12.1f ", names_[family].c_str(), static_cast<long long>(n), row.cpu_ms);
                if (prev && prev->cpu_ms > 0)
                    std::printf("%7.1f ", row.cpu_ms / prev->cpu_ms);
                else
                    std::printf("%7s ", "");
                std::printf("%14.1f ", row.peak_mb);
                if (prev && prev->peak_mb > 0)
                    std::printf("%7.1f\n", row.peak_mb / prev->peak_mb);
                else
                    std::printf("%7s\n", "");
                prev = &row;
            }
        }
        std::fflush(stdout);
    }

  private:
    struct Row {
        double cpu_ms = 0, peak_mb = 0;
    };
    std::map<std::int64_t, std::map<long long, Row>> rows_; // family → n → row (the last reported: the median)
    std::map<std::int64_t, std::string> names_;
};

BENCHMARK(read_and_check<many_tasks>)->Name("scale_tasks")->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(read_and_check<many_tasks_same_total>)
    ->Name("scale_tasks_same_total")
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(read_and_check<many_parties>)->Name("scale_parties")->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(read_and_check<many_shared_tasks>)->Name("scale_shared_tasks")->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(read_and_check<many_service_parties>)->Name("scale_service_parties")->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(read_and_check<many_keys>)->Name("scale_keys")->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
