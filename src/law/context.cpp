// The checking context: agreement, date, threshold table, exceptions and
// the contractors' compensation groups.
#include <avtal/law/compensation.hpp>
#include <avtal/law/procurement.hpp>
#include <avtal/model/subject.hpp>

#include <cstdint>

namespace avtal {

namespace {

/// Groups the tasks by contractor (SPEC §6): one agreement-level group when
/// the agreement states `compensation`, else one group per contractor.
std::vector<CompensationGroup> make_compensation_groups(const Agreement& a, const detail::IdIndex& party_ids) {
    std::vector<CompensationGroup> groups;
    bool per_task = false;
    for (const auto& t : a.tasks) per_task = per_task || t.compensation.has_value();
    bool several_contractors = false;
    for (const auto& t : a.tasks)
        several_contractors = several_contractors || (t.contractor && a.tasks.front().contractor && *t.contractor != *a.tasks.front().contractor);
    // Agreement-level terms, or none at all for one contractor: one group.
    // Several contractors: one group each (SPEC §6), even before any task
    // states its terms, so that the missing facts point at the tasks.
    if (a.compensation || (!per_task && !several_contractors)) {
        CompensationGroup g;
        g.agreement_level = true;
        for (std::size_t i = 0; i < a.tasks.size(); ++i) {
            g.tasks.push_back(i);
            if (!g.contractor && a.tasks[i].contractor) g.contractor = party_ids.find(*a.tasks[i].contractor);
        }
        groups.push_back(std::move(g));
        return groups;
    }
    // One group per contractor, in order of first appearance; a task whose
    // contractor is unknown forms a group of its own.
    std::vector<std::size_t> group_of(a.parties.size(), SIZE_MAX);
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        const auto& c = a.tasks[i].contractor;
        const std::optional<std::size_t> k = c ? party_ids.find(*c) : std::nullopt;
        if (k && group_of[*k] != SIZE_MAX) {
            groups[group_of[*k]].tasks.push_back(i);
            continue;
        }
        if (k) group_of[*k] = groups.size();
        groups.push_back(CompensationGroup{k, {i}, false});
    }
    return groups;
}

} // namespace

Context::Context(const Agreement& agreement, std::optional<Date> date, std::shared_ptr<const ThresholdTable> thresholds,
                 std::shared_ptr<const ExceptionList> exceptions)
    : agreement_{&agreement}, party_ids_{agreement.parties, [](const Party& p) -> const Id& { return p.id; }},
      task_ids_{agreement.tasks, [](const Task& t) -> const Id& { return t.id; }}, tasks_by_principal_{agreement},
      direct_award_memo_{detail::make_direct_award_memo()}, date_{date ? date : agreement.assessment_date}, thresholds_{thresholds
                                                                                                                            ? std::move(thresholds)
                                                                                                                            : builtin_thresholds()},
      exceptions_{exceptions ? std::move(exceptions) : default_exceptions()}, groups_{make_compensation_groups(agreement, party_ids_)} {}

const CompensationFigures* Context::cached_figures(std::size_t group) const noexcept {
    return figures_ && group < groups_.size() ? figures_ + group : nullptr;
}

} // namespace avtal
