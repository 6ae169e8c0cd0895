// A portfolio of agreements and the board's annual report on one party's
// avtalssamverkan (9 kap. 38 § KL): tasks, money by the allocation,
// compliance and what needs attention.
#include <avtal/law/portfolio.hpp>

#include <algorithm>
#include <chrono>

namespace avtal {

namespace {

/// Adds without wrapping: on overflow the total stays and `overflow` is set.
void add_to(Money& total, Money x, bool& overflow) {
    if (auto r = checked_add(total, x))
        total = *r;
    else
        overflow = true;
}

void add_missing(std::vector<std::string>& out, const std::vector<std::string>& more) {
    for (const auto& m : more)
        if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
}

bool contains(const std::optional<std::vector<Id>>& ids, std::string_view id) { return ids && std::find(ids->begin(), ids->end(), id) != ids->end(); }

std::optional<std::size_t> index_of(const Agreement& a, const std::optional<Id>& id) { return id ? a.party_index(*id) : std::nullopt; }

/// Who decides in task `t` (Lund's list says it per cooperation).
Decider decider_of(const Agreement& a, std::size_t t) {
    const Delegation& d = a.delegation;
    if (!d.used) return Decider::unknown;
    if (!*d.used) return Decider::each_party;
    if (d.delegates.empty()) return Decider::contractor_staff; // used, extent not listed
    for (const Delegate& del : d.delegates)
        if (del.task && *del.task == a.tasks[t].id) return Decider::contractor_staff;
    return Decider::each_party; // delegation is used, but not for this task
}

/// The money and in-kind value the terms of group `g` state.
void stated_terms(const Agreement& a, const CompensationGroup& g, PortfolioMoney& m) {
    std::vector<const Compensation*> objects;
    if (g.agreement_level) {
        if (a.compensation) objects.push_back(&*a.compensation);
    } else {
        for (std::size_t t : g.tasks)
            if (a.tasks[t].compensation) objects.push_back(&*a.tasks[t].compensation);
    }
    if (objects.empty()) return;
    Money money{}, in_kind{};
    bool money_known = true, in_kind_known = true, overflow = false;
    for (const Compensation* c : objects) {
        if (c->money_per_year)
            add_to(money, *c->money_per_year, overflow);
        else
            money_known = false;
        if (c->in_kind_value_per_year)
            add_to(in_kind, *c->in_kind_value_per_year, overflow);
        else
            in_kind_known = false;
    }
    if (overflow) return;
    if (money_known) m.money_stated = money;
    if (in_kind_known) m.in_kind = in_kind;
}

std::optional<Status> status_of(const Report& r, std::string_view rule, std::size_t group) {
    for (const Finding* f : r.findings_of(rule))
        if (f->subject.index == group) return f->status;
    return std::nullopt;
}

Date add_days(const Date& d, int days) { return Date{std::chrono::sys_days{d} + std::chrono::days{days}}; }

bool before(const Date& a, const Date& b) { return std::chrono::sys_days{a} < std::chrono::sys_days{b}; }

void term_attention(const PortfolioReport& rep, std::size_t ai, const Agreement& a, std::vector<Attention>& out) {
    const Term& t = a.term;
    Attention at;
    at.agreement = ai;
    if (t.until_further_notice && *t.until_further_notice) {
        at.kind = AttentionKind::until_further_notice;
        at.path = "/term/until_further_notice";
        out.push_back(at);
        return;
    }
    if (!t.months || !t.start) {
        at.kind = AttentionKind::term_end_unknown;
        at.stated = false;
        at.path = !t.months ? "/term/months" : "/term/start";
        out.push_back(at);
        return;
    }
    const Date end = term_end(*t.start, *t.months);
    if (!before(rep.report_date, end)) {
        at.kind = AttentionKind::term_ended;
    } else if (!before(rep.next_report_date, end)) {
        at.kind = AttentionKind::term_ends;
    } else {
        return;
    }
    at.date = end;
    at.path = "/term";
    out.push_back(at);
}

void oversight_attention(std::size_t ai, const Agreement& a, std::vector<Attention>& out) {
    const auto flag = [&](const std::optional<bool>& fact, AttentionKind kind, const char* path) {
        if (fact && *fact) return;
        Attention at;
        at.kind = kind;
        at.agreement = ai;
        at.stated = fact.has_value();
        at.path = path;
        out.push_back(at);
    };
    flag(a.oversight.follow_up, AttentionKind::no_follow_up, "/oversight/follow_up");
    flag(a.oversight.annual_report_to_council, AttentionKind::no_annual_report, "/oversight/annual_report_to_council");
    if (a.delegation.used && *a.delegation.used)
        flag(a.delegation.reporting_to_principal, AttentionKind::delegation_no_reporting, "/delegation/reporting_to_principal");
}

/// The direct-award limits the party's service tasks use, compared between
/// the report date and the next report (the dated table's next row).
void limit_attention(const PortfolioReport& rep, const ThresholdTable& table, std::vector<Attention>& out) {
    std::vector<Attention> limits;
    std::vector<bool> changes; // parallel to `limits`: the limit changes (or has a gap) before the next report
    for (std::size_t ai = 0; ai < rep.agreements.size(); ++ai) {
        const PortfolioAgreement& pa = rep.agreements[ai];
        for (const PortfolioTask& pt : pa.tasks) {
            const Task& task = pa.agreement().tasks[pt.task];
            if (!task.nature || *task.nature != TaskNature::service || !task.category) continue;
            const Category c = *task.category;
            auto it = std::find_if(limits.begin(), limits.end(), [&](const Attention& x) { return x.category == c; });
            if (it == limits.end()) {
                Attention at;
                at.category = c;
                at.current = table.find(direct_award_limit, c, rep.report_date);
                bool change = true;
                if (!at.current) {
                    at.kind = AttentionKind::no_confirmed_limit;
                    at.date = rep.report_date;
                } else if (at.current->valid_to && before(*at.current->valid_to, rep.next_report_date)) {
                    const Date from = add_days(*at.current->valid_to, 1);
                    at.date = from;
                    at.next = table.find(direct_award_limit, c, from);
                    at.kind = at.next ? AttentionKind::limit_changes : AttentionKind::no_confirmed_limit;
                    change = !at.next || at.next->amount != at.current->amount || at.next->inclusive != at.current->inclusive;
                } else {
                    change = false; // the row runs past the next report
                }
                if (c != Category::general && at.date) at.floor = table.find(direct_award_limit, Category::general, *at.date);
                limits.push_back(std::move(at));
                changes.push_back(change);
                it = limits.end() - 1;
            }
            it->tasks.emplace_back(ai, pt.task);
            if (pt.direct_award_alone) ++it->resting_on_direct_award;
        }
    }
    for (std::size_t i = 0; i < limits.size(); ++i)
        if (changes[i]) out.push_back(std::move(limits[i]));
}

} // namespace

void Portfolio::add(Agreement agreement, std::string source, std::string input_sha256) {
    auto e = std::make_unique<PortfolioEntry>(std::move(agreement), std::move(source), std::move(input_sha256), options_);
    const std::size_t n = entries_.size();
    const Agreement& a = e->agreement;
    for (std::size_t p = 0; p < a.parties.size(); ++p) {
        auto& occ = index_[a.parties[p].id];
        // An agreement that names a party twice is bad input; count it once.
        if (occ.empty() || occ.back().entry != n) occ.push_back(PartyOccurrence{n, p});
    }
    entries_.push_back(std::move(e));
}

void Portfolio::add_unreadable(std::string source, std::vector<Problem> problems) {
    unreadable_.push_back(UnreadableDocument{std::move(source), std::move(problems)});
}

std::vector<std::string> Portfolio::party_ids() const {
    std::vector<std::string> ids;
    ids.reserve(index_.size());
    for (const auto& [id, occ] : index_) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

const std::vector<PartyOccurrence>& Portfolio::occurrences(std::string_view id) const {
    static const std::vector<PartyOccurrence> none;
    auto it = index_.find(std::string{id});
    return it == index_.end() ? none : it->second;
}

std::shared_ptr<const ThresholdTable> Portfolio::thresholds() const { return options_.thresholds ? options_.thresholds : builtin_thresholds(); }

Date term_end(const Date& start, std::int32_t months) {
    using namespace std::chrono;
    const year_month ym = year_month{start.year(), start.month()} + std::chrono::months{months};
    const day last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
    const Date same{ym.year(), ym.month(), std::min(start.day(), last)};
    // The term lasts up to the day before the same day `months` later; a
    // start on the 31st with no 31st in the end month runs to that month's end.
    if (start.day() > last) return same;
    return add_days(same, -1);
}

std::int32_t default_report_year(const Portfolio& portfolio, std::string_view party_id, std::int32_t fallback) {
    std::optional<std::int32_t> year;
    const auto see = [&](const PortfolioEntry& e) {
        if (const auto& d = e.report.context().date()) year = std::max(year.value_or(static_cast<int>(d->year())), static_cast<int>(d->year()));
    };
    if (party_id.empty())
        for (const auto& e : portfolio.entries()) see(*e);
    else
        for (const PartyOccurrence& o : portfolio.occurrences(party_id)) see(*portfolio.entries()[o.entry]);
    return year.value_or(fallback);
}

PortfolioReport portfolio_report(const Portfolio& portfolio, std::string_view party_id, std::int32_t year) {
    PortfolioReport rep;
    rep.party = std::string{party_id};
    rep.year = year;
    rep.report_date = Date{std::chrono::year{year}, std::chrono::December, std::chrono::day{31}};
    rep.next_report_date = Date{std::chrono::year{year + 1}, std::chrono::December, std::chrono::day{31}};
    rep.unreadable = &portfolio.unreadable();
    const auto table = portfolio.thresholds();
    rep.thresholds = table->name;
    PortfolioTotals& tot = rep.totals;

    for (const PartyOccurrence& occ : portfolio.occurrences(party_id)) {
        const PortfolioEntry& e = *portfolio.entries()[occ.entry];
        const Agreement& a = e.agreement;
        const Report& r = e.report;
        const Party& me = a.parties[occ.party];
        if (rep.name.empty()) rep.name = me.name;
        if (!rep.kind) rep.kind = me.kind;
        PortfolioAgreement pa;
        pa.entry = &e;
        pa.party = occ.party;

        // Tasks.
        for (std::size_t t = 0; t < a.tasks.size(); ++t) {
            const Task& task = a.tasks[t];
            const bool contractor = task.contractor && *task.contractor == me.id;
            const bool principal = contains(task.principals, me.id);
            if (!contractor && !principal) continue;
            PortfolioTask pt;
            pt.task = t;
            pt.role = contractor ? PortfolioRole::contractor : PortfolioRole::principal;
            pt.contractor = index_of(a, task.contractor);
            if (pt.contractor && *pt.contractor != occ.party) pt.counterparties.push_back(*pt.contractor);
            if (task.principals)
                for (const Id& p : *task.principals)
                    if (auto k = a.party_index(p); k && *k != occ.party && k != pt.contractor) pt.counterparties.push_back(*k);
            std::sort(pt.counterparties.begin(), pt.counterparties.end());
            pt.decides = decider_of(a, t);
            if (t < r.procurement().size()) {
                pt.procurement = &r.procurement()[t];
                const auto& ex = r.context().exceptions();
                if (pt.procurement->outcome == ProcurementOutcome::exempt) {
                    for (std::size_t i = 0; i < ex.size() && i < pt.procurement->exceptions.size(); ++i)
                        if (pt.procurement->exceptions[i] == Truth::yes) pt.basis.push_back(ex[i].id());
                    pt.direct_award_alone = pt.procurement->rests_on_direct_award_alone(ex);
                }
            }
            ++(contractor ? tot.tasks_as_contractor : tot.tasks_as_principal);
            pa.tasks.push_back(std::move(pt));
        }

        // Money, per contractor's terms, from the report's allocation.
        const auto& groups = r.context().compensation_groups();
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const CompensationGroup& grp = groups[g];
            const bool contractor = grp.contractor == occ.party;
            bool principal = false;
            for (std::size_t t : grp.tasks) principal = principal || contains(a.tasks[t].principals, me.id);
            if (!contractor && !principal) continue;
            PortfolioMoney m;
            m.group = g;
            m.contractor = grp.contractor;
            m.role = contractor ? PortfolioRole::contractor : PortfolioRole::principal;
            bool overflow = false;
            for (const AllocationLine& l : r.allocation()) {
                if (l.contractor != grp.contractor) continue;
                m.allocated = true;
                if (contractor) {
                    if (l.party == occ.party)
                        add_to(m.own_share, l.amount, overflow);
                    else
                        add_to(m.receives, l.amount, overflow);
                } else if (l.party == occ.party) {
                    add_to(m.pays, l.amount, overflow);
                }
            }
            tot.overflow = tot.overflow || overflow;
            stated_terms(a, grp, m);
            if (grp.agreement_level)
                m.whole_cost = a.compensation && a.compensation->contractor_bears_share;
            else
                for (std::size_t t : grp.tasks)
                    m.whole_cost = m.whole_cost || (a.tasks[t].compensation && a.tasks[t].compensation->contractor_bears_share);
            if (contractor) {
                const CompensationFigures f = compensation_figures(r.context(), g);
                m.full_cost = f.full_cost.value();
                m.principals_part = f.principals_part.value();
                if (auto paid = f.payment.value(); paid && m.principals_part) m.balance = checked_sub(*paid, *m.principals_part);
                m.no_profit = status_of(r, "compensation.no_profit", g);
                m.covers_cost = status_of(r, "compensation.covers_cost", g);
            }
            // A task's yearly amount on the drawing: one line per principal when the group has one task.
            if (m.allocated && grp.tasks.size() == 1)
                for (PortfolioTask& pt : pa.tasks) {
                    if (pt.task != grp.tasks.front()) continue;
                    if (!contractor) pt.amount = m.pays;
                }
            add_to(pa.pays, m.pays, tot.overflow);
            add_to(pa.receives, m.receives, tot.overflow);
            add_to(tot.own_share, m.own_share, tot.overflow);
            if (!m.allocated) ++tot.unallocated;
            if (!m.in_kind)
                ++tot.unvalued_in_kind;
            else
                add_to(contractor ? tot.in_kind_received : tot.in_kind_paid, *m.in_kind, tot.overflow);
            pa.money.push_back(m);
        }
        add_to(tot.pays, pa.pays, tot.overflow);
        add_to(tot.receives, pa.receives, tot.overflow);

        // Compliance: violated errors first, then warnings; every fact to find out.
        for (Severity sev : {Severity::error, Severity::warning})
            for (const Finding& f : r.findings()) {
                if (f.rule->info().severity != sev) continue;
                if (f.status == Status::violated) pa.violated.push_back(&f);
                if (f.status == Status::undetermined) {
                    pa.undetermined.push_back(&f);
                    add_missing(pa.missing, f.missing);
                }
            }
        for (const ProcurementResult& p : r.procurement()) add_missing(pa.missing, p.missing);
        switch (r.verdict()) {
        case Verdict::ok: ++tot.ok; break;
        case Verdict::violations: ++tot.violations; break;
        case Verdict::incomplete: ++tot.incomplete; break;
        case Verdict::invalid: ++tot.invalid; break;
        }
        rep.agreements.push_back(std::move(pa));
    }
    tot.agreements = rep.agreements.size();

    // The drawing's amounts seen from the contractor: each principal's line.
    for (PortfolioAgreement& pa : rep.agreements) {
        const Report& r = pa.report();
        for (PortfolioTask& pt : pa.tasks)
            if (pt.role == PortfolioRole::contractor && pt.counterparties.size() == 1) {
                for (const PortfolioMoney& m : pa.money) {
                    const auto& grp = r.context().compensation_groups()[m.group];
                    if (m.role != PortfolioRole::contractor || grp.tasks.size() != 1 || grp.tasks.front() != pt.task) continue;
                    for (const AllocationLine& l : r.allocation())
                        if (l.contractor == grp.contractor && l.party == pt.counterparties.front()) pt.amount = l.amount;
                }
            }
    }

    for (std::size_t ai = 0; ai < rep.agreements.size(); ++ai) {
        term_attention(rep, ai, rep.agreements[ai].agreement(), rep.attention);
        oversight_attention(ai, rep.agreements[ai].agreement(), rep.attention);
    }
    limit_attention(rep, *table, rep.attention);
    tot.attention = rep.attention.size();
    return rep;
}

PortfolioSummary portfolio_summary(const Portfolio& portfolio, const std::vector<PortfolioReport>& reports, std::int32_t year) {
    PortfolioSummary s;
    s.year = year;
    PortfolioTotals& all = s.all;
    for (const PortfolioReport& r : reports) {
        s.lines.push_back(PortfolioSummaryLine{r.party, r.name, r.kind, r.totals});
        const PortfolioTotals& t = r.totals;
        all.tasks_as_principal += t.tasks_as_principal;
        all.tasks_as_contractor += t.tasks_as_contractor;
        add_to(all.pays, t.pays, all.overflow);
        add_to(all.receives, t.receives, all.overflow);
        add_to(all.own_share, t.own_share, all.overflow);
        add_to(all.in_kind_received, t.in_kind_received, all.overflow);
        all.overflow = all.overflow || t.overflow;
        all.attention += t.attention;
    }
    all.agreements = portfolio.entries().size();
    for (const auto& e : portfolio.entries()) switch (e->report.verdict()) {
        case Verdict::ok: ++all.ok; break;
        case Verdict::violations: ++all.violations; break;
        case Verdict::incomplete: ++all.incomplete; break;
        case Verdict::invalid: ++all.invalid; break;
        }
    std::sort(s.lines.begin(), s.lines.end(), [](const auto& a, const auto& b) { return a.party < b.party; });
    return s;
}

} // namespace avtal
