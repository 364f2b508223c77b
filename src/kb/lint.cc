#include "kb/lint.h"

#include <set>

#include <fmt/format.h>

namespace twitchcheck {

CoverageReport Coverage(const Knowledge& kb) {
  CoverageReport r;
  std::set<int> cited, used_findings, flagged_findings, advised_conditions;
  auto cite = [&](const std::vector<int>& s) { cited.insert(s.begin(), s.end()); };
  for (const Finding& f : kb.findings) {
    cite(f.sources);
    r.phrases += f.phrases.size();
  }
  for (const Condition& c : kb.conditions) {
    cite(c.sources);
    if (!c.advice.empty()) advised_conditions.insert(static_cast<int>(&c - kb.conditions.data()));
    for (const Link& l : c.links) {
      cite(l.sources);
      used_findings.insert(l.finding);
      ++r.links;
    }
  }
  for (const RedFlag& f : kb.red_flags) {
    cite(f.sources);
    used_findings.insert(f.unless.begin(), f.unless.end());
    for (const auto& alt : f.when)
      for (int x : alt) {
        used_findings.insert(x);
        flagged_findings.insert(x);
      }
  }
  for (const Advice& a : kb.advice) {
    cite(a.sources);
    used_findings.insert(a.when_findings.begin(), a.when_findings.end());
    advised_conditions.insert(a.when_conditions.begin(), a.when_conditions.end());
  }
  for (size_t c = 0; c < kb.conditions.size(); ++c) {
    const Condition& cond = kb.conditions[c];
    used_findings.insert(cond.urgency_unless.begin(), cond.urgency_unless.end());
    if (!advised_conditions.count(static_cast<int>(c))) r.conditions_without_advice.push_back(cond.id);
    if (cond.urgency == TriageLevel::kSelfCare) continue;
    // A serious cause is covered when some red flag fires on a finding it often produces.
    bool covered = false;
    for (const Link& l : cond.links) covered |= l.strength >= 0.3 && flagged_findings.count(l.finding);
    if (!covered) r.conditions_without_red_flags.push_back(cond.id);
  }
  // meta.yaml recency: a finding that says something is new works on the red flags' unless.
  used_findings.insert(kb.recency_new.begin(), kb.recency_new.end());
  for (size_t f = 0; f < kb.findings.size(); ++f) {
    const Finding& fd = kb.findings[f];
    // Through the reverse index: scanning every finding's `implies` here made this
    // O(findings^2) (50,000 findings: over a minute).
    bool through_others = false;  // implied by a used finding, or implying one
    for (int g : kb.implied_by[f]) through_others |= used_findings.count(g) > 0;
    // One that only sets others ("stopped my xanax" implies the drug and the stopping) works
    // through them.
    for (int g : fd.implies) through_others |= used_findings.count(g) > 0;
    // A finding that only masks others ("I take all my tablets every morning" hides an
    // overdose) does its work by being read.
    const bool masks_others = !fd.masks.empty();
    if (!used_findings.count(static_cast<int>(f)) && !through_others && !masks_others)
      r.findings_linked_to_nothing.push_back(fd.id);
    if (fd.phrases.empty() && fd.combos.empty() && !fd.from_attribute && fd.question.empty())
      r.findings_never_read.push_back(fd.id);
  }
  // The report's own wording (meta.yaml) cites sources too.
  cited.insert(kb.report.safety_net_sources.begin(), kb.report.safety_net_sources.end());
  for (const EmergencySteps& st : kb.emergency_steps) cited.insert(st.sources.begin(), st.sources.end());
  for (size_t s = 0; s < kb.sources.size(); ++s)
    if (!cited.count(static_cast<int>(s))) r.sources_cited_by_nothing.push_back(kb.sources[s].id);
  return r;
}

std::string FormatCoverage(const Knowledge& kb, const CoverageReport& r) {
  std::string out;
  auto section = [&](const char* title, const std::vector<std::string>& ids) {
    for (const std::string& id : ids) out += fmt::format("warning: {}: {}\n", title, id);
  };
  section("serious cause that no red flag covers", r.conditions_without_red_flags);
  section("cause without advice", r.conditions_without_advice);
  section("finding linked to nothing", r.findings_linked_to_nothing);
  section("finding that nothing can set", r.findings_never_read);
  section("source cited by nothing", r.sources_cited_by_nothing);
  out += fmt::format(
      "knowledge base {}: {} sources, {} findings ({} phrasings), {} causes, {} links, "
      "{} red flags, {} advice items; {}\n",
      kb.version, kb.sources.size(), kb.findings.size(), r.phrases, kb.conditions.size(), r.links,
      kb.red_flags.size(), kb.advice.size(), r.clean() ? "coverage clean" : "coverage warnings above");
  return out;
}

}  // namespace twitchcheck
