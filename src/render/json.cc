#include "render/json.h"

#include <cmath>
#include <set>

namespace twitchcheck {

using nlohmann::json;

namespace {
double Round(double x, double scale = 1e4) { return std::round(x * scale) / scale; }

json SourceIds(const Knowledge& kb, const std::vector<int>& sources) {
  json out = json::array();
  for (int s : sources)
    if (s >= 0) out.push_back(kb.sources[s].id);
  return out;
}

json Contributions(const Knowledge& kb, const std::vector<Contribution>& cs) {
  json out = json::array();
  for (const Contribution& c : cs)
    out.push_back({{"id", kb.findings[c.finding].id},
                   {"name", kb.findings[c.finding].name},
                   {"status", EvidenceStatusName(c.status)},
                   {"weight", Round(c.weight, 1e3)},
                   {"sources", SourceIds(kb, c.sources)}});
  return out;
}
}  // namespace

json SourceJson(const Knowledge& kb, int s) {
  const Source& src = kb.sources[s];
  json j = {{"id", src.id}, {"title", src.title}, {"kind", src.kind}};
  if (!src.file.empty()) j["file"] = src.file;
  if (!src.url.empty()) j["url"] = src.url;
  return j;
}

json EvidenceJson(const Knowledge& kb, const Evidence& e) {
  int f = kb.FindingIndex(e.id);
  json j = {{"id", e.id},
            {"name", f >= 0 ? kb.findings[f].name : e.id},
            {"status", EvidenceStatusName(e.status)},
            {"origin", e.origin}};
  if (!e.spans.empty()) {
    j["span"] = {e.spans[0].begin, e.spans[0].end};
    json spans = json::array();
    for (const Span& s : e.spans) spans.push_back({s.begin, s.end});
    j["spans"] = spans;
    j["text"] = e.text;
  } else {
    j["span"] = nullptr;
  }
  if (!e.cues.empty()) j["cues"] = e.cues;
  return j;
}

json TriageJson(const Knowledge& kb, const Triage& t) {
  json reasons = json::array();
  for (const TriageReason& r : t.reasons) {
    json findings = json::array();
    for (int f : r.findings) findings.push_back(kb.findings[f].id);
    reasons.push_back({{"level", TriageName(r.level)},
                       {"text", r.text},
                       {"rule", r.rule},
                       {"findings", findings},
                       {"sources", SourceIds(kb, r.sources)}});
  }
  json j = {{"level", TriageName(t.level)},
            {"action", TriageAction(t.level)},
            {"reasons", reasons}};
  j["specialist"] = t.specialist.empty() ? json(nullptr) : json(t.specialist);
  return j;
}

json ConditionsJson(const Knowledge& kb, const std::vector<ConditionResult>& cs,
                    double min_probability, size_t at_least) {
  json out = json::array();
  for (size_t i = 0; i < cs.size(); ++i) {
    const ConditionResult& r = cs[i];
    if (i >= at_least && r.probability < min_probability) break;
    const Condition& c = kb.conditions[r.condition];
    json unexplained = json::array();
    for (int f : r.unexplained) unexplained.push_back(kb.findings[f].id);
    json sources = json::array();
    for (int s : c.sources) sources.push_back(SourceJson(kb, s));
    out.push_back({{"id", c.id},
                   {"name", c.name},
                   {"probability", Round(r.probability)},
                   {"prior", Round(r.prior, 1e6)},
                   {"description", c.description},
                   {"seriousness", c.seriousness},
                   {"urgency", TriageName(c.urgency)},
                   {"specialist", c.specialist},
                   {"supporting", Contributions(kb, r.supporting)},
                   {"conflicting", Contributions(kb, r.conflicting)},
                   {"unexplained", unexplained},
                   {"sources", sources}});
  }
  return out;
}

json ReadingJson(const Knowledge& kb, const Reading& r) {
  json evidence = json::array();
  for (const Evidence& e : r.evidence) evidence.push_back(EvidenceJson(kb, e));
  json aside = json::array();
  for (const SetAside& s : r.set_aside)
    aside.push_back({{"id", s.id}, {"span", {s.span.begin, s.span.end}}, {"why", s.why}});
  json attrs = json::array();
  for (const AttributeMention& m : r.attributes.mentions)
    attrs.push_back({{"kind", m.kind}, {"value", m.value}, {"span", {m.begin, m.end}}});
  json j = {{"evidence", evidence}, {"set_aside", aside}, {"attributes", attrs}};
  json patient = json::object();
  if (r.patient.age) patient["age"] = *r.patient.age;
  if (r.patient.sex) patient["sex"] = *r.patient.sex;
  j["patient"] = patient;
  return j;
}

json AssessmentJson(const Knowledge& kb, const Assessment& a, const Patient& patient,
                    const Reading* reading) {
  json evidence = json::array();
  for (const Evidence& e : a.evidence) evidence.push_back(EvidenceJson(kb, e));
  json advice = json::array();
  std::set<int> cited;
  for (int i : a.advice) {
    const Advice& adv = kb.advice[i];
    json item = {{"id", adv.id}, {"kind", adv.kind}, {"title", adv.title}, {"text", adv.text},
                 {"sources", SourceIds(kb, adv.sources)}};
    if (!adv.foods.empty()) item["foods"] = adv.foods;
    advice.push_back(item);
    cited.insert(adv.sources.begin(), adv.sources.end());
  }
  json j = {{"understood", true},
            {"triage", TriageJson(kb, a.triage)},
            {"conditions", ConditionsJson(kb, a.conditions)},
            {"evidence", evidence},
            {"advice", advice},
            {"knowledge_version", kb.version},
            {"disclaimer", kb.disclaimer},
            {"exact", a.exact}};
  json p = json::object();
  if (patient.age) p["age"] = *patient.age;
  if (patient.sex) p["sex"] = *patient.sex;
  j["patient"] = p;
  if (!a.dropped.empty()) {
    json d = json::array();
    for (int f : a.dropped) d.push_back(kb.findings[f].id);
    j["dropped"] = d;
  }
  if (reading) {
    json r = ReadingJson(kb, *reading);
    j["set_aside"] = r["set_aside"];
    j["attributes"] = r["attributes"];
  }
  for (const TriageReason& r : a.triage.reasons) cited.insert(r.sources.begin(), r.sources.end());
  for (size_t i = 0; i < a.conditions.size() && i < 5; ++i)
    for (int s : kb.conditions[a.conditions[i].condition].sources) cited.insert(s);
  json sources = json::array();
  for (int s : cited)
    if (s >= 0) sources.push_back(SourceJson(kb, s));
  j["sources"] = sources;
  return j;
}

std::string WriteJson(const nlohmann::json& doc, int indent) {
  return doc.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace twitchcheck
