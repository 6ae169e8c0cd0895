// The messages of findings, in both languages: what a finding is about and
// what it says, materialised on demand from the rule and the subject.
#include <avtal/core/detail/facts.hpp>
#include <avtal/io/messages.hpp>
#include <avtal/law/rules/content.hpp>

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
    std::string path = subject_path(r, f);
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
        const auto& groups = r.context().compensation_groups();
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
