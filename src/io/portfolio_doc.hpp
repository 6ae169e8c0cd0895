#pragma once
// The portfolio report as a small document model (title, sections with one
// table each), built once and written as Markdown, text or HTML; and the
// words the writers share (roles, areas, verdicts, attention items).

#include <avtal/io/portfolio.hpp>

#include <string>
#include <vector>

namespace avtal::detail::portfolio {

/// A table: column heads, which columns are amounts (right-aligned), rows
/// and an optional totals row.
struct Table {
    std::vector<std::string> head;
    std::vector<bool> numeric;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> total; // empty: none
};

/// A section: a heading, paragraphs, one table (possibly empty, then
/// `empty` is said instead), bullet items after it.
struct Section {
    std::string id; // HTML anchor
    std::string heading;
    int level = 2;
    std::vector<std::string> paragraphs;
    Table table;
    std::string empty;
    std::vector<std::string> items;
};

struct Doc {
    std::string title;
    std::vector<std::string> intro;
    std::vector<Section> sections;
    std::string receipt;
};

Doc build(const PortfolioReport& r, Lang lang);
Doc build_summary(const PortfolioSummary& s, Lang lang);

std::string markdown(const Doc& d);
/// Appends the Markdown of `d` to `out`.
void markdown_into(std::string& out, const Doc& d);
std::string text(const Doc& d, std::size_t width);

// Words shared by every writer (the JSON writer too).
std::string party_label(const Agreement& a, std::size_t k);
std::string agreement_label(const Agreement& a);
std::string role_word(PortfolioRole r, Lang lang);
std::string area_word(const std::optional<Area>& a, Lang lang);
std::string nature_word(const std::optional<TaskNature>& n, Lang lang);
std::string decider_word(Decider d, Lang lang);
std::string verdict_word(Verdict v, Lang lang);
std::string outcome_word(ProcurementOutcome o, Lang lang);
std::string exception_word(const std::string& id, Lang lang);
std::string attention_what(const PortfolioReport& r, const Attention& a, Lang lang);
std::string amount(Money m, Lang lang);
std::string amount(const std::optional<Money>& m, Lang lang);
std::string kind_word(const std::optional<PartyKind>& k, Lang lang);
std::string category_word(Category c, Lang lang);
std::string receipt_line(const std::string& thresholds, Lang lang);

} // namespace avtal::detail::portfolio
