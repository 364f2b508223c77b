// Loading kb/context_rules.yaml into ContextRules, with "file:line: message" errors.
// The YAML reader reports problems by throwing; every call into it happens inside the one
// try-block in LoadContextRules, so no exception leaves this file.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/yaml.h"

#include "text/context.h"
#include "text/token.h"

namespace twitchcheck {
namespace {

constexpr std::pair<std::string_view, ContextCategory> kCategoryNames[] = {
    {"NEGATED_EXISTENCE", ContextCategory::kNegated},
    {"POSSIBLE_EXISTENCE", ContextCategory::kPossible},
    {"HISTORICAL", ContextCategory::kHistorical},
    {"HYPOTHETICAL", ContextCategory::kHypothetical},
    {"FAMILY", ContextCategory::kFamily},
    {"OTHER_EXPERIENCER", ContextCategory::kOtherExperiencer},
    {"PSEUDO", ContextCategory::kPseudo},
    {"TERMINATE", ContextCategory::kTerminate},
};

constexpr std::pair<std::string_view, ContextDirection> kDirectionNames[] = {
    {"forward", ContextDirection::kForward},
    {"backward", ContextDirection::kBackward},
    {"bidirectional", ContextDirection::kBidirectional},
    {"terminate", ContextDirection::kTerminate},
    {"pseudo", ContextDirection::kPseudo},
};

constexpr int kMaxScope = 100;

class RulesLoader {
 public:
  RulesLoader(std::string_view file, ContextRules* out) : file_(file), out_(out) {}

  bool Load(const YamlNode& root) {
    if (!root.IsMap()) return Fail(root, "the file must be a mapping with `context_rules:`");
    for (const auto& kv : root) {
      const std::string key = kv.first.as<std::string>();
      if (key != "version" && key != "categories" && key != "word_classes" &&
          key != "context_rules")
        return Fail(kv.first, "unknown key '" + key + "'");
    }
    if (root["word_classes"] && !WordClasses(root["word_classes"])) return false;
    if (root["categories"] && !Categories(root["categories"])) return false;
    const YamlNode rules = root["context_rules"];
    if (!rules) return Fail(root, "missing `context_rules:`");
    if (!rules.IsSequence()) return Fail(rules, "`context_rules` must be a list");
    for (const YamlNode& r : rules)
      if (!Rule(r)) return false;
    return true;
  }

  std::string error;

 private:
  bool Fail(const YamlNode& n, const std::string& what) {
    const int line = n.Mark().line >= 0 ? n.Mark().line + 1 : 0;
    error = std::string(file_) + ":" + std::to_string(line) + ": " + what;
    return false;
  }

  bool Category(const YamlNode& n, ContextCategory* out) {
    if (!n.IsScalar()) return Fail(n, "a category must be a name such as NEGATED_EXISTENCE");
    if (!ParseContextCategory(n.Scalar(), out))
      return Fail(n, "unknown category '" + n.Scalar() + "'");
    return true;
  }

  bool Scope(const YamlNode& n, int* out) {
    int v = 0;
    if (!n.IsScalar() || !DecodeYaml(n, &v))
      return Fail(n, "max_scope must be a whole number");
    if (v < 1 || v > kMaxScope)
      return Fail(n, "max_scope " + std::to_string(v) + " is out of range 1.." +
                         std::to_string(kMaxScope));
    *out = v;
    return true;
  }

  bool WordClasses(const YamlNode& n) {
    if (!n.IsMap()) return Fail(n, "`word_classes` must map a name to a list of words");
    for (const auto& kv : n) {
      const std::string name = kv.first.as<std::string>();
      if (!kv.second.IsSequence() || kv.second.size() == 0)
        return Fail(kv.second, "word class '" + name + "' must be a non-empty list");
      std::vector<std::string>& words = out_->word_classes[name];
      for (const YamlNode& w : kv.second) {
        if (!w.IsScalar()) return Fail(w, "a word class holds words");
        const std::vector<Token> t = Tokenize(w.Scalar());
        if (t.empty()) return Fail(w, "empty word in class '" + name + "'");
        std::string joined;
        for (const Token& tok : t) joined += (joined.empty() ? "" : " ") + tok.norm;
        words.push_back(joined);
      }
    }
    return true;
  }

  bool Categories(const YamlNode& n) {
    if (!n.IsMap()) return Fail(n, "`categories` must map a category to its settings");
    for (const auto& kv : n) {
      ContextCategory c;
      if (!Category(kv.first, &c)) return false;
      ContextCategorySettings& s = out_->categories[static_cast<size_t>(c)];
      if (!kv.second.IsMap()) return Fail(kv.second, "category settings must be a mapping");
      for (const auto& field : kv.second) {
        const std::string key = field.first.as<std::string>();
        if (key == "max_scope") {
          if (!Scope(field.second, &s.max_scope)) return false;
        } else if (key == "terminated_by") {
          if (!CategoryList(field.second, &s.terminated_by)) return false;
        } else {
          return Fail(field.first, "unknown category setting '" + key + "'");
        }
      }
    }
    return true;
  }

  bool CategoryList(const YamlNode& n, std::vector<ContextCategory>* out) {
    if (!n.IsSequence()) return Fail(n, "expected a list of categories");
    for (const YamlNode& item : n) {
      ContextCategory c;
      if (!Category(item, &c)) return false;
      out->push_back(c);
    }
    return true;
  }

  bool Rule(const YamlNode& r) {
    if (!r.IsMap()) return Fail(r, "a rule must be a mapping with literal, category, ...");
    ContextRule rule;
    rule.line = r.Mark().line + 1;
    bool has_direction = false;
    std::string literal;
    for (const auto& kv : r) {
      const std::string key = kv.first.as<std::string>();
      const YamlNode& v = kv.second;
      if (key == "literal") {
        if (!v.IsScalar()) return Fail(v, "literal must be text");
        literal = v.Scalar();
      } else if (key == "category") {
        if (!Category(v, &rule.category)) return false;
      } else if (key == "direction") {
        if (!v.IsScalar()) return Fail(v, "direction must be a word");
        bool found = false;
        for (const auto& [name, d] : kDirectionNames)
          if (name == v.Scalar()) { rule.direction = d; found = true; }
        if (!found)
          return Fail(v, "unknown direction '" + v.Scalar() +
                             "' (forward, backward, bidirectional, terminate, pseudo)");
        has_direction = true;
      } else if (key == "max_scope") {
        if (!Scope(v, &rule.max_scope)) return false;
      } else if (key == "match") {
        if (!v.IsScalar() || (v.Scalar() != "norm" && v.Scalar() != "stem"))
          return Fail(v, "match must be `norm` or `stem`");
        rule.match_stems = v.Scalar() == "stem";
      } else if (key == "terminates") {
        if (!CategoryList(v, &rule.terminates)) return false;
      } else if (key == "target_class") {
        if (!v.IsScalar() || !out_->word_classes.count(v.Scalar()))
          return Fail(v, "unknown word class '" + (v.IsScalar() ? v.Scalar() : "") + "'");
        rule.target_class = v.Scalar();
      } else if (key == "when") {
        if (!v.IsScalar() || v.Scalar() != "target_alone")
          return Fail(v, "when must be `target_alone`");
        rule.target_alone = true;
      } else if (key == "comment") {
        // free text for reviewers
      } else {
        return Fail(kv.first, "unknown rule key '" + key + "'");
      }
    }
    if (!r["category"]) return Fail(r, "rule has no category");
    if (rule.target_alone) return TargetAlone(r, rule, has_direction || r["literal"]);
    if (!DirectionFits(r, &rule, has_direction)) return false;
    if (!rule.terminates.empty() && rule.category != ContextCategory::kTerminate)
      return Fail(r["terminates"], "only TERMINATE rules take `terminates`");
    return Expand(r, literal, rule);
  }

  // A `when: target_alone` rule: no literal, no direction, a category that sets a label.
  bool TargetAlone(const YamlNode& r, ContextRule rule, bool has_cue_fields) {
    if (has_cue_fields)
      return Fail(r, "a `when: target_alone` rule takes no literal and no direction");
    if (rule.category == ContextCategory::kPseudo || rule.category == ContextCategory::kTerminate)
      return Fail(r["category"], "a `when: target_alone` rule needs a category that sets a label");
    rule.literal = "(alone in its sentence)";
    std::string key = std::string(ContextCategoryName(rule.category)) + ":alone:" + rule.target_class;
    auto [it, fresh] = seen_.emplace(key, rule.line);
    if (!fresh)
      return Fail(r, "duplicate `when: target_alone` rule (first at line " +
                         std::to_string(it->second) + ")");
    out_->rules.push_back(std::move(rule));
    return true;
  }

  // TERMINATE and PSEUDO rules take their own direction; every other category needs one
  // of forward / backward / bidirectional.
  bool DirectionFits(const YamlNode& r, ContextRule* rule, bool has_direction) {
    const bool term = rule->category == ContextCategory::kTerminate;
    const bool pseudo = rule->category == ContextCategory::kPseudo;
    if (!has_direction) {
      if (term) { rule->direction = ContextDirection::kTerminate; return true; }
      if (pseudo) { rule->direction = ContextDirection::kPseudo; return true; }
      return Fail(r, "rule has no direction");
    }
    const bool dir_term = rule->direction == ContextDirection::kTerminate;
    const bool dir_pseudo = rule->direction == ContextDirection::kPseudo;
    if (term != dir_term || pseudo != dir_pseudo)
      return Fail(r["direction"], "direction does not fit category " +
                                      std::string(ContextCategoryName(rule->category)));
    return true;
  }

  // Expands `{class}` placeholders into one rule per word, tokenises the literal and adds
  // the rules. A literal may hold at most one placeholder (to keep expansion small).
  bool Expand(const YamlNode& r, const std::string& literal, const ContextRule& proto) {
    const YamlNode at = r["literal"] ? r["literal"] : r;
    std::vector<std::string> variants;
    const size_t open = literal.find('{');
    if (open == std::string::npos) {
      variants.push_back(literal);
    } else {
      const size_t close = literal.find('}', open);
      if (close == std::string::npos) return Fail(at, "unclosed '{' in literal");
      const std::string name = literal.substr(open + 1, close - open - 1);
      auto it = out_->word_classes.find(name);
      if (it == out_->word_classes.end()) return Fail(at, "unknown word class '" + name + "'");
      if (literal.find('{', close) != std::string::npos)
        return Fail(at, "a literal may use one word class only");
      for (const std::string& w : it->second)
        variants.push_back(literal.substr(0, open) + w + literal.substr(close + 1));
    }
    for (const std::string& v : variants) {
      ContextRule rule = proto;
      rule.literal = v;
      for (const Token& t : Tokenize(v))
        rule.tokens.push_back(rule.match_stems ? Stem(t.norm) : t.norm);
      if (rule.tokens.empty()) return Fail(at, "empty literal");
      // One literal may carry several categories, but each only once.
      std::string key = std::string(ContextCategoryName(rule.category)) +
                        (rule.match_stems ? ":stem:" : ":norm:");
      for (const std::string& t : rule.tokens) key += t + " ";
      auto [it, fresh] = seen_.emplace(key, rule.line);
      if (!fresh)
        return Fail(at, "duplicate literal '" + v + "' (first at line " +
                            std::to_string(it->second) + ")");
      out_->rules.push_back(std::move(rule));
    }
    return true;
  }

  std::string_view file_;
  ContextRules* out_;
  std::map<std::string, int> seen_;  // matched token sequence -> line
};

}  // namespace

std::string_view ContextCategoryName(ContextCategory c) {
  for (const auto& [name, cat] : kCategoryNames)
    if (cat == c) return name;
  return "?";
}

bool ParseContextCategory(std::string_view name, ContextCategory* out) {
  for (const auto& [n, cat] : kCategoryNames) {
    if (n == name) {
      *out = cat;
      return true;
    }
  }
  return false;
}

bool LoadContextRules(std::string_view yaml_text, std::string_view file_name, ContextRules* out,
                      std::string* err) {
  *out = ContextRules();
  out->file_name = std::string(file_name);
  RulesLoader loader(file_name, out);
  try {
    const YamlNode root = ParseYaml(std::string(yaml_text));
    if (loader.Load(root)) return true;
    *err = loader.error;
  } catch (const YamlError& e) {
    *err = std::string(file_name) + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg;
  } catch (const std::exception& e) {  // bad_alloc and the like: still a value, not a crash
    *err = std::string(file_name) + ": " + e.what();
  }
  return false;
}

}  // namespace twitchcheck
