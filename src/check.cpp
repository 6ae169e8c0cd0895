// check(): the built-in rule catalogue, validation of the model, the report.
#include <avtal/check.hpp>
#include <avtal/date.hpp>
#include <avtal/rules.hpp>

#include <algorithm>

namespace avtal {

const std::vector<Rule>& builtin_rules() {
    // Report order: parties, tasks, delegation, compensation, information,
    // oversight, staff, content, procurement (SPEC §4).
    static const std::vector<Rule> rules = {
        rules::party_kind_allowed(),
        rules::party_federation_mandate(),
        rules::party_at_least_two(),
        rules::task_roles(),
        rules::task_within_competence(),
        rules::task_huvudman_retained(),
        rules::task_special_legislation(),
        rules::delegation_agreed(),
        rules::delegation_employees_only(),
        rules::delegation_within_agreement(),
        rules::delegation_onward_stated(),
        rules::delegation_reporting(),
        rules::delegation_non_delegable(),
        rules::compensation_stated(),
        rules::compensation_no_profit(),
        rules::compensation_covers_cost(),
        rules::compensation_in_kind_valued(),
        rules::compensation_allocation_complete(),
        rules::information_personal_data_arrangement(),
        rules::information_records(),
        rules::information_confidentiality(),
        rules::oversight_follow_up(),
        rules::oversight_annual_report(),
        rules::oversight_internal_control(),
        rules::staff_transfer_of_undertaking(),
        rules::staff_work_environment(),
        rules::content_required(),
        rules::content_conditional(),
        rules::content_children(),
        rules::procurement_required(),
    };
    return rules;
}

const Rule* find_rule(std::string_view id) {
    for (const Rule& r : builtin_rules())
        if (r.id() == id) return &r;
    return nullptr;
}

bool rule_matches(std::string_view id, std::string_view pattern) noexcept {
    if (pattern.ends_with(".*")) pattern.remove_suffix(2);
    else if (pattern.ends_with('.')) pattern.remove_suffix(1);
    if (pattern.empty()) return true;
    if (id == pattern) return true;
    return id.size() > pattern.size() && id.starts_with(pattern) && id[pattern.size()] == '.';
}

namespace {

std::string q(std::string_view s) { return "\"" + std::string{s} + "\""; }

void check_amount(const std::optional<Money>& m, const std::string& path, std::vector<Problem>& out) {
    if (m && m->ore() < 0) out.push_back({path, "negative amount"});
}

void check_percent(const std::optional<Percent>& p, const std::string& path, std::vector<Problem>& out) {
    if (p && (p->units() < 0 || *p > hundred_percent)) out.push_back({path, "percentage outside 0–100"});
}

void validate_compensation(const Agreement& a, const Compensation& c, const std::string& path, std::vector<Problem>& out) {
    check_amount(c.money_per_year, path + "/money_per_year", out);
    check_amount(c.in_kind_value_per_year, path + "/in_kind_value_per_year", out);
    if (c.cost_per_year) {
        const auto& k = *c.cost_per_year;
        check_amount(k.staff, path + "/cost_per_year/staff", out);
        check_amount(k.premises, path + "/cost_per_year/premises", out);
        check_amount(k.overhead, path + "/cost_per_year/overhead", out);
        check_amount(k.capital, path + "/cost_per_year/capital", out);
        check_amount(k.other, path + "/cost_per_year/other", out);
    }
    if (c.tolerance.kind == Tolerance::Kind::amount) check_amount(c.tolerance.amount, path + "/tolerance", out);
    else if (c.tolerance.percent.units() < 0) out.push_back({path + "/tolerance/percent", "negative percentage"});
    if (c.allocation && c.allocation->weights) {
        const auto& ws = *c.allocation->weights;
        for (std::size_t i = 0; i < ws.size(); ++i) {
            const std::string wp = path + "/allocation/weights/" + ws[i].party;
            if (!a.find_party(ws[i].party)) out.push_back({wp, "unknown party " + q(ws[i].party)});
            if (ws[i].weight.units() < 0) out.push_back({wp, "negative weight"});
            for (std::size_t j = 0; j < i; ++j)
                if (ws[j].party == ws[i].party) out.push_back({wp, "repeated party " + q(ws[i].party)});
        }
    }
}

} // namespace

std::vector<Problem> validate(const Agreement& a) {
    std::vector<Problem> out;
    for (std::size_t i = 0; i < a.parties.size(); ++i) {
        const Party& p = a.parties[i];
        const std::string path = "/parties/" + std::to_string(i);
        if (p.id.empty()) out.push_back({path + "/id", "empty id"});
        for (std::size_t j = 0; j < i; ++j)
            if (a.parties[j].id == p.id) {
                out.push_back({path + "/id", "repeated party id " + q(p.id)});
                break;
            }
        if (p.population && *p.population < 0) out.push_back({path + "/population", "negative population"});
        if (p.mandate_covers_tasks && p.kind && *p.kind != PartyKind::municipal_federation)
            out.push_back({path + "/mandate_covers_tasks", "only a municipal_federation party has a mandate"});
    }
    if (a.term.months && *a.term.months < 0) out.push_back({"/term/months", "negative number of months"});
    if (a.term.extension_months && *a.term.extension_months < 0) out.push_back({"/term/extension_months", "negative number of months"});
    const auto party_ref = [&](const std::optional<Id>& id, const std::string& path) {
        if (id && !a.find_party(*id)) out.push_back({path, "unknown party " + q(*id)});
    };
    std::optional<Id> first_contractor;
    bool several_contractors = false, per_task = false;
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        const Task& t = a.tasks[i];
        const std::string path = "/tasks/" + std::to_string(i);
        if (t.id.empty()) out.push_back({path + "/id", "empty id"});
        for (std::size_t j = 0; j < i; ++j)
            if (a.tasks[j].id == t.id) {
                out.push_back({path + "/id", "repeated task id " + q(t.id)});
                break;
            }
        party_ref(t.contractor, path + "/contractor");
        if (t.contractor) {
            if (!first_contractor) first_contractor = t.contractor;
            else if (*first_contractor != *t.contractor) several_contractors = true;
        }
        if (t.principals)
            for (std::size_t j = 0; j < t.principals->size(); ++j) party_ref((*t.principals)[j], path + "/principals/" + std::to_string(j));
        if (t.huvudman)
            for (std::size_t j = 0; j < t.huvudman->size(); ++j) party_ref((*t.huvudman)[j], path + "/huvudman/" + std::to_string(j));
        check_amount(t.annual_value, path + "/annual_value", out);
        check_percent(t.hamburg.open_market_share_percent, path + "/hamburg/open_market_share_percent", out);
        check_percent(t.teckal.activity_share_percent, path + "/teckal/activity_share_percent", out);
        if (t.principal_shares) {
            std::int64_t sum = 0;
            for (const auto& s : *t.principal_shares) {
                const std::string sp = path + "/principal_shares/" + s.party;
                if (!a.find_party(s.party)) out.push_back({sp, "unknown party " + q(s.party)});
                else if (t.principals && std::find(t.principals->begin(), t.principals->end(), s.party) == t.principals->end())
                    out.push_back({sp, q(s.party) + " is not a principal of the task"});
                if (s.share.units() < 0) out.push_back({sp, "negative share"});
                sum += s.share.units();
            }
            if (t.principals)
                for (const auto& p : *t.principals) {
                    bool named = false;
                    for (const auto& s : *t.principal_shares) named = named || s.party == p;
                    if (!named) out.push_back({path + "/principal_shares", "does not name principal " + q(p)});
                }
            if (sum != hundred_percent.units())
                out.push_back({path + "/principal_shares", "shares sum to " + Percent{Decimal::from_units(sum)}.to_string() + ", not 100"});
        }
        if (t.compensation) {
            per_task = true;
            validate_compensation(a, *t.compensation, path + "/compensation", out);
            if (a.compensation) out.push_back({path + "/compensation", "compensation is stated both for the agreement and for the task"});
        }
    }
    if (a.compensation) {
        validate_compensation(a, *a.compensation, "/compensation", out);
        if (several_contractors && !per_task)
            out.push_back({"/compensation", "the tasks have different contractors: state compensation per task (tasks[].compensation)"});
    }
    const auto& ds = a.delegation.delegates;
    for (std::size_t i = 0; i < ds.size(); ++i) {
        const std::string path = "/delegation/delegates/" + std::to_string(i);
        if (ds[i].task && !a.task_index(*ds[i].task)) out.push_back({path + "/task", "unknown task " + q(*ds[i].task)});
        party_ref(ds[i].employer, path + "/employer");
    }
    return out;
}

Report check(const Agreement& agreement, const CheckOptions& options) {
    Report r{Context{agreement, options.date, options.thresholds, options.exceptions}};
    r.problems_ = validate(agreement);
    r.user_rules_ = options.rules;
    r.procurement_.reserve(agreement.tasks.size());
    for (std::size_t i = 0; i < agreement.tasks.size(); ++i) r.procurement_.push_back(resolve_procurement(r.ctx_, i));
    r.ctx_.set_procurement(r.procurement_);
    const auto enabled = [&](const Rule& rule) {
        if (!options.only.empty() &&
            std::none_of(options.only.begin(), options.only.end(), [&](const std::string& p) { return rule_matches(rule.id(), p); }))
            return false;
        return std::none_of(options.silence.begin(), options.silence.end(), [&](const std::string& p) { return rule_matches(rule.id(), p); });
    };
    r.findings_.reserve(48 + 8 * (agreement.parties.size() + agreement.tasks.size()));
    if (options.builtin)
        for (const Rule& rule : builtin_rules())
            if (enabled(rule)) rule.run(r.ctx_, r.findings_);
    for (const Rule& rule : r.user_rules_)
        if (enabled(rule)) rule.run(r.ctx_, r.findings_);
    r.allocation_ = report_allocation(r.ctx_);
    bool violated = false, undetermined = false;
    for (const Finding& f : r.findings_) {
        if (f.rule->info().severity != Severity::error) continue;
        violated = violated || f.status == Status::violated;
        undetermined = undetermined || f.status == Status::undetermined;
    }
    r.verdict_ = !r.problems_.empty() ? Verdict::invalid : violated ? Verdict::violations : undetermined ? Verdict::incomplete : Verdict::ok;
    return r;
}

std::vector<const Finding*> Report::findings_of(std::string_view id) const {
    std::vector<const Finding*> out;
    for (const Finding& f : findings_)
        if (f.rule->id() == id) out.push_back(&f);
    return out;
}

std::string Report::subject_path(const Finding& f) const {
    switch (f.subject.scope) {
    case Scope::agreement: return AgreementSubject::path();
    case Scope::party: return PartySubject{&ctx_, f.subject.index}.path();
    case Scope::task: return TaskSubject{&ctx_, f.subject.index}.path();
    case Scope::delegate: return DelegateSubject{&ctx_, f.subject.index}.path();
    case Scope::compensation: return CompensationSubject{&ctx_, f.subject.index}.path();
    case Scope::clause: break;
    }
    return ClauseSubject::path();
}

std::string Report::subject_name(const Finding& f, Lang lang) const {
    const bool sv = lang == Lang::sv;
    const Agreement& a = agreement();
    const std::string path = subject_path(f);
    const auto name_of = [&](std::size_t k) {
        const Party& p = a.parties[k];
        return detail::quoted(p.name.empty() ? p.id : p.name);
    };
    switch (f.subject.scope) {
    case Scope::agreement: return (sv ? "Avtalet " : "The agreement ") + detail::quoted(a.title.empty() ? a.id : a.title);
    case Scope::party:
        if (f.subject.index < a.parties.size()) return (sv ? "Parten " : "Party ") + name_of(f.subject.index) + " (" + path + ")";
        break;
    case Scope::task:
        if (f.subject.index < a.tasks.size()) return (sv ? "Uppgiften " : "Task ") + detail::quoted(a.tasks[f.subject.index].id) + " (" + path + ")";
        break;
    case Scope::delegate: return (sv ? "Delegeringen " : "The delegation ") + path;
    case Scope::compensation: {
        const auto& groups = ctx_.compensation_groups();
        if (f.subject.index < groups.size() && groups[f.subject.index].contractor && !groups[f.subject.index].agreement_level)
            return (sv ? "Ersättningen till " : "The compensation to ") + name_of(*groups[f.subject.index].contractor) + " (" + path + ")";
        return (sv ? "Ersättningen" : "The compensation") + std::string{" ("} + path + ")";
    }
    case Scope::clause: {
        const Text t = clause_text(static_cast<Clause>(f.subject.index));
        return (sv ? "Avsnittet om " : "The section on ") + t.in(lang);
    }
    }
    return path;
}

std::string Report::message(const Finding& f, Lang lang) const {
    const bool sv = lang == Lang::sv;
    const RuleInfo& info = f.rule->info();
    const std::string subject = subject_name(f, lang);
    std::string out;
    const Text detail = f.rule->detail(ctx_, f.subject, f.status);
    if (info.severity == Severity::info) return subject + ": " + (detail.in(lang).empty() ? info.title.in(lang) + "." : detail.in(lang));
    if (f.status == Status::violated && !info.violation.in(lang).empty()) {
        out = info.violation.in(lang);
        const auto pos = out.find("{subject}");
        if (pos != std::string::npos) out.replace(pos, 9, subject);
    } else if (f.status == Status::satisfied) {
        out = subject + (sv ? ": uppfyllt – " : ": satisfied – ") + info.title.in(lang) + ".";
    } else {
        out = subject + (sv ? ": kan inte avgöras – " : ": cannot be decided – ") + info.title.in(lang) + ".";
    }
    if (!detail.in(lang).empty()) out += " " + detail.in(lang);
    return out;
}

Explanation Report::explain(const Finding& f) const { return f.rule->explain(ctx_, f.subject); }

Explanation Report::explain_exception(std::size_t task, std::size_t exception) const {
    return ctx_.exceptions().at(exception).explain(TaskSubject{&ctx_, task});
}

Receipt Report::receipt() const {
    Receipt r;
    r.avtal = std::string{library_version};
    r.rules = std::string{rules_version};
    r.thresholds = ctx_.thresholds().name;
    for (std::size_t t = 0; t < agreement().tasks.size(); ++t)
        for (const ThresholdRow* row : applied_threshold_rows(ctx_, t))
            if (std::find(r.rows.begin(), r.rows.end(), row) == r.rows.end()) r.rows.push_back(row);
    return r;
}

} // namespace avtal
