#include "report/build.h"

#include <cctype>
#include <set>

#include "report/person.h"

namespace twitchcheck {
namespace {

SourceList Sources(const ReportTexts& t, const std::vector<int>& sources) {
  SourceList out;
  out.reserve(sources.size());
  for (int s : sources)
    if (s >= 0) out.push_back(&t.sources[s]);
  return out;
}

std::string FindingName(const Knowledge& kb, const std::string& id) {
  const int f = kb.FindingIndex(id);
  return f >= 0 ? kb.findings[f].name : id;
}

EvidenceItem Item(const Knowledge& kb, const Evidence& e) {
  return {e.id, FindingName(kb, e.id), e.status, e.origin, e.spans, e.text, e.cues};
}

std::vector<ContributionItem> Contributions(const ReportTexts& t, int condition, const std::vector<Contribution>& cs) {
  std::vector<ContributionItem> out;
  out.reserve(cs.size());
  for (const Contribution& c : cs)
    out.push_back({&t.findings[c.finding], c.status, c.weight, &t.link_sources[condition][c.link]});
  return out;
}

void AddReading(const Knowledge& kb, const Reading& r, std::vector<SetAsideItem>* aside,
                std::vector<AttributeItem>* attrs) {
  for (const SetAside& s : r.set_aside) aside->push_back({s.id, FindingName(kb, s.id), s.span, s.why});
  for (const AttributeMention& m : r.attributes.mentions) attrs->push_back({m.kind, m.value, {m.begin, m.end}});
}

}  // namespace

std::shared_ptr<const ReportTexts> BuildReportTexts(const Knowledge& kb) {
  auto t = std::make_shared<ReportTexts>();
  // Sources first: everything else points into them, so they must not move afterwards.
  t->sources.reserve(kb.sources.size());
  for (const Source& s : kb.sources) t->sources.push_back({s.id, s.title, s.kind, s.file, s.url, s.publisher, s.year});
  for (const Finding& f : kb.findings) {
    std::string said = f.said_as;
    if (said.empty()) {  // the name, its first letter lower-cased unless it is an acronym
      said = f.name;
      if (said.size() > 1 && std::isupper(static_cast<unsigned char>(said[0])) && std::islower(static_cast<unsigned char>(said[1])))
        said[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(said[0])));
    }
    t->findings.push_back({f.id, f.name, said});
  }
  for (const Condition& c : kb.conditions) {
    t->conditions.push_back({c.id, c.name, c.description, c.seriousness, c.urgency, c.specialist, Sources(*t, c.sources)});
    std::vector<SourceList> links;
    for (const Link& l : c.links) links.push_back(Sources(*t, l.sources));
    t->link_sources.push_back(std::move(links));
  }
  for (const Advice& a : kb.advice)
    t->advice.push_back({a.id, a.kind, a.title, a.text, a.foods, a.always, Sources(*t, a.sources)});
  return t;
}

AssessReport BuildAssessReport(const Knowledge& kb, std::shared_ptr<const ReportTexts> texts,
                               const Assessment& a, const Patient& patient, const Reading* reading,
                               bool understood, std::string_view text, std::vector<ConflictItem> conflicts) {
  const ReportTexts& t = *texts;
  AssessReport out;
  std::set<int> cited;
  out.understood = understood;
  out.not_understood = kb.not_understood;
  out.emergency_help = kb.emergency_help;
  for (int f : kb.screen) out.emergency_signs.push_back(t.findings[f]);

  out.triage.level = a.triage.level;
  out.triage.action = std::string(TriageAction(a.triage.level));
  out.triage.specialist = a.triage.specialist;
  for (const TriageReason& r : a.triage.reasons) {
    TriageReasonItem item{r.level, r.text, r.rule, {}, Sources(t, r.sources)};
    for (int f : r.findings) item.findings.push_back(kb.findings[f].id);
    out.triage.reasons.push_back(std::move(item));
    cited.insert(r.sources.begin(), r.sources.end());
  }

  for (size_t i = 0; i < a.conditions.size(); ++i) {
    const ConditionResult& r = a.conditions[i];
    if (i >= kListedAtLeast && r.probability < kListedProbability) break;
    ConditionItem item{&t.conditions[r.condition], r.probability, r.prior,
                       Contributions(t, r.condition, r.supporting), Contributions(t, r.condition, r.conflicting), {}};
    for (int f : r.unexplained) item.unexplained.push_back(&t.findings[f]);
    out.conditions.push_back(std::move(item));
  }
  for (size_t i = 0; i < a.conditions.size() && i < kCitedConditions; ++i) {
    const std::vector<int>& s = kb.conditions[a.conditions[i].condition].sources;
    cited.insert(s.begin(), s.end());
  }

  out.evidence.reserve(a.evidence.size());
  for (const Evidence& e : a.evidence) out.evidence.push_back(Item(kb, e));
  for (int i : a.advice) {
    out.advice.push_back(&t.advice[i]);
    cited.insert(kb.advice[i].sources.begin(), kb.advice[i].sources.end());
  }
  out.patient = patient;
  out.exact = a.exact;
  for (int f : a.dropped) out.dropped.push_back(&t.findings[f]);
  if (reading) {
    out.has_reading = true;
    AddReading(kb, *reading, &out.set_aside, &out.attributes);
  }
  for (int s : cited)
    if (s >= 0) out.cited.push_back(&t.sources[s]);
  out.knowledge_version = kb.version;
  out.disclaimer = kb.disclaimer;
  out.texts = std::move(texts);
  out.conflicts = std::move(conflicts);
  BuildPersonView(kb, text, &out);
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
    for (int f : q.items) out.items.push_back({kb.findings[f].id, kb.findings[f].name, {}});
  } else if (q.finding < 0) {
    out.id = "describe";
    out.type = QuestionReport::Type::kFreeText;
    out.text = kb.describe_question;
  } else {
    const Finding& f = kb.findings[q.finding];
    out.id = f.id;
    out.type = QuestionReport::Type::kSingle;
    out.text = f.question;
    out.items.push_back({f.id, f.name, {}});
  }
  return out;
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
