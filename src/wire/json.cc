// The JSON wire format (twitchcheck/json.h), written from the report types alone.
#include "twitchcheck/json.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/bounded_read.h"

namespace twitchcheck {

using nlohmann::json;

namespace {

double Round(double x, double scale = 1e4) { return std::round(x * scale) / scale; }

std::string Write(const json& doc, int indent) {
  return doc.dump(indent, ' ', false, json::error_handler_t::replace);
}

json SourceJson(const SourceInfo& src) {
  json j = {{"id", src.id}, {"title", src.title}, {"kind", src.kind}};
  if (!src.file.empty()) j["file"] = src.file;
  if (!src.url.empty()) j["url"] = src.url;
  if (!src.publisher.empty()) j["publisher"] = src.publisher;
  if (!src.year.empty()) j["year"] = src.year;
  return j;
}

json SpanJson(const Span& s) { return {s.begin, s.end}; }

json SourceIds(const SourceList& sources) {
  json out = json::array();
  for (const SourceInfo* s : sources) out.push_back(s->id);
  return out;
}

json EvidenceJson(const EvidenceItem& e) {
  json j = {{"id", e.id}, {"name", e.name}, {"status", EvidenceStatusName(e.status)},
            {"origin", OriginName(e.origin)}};
  if (!e.spans.empty()) {
    j["span"] = SpanJson(e.spans[0]);
    json spans = json::array();
    for (const Span& s : e.spans) spans.push_back(SpanJson(s));
    j["spans"] = spans;
    j["text"] = e.text;
  } else {
    j["span"] = nullptr;
  }
  if (!e.cues.empty()) j["cues"] = e.cues;
  return j;
}

json EvidenceListJson(const std::vector<EvidenceItem>& items) {
  json out = json::array();
  for (const EvidenceItem& e : items) out.push_back(EvidenceJson(e));
  return out;
}

json Contributions(const std::vector<ContributionItem>& cs) {
  json out = json::array();
  for (const ContributionItem& c : cs)
    out.push_back({{"id", c.finding->id},
                   {"name", c.finding->name},
                   {"status", EvidenceStatusName(c.status)},
                   {"weight", Round(c.weight, 1e3)},
                   {"sources", SourceIds(*c.sources)}});
  return out;
}

json TriageJson(const TriageReport& t) {
  json reasons = json::array();
  for (const TriageReasonItem& r : t.reasons)
    reasons.push_back({{"level", TriageName(r.level)},
                       {"text", r.text},
                       {"rule", r.rule},
                       {"findings", r.findings},
                       {"sources", SourceIds(r.sources)}});
  json j = {{"level", TriageName(t.level)}, {"action", t.action}, {"reasons", reasons}};
  j["specialist"] = t.specialist.empty() ? json(nullptr) : json(t.specialist);
  return j;
}

json ConditionsJson(const AssessReport& report) {
  json out = json::array();
  for (const ConditionItem& c : report.conditions) {
    const ConditionInfo& info = *c.info;
    json sources = json::array();
    for (const SourceInfo* s : info.sources) sources.push_back(SourceJson(*s));
    json unexplained = json::array();
    for (const FindingRef* f : c.unexplained) unexplained.push_back(f->id);
    out.push_back({{"id", info.id},
                   {"name", info.name},
                   {"probability", Round(c.probability)},
                   {"prior", Round(c.prior, 1e6)},
                   {"description", info.description},
                   {"seriousness", info.seriousness},
                   {"urgency", TriageName(info.urgency)},
                   {"specialist", info.specialist},
                   {"supporting", Contributions(c.supporting)},
                   {"conflicting", Contributions(c.conflicting)},
                   {"unexplained", unexplained},
                   {"sources", sources}});
  }
  return out;
}

json ReasonsJson(const std::vector<TriageReasonItem>& rs) {
  json reasons = json::array();
  for (const TriageReasonItem& r : rs)
    reasons.push_back({{"level", TriageName(r.level)}, {"text", r.text}, {"rule", r.rule},
                       {"findings", r.findings}, {"sources", SourceIds(r.sources)}});
  return reasons;
}

// The disposition and what a short report shows (docs/report.md): for renderers that are
// not this program (a web page, an app), so that every face shows the same report.
json DispositionJson(const AssessReport& r) {
  const DispositionReport& d = r.disposition;
  json signs = json::array();
  for (size_t i = 0; i < d.signs.size(); ++i)
    signs.push_back({{"id", d.signs[i].id}, {"name", d.signs[i].name}, {"said", d.signs_said[i]}});
  return {{"level", TriageName(d.level)}, {"headline", d.headline}, {"do_now", d.do_now},
          {"see", d.see}, {"see_id", d.see_id}, {"how_soon", d.how_soon},
          {"reasons", ReasonsJson(d.reasons)}, {"signs", signs}, {"tell", d.tell},
          {"do_not", d.do_not}, {"sources", SourceIds(d.sources)}};
}

json ShownJson(const AssessReport& r) {
  json causes = json::array();
  for (const CauseView& v : r.causes)
    causes.push_back({{"id", r.conditions[v.condition].info->id}, {"likelihood", v.likelihood},
                      {"numeric", v.numeric}, {"odds_ratio", Round(v.odds_ratio, 1e3)},
                      {"why", v.why}, {"against", v.against}});
  json advice = json::array();
  for (const AdviceInfo* a : r.advice_shown) advice.push_back(a->id);
  return {{"causes", causes}, {"enough_information", r.enough_information},
          {"not_enough_information", r.enough_information ? json(nullptr) : json(r.not_enough_information)},
          {"numbers_mean", r.numbers_mean}, {"understood", r.understood_lines}, {"advice", advice},
          {"safety_net", r.safety_net}, {"sources", SourceIds(r.sources_shown)}};
}

json ConflictsJson(const AssessReport& r) {
  json out = json::array();
  for (const ConflictItem& c : r.conflicts)
    out.push_back({{"id", c.finding.id}, {"name", c.finding.name}, {"given", EvidenceStatusName(c.given)},
                   {"read", EvidenceStatusName(c.read)}, {"text", c.text}, {"used", EvidenceStatusName(c.used)},
                   {"emergency_sign", c.emergency_sign}});
  return out;
}

json SetAsideJson(const std::vector<SetAsideItem>& items) {
  json aside = json::array();
  for (const SetAsideItem& s : items) aside.push_back({{"id", s.id}, {"span", SpanJson(s.span)}, {"why", s.why}});
  return aside;
}

json AttributesJson(const std::vector<AttributeItem>& items) {
  json attrs = json::array();
  for (const AttributeItem& m : items) attrs.push_back({{"kind", m.kind}, {"value", m.value}, {"span", SpanJson(m.span)}});
  return attrs;
}

json PatientJson(const Patient& p) {
  json j = json::object();
  if (p.age) j["age"] = *p.age;
  if (p.sex) j["sex"] = SexName(*p.sex);
  return j;
}

json NotUnderstoodJson(const AssessReport& r) {
  json doc = {{"understood", false},
              {"message", r.not_understood},
              {"emergency_help", r.emergency_help},
              {"knowledge_version", r.knowledge_version}};
  json signs = json::array();
  for (const FindingRef& f : r.emergency_signs) signs.push_back({{"id", f.id}, {"name", f.name}});
  doc["emergency_signs"] = std::move(signs);
  return doc;
}

json QuestionJson(const QuestionReport& q) {
  json items = json::array();
  for (const FindingRef& f : q.items)
    items.push_back({{"id", f.id},
                     {"name", f.name},
                     {"choices", {{{"id", "present"}, {"label", "Yes"}},
                                  {{"id", "absent"}, {"label", "No"}},
                                  {{"id", "unknown"}, {"label", "Don't know"}}}}});
  return {{"id", q.id}, {"type", QuestionTypeName(q.type)}, {"text", q.text}, {"reason", q.reason},
          {"items", items}};
}

}  // namespace

std::string AssessReportJson(const AssessReport& r, int indent) {
  if (!r.understood) return Write(NotUnderstoodJson(r), indent);
  json advice = json::array();
  for (const AdviceInfo* a : r.advice) {
    const AdviceInfo& adv = *a;
    json item = {{"id", adv.id}, {"kind", adv.kind}, {"title", adv.title}, {"text", adv.text},
                 {"sources", SourceIds(adv.sources)}};
    if (!adv.foods.empty()) item["foods"] = adv.foods;
    advice.push_back(item);
  }
  json j = {{"understood", true},
            {"triage", TriageJson(r.triage)},
            {"conditions", ConditionsJson(r)},
            {"evidence", EvidenceListJson(r.evidence)},
            {"advice", advice},
            {"knowledge_version", r.knowledge_version},
            {"disclaimer", r.disclaimer},
            {"exact", r.exact}};
  j["patient"] = PatientJson(r.patient);
  if (!r.dropped.empty()) {
    json d = json::array();
    for (const FindingRef* f : r.dropped) d.push_back(f->id);
    j["dropped"] = d;
  }
  if (r.has_reading) {
    j["set_aside"] = SetAsideJson(r.set_aside);
    j["attributes"] = AttributesJson(r.attributes);
  }
  json sources = json::array();
  for (const SourceInfo* s : r.cited) sources.push_back(SourceJson(*s));
  // The report's own wording (emergency steps, the safety net) cites sources too.
  auto add = [&](const SourceList& list) {
    for (const SourceInfo* s : list)
      if (std::find(r.cited.begin(), r.cited.end(), s) == r.cited.end() &&
          std::none_of(sources.begin(), sources.end(), [&](const json& x) { return x["id"] == s->id; }))
        sources.push_back(SourceJson(*s));
  };
  add(r.disposition.sources);
  add(r.safety_net_sources);
  j["sources"] = sources;
  j["disposition"] = DispositionJson(r);
  j["shown"] = ShownJson(r);
  j["conflicts"] = ConflictsJson(r);
  return Write(j, indent);
}

std::string ReadingReportJson(const ReadingReport& r, int indent) {
  json j = {{"evidence", EvidenceListJson(r.evidence)},
            {"set_aside", SetAsideJson(r.set_aside)},
            {"attributes", AttributesJson(r.attributes)}};
  j["patient"] = PatientJson(r.patient);
  return Write(j, indent);
}

std::string InterviewStepJson(const InterviewStepReport& step, std::string_view knowledge_version, int indent) {
  json out = {{"question", step.question ? QuestionJson(*step.question) : json(nullptr)},
              {"should_stop", step.should_stop},
              {"conditions", ConditionsJson(step.assessment)},
              {"triage", TriageJson(step.assessment.triage)},
              {"knowledge_version", std::string(knowledge_version)}};
  if (step.should_stop) out["stop_reason"] = step.stop_reason;
  out["evidence"] = EvidenceListJson(step.assessment.evidence);
  return Write(out, indent);
}

std::string CatalogueJson(const Catalogue& c, CatalogueKind kind, int indent) {
  json out = json::array();
  switch (kind) {
    case CatalogueKind::kConditions:
      for (const CatalogueCondition& x : c.conditions)
        out.push_back({{"id", x.id}, {"name", x.name}, {"seriousness", x.seriousness},
                       {"urgency", TriageName(x.urgency)}, {"specialist", x.specialist}});
      break;
    case CatalogueKind::kFindings:
      for (const CatalogueFinding& x : c.findings) {
        json j = {{"id", x.id}, {"name", x.name}, {"category", x.category}};
        j["question"] = x.question.empty() ? json(nullptr) : json(x.question);
        out.push_back(std::move(j));
      }
      break;
    case CatalogueKind::kRedFlags:
      for (const CatalogueRedFlag& x : c.red_flags)
        out.push_back({{"id", x.id}, {"level", TriageName(x.level)}, {"reason", x.reason}});
      break;
    case CatalogueKind::kSources:
      for (const SourceInfo& x : c.sources) out.push_back(SourceJson(x));
      break;
  }
  return Write(out, indent);
}

std::string ContextAnswerJson(const ContextAnswer& a) {
  std::string out = "{\"negation\": \"";
  out.append(a.negation).append("\", \"temporality\": \"").append(a.temporality);
  out.append("\", \"experiencer\": \"").append(a.experiencer).append("\"}");
  return out;
}

std::string ErrorLineJson(std::string_view message) {
  return "{\"error\": " + Write(json(std::string(message)), -1) + "}";
}

bool JsonDepthWithin(std::string_view text, int max_depth, std::string* err) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character cannot end the string
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        *err = "JSON nested deeper than the limit of " + std::to_string(max_depth) + " levels (at byte " +
               std::to_string(i) + ")";
        return false;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

Status ParseInterviewRequest(std::string_view body, InterviewRequest* out) {
  *out = InterviewRequest{};
  if (body.size() > kMaxRequestBytes)
    return Status::Limit("the request is larger than the limit of " + FormatBytes(kMaxRequestBytes));
  std::string err;
  if (!JsonDepthWithin(body, kMaxJsonDepth, &err)) return Status::Limit(err);  // before the parser
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("the request is not a JSON object");
  if (j.contains("age") && !j["age"].is_null()) {
    if (!j["age"].is_number_integer() || j["age"].get<long long>() < 0 || j["age"].get<long long>() > kMaxAgeYears)
      return Status::InvalidArgument("\"age\" must be a whole number from 0 to 120");
    out->patient.age = j["age"].get<int>();
  }
  if (j.contains("sex") && !j["sex"].is_null()) {
    if (j["sex"].is_string()) out->patient.sex = ParseSex(j["sex"].get<std::string>());
    if (!out->patient.sex) return Status::InvalidArgument("\"sex\" must be \"female\" or \"male\"");
  }
  if (j.contains("text") && !j["text"].is_null()) {
    if (!j["text"].is_string()) return Status::InvalidArgument("\"text\" must be a string");
    out->text = j["text"].get<std::string>();
  }
  if (j.contains("described") && !j["described"].is_null()) {
    if (j["described"].is_number_unsigned()) {
      // How many times the person has been asked to describe it (0, 1, 2, ...).
      const auto times = j["described"].get<uint64_t>();
      out->described = times >= 2 ? 2 : static_cast<int>(times);
    } else if (j["described"].is_boolean()) {
      out->described = j["described"].get<bool>() ? 1 : 0;
    } else {
      return Status::InvalidArgument("\"described\" must be true, false or the number of times asked");
    }
  }
  if (out->text.size() > kMaxTextBytes)
    return Status::Limit("\"text\" is longer than the limit of " + FormatBytes(kMaxTextBytes));
  if (j.contains("evidence")) {
    if (!j["evidence"].is_array()) return Status::InvalidArgument("\"evidence\" must be a list");
    if (j["evidence"].size() > kMaxRequestEvidence)
      return Status::Limit("\"evidence\" has " + std::to_string(j["evidence"].size()) +
                           " items: more than the limit of " + std::to_string(kMaxRequestEvidence));
    for (const auto& e : j["evidence"]) {
      if (!e.is_object() || !e.contains("id") || !e["id"].is_string() || !e.contains("status") ||
          !e["status"].is_string())
        return Status::InvalidArgument("each evidence item needs \"id\" and \"status\" strings");
      Evidence ev;
      ev.id = e["id"].get<std::string>();
      ev.origin = Origin::kAnswer;
      if (!ParseEvidenceStatus(e["status"].get<std::string>(), &ev.status))
        return Status::InvalidArgument("evidence '" + ev.id + "': status must be present, absent, possible or unknown");
      out->answers.push_back(std::move(ev));
    }
  }
  return Status::OK();
}

Status ParseContextLine(std::string_view line, std::string* sentence, std::string* target) {
  std::string err;
  if (!JsonDepthWithin(line, kMaxJsonDepth, &err)) return Status::Limit(err);
  const json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("not valid JSON");
  if (!j.is_object()) return Status::InvalidArgument("expected a JSON object");
  for (const char* key : {"sentence", "target"}) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string())
      return Status::InvalidArgument(std::string("missing string field \"") + key + "\"");
  }
  *sentence = j["sentence"].get<std::string>();
  *target = j["target"].get<std::string>();
  return Status::OK();
}

}  // namespace twitchcheck
