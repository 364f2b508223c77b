#include "report/build.h"

#include <set>

namespace twitchcheck {
namespace {

std::vector<std::string> SourceIds(const Knowledge& kb, const std::vector<int>& sources, std::set<int>* used) {
  std::vector<std::string> out;
  for (int s : sources)
    if (s >= 0) {
      out.push_back(kb.sources[s].id);
      used->insert(s);
    }
  return out;
}

std::string FindingName(const Knowledge& kb, const std::string& id) {
  const int f = kb.FindingIndex(id);
  return f >= 0 ? kb.findings[f].name : id;
}

EvidenceItem Item(const Knowledge& kb, const Evidence& e) {
  return {e.id, FindingName(kb, e.id), e.status, e.origin, e.spans, e.text, e.cues};
}

std::vector<ContributionItem> Contributions(const Knowledge& kb, const std::vector<Contribution>& cs,
                                            std::set<int>* used) {
  std::vector<ContributionItem> out;
  for (const Contribution& c : cs)
    out.push_back({kb.findings[c.finding].id, kb.findings[c.finding].name, c.status, c.weight,
                   SourceIds(kb, c.sources, used)});
  return out;
}

void AddReading(const Knowledge& kb, const Reading& r, std::vector<SetAsideItem>* aside,
                std::vector<AttributeItem>* attrs) {
  for (const SetAside& s : r.set_aside) aside->push_back({s.id, FindingName(kb, s.id), s.span, s.why});
  for (const AttributeMention& m : r.attributes.mentions) attrs->push_back({m.kind, m.value, {m.begin, m.end}});
}

SourceInfo Info(const Source& s) { return {s.id, s.title, s.kind, s.file, s.url}; }

}  // namespace

AssessReport BuildAssessReport(const Knowledge& kb, const Assessment& a, const Patient& patient,
                               const Reading* reading, bool understood) {
  AssessReport out;
  std::set<int> used, cited;
  out.understood = understood;
  out.not_understood = kb.not_understood;
  out.emergency_help = kb.emergency_help;
  for (int f : kb.screen) out.emergency_signs.push_back({kb.findings[f].id, kb.findings[f].name});

  out.triage.level = a.triage.level;
  out.triage.action = std::string(TriageAction(a.triage.level));
  out.triage.specialist = a.triage.specialist;
  for (const TriageReason& r : a.triage.reasons) {
    TriageReasonItem item{r.level, r.text, r.rule, {}, SourceIds(kb, r.sources, &used)};
    for (int f : r.findings) item.findings.push_back(kb.findings[f].id);
    out.triage.reasons.push_back(std::move(item));
    cited.insert(r.sources.begin(), r.sources.end());
  }

  for (size_t i = 0; i < a.conditions.size(); ++i) {
    const ConditionResult& r = a.conditions[i];
    if (i >= kListedAtLeast && r.probability < kListedProbability) break;
    const Condition& c = kb.conditions[r.condition];
    ConditionItem item{c.id, c.name, r.probability, r.prior, c.description, c.seriousness, c.urgency,
                       c.specialist, Contributions(kb, r.supporting, &used),
                       Contributions(kb, r.conflicting, &used), {}, SourceIds(kb, c.sources, &used)};
    for (int f : r.unexplained) item.unexplained.push_back(kb.findings[f].id);
    out.conditions.push_back(std::move(item));
    if (i < kCitedConditions) cited.insert(c.sources.begin(), c.sources.end());
  }

  for (const Evidence& e : a.evidence) out.evidence.push_back(Item(kb, e));
  for (int i : a.advice) {
    const Advice& adv = kb.advice[i];
    out.advice.push_back({adv.id, adv.kind, adv.title, adv.text, adv.foods, adv.always,
                          SourceIds(kb, adv.sources, &used)});
    cited.insert(adv.sources.begin(), adv.sources.end());
  }
  out.patient = patient;
  out.exact = a.exact;
  for (int f : a.dropped) out.dropped.push_back(kb.findings[f].id);
  if (reading) {
    out.has_reading = true;
    AddReading(kb, *reading, &out.set_aside, &out.attributes);
  }
  for (int s : used) out.sources.push_back(Info(kb.sources[s]));
  for (int s : cited)
    if (s >= 0) out.cited.push_back(kb.sources[s].id);
  out.knowledge_version = kb.version;
  out.disclaimer = kb.disclaimer;
  return out;
}

ReadingReport BuildReadingReport(const Knowledge& kb, const Reading& r) {
  ReadingReport out;
  for (const Evidence& e : r.evidence) out.evidence.push_back(Item(kb, e));
  AddReading(kb, r, &out.set_aside, &out.attributes);
  out.patient = r.patient;
  out.names_complaint = NamesAComplaint(kb, r.evidence);
  return out;
}

QuestionReport BuildQuestion(const Knowledge& kb, const Question& q) {
  QuestionReport out;
  out.reason = q.reason;
  out.gain = q.gain;
  if (!q.items.empty()) {  // the emergency screen: several findings, one answer each
    out.id = "emergency_screen";
    out.type = QuestionReport::Type::kGroupMultiple;
    out.text = kb.screen_question;
    for (int f : q.items) out.items.push_back({kb.findings[f].id, kb.findings[f].name});
  } else if (q.finding < 0) {
    out.id = "describe";
    out.type = QuestionReport::Type::kFreeText;
    out.text = kb.describe_question;
  } else {
    const Finding& f = kb.findings[q.finding];
    out.id = f.id;
    out.type = QuestionReport::Type::kSingle;
    out.text = f.question;
    out.items.push_back({f.id, f.name});
  }
  return out;
}

const SourceInfo* AssessReport::FindSource(const std::string& id) const {
  for (const SourceInfo& s : sources)
    if (s.id == id) return &s;
  return nullptr;
}

const char* QuestionTypeName(QuestionReport::Type t) {
  switch (t) {
    case QuestionReport::Type::kFreeText: return "free_text";
    case QuestionReport::Type::kGroupMultiple: return "group_multiple";
    case QuestionReport::Type::kSingle: return "single";
  }
  return "single";
}

}  // namespace twitchcheck
