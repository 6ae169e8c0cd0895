// The messages of findings, in both languages: what a finding is about and
// what it says, materialised on demand from the rule and the subject.
#include <avtal/core/detail/facts.hpp>
#include <avtal/io/messages.hpp>
#include <avtal/law/rules/content.hpp>
#include <avtal/model/names.hpp>

namespace avtal {

std::string subject_path(const Report& r, const Finding& f) {
    switch (f.subject.scope) {
    case Scope::agreement: return AgreementSubject::path();
    case Scope::party: return PartySubject{&r.context(), f.subject.index}.path();
    case Scope::task: return TaskSubject{&r.context(), f.subject.index}.path();
    case Scope::delegate: return DelegateSubject{&r.context(), f.subject.index}.path();
    case Scope::compensation: return CompensationSubject{&r.context(), f.subject.index}.path();
    case Scope::clause: break;
    }
    return ClauseSubject::path();
}

std::string subject_name(const Report& r, const Finding& f, Lang lang) {
    const bool sv = lang == Lang::sv;
    const Agreement& a = r.agreement();
    const auto plain_name = [&](const std::string& id) {
        const Party* p = a.find_party(id);
        return p && !p->name.empty() ? p->name : id;
    };
    const auto name_of_party = [&](std::size_t k) {
        const Party& p = a.parties[k];
        return detail::quoted(p.name.empty() ? p.id : p.name);
    };
    switch (f.subject.scope) {
    case Scope::agreement: return (sv ? "Avtalet " : "The agreement ") + detail::quoted(a.title.empty() ? a.id : a.title);
    case Scope::party:
        if (f.subject.index < a.parties.size()) return (sv ? "Parten " : "Party ") + name_of_party(f.subject.index);
        break;
    case Scope::task:
        if (f.subject.index < a.tasks.size()) return (sv ? "Uppgiften " : "Task ") + detail::quoted(a.tasks[f.subject.index].id);
        break;
    case Scope::delegate: {
        if (f.subject.index >= a.delegation.delegates.size()) break;
        const Delegate& d = a.delegation.delegates[f.subject.index];
        const std::string employer = d.employer ? plain_name(*d.employer) : std::string{};
        std::string s = sv ? "Delegeringen" : "The delegation";
        const DelegateTo to = d.to.value_or(DelegateTo::employee);
        switch (to) {
        case DelegateTo::employee:
            if (!employer.empty())
                s += sv ? " till " + genitive_sv(employer) + " anställda" : " to employees of " + employer;
            else if (d.to)
                s += sv ? " till anställda" : " to employees";
            break;
        case DelegateTo::consultant: s += sv ? " till en konsult" : " to a consultant"; break;
        case DelegateTo::elected_official:
            s += sv ? " till en förtroendevald" : " to an elected official";
            if (!employer.empty()) s += (sv ? " hos " : " of ") + employer;
            break;
        case DelegateTo::company_employee:
            s += sv ? " till anställda i ett kommunalt bolag" : " to employees of a municipal company";
            if (!employer.empty()) s += " (" + employer + ")";
            break;
        }
        if (d.task) s += (sv ? " i uppgiften " : " in the task ") + detail::quoted(*d.task);
        return s;
    }
    case Scope::compensation: {
        const auto& groups = r.context().compensation_groups();
        if (f.subject.index < groups.size() && groups[f.subject.index].contractor && !groups[f.subject.index].agreement_level)
            return (sv ? "Ersättningen till " : "The compensation to ") + name_of_party(*groups[f.subject.index].contractor);
        return sv ? "Ersättningen" : "The compensation";
    }
    case Scope::clause: {
        const Text t = clause_text(static_cast<Clause>(f.subject.index));
        return (sv ? "Avsnittet om " : "The section on ") + t.in(lang);
    }
    }
    return subject_path(r, f);
}

namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
}

/// format_citation's rewrites: SKR's method guide cited in a short form
/// ("SKR 2023 kap. 5", "SKR 2023, bilaga 3") or without the comma before
/// "kap." is spelt out as the guide's title. Applied in order; no rewrite's
/// result contains a later one's pattern.
struct Rewrite {
    std::string_view from;
    std::string_view to;
};
constexpr Rewrite citation_rewrites[] = {
    {"SKR, Avtalssamverkan inom socialtjänsten (2023) kap.", "SKR, Avtalssamverkan inom socialtjänsten (2023), kap."},
    {"SKR 2023 kap.", "SKR, Avtalssamverkan inom socialtjänsten (2023), kap."},
    {"SKR 2023, ", "SKR, Avtalssamverkan inom socialtjänsten (2023), "},
};

} // namespace

bool citation_is_formatted(std::string_view citation) noexcept {
    for (const Rewrite& r : citation_rewrites)
        if (citation.find(r.from) != std::string_view::npos) return false;
    return true;
}

std::string format_citation(std::string_view citation, bool markdown) {
    static constexpr std::string_view skr = "Avtalssamverkan inom socialtjänsten";
    if (!markdown && citation_is_formatted(citation)) return std::string{citation};
    std::string s{citation};
    for (const Rewrite& r : citation_rewrites) replace_all(s, r.from, r.to);
    if (markdown) {
        static constexpr std::string_view titles[] = {skr, "Avtal och överenskommelser", "Tröskelvärden och direktupphandlingsgränser"};
        for (std::string_view t : titles) replace_all(s, t, "*" + std::string{t} + "*");
    }
    return s;
}

std::string message(const Report& r, const Finding& f, Lang lang) {
    const bool sv = lang == Lang::sv;
    const RuleInfo& info = f.rule->info();
    const std::string subject = subject_name(r, f, lang);
    const Text detail = f.rule->detail(r.context(), f.subject, f.status);
    if (info.severity == Severity::info) return subject + ": " + (detail.in(lang).empty() ? info.title.in(lang) + "." : detail.in(lang));
    std::string out;
    if (f.status == Status::violated && !info.violation.in(lang).empty()) {
        out = info.violation.in(lang);
        for (auto pos = out.find("{subject}"); pos != std::string::npos; pos = out.find("{subject}", pos + subject.size()))
            out.replace(pos, 9, subject);
    } else {
        const char* status = f.status == Status::violated    ? (sv ? ": inte uppfyllt – " : ": not satisfied – ")
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
        const Explanation e = f.rule->explain(r.context(), f.subject);
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

} // namespace avtal
