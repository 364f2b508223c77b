// Reads kb/*.yaml into a Knowledge and validates every reference, range and citation.
// The YAML reader (kb/yaml.h) reports syntax errors by exception; they become KbIssues.
#include "kb/yaml.h"

#include <algorithm>
#include <filesystem>
#include <future>
#include <fstream>
#include <functional>
#include <mutex>
#include <set>
#include <sstream>

#include "kb/embedded.h"
#include "kb/knowledge.h"

namespace twitchcheck {

std::string KbIssue::ToString() const {
  std::string s = "kb/" + file;
  if (line > 0) s += ":" + std::to_string(line);
  return s + ": " + message;
}

int Knowledge::FindingIndex(const std::string& id) const {
  auto it = finding_index.find(id);
  return it == finding_index.end() ? -1 : it->second;
}
int Knowledge::ConditionIndex(const std::string& id) const {
  auto it = condition_index.find(id);
  return it == condition_index.end() ? -1 : it->second;
}
int Knowledge::SourceIndex(const std::string& id) const {
  auto it = source_index.find(id);
  return it == source_index.end() ? -1 : it->second;
}

namespace {

// The attributes the text reader extracts (docs/text-reader.md); a finding derived from
// any other name could never be set.
const std::set<std::string> kAttributes = {"duration_days",          "caffeine_drinks_per_day",
                                           "sleep_hours",            "alcohol_drinks_per_day",
                                           "cigarettes_per_day",     "age_years"};
const std::set<std::string> kCategories = {"symptom", "sign",        "exposure",
                                           "history", "risk_factor", "attribute"};
const std::set<std::string> kSeriousness = {"benign", "moderate", "serious", "critical"};
const std::set<std::string> kAdviceKinds = {"lifestyle", "diet",    "sun",
                                            "medical",   "test",    "treatment"};

// A reference by id that is resolved after every file is read.
struct PendingRef {
  std::string file;
  int line;
  std::string id;
  int* slot;
  enum Kind { kFinding, kCondition, kSource, kAdvice } kind;
};

class Loader {
 public:
  Loader(Knowledge* kb, std::vector<KbIssue>* issues) : kb_(kb), issues_(issues) {}

  void Error(const std::string& file, int line, const std::string& msg) {
    issues_->push_back({file, line, msg});
  }

  // The parse of `file` (started by ParseAll); false after reporting a syntax error.
  bool Parsed(const std::string& file, std::future<YamlNode>* parse, YamlNode* root) {
    try {
      *root = parse->get();
      return true;
    } catch (const YamlError& e) {
      Error(file, e.mark.line + 1, "not valid YAML: " + e.msg);
      return false;
    } catch (const std::exception& e) {  // bad_alloc and the like: a message, not a crash
      Error(file, 0, e.what());
      return false;
    }
  }

  static int Line(const YamlNode& n) { return n.Mark().line + 1; }

  // Reads a required/optional scalar; reports a type error and returns the fallback.
  // An optional true/false field.
  void Flag(const std::string& file, const YamlNode& n, const char* key, bool* out) {
    YamlNode v = n[key];
    if (!v) return;
    try {
      *out = v.as<bool>();
    } catch (const YamlError&) {
      Error(file, Line(v), std::string("'") + key + "' must be true or false");
    }
  }

  std::string Str(const std::string& file, const YamlNode& n, const char* key, bool required) {
    YamlNode v = n[key];
    if (!v) {
      if (required) Error(file, Line(n), std::string("missing '") + key + "'");
      return "";
    }
    if (!v.IsScalar()) {
      Error(file, Line(v), std::string("'") + key + "' must be text");
      return "";
    }
    std::string s = v.Scalar();
    if (required && s.empty()) Error(file, Line(v), std::string("'") + key + "' is empty");
    return s;
  }

  bool Num(const std::string& file, const YamlNode& n, const char* key, double* out,
           bool required) {
    YamlNode v = n[key];
    if (!v) {
      if (required) Error(file, Line(n), std::string("missing '") + key + "'");
      return false;
    }
    try {
      *out = v.as<double>();
      return true;
    } catch (const YamlError&) {
      Error(file, Line(v), std::string("'") + key + "' must be a number");
      return false;
    }
  }

  std::vector<std::string> StrList(const std::string& file, const YamlNode& n, const char* key) {
    std::vector<std::string> out;
    YamlNode v = n[key];
    if (!v) return out;
    if (!v.IsSequence()) {
      Error(file, Line(v), std::string("'") + key + "' must be a list");
      return out;
    }
    for (const YamlNode& item : v) {
      if (!item.IsScalar()) {
        Error(file, Line(item), std::string("'") + key + "' items must be text");
        continue;
      }
      out.push_back(item.Scalar());
    }
    return out;
  }

  void Refs(const std::string& file, const YamlNode& n, const char* key,
            PendingRef::Kind kind, std::vector<int>* out) {
    YamlNode v = n[key];
    int line = v ? Line(v) : Line(n);
    std::vector<std::string> ids = StrList(file, n, key);
    out->assign(ids.size(), -1);
    for (size_t i = 0; i < ids.size(); ++i) pending_.push_back({file, line, ids[i], nullptr, kind});
    // Slots are bound after the vector stops moving: remember (vector, index) pairs.
    for (size_t i = 0; i < ids.size(); ++i) bind_.push_back({out, i, pending_.size() - ids.size() + i});
  }

  bool CheckId(const std::string& file, int line, const std::string& id) {
    if (id.empty()) return false;
    bool ok = id[0] >= 'a' && id[0] <= 'z' &&
              std::all_of(id.begin(), id.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
              });
    if (!ok) Error(file, line, "id '" + id + "' is not snake_case");
    return ok;
  }

  bool Probability(const std::string& file, int line, const std::string& what, double p,
                   bool allow_one) {
    if (!(p > 0.0) || p > 1.0 || (!allow_one && p >= 1.0)) {
      Error(file, line, what + " " + std::to_string(p) + " is out of range (0, 1" +
                            (allow_one ? "]" : ")"));
      return false;
    }
    return true;
  }

  YamlNode List(const std::string& file, const YamlNode& root, const char* key) {
    if (!root.IsMap() || !root[key]) {
      Error(file, 0, std::string("expected a top-level '") + key + ":' list");
      return YamlNode();
    }
    YamlNode list = root[key];
    if (!list.IsSequence()) {
      Error(file, Line(list), std::string("'") + key + "' must be a list");
      return YamlNode();
    }
    return list;
  }

  void Meta(const std::string& file, const YamlNode& root) {
    if (!root.IsMap()) return Error(file, 0, "expected 'version:' and 'population:'");
    kb_->version = Str(file, root, "version", true);
    kb_->population = Str(file, root, "population", false);
    kb_->disclaimer = Str(file, root, "disclaimer", true);
    if (YamlNode t = root["triage_thresholds"]) {
      if (!t.IsMap()) return Error(file, Line(t), "'triage_thresholds' must map level names to probabilities");
      NumberMap(file, t, "triage threshold", [&](const std::string& level, double v, int line) {
        auto l = ParseTriage(level);
        if (!l) Error(file, line, "unknown triage level '" + level + "'");
        else if (Probability(file, line, "triage threshold", v, true))
          kb_->triage_threshold[static_cast<int>(*l)] = v;
      });
    }
    double v;
    if (Num(file, root, "advice_threshold", &v, false) &&
        Probability(file, Line(root["advice_threshold"]), "advice_threshold", v, true))
      kb_->advice_threshold = v;
    if (Num(file, root, "uncertain_weight", &v, false) &&
        Probability(file, Line(root["uncertain_weight"]), "uncertain_weight", v, true))
      kb_->uncertain_weight = v;
    kb_->describe_question = Str(file, root, "describe_question", false);
    if (YamlNode nu = root["not_understood"]) {
      kb_->not_understood = Str(file, nu, "message", true);
      kb_->emergency_help = Str(file, nu, "emergency_help", true);
    }
    if (YamlNode screen = root["emergency_screen"]) {
      kb_->screen_question = Str(file, screen, "question", true);
      Refs(file, screen, "findings", PendingRef::kFinding, &kb_->screen);
      if (kb_->screen.empty()) Error(file, Line(screen), "emergency_screen lists no findings");
    }
    if (YamlNode w = root["interview_weights"]) {
      if (!w.IsMap()) return Error(file, Line(w), "'interview_weights' must map seriousness names to numbers");
      NumberMap(file, w, "interview weight", [&](const std::string& name, double x, int line) {
        if (!kSeriousness.count(name)) Error(file, line, "unknown seriousness '" + name + "'");
        else if (x <= 0 || x > 100) Error(file, line, "interview weight for '" + name + "' must be in (0, 100]");
        else kb_->interview_weight[name] = x;
      });
    }
  }

  // Calls fn(key, number, line) for each entry of a map of numbers; a value that is not a
  // number is reported as "<what> for '<key>' must be a number".
  template <class Fn>
  void NumberMap(const std::string& file, const YamlNode& map, const std::string& what, Fn fn) {
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      double v = 0;
      try {
        v = kv.second.as<double>();
      } catch (const YamlError&) {
        Error(file, Line(kv.second), what + " for '" + key + "' must be a number");
        continue;
      }
      fn(key, v, Line(kv.second));
    }
  }

  void Sources(const std::string& file, const YamlNode& root) {
    for (const YamlNode& n : List(file, root, "sources")) {
      Source s;
      int line = Line(n);
      s.id = Str(file, n, "id", true);
      s.title = Str(file, n, "title", true);
      s.file = Str(file, n, "file", false);
      s.url = Str(file, n, "url", false);
      s.publisher = Str(file, n, "publisher", false);
      s.year = Str(file, n, "year", false);
      s.kind = Str(file, n, "kind", false);
      if (s.kind.empty()) s.kind = s.file.empty() ? "reference" : "document";
      if (s.kind != "document" && s.kind != "reference")
        Error(file, line, "source kind must be 'document' or 'reference', not '" + s.kind + "'");
      if (!CheckId(file, line, s.id)) continue;
      if (!kb_->source_index.emplace(s.id, kb_->sources.size()).second)
        Error(file, line, "duplicate source id '" + s.id + "'");
      kb_->sources.push_back(std::move(s));
    }
  }

  void Findings(const std::string& file, const YamlNode& root) {
    YamlNode list = List(file, root, "findings");
    if (list) kb_->findings.reserve(kb_->findings.size() + list.size());
    for (const YamlNode& n : list) {
      // Built in place: pending references point into it. Never removed: any error
      // discards the whole load.
      Finding& f = kb_->findings.emplace_back();
      int line = Line(n);
      f.file = file;
      f.line = line;
      f.id = Str(file, n, "id", true);
      f.name = Str(file, n, "name", true);
      f.category = Str(file, n, "category", true);
      if (!f.category.empty() && !kCategories.count(f.category))
        Error(file, line, "finding '" + f.id + "': unknown category '" + f.category + "'");
      if (Num(file, n, "leak", &f.leak, true))
        Probability(file, line, "finding '" + f.id + "': leak", f.leak, false);
      f.question = Str(file, n, "question", false);
      Flag(file, n, "mention_counts", &f.mention_counts);
      f.phrases = StrList(file, n, "phrases");
      for (std::string& p : f.phrases) {
        std::transform(p.begin(), p.end(), p.begin(), [](unsigned char c) { return std::tolower(c); });
        auto [it, fresh] = phrase_owner_.emplace(p, f.id);
        if (!fresh && it->second != f.id)
          Error(file, line, "phrase '" + p + "' is claimed by both '" + it->second + "' and '" + f.id + "'");
        else if (!fresh)
          Error(file, line, "finding '" + f.id + "' lists phrase '" + p + "' twice");
        size_t parts = 1;
        for (size_t at = p.find("..."); at != std::string::npos; at = p.find("...", at + 3)) ++parts;
        if (parts > kMaxPhraseParts)
          Error(file, line, "phrase '" + p + "' has " + std::to_string(parts) + " parts; at most " +
                                std::to_string(kMaxPhraseParts) + " separated by '...'");
      }
      if (YamlNode c = n["combos"]) {
        if (!c.IsSequence()) Error(file, Line(c), "finding '" + f.id + "': combos must be a list of concept lists");
        else
          for (const YamlNode& alt : c) {
            std::vector<std::string> names;
            if (alt.IsSequence())
              for (const YamlNode& x : alt) names.push_back(x.IsScalar() ? x.Scalar() : "");
            if (names.empty() || names.size() > kMaxPhraseParts ||
                std::any_of(names.begin(), names.end(), [](const std::string& x) { return x.empty(); }))
              Error(file, Line(alt), "finding '" + f.id + "': a combo is a list of 1 to " +
                                         std::to_string(kMaxPhraseParts) + " concept names");
            else
              f.combos.push_back(std::move(names));
          }
      }
      if (YamlNode a = n["from_attribute"]) {
        AttributeRange r;
        r.attribute = Str(file, a, "attribute", true);
        double v;
        if (Num(file, a, "min", &v, false)) r.min = v;
        if (Num(file, a, "max", &v, false)) r.max = v;
        if (!r.attribute.empty() && !kAttributes.count(r.attribute))
          Error(file, Line(a), "finding '" + f.id + "': unknown attribute '" + r.attribute + "'");
        if (!r.min && !r.max) Error(file, Line(a), "finding '" + f.id + "': from_attribute needs min or max");
        if (r.min && r.max && *r.min > *r.max) Error(file, Line(a), "finding '" + f.id + "': min > max");
        f.from_attribute = r;
      }
      if (f.phrases.empty() && f.combos.empty() && !f.from_attribute && f.question.empty())
        Error(file, line, "finding '" + f.id + "' has no phrases, no from_attribute and no question: nothing can ever set it");
      Refs(file, n, "sources", PendingRef::kSource, &f.sources);
      implies_.push_back({file, line, StrList(file, n, "implies")});
      masks_.push_back({file, line, StrList(file, n, "masks")});
      if (CheckId(file, line, f.id) &&
          !kb_->finding_index.emplace(f.id, kb_->findings.size() - 1).second)
        Error(file, line, "duplicate finding id '" + f.id + "'");
    }
  }

  void Conditions(const std::string& file, const YamlNode& root) {
    YamlNode list = List(file, root, "conditions");
    if (list) kb_->conditions.reserve(kb_->conditions.size() + list.size());
    for (const YamlNode& n : list) {
      Condition& c = kb_->conditions.emplace_back();
      int line = Line(n);
      c.file = file;
      c.line = line;
      c.id = Str(file, n, "id", true);
      c.name = Str(file, n, "name", true);
      c.description = Str(file, n, "description", true);
      c.mechanism = Str(file, n, "mechanism", true);
      c.typical_course = Str(file, n, "typical_course", false);
      if (Num(file, n, "prior", &c.prior, true))
        Probability(file, line, "condition '" + c.id + "': prior", c.prior, false);
      if (YamlNode pf = n["prior_factors"]) {
        for (const YamlNode& x : pf) {
          PriorFactor f;
          double v;
          if (Num(file, x, "min_age", &v, false)) f.min_age = static_cast<int>(v);
          if (Num(file, x, "max_age", &v, false)) f.max_age = static_cast<int>(v);
          f.sex = Str(file, x, "sex", false);
          if (!f.sex.empty() && f.sex != "female" && f.sex != "male")
            Error(file, Line(x), "prior factor sex must be female or male");
          if (Num(file, x, "factor", &f.factor, true) && !(f.factor > 0 && f.factor < 1000))
            Error(file, Line(x), "prior factor must be in (0, 1000)");
          c.prior_factors.push_back(f);
        }
      }
      c.seriousness = Str(file, n, "seriousness", true);
      if (!c.seriousness.empty() && !kSeriousness.count(c.seriousness))
        Error(file, line, "condition '" + c.id + "': unknown seriousness '" + c.seriousness + "'");
      std::string urgency = Str(file, n, "urgency", true);
      if (auto t = ParseTriage(urgency)) c.urgency = *t;
      else if (!urgency.empty()) Error(file, line, "condition '" + c.id + "': unknown urgency '" + urgency + "'");
      c.specialist = Str(file, n, "specialist", true);
      Refs(file, n, "advice", PendingRef::kAdvice, &c.advice);
      Refs(file, n, "sources", PendingRef::kSource, &c.sources);
      if (!n["sources"] || n["sources"].size() == 0)
        Error(file, line, "condition '" + c.id + "' cites no source");
      YamlNode links = n["links"];
      if (!links || !links.IsSequence() || links.size() == 0)
        Error(file, line, "condition '" + c.id + "' has no links");
      else
        c.links.resize(links.size());
      if (CheckId(file, line, c.id) &&
          !kb_->condition_index.emplace(c.id, kb_->conditions.size() - 1).second)
        Error(file, line, "duplicate condition id '" + c.id + "'");
      Condition& stored = c;
      for (size_t i = 0; i < stored.links.size(); ++i) {
        const YamlNode l = links.at(i);
        int lline = Line(l);
        Link& link = stored.links[i];
        std::string fid = Str(file, l, "finding", true);
        if (Num(file, l, "strength", &link.strength, true))
          Probability(file, lline, "link " + stored.id + " -> " + fid + ": strength", link.strength, false);
        link_findings_.push_back({file, lline, fid, stored.id, kb_->conditions.size() - 1, i});
        if (!l["sources"] || l["sources"].size() == 0)
          Error(file, lline, "link " + stored.id + " -> " + fid + " cites no source");
        link_sources_.push_back({file, lline, StrList(file, l, "sources"), kb_->conditions.size() - 1, i});
      }
    }
  }

  void RedFlags(const std::string& file, const YamlNode& root) {
    YamlNode list = List(file, root, "red_flags");
    if (list) kb_->red_flags.reserve(kb_->red_flags.size() + list.size());
    for (const YamlNode& n : list) {
      RedFlag& r = kb_->red_flags.emplace_back();
      int line = Line(n);
      r.id = Str(file, n, "id", true);
      std::string level = Str(file, n, "level", true);
      if (auto t = ParseTriage(level)) r.level = *t;
      else if (!level.empty()) Error(file, line, "red flag '" + r.id + "': unknown level '" + level + "'");
      r.specialist = Str(file, n, "specialist", false);
      r.reason = Str(file, n, "reason", true);
      if (!n["sources"] || n["sources"].size() == 0) Error(file, line, "red flag '" + r.id + "' cites no source");
      Refs(file, n, "sources", PendingRef::kSource, &r.sources);
      Refs(file, n, "unless", PendingRef::kFinding, &r.unless);
      YamlNode when = n["when"];
      std::vector<std::vector<std::string>> alts;
      if (!when || !when.IsSequence() || when.size() == 0) {
        Error(file, line, "red flag '" + r.id + "' needs a 'when' list of finding lists");
      } else {
        for (const YamlNode& alt : when) {
          std::vector<std::string> ids;
          if (alt.IsScalar()) ids.push_back(alt.Scalar());
          else if (alt.IsSequence())
            for (const YamlNode& x : alt) ids.push_back(x.IsScalar() ? x.Scalar() : "");
          if (ids.empty()) Error(file, Line(alt), "red flag '" + r.id + "': empty 'when' alternative");
          alts.push_back(std::move(ids));
        }
      }
      if (CheckId(file, line, r.id) &&
          !kb_->red_flag_index.emplace(r.id, kb_->red_flags.size() - 1).second)
        Error(file, line, "duplicate red flag id '" + r.id + "'");
      red_flag_when_.push_back({file, line, kb_->red_flags.size() - 1, std::move(alts)});
    }
  }

  void AdviceItems(const std::string& file, const YamlNode& root) {
    YamlNode list = List(file, root, "advice");
    if (list) kb_->advice.reserve(kb_->advice.size() + list.size());
    for (const YamlNode& n : list) {
      Advice& a = kb_->advice.emplace_back();
      int line = Line(n);
      a.id = Str(file, n, "id", true);
      a.kind = Str(file, n, "kind", true);
      if (!a.kind.empty() && !kAdviceKinds.count(a.kind))
        Error(file, line, "advice '" + a.id + "': unknown kind '" + a.kind + "'");
      a.title = Str(file, n, "title", true);
      a.text = Str(file, n, "text", true);
      a.foods = StrList(file, n, "foods");
      Flag(file, n, "always", &a.always);
      if (!n["sources"] || n["sources"].size() == 0) Error(file, line, "advice '" + a.id + "' cites no source");
      Refs(file, n, "sources", PendingRef::kSource, &a.sources);
      Refs(file, n, "when_conditions", PendingRef::kCondition, &a.when_conditions);
      Refs(file, n, "when_findings", PendingRef::kFinding, &a.when_findings);
      if (CheckId(file, line, a.id) &&
          !kb_->advice_index.emplace(a.id, kb_->advice.size() - 1).second)
        Error(file, line, "duplicate advice id '" + a.id + "'");
    }
  }

  int Resolve(PendingRef::Kind kind, const std::string& id) const {
    const std::unordered_map<std::string, int>* m = nullptr;
    switch (kind) {
      case PendingRef::kFinding: m = &kb_->finding_index; break;
      case PendingRef::kCondition: m = &kb_->condition_index; break;
      case PendingRef::kSource: m = &kb_->source_index; break;
      case PendingRef::kAdvice: m = &kb_->advice_index; break;
    }
    auto it = m->find(id);
    return it == m->end() ? -1 : it->second;
  }

  static const char* KindName(PendingRef::Kind k) {
    switch (k) {
      case PendingRef::kFinding: return "finding";
      case PendingRef::kCondition: return "condition";
      case PendingRef::kSource: return "source";
      case PendingRef::kAdvice: return "advice";
    }
    return "";
  }

  // Resolves every id reference and checks what needs the whole picture.
  void Link_() {
    for (const Binding& b : bind_) {
      const PendingRef& p = pending_[b.pending];
      int idx = Resolve(p.kind, p.id);
      if (idx < 0) Error(p.file, p.line, std::string("unknown ") + KindName(p.kind) + " '" + p.id + "'");
      (*b.vec)[b.index] = idx;
    }
    for (const LinkFinding& lf : link_findings_) {
      int idx = Resolve(PendingRef::kFinding, lf.finding);
      if (idx < 0) Error(lf.file, lf.line, "link " + lf.condition + " -> unknown finding '" + lf.finding + "'");
      kb_->conditions[lf.cond].links[lf.link].finding = idx;
    }
    for (const LinkSources& ls : link_sources_) {
      Link& link = kb_->conditions[ls.cond].links[ls.link];
      for (const std::string& id : ls.ids) {
        int idx = Resolve(PendingRef::kSource, id);
        if (idx < 0) Error(ls.file, ls.line, "unknown source '" + id + "'");
        link.sources.push_back(idx);
      }
    }
    for (const RedFlagWhen& w : red_flag_when_) {
      RedFlag& r = kb_->red_flags[w.flag];
      for (const auto& alt : w.alts) {
        std::vector<int> idx;
        for (const std::string& id : alt) {
          int i = Resolve(PendingRef::kFinding, id);
          if (i < 0) Error(w.file, w.line, "red flag '" + r.id + "': unknown finding '" + id + "'");
          idx.push_back(i);
        }
        r.when.push_back(std::move(idx));
      }
    }
    for (size_t f = 0; f < implies_.size() && f < kb_->findings.size(); ++f) {
      for (const std::string& id : implies_[f].ids) {
        int i = Resolve(PendingRef::kFinding, id);
        if (i < 0) Error(implies_[f].file, implies_[f].line, "finding '" + kb_->findings[f].id + "' implies unknown finding '" + id + "'");
        else if (i == static_cast<int>(f)) Error(implies_[f].file, implies_[f].line, "finding '" + id + "' implies itself");
        else kb_->findings[f].implies.push_back(i);
      }
    }
    for (size_t f = 0; f < masks_.size() && f < kb_->findings.size(); ++f) {
      for (const std::string& id : masks_[f].ids) {
        int i = Resolve(PendingRef::kFinding, id);
        if (i < 0) Error(masks_[f].file, masks_[f].line, "finding '" + kb_->findings[f].id + "' masks unknown finding '" + id + "'");
        else if (i == static_cast<int>(f)) Error(masks_[f].file, masks_[f].line, "finding '" + id + "' masks itself");
        else if (kb_->findings[f].phrases.empty()) Error(masks_[f].file, masks_[f].line, "finding '" + kb_->findings[f].id + "' masks '" + id + "' but has no phrases");
        else kb_->findings[f].masks.push_back(i);
      }
    }
    CheckImpliesCycles();
    // Two links from one condition to one finding would double-count the evidence.
    for (const Condition& c : kb_->conditions) {
      std::set<int> seen;
      for (const Link& l : c.links)
        if (l.finding >= 0 && !seen.insert(l.finding).second)
          Error(c.file, c.line, "condition '" + c.id + "' links finding '" + kb_->findings[l.finding].id + "' twice");
    }
  }

  void CheckImpliesCycles() {
    const size_t n = kb_->findings.size();
    std::vector<int> state(n, 0);  // 0 new, 1 on stack, 2 done
    std::function<bool(size_t, std::vector<size_t>&)> dfs = [&](size_t f, std::vector<size_t>& path) {
      state[f] = 1;
      path.push_back(f);
      for (int g : kb_->findings[f].implies) {
        if (state[g] == 1) {
          std::string cycle;
          auto start = std::find(path.begin(), path.end(), static_cast<size_t>(g));
          for (auto it = start; it != path.end(); ++it) cycle += kb_->findings[*it].id + " -> ";
          cycle += kb_->findings[g].id;
          Error(kb_->findings[g].file, kb_->findings[g].line, "'implies' forms a cycle: " + cycle);
          return true;
        }
        if (state[g] == 0 && dfs(g, path)) return true;
      }
      path.pop_back();
      state[f] = 2;
      return false;
    };
    for (size_t f = 0; f < n; ++f) {
      std::vector<size_t> path;
      if (state[f] == 0 && dfs(f, path)) return;
    }
  }

  void BuildIndexes() {
    kb_->link_index.assign(kb_->conditions.size(), std::vector<int>(kb_->findings.size(), -1));
    for (size_t c = 0; c < kb_->conditions.size(); ++c)
      for (size_t l = 0; l < kb_->conditions[c].links.size(); ++l)
        kb_->link_index[c][kb_->conditions[c].links[l].finding] = static_cast<int>(l);
    kb_->implied_by.assign(kb_->findings.size(), {});
    for (size_t f = 0; f < kb_->findings.size(); ++f)
      for (int g : kb_->findings[f].implies) kb_->implied_by[g].push_back(static_cast<int>(f));
    NoisyOrNetwork& net = kb_->network;
    net.num_causes = kb_->conditions.size();
    net.leak.clear();
    for (const Finding& f : kb_->findings) net.leak.push_back(f.leak);
    net.parents.assign(kb_->findings.size(), {});
    for (size_t c = 0; c < kb_->conditions.size(); ++c)
      for (const Link& l : kb_->conditions[c].links)
        if (l.finding >= 0) net.parents[l.finding].push_back({static_cast<int>(c), l.strength});
  }

 private:
  struct Binding {
    std::vector<int>* vec;
    size_t index;
    size_t pending;
  };
  struct LinkFinding {
    std::string file;
    int line;
    std::string finding, condition;
    size_t cond, link;
  };
  struct LinkSources {
    std::string file;
    int line;
    std::vector<std::string> ids;
    size_t cond, link;
  };
  struct RedFlagWhen {
    std::string file;
    int line;
    size_t flag;
    std::vector<std::vector<std::string>> alts;
  };
  struct Implies {
    std::string file;
    int line;
    std::vector<std::string> ids;
  };
  Knowledge* kb_;
  std::vector<KbIssue>* issues_;
  std::vector<PendingRef> pending_;
  std::vector<Binding> bind_;
  std::vector<LinkFinding> link_findings_;
  std::vector<LinkSources> link_sources_;
  std::vector<RedFlagWhen> red_flag_when_;
  std::vector<Implies> implies_, masks_;  // finding ids, resolved once all are loaded
  std::map<std::string, std::string> phrase_owner_;
};

bool ReadFile(const std::filesystem::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return static_cast<bool>(in) || in.eof();
}

}  // namespace

std::unique_ptr<Knowledge> LoadKnowledge(const std::string& dir, std::vector<KbIssue>* errors) {
  std::map<std::string, std::string> files;
  if (dir.empty()) {
    for (const EmbeddedFile& f : EmbeddedKnowledgeFiles()) files[std::string(f.name)] = std::string(f.text);
  } else {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      errors->push_back({dir, 0, "not a directory"});
      return nullptr;
    }
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      if (e.path().extension() != ".yaml") continue;
      std::string text;
      if (!ReadFile(e.path(), &text)) {
        errors->push_back({e.path().filename().string(), 0, "cannot be read"});
        continue;
      }
      files[e.path().filename().string()] = std::move(text);
    }
  }
  auto kb = std::make_unique<Knowledge>();
  Loader loader(kb.get(), errors);
  // Order matters only for messages; references are resolved after all files are read.
  const char* kOrder[] = {"meta.yaml",      "sources.yaml",   "findings.yaml",
                          "conditions.yaml", "red_flags.yaml", "advice.yaml"};
  // The files are parsed in parallel (each parse is independent; libyaml keeps no global
  // state) and then read in order: the parse is most of the cost of loading.
  std::map<std::string, std::future<YamlNode>> parses;
  for (const char* name : kOrder) {
    auto it = files.find(name);
    if (it == files.end()) continue;
    const std::string* text = &it->second;
    parses[name] = std::async(std::launch::async | std::launch::deferred, [text] { return ParseYaml(*text); });
  }
  bool syntax_ok = true;
  for (const char* name : kOrder) {
    auto it = parses.find(name);
    if (it == parses.end()) {
      loader.Error(name, 0, "file is missing");
      continue;
    }
    YamlNode root;
    if (!loader.Parsed(name, &it->second, &root)) {
      syntax_ok = false;
      continue;
    }
    std::string n = name;
    if (n == "meta.yaml") loader.Meta(n, root);
    else if (n == "sources.yaml") loader.Sources(n, root);
    else if (n == "findings.yaml") loader.Findings(n, root);
    else if (n == "conditions.yaml") loader.Conditions(n, root);
    else if (n == "red_flags.yaml") loader.RedFlags(n, root);
    else if (n == "advice.yaml") loader.AdviceItems(n, root);
  }
  // A file that is not YAML leaves every reference into it dangling: report the syntax
  // error alone rather than a cascade of unknown ids.
  if (!syntax_ok) return nullptr;
  for (const char* name : {"context_rules.yaml", "lexicon.yaml"}) {
    auto it = files.find(name);
    if (it != files.end()) kb->text_files[name] = it->second;
  }
  loader.Link_();
  if (!errors->empty()) return nullptr;
  loader.BuildIndexes();
  return kb;
}

const Knowledge& BuiltinKnowledge() {
  static const Knowledge* kb = [] {
    std::vector<KbIssue> errors;
    std::unique_ptr<Knowledge> k = LoadKnowledge("", &errors);
    if (!k) {
      for (const KbIssue& e : errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
      std::fprintf(stderr, "twitchcheck: the built-in knowledge base is invalid\n");
      std::abort();
    }
    return k.release();
  }();
  return *kb;
}

const Knowledge* KnowledgeFor(const std::string& dir, std::string* err) {
  if (dir.empty()) return &BuiltinKnowledge();
  // Loaded knowledge bases live as long as the process: the CLI loads at most one.
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Knowledge>> loaded;
  std::lock_guard<std::mutex> lock(mu);
  auto it = loaded.find(dir);
  if (it != loaded.end()) return it->second.get();
  std::vector<KbIssue> errors;
  std::unique_ptr<Knowledge> kb = LoadKnowledge(dir, &errors);
  if (!kb) {
    err->clear();
    for (const KbIssue& e : errors) *err += e.ToString() + "\n";
    return nullptr;
  }
  return (loaded[dir] = std::move(kb)).get();
}

}  // namespace twitchcheck
