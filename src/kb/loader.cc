// Reads kb/*.yaml into a Knowledge and validates every reference, range and citation.
// The YAML reader (kb/yaml.h) reports syntax errors by exception; they become KbIssues.
// Every message names the line of the key or value it is about.
#include "kb/yaml.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <initializer_list>
#include <mutex>
#include <set>

#include "kb/embedded.h"
#include "kb/kb_files.h"
#include "kb/knowledge.h"

namespace twitchcheck {

namespace {
constexpr std::pair<FindingCategory, const char*> kCategoryNames[] = {
    {FindingCategory::kSymptom, "symptom"},       {FindingCategory::kSign, "sign"},
    {FindingCategory::kExposure, "exposure"},     {FindingCategory::kHistory, "history"},
    {FindingCategory::kRiskFactor, "risk_factor"}, {FindingCategory::kAttribute, "attribute"}};
}  // namespace

const char* FindingCategoryName(FindingCategory c) {
  for (const auto& [cat, name] : kCategoryNames)
    if (cat == c) return name;
  return "symptom";
}

std::optional<FindingCategory> ParseFindingCategory(std::string_view name) {
  for (const auto& [cat, n] : kCategoryNames)
    if (name == n) return cat;
  return std::nullopt;
}

std::string KbIssue::ToString() const {
  std::string s = file;
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

// The keys of meta.yaml `interview` (docs/interview.md says what each is for).
const std::vector<const char*> kInterviewStopReasons = {"emergency_sign", "enough_questions", "no_gain", "settled"};
const std::vector<const char*> kInterviewAnswerLabels = {"yes", "no", "unknown"};
const std::vector<const char*> kInterviewAnswerWords = {"yes", "no", "unknown", "back", "why", "female", "male"};
const std::vector<const char*> kInterviewTexts = {
    "intro",           "how_to_answer",        "describe_prompt", "emergency_found",  "about_other",
    "subject_other",   "subject_relation",     "object_male",     "object_female",    "object_other",
    "possessive_male", "possessive_female",    "possessive_other",
    "age_prompt",           "age_prompt_other", "age_invalid",     "sex_prompt",
    "sex_prompt_other", "sex_invalid",         "answer_hint",     "group_item_hint",  "answer_invalid",
    "back_none",       "back_group",           "back_done",            "why_information_gain", "why_red_flag", "why_emergency_screen",
    "why_where",       "why_describe",    "why_age",              "why_sex",         "interrupted",      "interrupted_nothing"};

const std::string& InterviewWords::StopReason(const std::string& key) const {
  static const std::string kNone;
  auto it = stop_reasons.find(key);
  return it == stop_reasons.end() ? kNone : it->second;
}

namespace {

// The attributes the text reader extracts (docs/text-reader.md); a finding derived from
// any other name could never be set.
const std::set<std::string> kSeriousness = {"benign", "moderate", "serious", "critical"};
const std::set<std::string> kAdviceKinds = {"lifestyle", "diet",    "sun",
                                            "medical",   "test",    "treatment"};

// A reference by id that is resolved after every file is read.
struct PendingRef {
  std::string file;
  int line;
  std::string id;
  enum Kind { kFinding, kCondition, kSource, kAdvice, kRedFlag } kind;
};

// A text value and the line it was written on.
struct Text {
  std::string text;
  int line;
};

class Loader {
 public:
  // `prefix` turns a file name into the path messages show ("kb/" for the built-in copy).
  Loader(Knowledge* kb, std::vector<KbIssue>* issues, std::string prefix)
      : kb_(kb), issues_(issues), prefix_(std::move(prefix)) {}

  void Error(const std::string& file, int line, const std::string& msg) {
    issues_->push_back({prefix_ + file, line, msg});
  }

  // Reports every key of the mapping `n` not in `allowed`, at the key's own line, with the
  // allowed key it is probably a misspelling of.
  void Keys(const std::string& file, const YamlNode& n, const std::string& what,
            std::initializer_list<const char*> allowed) {
    if (!n.IsMap()) return;
    for (const auto& kv : n) {
      const std::string& key = kv.first.Scalar();
      if (std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) continue;
      std::string msg = what + ": unknown key '" + Shown(key) + "'";
      const char* best = nullptr;
      size_t best_d = 3;  // suggest only close spellings
      for (const char* a : allowed) {
        const size_t d = EditDistance(key, a);
        if (d < best_d) best_d = d, best = a;
      }
      if (best) {
        msg += " (did you mean '" + std::string(best) + "'?)";
      } else {
        msg += " (expected";
        for (const char* a : allowed) msg += std::string(" ") + a;
        msg += ")";
      }
      Error(file, Line(kv.first), msg);
    }
  }

  // Levenshtein distance, for suggestions; long keys are not worth comparing.
  static size_t EditDistance(const std::string& a, const std::string& b) {
    if (a.size() > 40 || b.size() > 40) return 99;
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t diag = row[0];
      row[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        const size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
        diag = up;
      }
    }
    return row[b.size()];
  }

  // A value as messages quote it: long ones cut short.
  static std::string Shown(const std::string& s) { return s.size() > 60 ? s.substr(0, 60) + "..." : s; }

  // False after reporting that an entry of a list is not a mapping.
  bool IsEntry(const std::string& file, const YamlNode& n, const char* what) {
    if (n.IsMap()) return true;
    Error(file, Line(n), std::string("each ") + what + " must be a mapping of keys to values");
    return false;
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
  // The line of `v` when it is there, else of `fallback` (the entry that lacks it).
  static int Line(const YamlNode& v, const YamlNode& fallback) { return v ? Line(v) : Line(fallback); }

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
    } catch (const YamlError&) {
      Error(file, Line(v), std::string("'") + key + "' must be a number");
      return false;
    }
    if (std::fabs(*out) > kMaxKnowledgeNumber) {
      Error(file, Line(v), std::string("'") + key + "' " + Shown(v.Scalar()) +
                               " is out of range (-1000000 to 1000000)");
      return false;
    }
    return true;
  }

  // An optional age in years: a whole number in 0..kMaxAgeYears, checked before it
  // becomes an int.
  void Age(const std::string& file, const YamlNode& n, const char* key, std::optional<int>* out) {
    YamlNode v = n[key];
    if (!v) return;
    double d;
    if (!DecodeYaml(v, &d) || !(d >= 0 && d <= kMaxAgeYears) || d != std::floor(d)) {
      Error(file, Line(v), std::string("prior factor '") + key + "' must be a whole number of years from 0 to " +
                               std::to_string(kMaxAgeYears) + ", not '" + Shown(v.Scalar()) + "'");
      return;
    }
    *out = static_cast<int>(d);
  }

  // A list of text values, each with its line.
  std::vector<Text> Items(const std::string& file, const YamlNode& n, const char* key) {
    std::vector<Text> out;
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
      out.push_back({item.Scalar(), Line(item)});
    }
    return out;
  }

  std::vector<std::string> StrList(const std::string& file, const YamlNode& n, const char* key) {
    std::vector<std::string> out;
    for (Text& t : Items(file, n, key)) out.push_back(std::move(t.text));
    return out;
  }

  void Refs(const std::string& file, const YamlNode& n, const char* key,
            PendingRef::Kind kind, std::vector<int>* out) {
    std::vector<Text> ids = Items(file, n, key);
    out->assign(ids.size(), -1);
    for (size_t i = 0; i < ids.size(); ++i) pending_.push_back({file, ids[i].line, ids[i].text, kind});
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
    Keys(file, root, file, {key});
    YamlNode list = root[key];
    if (!list.IsSequence()) {
      Error(file, Line(list), std::string("'") + key + "' must be a list");
      return YamlNode();
    }
    return list;
  }

  void Meta(const std::string& file, const YamlNode& root) {
    if (!root.IsMap()) return Error(file, 0, "expected 'version:' and 'population:'");
    Keys(file, root, "meta.yaml", {"version", "population", "disclaimer", "triage_thresholds", "advice_threshold",
                                   "uncertain_weight", "describe_question", "emergency_screen", "interview_weights", "not_understood",
                                   "report", "dispositions", "specialists", "routing", "emergency_steps",
                                   "interview", "recency"});
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
      Keys(file, nu, "not_understood", {"message", "emergency_help", "foreign"});
      kb_->not_understood = Str(file, nu, "message", true);
      kb_->emergency_help = Str(file, nu, "emergency_help", true);
      if (YamlNode fo = nu["foreign"]) {
        Keys(file, fo, "not_understood.foreign", {"min_words", "message"});
        double words = 0;
        if (Num(file, fo, "min_words", &words, true)) {
          if (words < 1 || words > 1000 || words != std::floor(words))
            Error(file, Line(fo["min_words"]), "not_understood.foreign.min_words must be a whole number from 1 to 1000");
          else
            kb_->foreign_min_words = static_cast<size_t>(words);
        }
        kb_->not_understood_foreign = Str(file, fo, "message", true);
      }
    }
    if (YamlNode screen = root["emergency_screen"]) {
      if (!screen.IsMap()) return Error(file, Line(screen), "'emergency_screen' must have 'question' and 'findings'");
      Keys(file, screen, "emergency_screen", {"question", "findings"});
      kb_->screen_question = Str(file, screen, "question", true);
      Refs(file, screen, "findings", PendingRef::kFinding, &kb_->screen);
      if (kb_->screen.empty()) Error(file, Line(screen), "emergency_screen lists no findings");
    }
    if (YamlNode rc = root["recency"]) {
      if (!rc.IsMap()) return Error(file, Line(rc), "'recency' must have 'old' and 'new'");
      Keys(file, rc, "recency", {"old", "new"});
      Refs(file, rc, "old", PendingRef::kFinding, &kb_->recency_old);
      Refs(file, rc, "new", PendingRef::kFinding, &kb_->recency_new);
      if (kb_->recency_old.empty() || kb_->recency_new.empty())
        Error(file, Line(rc), "recency needs both 'old' and 'new' findings");
    }
    if (YamlNode r = root["report"]) ReportPolicyKeys(file, r);
    if (YamlNode d = root["dispositions"]) {
      if (!d.IsMap()) return Error(file, Line(d), "'dispositions' must map level names to headline and how_soon");
      for (const auto& kv : d) {
        auto l = ParseTriage(kv.first.Scalar());
        if (!l) {
          Error(file, Line(kv.first), "dispositions: unknown triage level '" + Shown(kv.first.Scalar()) + "'");
          continue;
        }
        Keys(file, kv.second, "disposition", {"headline", "how_soon"});
        DispositionText& t = kb_->disposition[static_cast<int>(*l)];
        t.headline = Str(file, kv.second, "headline", true);
        t.how_soon = Str(file, kv.second, "how_soon", false);  // optional: self care needs no "how soon"
      }
    }
    if (YamlNode sp = root["specialists"]) {
      if (!sp.IsMap()) return Error(file, Line(sp), "'specialists' must map specialist ids to words for a person");
      for (const auto& kv : sp) {
        const std::string id = kv.first.Scalar();
        if (!CheckId(file, Line(kv.first), id)) continue;
        if (!kv.second.IsScalar() || !HasWords(kv.second.Scalar()))
          Error(file, Line(kv.second), "specialist '" + id + "' needs words for a person");
        else
          kb_->specialist_names[id] = kv.second.Scalar();
      }
      specialists_line_ = Line(sp);
    }
    if (YamlNode ro = root["routing"]) {
      if (!ro.IsMap()) return Error(file, Line(ro), "'routing' must be a mapping");
      Keys(file, ro, "routing", {"self_care", "first_contact", "direct", "prefer", "specialist_flags",
                                 "specialist_min_probability", "specialist_min_seriousness"});
      RoutingPolicy& rp = kb_->routing;
      rp.self_care = Str(file, ro, "self_care", true);
      rp.first_contact = Str(file, ro, "first_contact", true);
      routed_.push_back({rp.self_care, Line(ro["self_care"], ro)});
      routed_.push_back({rp.first_contact, Line(ro["first_contact"], ro)});
      for (const char* key : {"direct", "prefer"})
        for (Text& t : Items(file, ro, key)) {
          routed_.push_back(t);
          (std::string(key) == "direct" ? rp.direct : rp.prefer).push_back(t.text);
        }
      Refs(file, ro, "specialist_flags", PendingRef::kRedFlag, &rp.specialist_flags);
      if (Num(file, ro, "specialist_min_probability", &v, false) &&
          Probability(file, Line(ro["specialist_min_probability"]), "specialist_min_probability", v, true))
        rp.specialist_min_probability = v;
      if (ro["specialist_min_seriousness"]) {
        rp.specialist_min_seriousness = Str(file, ro, "specialist_min_seriousness", true);
        if (!kSeriousness.count(rp.specialist_min_seriousness))
          Error(file, Line(ro["specialist_min_seriousness"]),
                "unknown seriousness '" + Shown(rp.specialist_min_seriousness) + "'");
      }
    }
    if (YamlNode es = root["emergency_steps"]) {
      if (!es.IsMap()) return Error(file, Line(es), "'emergency_steps' must map emergency levels to steps");
      for (const auto& kv : es) {
        auto l = ParseTriage(kv.first.Scalar());
        if (!l || !(*l == TriageLevel::kEmergencyAmbulance || *l == TriageLevel::kEmergency)) {
          Error(file, Line(kv.first), "emergency_steps: '" + Shown(kv.first.Scalar()) +
                                          "' is not emergency_ambulance or emergency");
          continue;
        }
        const YamlNode& n = kv.second;
        Keys(file, n, "emergency steps", {"do_now", "tell", "do_not", "sources"});
        EmergencySteps& st = kb_->emergency_steps[static_cast<int>(*l)];
        st.do_now = Str(file, n, "do_now", true);
        st.tell = StrList(file, n, "tell");
        st.do_not = StrList(file, n, "do_not");
        if (!n["sources"] || n["sources"].size() == 0)
          Error(file, Line(n), "emergency steps for '" + kv.first.Scalar() + "' cite no source");
        Refs(file, n, "sources", PendingRef::kSource, &st.sources);
      }
    }
    if (YamlNode w = root["interview_weights"]) {
      if (!w.IsMap()) return Error(file, Line(w), "'interview_weights' must map seriousness names to numbers");
      NumberMap(file, w, "interview weight", [&](const std::string& name, double x, int line) {
        if (!kSeriousness.count(name)) Error(file, line, "unknown seriousness '" + name + "'");
        else if (x <= 0 || x > 100) Error(file, line, "interview weight for '" + name + "' must be in (0, 100]");
        else kb_->interview_weight[name] = x;
      });
    }
    if (YamlNode iv = root["interview"]) Interview(file, iv);
  }

  // meta.yaml `interview`: policy numbers, stop reasons, answer labels and words, texts.
  // Optional as a whole; when given, every key of each part is required.
  void Interview(const std::string& file, const YamlNode& iv) {
    if (!iv.IsMap()) return Error(file, Line(iv), "'interview' must be a mapping");
    Keys(file, iv, "interview", {"policy", "where", "stop_reasons", "answer_labels", "answer_words", "texts"});
    if (YamlNode where = iv["where"]; where && where.IsMap()) {  // optional: never asked without it
      Keys(file, where, "interview.where", {"question", "findings", "places"});
      Refs(file, where, "places", PendingRef::kFinding, &kb_->where_places);
      kb_->where_question = Str(file, where, "question", true);
      Refs(file, where, "findings", PendingRef::kFinding, &kb_->where);
      if (kb_->where.empty()) Error(file, Line(where), "interview.where lists no findings");
    }
    InterviewPolicy& p = kb_->interview_policy;
    if (YamlNode n = Part(file, iv, "policy")) {
      Keys(file, n, "interview.policy", {"max_questions", "min_gain", "screen_probability", "settled_probability",
                                         "settled_gain", "open_cause_probability"});
      double v;
      if (Num(file, n, "max_questions", &v, true)) {
        if (v < 1 || v > 100 || v != std::floor(v))
          Error(file, Line(n["max_questions"]), "interview.policy max_questions must be a whole number from 1 to 100");
        else p.max_questions = static_cast<size_t>(v);
      }
      auto gain = [&](const char* key, double* out) {
        if (!Num(file, n, key, &v, true)) return;
        if (!(v >= 0) || v > 10) Error(file, Line(n[key]), std::string("interview.policy ") + key + " must be from 0 to 10 nats");
        else *out = v;
      };
      auto probability = [&](const char* key, double* out) {
        if (Num(file, n, key, &v, true) && Probability(file, Line(n[key]), std::string("interview.policy ") + key, v, true))
          *out = v;
      };
      gain("min_gain", &p.min_gain);
      gain("settled_gain", &p.settled_gain);
      probability("screen_probability", &p.screen_probability);
      probability("settled_probability", &p.settled_probability);
      probability("open_cause_probability", &p.open_cause_probability);
    }
    InterviewWords& w = kb_->interview_words;
    TextMap(file, iv, "stop_reasons", kInterviewStopReasons, &w.stop_reasons);
    TextMap(file, iv, "answer_labels", kInterviewAnswerLabels, &w.answer_labels);
    TextMap(file, iv, "texts", kInterviewTexts, &w.texts);
    if (YamlNode n = Part(file, iv, "answer_words")) {
      std::map<std::string, std::string> owner;  // a word may mean one thing only
      for (const auto& kv : n) {
        const std::string key = kv.first.Scalar();
        if (std::find_if(kInterviewAnswerWords.begin(), kInterviewAnswerWords.end(),
                         [&](const char* k) { return key == k; }) == kInterviewAnswerWords.end()) {
          Error(file, Line(kv.first), "interview.answer_words: unknown key '" + Shown(key) + "'");
          continue;
        }
        std::vector<std::string>& words = w.answer_words[key];
        for (Text& t : Items(file, n, key.c_str())) {
          std::string word = t.text;
          std::transform(word.begin(), word.end(), word.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
          if (!HasWords(word)) {
            Error(file, t.line, "interview.answer_words " + key + ": an empty word (Enter is always \"don't know\")");
            continue;
          }
          // Sex words share letters with answers ("m" is not an answer): checked per group.
          const bool sex = key == "female" || key == "male";
          auto [it, fresh] = owner.emplace((sex ? "sex:" : "answer:") + word, key);
          if (!fresh) Error(file, t.line, "interview.answer_words: '" + Shown(word) + "' is listed under both '" +
                                              it->second + "' and '" + key + "'");
          words.push_back(std::move(word));
        }
      }
      for (const char* k : kInterviewAnswerWords)
        if (w.answer_words[k].empty()) Error(file, Line(n), std::string("interview.answer_words: missing '") + k + "'");
    }
  }

  // A required mapping inside `parent`; null (after an error) when missing or not a map.
  YamlNode Part(const std::string& file, const YamlNode& parent, const char* key) {
    YamlNode n = parent[key];
    if (!n) {
      Error(file, Line(parent), std::string("interview: missing '") + key + "'");
      return YamlNode();
    }
    if (!n.IsMap()) {
      Error(file, Line(n), std::string("interview.") + key + " must be a mapping");
      return YamlNode();
    }
    return n;
  }

  // interview.<key>: exactly the text keys `want`, each non-empty.
  void TextMap(const std::string& file, const YamlNode& parent, const char* key,
               const std::vector<const char*>& want, std::map<std::string, std::string>* out) {
    YamlNode n = Part(file, parent, key);
    if (!n) return;
    for (const auto& kv : n) {
      const std::string k = kv.first.Scalar();
      if (std::find_if(want.begin(), want.end(), [&](const char* x) { return k == x; }) == want.end())
        Error(file, Line(kv.first), std::string("interview.") + key + ": unknown key '" + Shown(k) + "'");
    }
    for (const char* k : want) {
      const std::string s = Str(file, n, k, true);
      if (!s.empty()) (*out)[k] = s;
    }
  }

  // meta.yaml `report`: every number within its range, every text present.
  void ReportPolicyKeys(const std::string& file, const YamlNode& r) {
    if (!r.IsMap()) return Error(file, Line(r), "'report' must be a mapping");
    Keys(file, r, "report", {"causes_max", "causes_max_details", "cause_min_odds_ratio", "cause_min_probability",
                             "number_min_probability", "number_max", "number_step", "likelihood_words",
                             "reason_min_weight", "reasons_per_cause", "advice_max", "sources_max",
                             "treatment_min_probability", "advice_kinds", "numbers_mean", "not_enough_information",
                             "safety_net", "safety_net_sources", "conflict_note"});
    ReportPolicy& p = kb_->report;
    auto count = [&](const char* key, int* out, int lo, int hi) {
      double v;
      if (!Num(file, r, key, &v, false)) return;
      if (v != std::floor(v) || v < lo || v > hi)
        Error(file, Line(r[key]), std::string("report: '") + key + "' must be a whole number from " +
                                      std::to_string(lo) + " to " + std::to_string(hi));
      else
        *out = static_cast<int>(v);
    };
    auto prob = [&](const char* key, double* out) {
      double v;
      if (Num(file, r, key, &v, false) && Probability(file, Line(r[key]), std::string("report: ") + key, v, true))
        *out = v;
    };
    count("causes_max", &p.causes_max, 1, 40);
    count("causes_max_details", &p.causes_max_details, 1, 100);
    count("number_step", &p.number_step, 1, 25);
    count("reasons_per_cause", &p.reasons_per_cause, 0, 10);
    count("advice_max", &p.advice_max, 0, 40);
    count("sources_max", &p.sources_max, 0, 40);
    prob("cause_min_probability", &p.cause_min_probability);
    prob("number_min_probability", &p.number_min_probability);
    prob("number_max", &p.number_max);
    prob("treatment_min_probability", &p.treatment_min_probability);
    double v;
    if (Num(file, r, "cause_min_odds_ratio", &v, false)) {
      if (v < 1 || v > 1000) Error(file, Line(r["cause_min_odds_ratio"]), "report: 'cause_min_odds_ratio' must be in [1, 1000]");
      else p.cause_min_odds_ratio = v;
    }
    if (Num(file, r, "reason_min_weight", &v, false)) {
      if (v < 0 || v > 20) Error(file, Line(r["reason_min_weight"]), "report: 'reason_min_weight' must be in [0, 20]");
      else p.reason_min_weight = v;
    }
    if (YamlNode words = r["likelihood_words"]) {
      if (!words.IsSequence()) Error(file, Line(words), "report: 'likelihood_words' must be a list of {min, word}");
      else
        for (const YamlNode& w : words) {
          if (!IsEntry(file, w, "likelihood word")) continue;
          Keys(file, w, "likelihood word", {"min", "word"});
          double m = 0;
          if (!Num(file, w, "min", &m, true)) continue;
          if (m < 0 || m > 1) Error(file, Line(w["min"]), "likelihood word: 'min' must be in [0, 1]");
          if (!p.likelihood_words.empty() && m >= p.likelihood_words.back().first)
            Error(file, Line(w["min"]), "likelihood words must go from the highest 'min' to the lowest");
          p.likelihood_words.push_back({m, Str(file, w, "word", true)});
        }
      if (!p.likelihood_words.empty() && p.likelihood_words.back().first != 0)
        Error(file, Line(words), "the last likelihood word needs 'min: 0' (every probability needs a word)");
    }
    if (YamlNode kinds = r["advice_kinds"]) {
      if (!kinds.IsMap()) Error(file, Line(kinds), "report: 'advice_kinds' must map levels to lists of advice kinds");
      else
        for (const auto& kv : kinds) {
          auto l = ParseTriage(kv.first.Scalar());
          if (!l) {
            Error(file, Line(kv.first), "advice_kinds: unknown triage level '" + Shown(kv.first.Scalar()) + "'");
            continue;
          }
          std::vector<std::string>& out = p.advice_kinds[static_cast<int>(*l)];
          if (!kv.second.IsSequence()) {
            Error(file, Line(kv.second), "advice_kinds: each level needs a list of advice kinds");
            continue;
          }
          for (const YamlNode& k : kv.second) {
            const std::string kind = k.IsScalar() ? k.Scalar() : "";
            if (!kAdviceKinds.count(kind)) Error(file, Line(k), "advice_kinds: unknown advice kind '" + Shown(kind) + "'");
            else out.push_back(kind);
          }
        }
    }
    p.numbers_mean = Str(file, r, "numbers_mean", false);
    p.not_enough_information = Str(file, r, "not_enough_information", false);
    p.safety_net = Str(file, r, "safety_net", false);
    p.conflict_note = Str(file, r, "conflict_note", false);
    Refs(file, r, "safety_net_sources", PendingRef::kSource, &p.safety_net_sources);
  }

  // Calls fn(key, number, line) for each entry of a map of numbers; a value that is not a
  // number is reported as "<what> for '<key>' must be a number".
  template <class Fn>
  void NumberMap(const std::string& file, const YamlNode& map, const std::string& what, Fn fn) {
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      double v = 0;
      if (!DecodeYaml(kv.second, &v) || std::fabs(v) > kMaxKnowledgeNumber) {
        Error(file, Line(kv.second), what + " for '" + Shown(key) + "' must be a number from -1000000 to 1000000");
        continue;
      }
      fn(key, v, Line(kv.second));
    }
  }

  void Sources(const std::string& file, const YamlNode& root) {
    for (const YamlNode& n : List(file, root, "sources")) {
      if (!IsEntry(file, n, "source")) continue;
      Keys(file, n, "source", {"id", "title", "file", "url", "kind", "publisher", "year"});
      Source s;
      int line = Line(n["id"], n);
      s.id = Str(file, n, "id", true);
      s.title = Str(file, n, "title", true);
      s.file = Str(file, n, "file", false);
      s.url = Str(file, n, "url", false);
      s.publisher = Str(file, n, "publisher", false);
      s.year = Str(file, n, "year", false);
      s.kind = Str(file, n, "kind", false);
      if (s.kind.empty()) s.kind = s.file.empty() ? "reference" : "document";
      if (s.kind != "document" && s.kind != "reference")
        Error(file, Line(n["kind"], n), "source kind must be 'document' or 'reference', not '" + Shown(s.kind) + "'");
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
      if (!IsEntry(file, n, "finding")) continue;
      Keys(file, n, "finding", {"id", "name", "category", "leak", "question", "mention_counts", "hypothetical_counts",
                                "cue_words", "past_counts", "phrases",
                                "from_attribute", "from_age", "sources", "implies", "masks", "combos", "said_as", "asked_if",
                                "question_other", "possible_at_age"});
      // Built in place: pending references point into it. Never removed: any error
      // discards the whole load.
      Finding& f = kb_->findings.emplace_back();
      int line = Line(n["id"], n);
      f.file = file;
      f.line = line;
      f.id = Str(file, n, "id", true);
      f.name = Str(file, n, "name", true);
      const std::string category = Str(file, n, "category", true);
      if (auto c = ParseFindingCategory(category)) f.category = *c;
      else if (!category.empty())
        Error(file, Line(n["category"]), "finding '" + f.id + "': unknown category '" + Shown(category) + "'");
      if (Num(file, n, "leak", &f.leak, true))
        Probability(file, Line(n["leak"]), "finding '" + f.id + "': leak", f.leak, false);
      f.question = Str(file, n, "question", false);
      f.said_as = Str(file, n, "said_as", false);
      f.question_other = Str(file, n, "question_other", false);
      if (!f.question_other.empty() && f.question.empty())
        Error(file, Line(n["question_other"]), "finding '" + f.id + "': question_other without a question");
      Flag(file, n, "mention_counts", &f.mention_counts);
      Flag(file, n, "hypothetical_counts", &f.hypothetical_counts);
      Flag(file, n, "cue_words", &f.cue_words);
      if (n["past_counts"]) {
        bool past = true;
        Flag(file, n, "past_counts", &past);
        f.past_counts = past;
      }
      for (Text& t : Items(file, n, "phrases")) {
        std::string& p = t.text;
        std::transform(p.begin(), p.end(), p.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!HasWords(p)) {
          Error(file, t.line, "finding '" + f.id + "' has an empty phrase");
          continue;
        }
        auto [it, fresh] = phrase_owner_.emplace(p, f.id);
        if (!fresh && it->second != f.id)
          Error(file, t.line, "phrase '" + Shown(p) + "' is claimed by both '" + it->second + "' and '" + f.id + "'");
        else if (!fresh)
          Error(file, t.line, "finding '" + f.id + "' lists phrase '" + Shown(p) + "' twice");
        size_t parts = 1;
        bool empty_part = false;
        for (size_t from = 0, at = p.find("..."); ; from = at + 3, at = p.find("...", from)) {
          empty_part |= !HasWords(p.substr(from, at == std::string::npos ? std::string::npos : at - from));
          if (at == std::string::npos) break;
          ++parts;
        }
        if (parts > kMaxPhraseParts)
          Error(file, t.line, "phrase '" + Shown(p) + "' has " + std::to_string(parts) + " parts; at most " +
                                  std::to_string(kMaxPhraseParts) + " separated by '...'");
        else if (empty_part)
          Error(file, t.line, "phrase '" + Shown(p) + "' has an empty part around '...'");
        f.phrases.push_back(std::move(p));
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
        Keys(file, a, "from_attribute", {"attribute", "min", "max"});
        AttributeRange r;
        r.attribute = Str(file, a, "attribute", true);
        double v;
        if (Num(file, a, "min", &v, false)) r.min = v;
        if (Num(file, a, "max", &v, false)) r.max = v;
        if (!r.attribute.empty() && NumericAttributeIndex(r.attribute) < 0)
          Error(file, Line(a), "finding '" + f.id + "': unknown attribute '" + r.attribute + "'");
        if (!r.min && !r.max) Error(file, Line(a), "finding '" + f.id + "': from_attribute needs min or max");
        if (r.min && r.max && *r.min > *r.max) Error(file, Line(a), "finding '" + f.id + "': min > max");
        f.from_attribute = r;
      }
      if (YamlNode a = n["from_age"]) {
        Keys(file, a, "from_age", {"min", "max"});
        double v;
        if (Num(file, a, "min", &v, false)) f.from_age_min = static_cast<int>(v);
        if (Num(file, a, "max", &v, false)) f.from_age_max = static_cast<int>(v);
        if (!f.from_age_min && !f.from_age_max) Error(file, Line(a), "finding '" + f.id + "': from_age needs min or max");
        for (const std::optional<int>& y : {f.from_age_min, f.from_age_max})
          if (y && (*y < 0 || *y > kMaxAgeYears))
            Error(file, Line(a), "finding '" + f.id + "': from_age outside 0.." + std::to_string(kMaxAgeYears));
        if (f.from_age_min && f.from_age_max && *f.from_age_min > *f.from_age_max)
          Error(file, Line(a), "finding '" + f.id + "': from_age min > max");
      }
      if (YamlNode a = n["possible_at_age"]) {
        Keys(file, a, "possible_at_age", {"min", "max"});
        double v;
        if (Num(file, a, "min", &v, false)) f.possible_age_min = static_cast<int>(v);
        if (Num(file, a, "max", &v, false)) f.possible_age_max = static_cast<int>(v);
        if (!f.possible_age_min && !f.possible_age_max)
          Error(file, Line(a), "finding '" + f.id + "': possible_at_age needs min or max");
        for (const std::optional<int>& y : {f.possible_age_min, f.possible_age_max})
          if (y && (*y < 0 || *y > kMaxAgeYears))
            Error(file, Line(a), "finding '" + f.id + "': possible_at_age outside 0.." + std::to_string(kMaxAgeYears));
        if (f.possible_age_min && f.possible_age_max && *f.possible_age_min > *f.possible_age_max)
          Error(file, Line(a), "finding '" + f.id + "': possible_at_age min > max");
      }
      if (f.phrases.empty() && f.combos.empty() && !f.from_attribute && f.question.empty())
        Error(file, line, "finding '" + f.id + "' has no phrases, no from_attribute and no question: nothing can ever set it");
      Refs(file, n, "sources", PendingRef::kSource, &f.sources);
      Refs(file, n, "asked_if", PendingRef::kFinding, &f.asked_if);
      if (!n["question"] && n["asked_if"]) Error(file, Line(n["asked_if"]), "finding '" + f.id + "': asked_if without a question");
      implies_.push_back({file, Items(file, n, "implies")});
      masks_.push_back({file, Items(file, n, "masks")});
      if (CheckId(file, line, f.id) &&
          !kb_->finding_index.emplace(f.id, kb_->findings.size() - 1).second)
        Error(file, line, "duplicate finding id '" + f.id + "'");
    }
  }

  void Conditions(const std::string& file, const YamlNode& root) {
    YamlNode list = List(file, root, "conditions");
    if (list) kb_->conditions.reserve(kb_->conditions.size() + list.size());
    for (const YamlNode& n : list) {
      if (!IsEntry(file, n, "condition")) continue;
      Keys(file, n, "condition", {"id", "name", "description", "mechanism", "typical_course", "prior",
                                  "prior_factors", "seriousness", "urgency", "urgency_unless", "specialist",
                                  "advice", "sources", "links"});
      Condition& c = kb_->conditions.emplace_back();
      int line = Line(n["id"], n);
      c.file = file;
      c.line = line;
      c.id = Str(file, n, "id", true);
      c.name = Str(file, n, "name", true);
      c.description = Str(file, n, "description", true);
      c.mechanism = Str(file, n, "mechanism", true);
      c.typical_course = Str(file, n, "typical_course", false);
      if (Num(file, n, "prior", &c.prior, true))
        Probability(file, Line(n["prior"]), "condition '" + c.id + "': prior", c.prior, false);
      if (YamlNode pf = n["prior_factors"]) {
        if (!pf.IsSequence()) Error(file, Line(pf), "condition '" + c.id + "': 'prior_factors' must be a list");
        for (const YamlNode& x : pf) {
          if (!IsEntry(file, x, "prior factor")) continue;
          Keys(file, x, "prior factor", {"min_age", "max_age", "sex", "factor"});
          PriorFactor f;
          Age(file, x, "min_age", &f.min_age);
          Age(file, x, "max_age", &f.max_age);
          if (f.min_age && f.max_age && *f.min_age > *f.max_age)
            Error(file, Line(x["max_age"]), "prior factor: min_age > max_age");
          const std::string sex = Str(file, x, "sex", false);
          f.sex = ParseSex(sex);
          if (!sex.empty() && !f.sex)
            Error(file, Line(x["sex"]), "prior factor sex must be female or male");
          if (Num(file, x, "factor", &f.factor, true) && !(f.factor > 0 && f.factor < 1000))
            Error(file, Line(x["factor"]), "prior factor must be in (0, 1000)");
          c.prior_factors.push_back(f);
        }
      }
      c.seriousness = Str(file, n, "seriousness", true);
      if (!c.seriousness.empty() && !kSeriousness.count(c.seriousness))
        Error(file, Line(n["seriousness"]), "condition '" + c.id + "': unknown seriousness '" + Shown(c.seriousness) + "'");
      std::string urgency = Str(file, n, "urgency", true);
      if (auto t = ParseTriage(urgency)) c.urgency = *t;
      else if (!urgency.empty()) Error(file, Line(n["urgency"]), "condition '" + c.id + "': unknown urgency '" + Shown(urgency) + "'");
      c.specialist = Str(file, n, "specialist", true);
      Refs(file, n, "advice", PendingRef::kAdvice, &c.advice);
      Refs(file, n, "urgency_unless", PendingRef::kFinding, &c.urgency_unless);
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
        if (!IsEntry(file, l, "link")) continue;
        Keys(file, l, "link", {"finding", "strength", "sources"});
        std::string fid = Str(file, l, "finding", true);
        if (Num(file, l, "strength", &link.strength, true))
          Probability(file, Line(l["strength"]), "link " + stored.id + " -> " + fid + ": strength", link.strength, false);
        link_findings_.push_back({file, Line(l["finding"], l), fid, stored.id, kb_->conditions.size() - 1, i});
        if (!l["sources"] || l["sources"].size() == 0)
          Error(file, lline, "link " + stored.id + " -> " + fid + " cites no source");
        link_sources_.push_back({file, Items(file, l, "sources"), kb_->conditions.size() - 1, i});
      }
    }
  }

  void RedFlags(const std::string& file, const YamlNode& root) {
    YamlNode list = List(file, root, "red_flags");
    if (list) kb_->red_flags.reserve(kb_->red_flags.size() + list.size());
    for (const YamlNode& n : list) {
      if (!IsEntry(file, n, "red flag")) continue;
      Keys(file, n, "red flag", {"id", "level", "specialist", "reason", "sources", "when", "unless"});
      RedFlag& r = kb_->red_flags.emplace_back();
      int line = Line(n["id"], n);
      r.id = Str(file, n, "id", true);
      std::string level = Str(file, n, "level", true);
      if (auto t = ParseTriage(level)) r.level = *t;
      else if (!level.empty()) Error(file, Line(n["level"]), "red flag '" + r.id + "': unknown level '" + Shown(level) + "'");
      r.specialist = Str(file, n, "specialist", false);
      r.reason = Str(file, n, "reason", true);
      if (!n["sources"] || n["sources"].size() == 0) Error(file, line, "red flag '" + r.id + "' cites no source");
      Refs(file, n, "sources", PendingRef::kSource, &r.sources);
      Refs(file, n, "unless", PendingRef::kFinding, &r.unless);
      YamlNode when = n["when"];
      std::vector<std::vector<Text>> alts;
      if (!when || !when.IsSequence() || when.size() == 0) {
        Error(file, Line(when, n), "red flag '" + r.id + "' needs a 'when' list of finding lists");
      } else {
        for (const YamlNode& alt : when) {
          std::vector<Text> ids;
          if (alt.IsScalar()) ids.push_back({alt.Scalar(), Line(alt)});
          else if (alt.IsSequence())
            for (const YamlNode& x : alt) ids.push_back({x.IsScalar() ? x.Scalar() : "", Line(x)});
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
      if (!IsEntry(file, n, "advice item")) continue;
      Keys(file, n, "advice item", {"id", "kind", "title", "text", "foods", "always", "sources", "when_conditions",
                                    "when_findings", "requires_findings", "unless_findings"});
      Advice& a = kb_->advice.emplace_back();
      int line = Line(n["id"], n);
      a.id = Str(file, n, "id", true);
      a.kind = Str(file, n, "kind", true);
      if (!a.kind.empty() && !kAdviceKinds.count(a.kind))
        Error(file, Line(n["kind"]), "advice '" + a.id + "': unknown kind '" + Shown(a.kind) + "'");
      a.title = Str(file, n, "title", true);
      a.text = Str(file, n, "text", true);
      a.foods = StrList(file, n, "foods");
      Flag(file, n, "always", &a.always);
      if (!n["sources"] || n["sources"].size() == 0) Error(file, line, "advice '" + a.id + "' cites no source");
      Refs(file, n, "sources", PendingRef::kSource, &a.sources);
      Refs(file, n, "when_conditions", PendingRef::kCondition, &a.when_conditions);
      Refs(file, n, "when_findings", PendingRef::kFinding, &a.when_findings);
      Refs(file, n, "requires_findings", PendingRef::kFinding, &a.requires_findings);
      Refs(file, n, "unless_findings", PendingRef::kFinding, &a.unless_findings);
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
      case PendingRef::kRedFlag: m = &kb_->red_flag_index; break;
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
      case PendingRef::kRedFlag: return "red flag";
    }
    return "";
  }

  // Resolves every id reference and checks what needs the whole picture.
  void Link_() {
    // Every route a report can name has words for a person (meta.yaml specialists), so a
    // report never shows an id such as "general_practice".
    if (specialists_line_ > 0) {
      auto named = [&](const std::string& id) { return id.empty() || kb_->specialist_names.count(id) > 0; };
      for (const Condition& c : kb_->conditions)
        if (!named(c.specialist))
          Error("meta.yaml", specialists_line_, "specialists: no words for '" + c.specialist + "' (condition '" + c.id + "')");
      for (const RedFlag& r : kb_->red_flags)
        if (!named(r.specialist))
          Error("meta.yaml", specialists_line_, "specialists: no words for '" + r.specialist + "' (red flag '" + r.id + "')");
      for (const Text& t : routed_)
        if (!named(t.text)) Error("meta.yaml", t.line, "routing names '" + Shown(t.text) + "', which specialists does not list");
    }
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
      for (const Text& id : ls.ids) {
        int idx = Resolve(PendingRef::kSource, id.text);
        if (idx < 0) Error(ls.file, id.line, "unknown source '" + Shown(id.text) + "'");
        link.sources.push_back(idx);
      }
    }
    for (const RedFlagWhen& w : red_flag_when_) {
      RedFlag& r = kb_->red_flags[w.flag];
      for (const auto& alt : w.alts) {
        std::vector<int> idx;
        for (const Text& id : alt) {
          int i = Resolve(PendingRef::kFinding, id.text);
          if (i < 0) Error(w.file, id.line, "red flag '" + r.id + "': unknown finding '" + Shown(id.text) + "'");
          idx.push_back(i);
        }
        r.when.push_back(std::move(idx));
      }
    }
    for (size_t f = 0; f < implies_.size() && f < kb_->findings.size(); ++f) {
      for (const Text& t : implies_[f].ids) {
        const std::string& id = t.text;
        int i = Resolve(PendingRef::kFinding, id);
        if (i < 0) Error(implies_[f].file, t.line, "finding '" + kb_->findings[f].id + "' implies unknown finding '" + Shown(id) + "'");
        else if (i == static_cast<int>(f)) Error(implies_[f].file, t.line, "finding '" + id + "' implies itself");
        else kb_->findings[f].implies.push_back(i);
      }
    }
    for (size_t f = 0; f < masks_.size() && f < kb_->findings.size(); ++f) {
      for (const Text& t : masks_[f].ids) {
        const std::string& id = t.text;
        int i = Resolve(PendingRef::kFinding, id);
        if (i < 0) Error(masks_[f].file, t.line, "finding '" + kb_->findings[f].id + "' masks unknown finding '" + Shown(id) + "'");
        else if (i == static_cast<int>(f)) Error(masks_[f].file, t.line, "finding '" + id + "' masks itself");
        else if (kb_->findings[f].phrases.empty()) Error(masks_[f].file, t.line, "finding '" + kb_->findings[f].id + "' masks '" + id + "' but has no phrases");
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

  // Depth-first search with an explicit stack (no recursion: a chain of 100,000 findings
  // must not overflow the call stack). Reports the first cycle found.
  void CheckImpliesCycles() {
    const size_t n = kb_->findings.size();
    std::vector<char> state(n, 0);  // 0 new, 1 on the current path, 2 done
    struct Frame {
      size_t finding;
      size_t next;  // index into its implies list
    };
    std::vector<Frame> path;
    for (size_t start = 0; start < n; ++start) {
      if (state[start] != 0) continue;
      state[start] = 1;
      path.push_back({start, 0});
      while (!path.empty()) {
        Frame& top = path.back();
        const std::vector<int>& next = kb_->findings[top.finding].implies;
        if (top.next == next.size()) {
          state[top.finding] = 2;
          path.pop_back();
          continue;
        }
        const int g = next[top.next++];
        if (state[g] == 1) {
          std::string cycle;
          size_t from = path.size();
          while (from > 0 && path[from - 1].finding != static_cast<size_t>(g)) --from;
          for (size_t k = from - 1; k < path.size(); ++k) cycle += kb_->findings[path[k].finding].id + " -> ";
          cycle += kb_->findings[g].id;
          if (cycle.size() > 2000) cycle = cycle.substr(0, 2000) + "...";
          Error(kb_->findings[g].file, kb_->findings[g].line, "'implies' forms a cycle: " + cycle);
          return;
        }
        if (state[g] == 0) {
          state[g] = 1;
          path.push_back({static_cast<size_t>(g), 0});
        }
      }
    }
  }

  // Refuses a knowledge base too big for the engine's tables before they are built.
  bool CheckCounts() {
    const size_t f = kb_->findings.size(), c = kb_->conditions.size();
    if (f <= kMaxFindings && c <= kMaxConditions && f * c <= kMaxConditionFindingPairs) return true;
    Error("findings.yaml", 0,
          std::to_string(f) + " findings and " + std::to_string(c) + " conditions: more than the limits of " +
              std::to_string(kMaxFindings) + " findings, " + std::to_string(kMaxConditions) + " conditions and " +
              std::to_string(kMaxConditionFindingPairs) + " condition-finding pairs");
    return false;
  }

  void BuildIndexes() {
    kb_->implied_by.assign(kb_->findings.size(), {});
    for (size_t f = 0; f < kb_->findings.size(); ++f)
      for (int g : kb_->findings[f].implies) kb_->implied_by[g].push_back(static_cast<int>(f));
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
    std::vector<Text> ids;
    size_t cond, link;
  };
  struct RedFlagWhen {
    std::string file;
    int line;
    size_t flag;
    std::vector<std::vector<Text>> alts;
  };
  struct Implies {
    std::string file;
    std::vector<Text> ids;
  };
  // Something other than blanks.
  static bool HasWords(const std::string& s) { return s.find_first_not_of(" \t\r\n") != std::string::npos; }

  Knowledge* kb_;
  std::vector<KbIssue>* issues_;
  std::string prefix_;
  std::vector<PendingRef> pending_;
  std::vector<Binding> bind_;
  std::vector<LinkFinding> link_findings_;
  std::vector<LinkSources> link_sources_;
  std::vector<RedFlagWhen> red_flag_when_;
  std::vector<Implies> implies_, masks_;  // finding ids, resolved once all are loaded
  std::map<std::string, std::string> phrase_owner_;
  std::vector<Text> routed_;   // specialist ids named in meta.yaml routing
  int specialists_line_ = 0;   // meta.yaml `specialists:`, 0 when absent
};

bool HasIssueAbout(const std::vector<KbIssue>& issues, const std::string& path) {
  return std::any_of(issues.begin(), issues.end(), [&](const KbIssue& i) { return i.file == path; });
}

}  // namespace

std::unique_ptr<Knowledge> LoadKnowledge(Env* env, const std::string& dir, std::vector<KbIssue>* errors) {
  std::map<std::string, std::string> files;
  if (dir.empty()) {
    for (const EmbeddedFile& f : EmbeddedKnowledgeFiles()) files[std::string(f.name)] = std::string(f.text);
    return LoadKnowledgeFiles(std::move(files), KnowledgePrefix(dir), errors);  // where it was compiled from
  }
  if (!ReadKnowledgeFiles(env ? env : Env::Default(), dir, &files, errors)) return nullptr;
  return LoadKnowledgeFiles(std::move(files), KnowledgePrefix(dir), errors);
}

std::unique_ptr<Knowledge> LoadKnowledgeFiles(std::map<std::string, std::string> files,
                                              const std::string& prefix, std::vector<KbIssue>* errors,
                                              const std::map<std::string, YamlNode>* parsed) {
  auto kb = std::make_unique<Knowledge>();
  Loader loader(kb.get(), errors, prefix);
  // The files are parsed in parallel (each parse is independent; libyaml keeps no global
  // state) and then read in order: the parse is most of the cost of loading. The reader's
  // two files are parsed here too, so that every file meets the same limits and checks.
  const YamlLimits limits = KnowledgeYamlLimits();
  std::map<std::string, std::future<YamlNode>> parses;
  for (const std::string& name : KnowledgeFileNames()) {
    auto it = files.find(name);
    if (it == files.end()) continue;
    if (parsed && parsed->count(name)) {
      std::promise<YamlNode> done;
      done.set_value(parsed->at(name));
      parses[name] = done.get_future();
      continue;
    }
    const std::string* text = &it->second;
    parses[name] = std::async(std::launch::async | std::launch::deferred,
                              [text, limits] { return ParseYaml(*text, limits); });
  }
  bool syntax_ok = true;
  for (const std::string& n : KnowledgeFileNames()) {
    auto it = parses.find(n);
    if (it == parses.end()) {
      // Reading a copy from disk may have said what is wrong with the file already.
      const bool told = HasIssueAbout(*errors, prefix + n);
      if (IsReaderFile(n) && !told) continue;  // optional: only the text reader needs them
      if (!told) loader.Error(n, 0, "file is missing");
      syntax_ok = false;
      continue;
    }
    YamlNode root;
    if (!loader.Parsed(n, &it->second, &root)) {
      syntax_ok = false;
      continue;
    }
    if (n == "meta.yaml") loader.Meta(n, root);
    else if (n == "sources.yaml") loader.Sources(n, root);
    else if (n == "findings.yaml") loader.Findings(n, root);
    else if (n == "conditions.yaml") loader.Conditions(n, root);
    else if (n == "red_flags.yaml") loader.RedFlags(n, root);
    else if (n == "advice.yaml") loader.AdviceItems(n, root);
    else CheckNumbers(prefix + n, root, errors);  // the reader's files: it converts some to int
  }
  // A file that is not YAML leaves every reference into it dangling: report the syntax
  // error alone rather than a cascade of unknown ids.
  if (!syntax_ok || !loader.CheckCounts()) return nullptr;
  for (const char* name : {"context_rules.yaml", "lexicon.yaml"}) {
    auto it = files.find(name);
    if (it != files.end()) kb->text_files[name] = std::move(it->second);
  }
  loader.Link_();
  if (!errors->empty()) return nullptr;
  loader.BuildIndexes();
  return kb;
}

}  // namespace twitchcheck
