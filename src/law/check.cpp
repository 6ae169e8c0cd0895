// check(): runs the catalogue over an agreement and builds the report.
#include <avtal/core/date.hpp>
#include <avtal/law/check.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace avtal {

Report check(const Agreement& agreement, const CheckOptions& options) {
    Report r{Context{agreement, options.date, options.thresholds, options.exceptions}};
    if (!options.validated) r.problems_ = validate(agreement);
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
    // The reservation above covers every rule of every party and task; most
    // give fewer findings: hand the rest back (10⁶ parties reserve 8 × 10⁶).
    if (r.findings_.capacity() > 2 * r.findings_.size() + 64) r.findings_.shrink_to_fit();
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

Explanation Report::explain(const Finding& f) const { return f.rule->explain(ctx_, f.subject); }

Explanation Report::explain_exception(std::size_t task, std::size_t exception) const {
    return ctx_.exceptions().at(exception).explain(TaskSubject{&ctx_, task});
}

Receipt Report::receipt() const {
    Receipt r;
    r.avtal = std::string{library_version};
    r.rules = std::string{rules_version};
    r.thresholds = ctx_.thresholds().name;
    // applied_threshold_rows() of every task, in one pass: a task's rows are
    // those of the categories of the service tasks of its contractor (every
    // category when one is unknown), the same for each task of the
    // contractor, so they are found once per contractor (O(n log n), not n²).
    const auto& tasks = agreement().tasks;
    if (!ctx_.date()) return r;
    std::map<std::optional<std::string_view>, std::array<bool, 3>> cats;
    const auto key = [](const Task& t) { return t.contractor ? std::optional<std::string_view>{*t.contractor} : std::nullopt; };
    for (const Task& u : tasks) {
        if (u.nature == TaskNature::exercise_of_authority) continue;
        auto& c = cats[key(u)];
        if (!u.category)
            c = {true, true, true};
        else
            c[static_cast<std::size_t>(*u.category)] = true;
    }
    std::map<std::optional<std::string_view>, std::vector<const ThresholdRow*>> rows;
    for (const auto& [contractor, c] : cats)
        for (std::size_t k = 0; k < 3; ++k)
            if (c[k])
                if (const ThresholdRow* row = ctx_.thresholds().find(direct_award_limit, static_cast<Category>(k), *ctx_.date()))
                    rows[contractor].push_back(row);
    for (const Task& t : tasks) {
        if (t.nature == TaskNature::exercise_of_authority) continue;
        const auto it = rows.find(key(t));
        if (it == rows.end()) continue;
        for (const ThresholdRow* row : it->second)
            if (std::find(r.rows.begin(), r.rows.end(), row) == r.rows.end()) r.rows.push_back(row);
    }
    return r;
}

} // namespace avtal
