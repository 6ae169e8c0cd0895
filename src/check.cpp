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
    if (pattern.ends_with(".*"))
        pattern.remove_suffix(2);
    else if (pattern.ends_with('.'))
        pattern.remove_suffix(1);
    if (pattern.empty()) return true;
    if (id == pattern) return true;
    return id.size() > pattern.size() && id.starts_with(pattern) && id[pattern.size()] == '.';
}

namespace {

std::string q(std::string_view s) { return "\"" + std::string{s} + "\""; }

std::string at(std::string_view prefix, std::size_t i) { return std::string{prefix} + std::to_string(i); }

// Paths are built only when a problem is found: validation of a well-formed
// agreement allocates nothing.
struct Problems {
    std::vector<Problem>& out;
    template <class PathFn>
    void add(PathFn&& path, std::string message) {
        out.push_back({std::forward<PathFn>(path)(), std::move(message)});
    }
    template <class PathFn>
    void amount(const std::optional<Money>& m, PathFn&& path) {
        if (m && m->ore() < 0) add(std::forward<PathFn>(path), "negative amount");
    }
    template <class PathFn>
    void percent(const std::optional<Percent>& p, PathFn&& path) {
        if (p && (p->units() < 0 || *p > hundred_percent)) add(std::forward<PathFn>(path), "percentage outside 0–100");
    }
};

void validate_compensation(const Agreement& a, const Compensation& c, const std::optional<std::size_t>& task, Problems& out) {
    const auto base = [&] { return task ? at("/tasks/", *task) + "/compensation" : std::string{"/compensation"}; };
    out.amount(c.money_per_year, [&] { return base() + "/money_per_year"; });
    out.amount(c.in_kind_value_per_year, [&] { return base() + "/in_kind_value_per_year"; });
    if (c.cost_per_year) {
        const auto& k = *c.cost_per_year;
        out.amount(k.staff, [&] { return base() + "/cost_per_year/staff"; });
        out.amount(k.premises, [&] { return base() + "/cost_per_year/premises"; });
        out.amount(k.overhead, [&] { return base() + "/cost_per_year/overhead"; });
        out.amount(k.capital, [&] { return base() + "/cost_per_year/capital"; });
        out.amount(k.other, [&] { return base() + "/cost_per_year/other"; });
    }
    if (c.tolerance.kind == Tolerance::Kind::amount)
        out.amount(c.tolerance.amount, [&] { return base() + "/tolerance"; });
    else if (c.tolerance.percent.units() < 0)
        out.add([&] { return base() + "/tolerance/percent"; }, "negative percentage");
    if (c.allocation && c.allocation->weights) {
        const auto& ws = *c.allocation->weights;
        for (std::size_t i = 0; i < ws.size(); ++i) {
            const auto wp = [&] { return base() + "/allocation/weights/" + ws[i].party; };
            if (!a.find_party(ws[i].party)) out.add(wp, "unknown party " + q(ws[i].party));
            if (ws[i].weight.units() < 0) out.add(wp, "negative weight");
            for (std::size_t j = 0; j < i; ++j)
                if (ws[j].party == ws[i].party) out.add(wp, "repeated party " + q(ws[i].party));
        }
    }
}

} // namespace

std::vector<Problem> validate(const Agreement& a) {
    std::vector<Problem> problems;
    Problems out{problems};
    for (std::size_t i = 0; i < a.parties.size(); ++i) {
        const Party& p = a.parties[i];
        const auto path = [i](const char* rest) { return [i, rest] { return at("/parties/", i) + rest; }; };
        if (p.id.empty()) out.add(path("/id"), "empty id");
        for (std::size_t j = 0; j < i; ++j)
            if (a.parties[j].id == p.id) {
                out.add(path("/id"), "repeated party id " + q(p.id));
                break;
            }
        if (p.population && *p.population < 0) out.add(path("/population"), "negative population");
        if (p.mandate_covers_tasks && p.kind && *p.kind != PartyKind::municipal_federation)
            out.add(path("/mandate_covers_tasks"), "only a municipal_federation party has a mandate");
    }
    if (a.term.months && *a.term.months < 1)
        out.add([] { return std::string{"/term/months"}; }, "a fixed term needs at least one month (leave months out for no fixed term)");
    if (a.term.extension_months && *a.term.extension_months < 0)
        out.add([] { return std::string{"/term/extension_months"}; }, "negative number of months");
    const auto party_ref = [&](const std::optional<Id>& id, auto&& path) {
        if (id && !a.find_party(*id)) out.add(path, "unknown party " + q(*id));
    };
    const std::optional<Id>* first_contractor = nullptr;
    bool several_contractors = false, per_task = false;
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        const Task& t = a.tasks[i];
        const auto path = [i](const char* rest) { return [i, rest] { return at("/tasks/", i) + rest; }; };
        if (t.id.empty()) out.add(path("/id"), "empty id");
        for (std::size_t j = 0; j < i; ++j)
            if (a.tasks[j].id == t.id) {
                out.add(path("/id"), "repeated task id " + q(t.id));
                break;
            }
        party_ref(t.contractor, path("/contractor"));
        if (t.contractor) {
            if (!first_contractor)
                first_contractor = &t.contractor;
            else if (**first_contractor != *t.contractor)
                several_contractors = true;
        }
        const auto refs = [&](const std::optional<std::vector<Id>>& ids, const char* key) {
            if (!ids) return;
            for (std::size_t j = 0; j < ids->size(); ++j) {
                const auto jp = [&] { return at("/tasks/", i) + key + std::to_string(j); };
                party_ref((*ids)[j], jp);
                for (std::size_t k = 0; k < j; ++k)
                    if ((*ids)[k] == (*ids)[j]) {
                        out.add(jp, "repeated party " + q((*ids)[j]));
                        break;
                    }
            }
        };
        refs(t.principals, "/principals/");
        refs(t.huvudman, "/huvudman/");
        out.amount(t.annual_value, path("/annual_value"));
        out.percent(t.hamburg.open_market_share_percent, path("/hamburg/open_market_share_percent"));
        out.percent(t.teckal.activity_share_percent, path("/teckal/activity_share_percent"));
        if (t.principal_shares) {
            // A principal that is no party is reported above; the shares are
            // compared with the principals only when those are all parties.
            const bool principals_known =
                t.principals && std::all_of(t.principals->begin(), t.principals->end(), [&](const Id& p) { return a.find_party(p) != nullptr; });
            std::int64_t sum = 0;
            for (const auto& s : *t.principal_shares) {
                const auto sp = [&] { return at("/tasks/", i) + "/principal_shares/" + s.party; };
                if (!a.find_party(s.party))
                    out.add(sp, "unknown party " + q(s.party));
                else if (principals_known && std::find(t.principals->begin(), t.principals->end(), s.party) == t.principals->end())
                    out.add(sp, q(s.party) + " is not a principal of the task");
                if (s.share.units() < 0) out.add(sp, "negative share");
                sum += s.share.units();
            }
            if (principals_known)
                for (const auto& p : *t.principals) {
                    bool named = false;
                    for (const auto& s : *t.principal_shares) named = named || s.party == p;
                    if (!named) out.add(path("/principal_shares"), "does not name principal " + q(p));
                }
            if (sum != hundred_percent.units())
                out.add(path("/principal_shares"), "shares sum to " + Percent{Decimal::from_units(sum)}.to_string() + ", not 100");
        }
        if (t.compensation) {
            per_task = true;
            validate_compensation(a, *t.compensation, i, out);
            if (a.compensation) out.add(path("/compensation"), "compensation is stated both for the agreement and for the task");
        }
    }
    if (a.compensation) {
        validate_compensation(a, *a.compensation, std::nullopt, out);
        if (several_contractors && !per_task)
            out.add([] { return std::string{"/compensation"}; },
                    "the tasks have different contractors: state compensation per task (tasks[].compensation)");
    }
    const auto& ds = a.delegation.delegates;
    if (a.delegation.used == false && !ds.empty())
        out.add([] { return std::string{"/delegation/used"}; }, "delegation.used is false, but delegations are listed");
    for (std::size_t i = 0; i < ds.size(); ++i) {
        const auto path = [i](const char* rest) { return [i, rest] { return at("/delegation/delegates/", i) + rest; }; };
        if (ds[i].task && !a.task_index(*ds[i].task)) out.add(path("/task"), "unknown task " + q(*ds[i].task));
        party_ref(ds[i].employer, path("/employer"));
    }
    return problems;
}

Report check(const Agreement& agreement, const CheckOptions& options) {
    Report r{Context{agreement, options.date, options.thresholds, options.exceptions}};
    r.problems_ = validate(agreement);
    r.user_rules_ = options.rules;
    r.procurement_.reserve(agreement.tasks.size());
    for (std::size_t i = 0; i < agreement.tasks.size(); ++i) r.procurement_.push_back(resolve_procurement(r.ctx_, i));
    r.ctx_.set_procurement(r.procurement_);
    const std::size_t groups = r.ctx_.compensation_groups().size();
    r.figures_.reserve(groups);
    for (std::size_t g = 0; g < groups; ++g) r.figures_.push_back(compensation_figures(r.ctx_, g));
    r.ctx_.set_figures(r.figures_.data());
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
    std::string path = subject_path(f);
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
    const Text detail = f.rule->detail(ctx_, f.subject, f.status);
    if (info.severity == Severity::info) return subject + ": " + (detail.in(lang).empty() ? info.title.in(lang) + "." : detail.in(lang));
    std::string out;
    if (f.status == Status::violated && !info.violation.in(lang).empty()) {
        out = info.violation.in(lang);
        for (auto pos = out.find("{subject}"); pos != std::string::npos; pos = out.find("{subject}", pos + subject.size()))
            out.replace(pos, 9, subject);
    } else {
        const char* status = f.status == Status::violated    ? (sv ? ": överträtt – " : ": violated – ")
                             : f.status == Status::satisfied ? (sv ? ": uppfyllt – " : ": satisfied – ")
                                                             : (sv ? ": kan inte avgöras – " : ": cannot be decided – ");
        out = subject + status + info.title.in(lang) + ".";
    }
    if (!detail.in(lang).empty()) {
        out += " " + detail.in(lang);
    } else if (f.status == Status::violated) {
        // Say why: the notes of the explanation's failing nodes (e.g. which
        // ground of 6 kap. 38 § KL, whose employee the delegate is).
        std::vector<const Explanation*> stack;
        const Explanation e = f.rule->explain(ctx_, f.subject);
        stack.push_back(&e);
        while (!stack.empty()) {
            const Explanation* n = stack.back();
            stack.pop_back();
            if (n->value != Truth::no) continue;
            for (const Text& note : n->notes) out += " " + note.in(lang);
            for (std::size_t i = n->children.size(); i-- > 0;) stack.push_back(&n->children[i]); // depth first, in order
        }
    }
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
