// The built-in table of dated direct-award limits (THRESHOLDS.md in the
// project's working documents), one row
// per line with its source.
#include <avtal/law/thresholds.hpp>

namespace avtal {

namespace {
Date ymd(int y, unsigned m, unsigned d) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}; }
} // namespace

std::shared_ptr<const ThresholdTable> builtin_thresholds() {
    static const std::shared_ptr<const ThresholdTable> table = [] {
        const std::string p{direct_award_limit};
        const std::string kv2018 = "Konkurrensverket, Tröskelvärden och direktupphandlingsgränser 1 januari 2018–31 december 2019";
        const std::string kv2020 = "Konkurrensverket, Gamla tröskelvärden, period 2020-01-01–2021-12-31";
        const std::string skr2022 = "SKR, Tröskelvärdena höjs den 1 januari 2022 (13 dec 2021): \"under januari … 626 284 SEK för LOU\"";
        const std::string kv2022 =
            "Konkurrensverket, Gamla tröskelvärden, period 2022-01-01–2023-12-31; Upphandlingsmyndigheten: nya 19 a kap. LOU från 1 februari 2022";
        const std::string um2024 = "Upphandlingsmyndigheten, Tröskelvärden och direktupphandlingsgränser; Nya beloppsgränser för 2024; "
                                   "SKR, Avtalssamverkan inom socialtjänsten (2023), kap. 3, fotnot 22";
        const auto kr = [](std::int64_t k) { return Money::from_kronor(k); };
        auto t = std::make_shared<ThresholdTable>();
        t->name = "avtal builtin direct-award limits 2026-11-25";
        t->rows = {
            {p, Category::general, ymd(2018, 1, 1), ymd(2019, 12, 31), kr(586'907), true, "28 % of the sub-central threshold", kv2018},
            {p, Category::social_and_other_specific, ymd(2018, 1, 1), ymd(2019, 12, 31), kr(586'907), true, "as general (bilaga 2)", kv2018},
            {p, Category::welfare, ymd(2018, 1, 1), ymd(2018, 12, 31), kr(586'907), true,
             "before the welfare rules (in force 2019-01-01) as bilaga 2", kv2018},
            {p, Category::welfare, ymd(2019, 1, 1), ymd(2019, 12, 31), kr(1'991'766), true,
             "28 % of the threshold for these services; welfare services (bilaga 2 a, prop. 2017/18:158, in force 2019-01-01)",
             "Upphandlingsmyndigheten, Tröskelvärden och direktupphandlingsgränser (tabellen från 2018-01-01, not **)"},
            {p, Category::general, ymd(2020, 1, 1), ymd(2021, 12, 31), kr(615'312), true, "28 % of the sub-central threshold", kv2020},
            {p, Category::social_and_other_specific, ymd(2020, 1, 1), ymd(2021, 12, 31), kr(615'312), true, "as general (bilaga 2)", kv2020},
            {p, Category::welfare, ymd(2020, 1, 1), ymd(2021, 12, 31), kr(2'156'469), true, "28 % of the threshold for welfare services (bilaga 2 a)",
             kv2020 + ", Välfärdstjänster (bilaga 2 a)"},
            {p, Category::general, ymd(2022, 1, 1), ymd(2022, 1, 31), kr(626'284), true,
             "28 % of the new sub-central threshold 2 236 731, until the reform of 1 February 2022", skr2022},
            {p, Category::social_and_other_specific, ymd(2022, 1, 1), ymd(2022, 1, 31), kr(626'284), true,
             "as general (bilaga 2 shared the general limit before the reform)", skr2022},
            {p, Category::general, ymd(2022, 2, 1), ymd(2023, 12, 31), kr(700'000), true, "fixed in the law (prop. 2021/22:5)", kv2022},
            {p, Category::social_and_other_specific, ymd(2022, 2, 1), ymd(2023, 12, 31), kr(7'802'550), false,
             "equal to the EU threshold for these services (750 000 EUR)", kv2022},
            {p, Category::welfare, ymd(2022, 2, 1), ymd(2023, 12, 31), kr(7'802'550), false,
             "welfare services follow the social services' rule (no separate bilaga 2 a limit)", kv2022},
            {p, Category::general, ymd(2024, 1, 1), ymd(2025, 12, 31), kr(700'000), true, "fixed in the law", um2024},
            {p, Category::social_and_other_specific, ymd(2024, 1, 1), ymd(2025, 12, 31), kr(8'109'450), false, "= EU threshold 750 000 EUR in SEK",
             um2024},
            {p, Category::welfare, ymd(2024, 1, 1), ymd(2025, 12, 31), kr(8'109'450), false, "as social", um2024},
            {p, Category::general, ymd(2026, 1, 1), std::nullopt, kr(700'000), true,
             "fixed in the law; no change found as of November 2025 (SOU 2025:96 still states 700 000)", "SOU 2025:96 kap. 15"},
        };
        return std::shared_ptr<const ThresholdTable>(std::move(t));
    }();
    return table;
}

} // namespace avtal
