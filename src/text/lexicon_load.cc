// Loads kb/lexicon.yaml into the lookup tables of lexicon.h.
//
// Every word of the file goes through the same MatchKey as the words of a text. The YAML
// reader (kb/yaml.h) throws on syntax errors and bad conversions; both are caught here and
// turned into "file:line: message".
#include "text/lexicon.h"

#include "kb/knowledge.h"
#include "kb/yaml.h"

#include <algorithm>
#include <exception>
#include <map>
#include <set>

#include <fmt/format.h>

#include "text/token.h"

namespace twitchcheck {
namespace {

// LexAttribute is in the order of the knowledge base's name table.
constexpr std::array<std::string_view, kLexAttributeCount> kAttributeNames = {
    kNumericAttributeNames[0], kNumericAttributeNames[1], kNumericAttributeNames[2],
    kNumericAttributeNames[3], kNumericAttributeNames[4], kNumericAttributeNames[5]};
static_assert(kNumericAttributeNames[static_cast<size_t>(LexAttribute::kCaffeine)] == "caffeine_drinks_per_day" &&
              kNumericAttributeNames[static_cast<size_t>(LexAttribute::kAge)] == "age_years");

// The YAML names of LexCue, in enum order.
constexpr std::array<std::string_view, kLexCueCount> kCueNames = {
    "filler",        "duration_before", "duration_after", "ago",
    "episode_after", "not_duration",    "start",          "since",
    "last",          "rate",            "times",          "every",
    "range",         "and_a_half",      "of",             "quantity_adjective",
    "sleep_before",  "sleep_after",     "past_habit",     "smoke_verb",
    "self",          "age_before",      "age_after",      "not_age_after",
    "as_a",          "here",            "decade_in",      "self_possessive",
    "other_possessive", "first_person", "report_verb",    "subject_verb",
    "family_history", "side_prep",      "old",            "complaint",
    "writer",        "bare_age_end",   "bare_unit_before", "sex_before",
    "not_duration_before", "clause_break", "for_someone", "acted_on",
    "writer_reports", "phrase_skip",    "recovery_before", "carer_writer", "writer_fright",
    "writer_worry",  "age_link"};

constexpr std::array<std::string_view, 6> kMentionKinds = {
    "site", "side", "onset", "frequency", "time_of_day", "progression"};

constexpr std::array<std::string_view, 29> kSections = {
    "version",        "spelling",        "numbers",         "approximate_numbers",
    "frequency_counts", "units",         "rates",           "relative_times",
    "vague_durations", "vague_plural_count", "months",      "weekdays",
    "decades",        "decade_modifiers", "sex_words",      "sex_letters",
    "relations",      "limits",          "cues",            "mentions",
    "needs_site",     "side_nouns",      "needs_owner",     "spread",
    "substances",     "containers",      "irregular_forms", "pronouns",
    "concepts"};

class Loader {
 public:
  Loader(std::string_view file, Lexicon* lex, std::string* err)
      : file_(file), lex_(lex), err_(err) {}

  bool Load(std::string_view text) {
    YamlNode root;
    try {
      root = ParseYaml(std::string(text));
    } catch (const YamlError& e) {
      *err_ = fmt::format("{}:{}: YAML syntax: {}", file_, e.mark.line + 1, e.msg);
      return false;
    }
    try {
      return LoadRoot(root);
    } catch (const std::exception& e) {  // a conversion we did not foresee
      *err_ = fmt::format("{}:{}: {}", file_, last_line_, e.what());
      return false;
    }
  }

 private:
  int Line(const YamlNode& n) {
    if (n.IsDefined() && n.Mark().line >= 0) last_line_ = n.Mark().line + 1;
    return last_line_;
  }
  bool Fail(const YamlNode& n, const std::string& what) {
    *err_ = fmt::format("{}:{}: {}", file_, Line(n), what);
    return false;
  }

  bool Scalar(const YamlNode& n, std::string_view what, std::string* out) {
    if (!n.IsScalar()) return Fail(n, fmt::format("{} must be a text value", what));
    *out = n.Scalar();
    return true;
  }
  bool Number(const YamlNode& n, std::string_view what, double* out) {
    if (!n.IsScalar() || !DecodeYaml(n, out))
      return Fail(n, fmt::format("{} must be a number", what));
    return true;
  }
  bool Map(const YamlNode& n, std::string_view what) {
    if (!n.IsMap()) return Fail(n, fmt::format("{} must be a map", what));
    return true;
  }
  // A word or phrase: lower case, single spaces, not empty.
  bool Phrase(const YamlNode& n, std::string_view what, std::string* out) {
    if (!Scalar(n, what, out)) return false;
    const std::string& s = *out;
    if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.find("  ") != std::string::npos)
      return Fail(n, fmt::format("{} '{}' must be words separated by single spaces", what, s));
    for (char c : s)
      if (c >= 'A' && c <= 'Z') return Fail(n, fmt::format("{} '{}' must be lower case", what, s));
    return true;
  }
  bool List(const YamlNode& n, std::string_view what, std::vector<std::string>* out) {
    if (!n.IsSequence()) return Fail(n, fmt::format("{} must be a list", what));
    for (const YamlNode& item : n) {
      std::string s;
      if (!Phrase(item, what, &s)) return false;
      out->push_back(std::move(s));
      lines_.push_back(Line(item));
    }
    return true;
  }

  LexWordId Intern(std::string_view word) {
    written_.emplace_back(word);
    std::string key = lex_->MatchKey(word);
    auto it = lex_->ids.find(key);
    if (it != lex_->ids.end()) return it->second;
    const LexWordId id = static_cast<LexWordId>(lex_->words.size());
    lex_->words.emplace_back();
    lex_->words.back().key = key;
    lex_->ids.emplace(std::move(key), id);
    return id;
  }
  // One word only (numbers, units, ...).
  bool Word(const YamlNode& n, std::string_view what, std::string_view word, LexWord** out) {
    if (word.find(' ') != std::string_view::npos)
      return Fail(n, fmt::format("{} '{}' must be one word", what, word));
    *out = &lex_->words[Intern(word)];
    return true;
  }

  bool AddPhrase(const YamlNode& n, std::string_view text, LexRole role, uint16_t index,
                 std::string value = {}, double days = 0) {
    LexPhrase p;
    size_t start = 0;
    while (start <= text.size()) {
      size_t sp = text.find(' ', start);
      if (sp == std::string_view::npos) sp = text.size();
      p.words.push_back(Intern(text.substr(start, sp - start)));
      start = sp + 1;
    }
    // The same words twice in one role is ambiguous (mentions: whatever their kind).
    std::string dup_key = fmt::format("{}:{}", static_cast<int>(role),
                                      role == LexRole::kCue ? index : 0);
    for (LexWordId w : p.words) dup_key += fmt::format(" {}", w);
    if (!seen_phrases_.insert(dup_key).second)
      return Fail(n, fmt::format("duplicate phrase '{}'", text));
    p.role = role;
    p.index = index;
    p.value = std::move(value);
    p.days = days;
    p.line = Line(n);
    if (role == LexRole::kCue && p.words.size() == 1) lex_->words[p.words[0]].single_cue[index] = true;
    LexWord& first = lex_->words[p.words[0]];
    first.phrases.push_back(static_cast<uint32_t>(lex_->phrases.size()));
    first.role_mask |= 1u << static_cast<unsigned>(role);
    if (role == LexRole::kCue) {
      first.cue_mask |= uint64_t{1} << index;
      lex_->words[p.words.back()].cue_end_mask |= uint64_t{1} << index;
    }
    if (role == LexRole::kMention && index < 32) first.kind_mask |= 1u << index;
    lex_->phrases.push_back(std::move(p));
    return true;
  }

  // Iterates a map, failing on duplicate keys (the YAML reader keeps both).
  template <class F>
  bool ForEach(const YamlNode& n, std::string_view what, F f) {
    if (!Map(n, what)) return false;
    std::set<std::string> keys;
    for (const auto& kv : n) {
      std::string key;
      if (!Phrase(kv.first, fmt::format("a key of {}", what), &key)) return false;
      if (!keys.insert(key).second) return Fail(kv.first, fmt::format("duplicate key '{}' in {}", key, what));
      if (!f(kv.first, key, kv.second)) return false;
    }
    return true;
  }

  bool LoadRoot(const YamlNode& root) {
    if (!root.IsMap()) return Fail(root, "the file must be a map of sections");
    for (const auto& kv : root) {
      const std::string name = kv.first.IsScalar() ? kv.first.Scalar() : "";
      if (std::find(kSections.begin(), kSections.end(), name) == kSections.end())
        return Fail(kv.first, fmt::format("unknown section '{}'", name));
    }
    double version = 0;
    if (!root["version"]) return Fail(root, "missing 'version'");
    if (!Number(root["version"], "version", &version)) return false;
    if (version != 1) return Fail(root["version"], "unsupported version (expected 1)");

    // Spelling first: every later word is interned through MatchKey, which uses it.
    if (root["spelling"] && !LoadSpelling(root["spelling"])) return false;
    static constexpr std::string_view kOrder[] = {
        "numbers", "approximate_numbers", "frequency_counts", "units", "rates",
        "relative_times", "vague_durations", "vague_plural_count", "months", "weekdays",
        "decades", "decade_modifiers", "sex_words", "sex_letters", "relations", "pronouns", "limits",
        "cues", "mentions", "needs_site", "side_nouns", "needs_owner", "spread", "substances",
        "containers"};
    for (std::string_view s : kOrder) {
      const YamlNode n = root[std::string(s)];
      if (!n) {
        if (s == "limits" || s == "units" || s == "numbers")
          return Fail(root, fmt::format("missing section '{}'", s));
        continue;
      }
      if (!LoadSection(s, n)) return false;
    }
    for (LexWord& w : lex_->words) {
      auto role = [&](uint32_t p) { return static_cast<size_t>(lex_->phrases[p].role); };
      std::stable_sort(w.phrases.begin(), w.phrases.end(), [&](uint32_t a, uint32_t b) {
        if (role(a) != role(b)) return role(a) < role(b);
        return lex_->phrases[a].words.size() > lex_->phrases[b].words.size();
      });
      size_t k = 0;
      for (size_t r = 0; r <= kLexRoleCount; ++r) {
        while (k < w.phrases.size() && role(w.phrases[k]) < r) ++k;
        w.role_begin[r] = static_cast<uint16_t>(k);
      }
    }
    if (root["irregular_forms"]) {
      std::vector<std::string> forms;
      if (!List(root["irregular_forms"], "irregular_forms", &forms)) return false;
      for (std::string& f : forms) {
        if (f.find(' ') != std::string::npos)
          return Fail(root["irregular_forms"], fmt::format("irregular form '{}' must be one word", f));
        written_.push_back(std::move(f));
      }
    }
    if (root["concepts"]) {
      const bool ok = ForEach(root["concepts"], "concepts", [&](const YamlNode& k, const std::string& name,
                                                                 const YamlNode& v) {
        if (name.find(' ') != std::string::npos)
          return Fail(k, fmt::format("concept name '{}' must be one word", name));
        std::vector<std::string> entries;
        if (!List(v, fmt::format("concept '{}'", name), &entries)) return false;
        if (entries.empty()) return Fail(v, fmt::format("concept '{}' has no words", name));
        lex_->concepts.emplace(name, std::move(entries));
        return true;
      });
      if (!ok) return false;
    }
    for (const std::string& w : joined_first_) {
      written_.push_back(w);
      lex_->words[Intern(w)].joins_next = true;
    }
    lex_->BuildSurfaceTable(written_);
    return true;
  }

  bool LoadSpelling(const YamlNode& n) {
    return ForEach(n, "spelling", [&](const YamlNode& k, const std::string& variant,
                                      const YamlNode& v) {
      std::string canon;
      if (!Phrase(v, "a canonical spelling", &canon)) return false;
      if (canon.find(' ') != std::string::npos)
        return Fail(v, fmt::format("canonical spelling '{}' must be one word", canon));
      if (canon == variant) return Fail(k, fmt::format("spelling '{}' maps to itself", variant));
      const size_t sp = variant.find(' ');
      if (sp == std::string::npos) {
        lex_->spelling.emplace(variant, canon);
      } else {
        if (variant.find(' ', sp + 1) != std::string::npos)
          return Fail(k, fmt::format("spelling variant '{}' has more than two words", variant));
        lex_->joined_spelling[variant.substr(0, sp)].emplace_back(variant.substr(sp + 1), canon);
        joined_first_.push_back(variant.substr(0, sp));
      }
      return true;
    });
  }

  bool Days(const YamlNode& v, std::string_view what, double* d) {
    if (!Number(v, what, d)) return false;
    if (!(*d > 0)) return Fail(v, fmt::format("{} must be greater than 0", what));
    return true;
  }

  bool LoadSection(std::string_view s, const YamlNode& n) {
    LexWord* w = nullptr;
    if (s == "numbers")
      return ForEach(n, "numbers", [&](const YamlNode& k, const std::string& word, const YamlNode& v) {
        double d = 0;
        if (!Number(v, "a number's value", &d) || !Word(k, "number word", word, &w)) return false;
        if (d < 0) return Fail(v, "a number's value must not be negative");
        // Two number words with one match key (as "eight" and "eighty" once had) would
        // read as the same number.
        if (w->number >= 0 && w->number != d)
          return Fail(k, fmt::format("number word '{}' has the match key of another number ({})",
                                     word, w->number));
        w->number = d;
        return true;
      });
    if (s == "approximate_numbers" || s == "side_nouns") {
      std::vector<std::string> list;
      if (!List(n, s, &list)) return false;
      for (const std::string& word : list) {
        if (!Word(n, s, word, &w)) return false;
        if (s == "side_nouns") { w->side_noun = true; continue; }
        if (w->number < 0) return Fail(n, fmt::format("'{}' is not in numbers", word));
        w->approximate = true;
      }
      return true;
    }
    if (s == "frequency_counts")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& word, const YamlNode& v) {
        double d = 0;
        if (!Number(v, "a count", &d) || !Word(k, "count word", word, &w)) return false;
        if (d < 1 || d > 100) return Fail(v, "a count must be 1..100");
        w->frequency_count = static_cast<int>(d);
        return true;
      });
    if (s == "units")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& name, const YamlNode& v) {
        if (!Map(v, fmt::format("unit '{}'", name))) return false;
        LexUnit u{name, 0};
        std::vector<std::string> words;
        if (!Days(v["days"], "a unit's days", &u.days) || !List(v["words"], "a unit's words", &words))
          return false;
        if (v["article"] && !Phrase(v["article"], "a unit's article", &u.article)) return false;
        const int16_t index = static_cast<int16_t>(lex_->units.size());
        lex_->units.push_back(u);
        for (const std::string& word : words) {
          if (!Word(v["words"], "unit word", word, &w)) return false;
          if (w->unit >= 0 && w->unit != index) return Fail(v["words"], fmt::format("unit word '{}' is in two units", word));
          w->unit = index;
        }
        return true;
      });
    if (s == "rates")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& word, const YamlNode& v) {
        return Word(k, "rate word", word, &w) && Days(v, "a rate's days", &w->rate_days);
      });
    if (s == "relative_times" || s == "vague_durations")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& phrase, const YamlNode& v) {
        double d = 0;
        if (!Days(v, "days", &d)) return false;
        return AddPhrase(k, phrase, s == "relative_times" ? LexRole::kRelative : LexRole::kVague, 0, {}, d);
      });
    if (s == "vague_plural_count") return Days(n, s, &lex_->vague_plural_count);
    if (s == "months" || s == "weekdays" || s == "decades" || s == "decade_modifiers")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& word, const YamlNode& v) {
        double d = 0;
        if (!Number(v, "a value", &d) || !Word(k, s, word, &w)) return false;
        if (s == "months") {
          if (d < 1 || d > 12) return Fail(v, "a month must be 1..12");
          w->month = static_cast<int>(d);
        } else if (s == "weekdays") {
          if (d < 0 || d > 6) return Fail(v, "a weekday must be 0 (Sunday)..6");
          w->weekday = static_cast<int>(d);
        } else if (s == "decades") {
          if (d < 1 || d > 120) return Fail(v, "a decade's age must be 1..120");
          w->decade = d;
        } else {
          if (d < -9 || d > 9) return Fail(v, "a decade modifier must be -9..9");
          w->decade_shift = d;
          w->decade_modifier = true;
        }
        return true;
      });
    if (s == "sex_words")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& sex, const YamlNode& v) {
        if (!SexCode(sex)) return Fail(k, fmt::format("sex must be female or male, not '{}'", sex));
        std::vector<std::string> list;
        if (!List(v, "sex words", &list)) return false;
        for (const std::string& word : list) {
          if (!Word(v, "sex word", word, &w)) return false;
          w->sex = SexCode(sex);
        }
        return true;
      });
    if (s == "sex_letters")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& letter, const YamlNode& v) {
        std::string sex;
        if (!Scalar(v, "a sex", &sex)) return false;
        if (!SexCode(sex)) return Fail(v, fmt::format("sex must be female or male, not '{}'", sex));
        if (letter.size() != 1) return Fail(k, fmt::format("sex letter '{}' must be one letter", letter));
        if (!Word(k, "sex letter", letter, &w)) return false;
        w->sex_letter = SexCode(sex);
        return true;
      });
    if (s == "pronouns")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& word, const YamlNode& v) {
        std::string sex;
        if (!Scalar(v, "a pronoun's sex", &sex)) return false;
        if (!SexCode(sex)) return Fail(v, fmt::format("sex must be female or male, not '{}'", sex));
        if (!Word(k, "pronoun", word, &w)) return false;
        w->pronoun_sex = SexCode(sex);
        return true;
      });
    if (s == "relations")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& word, const YamlNode& v) {
        std::string sex;
        if (!Scalar(v, "a relation's sex", &sex)) return false;
        if (!sex.empty() && !SexCode(sex))
          return Fail(v, fmt::format("a relation's sex must be female, male or \"\", not '{}'", sex));
        if (!Word(k, "relation", word, &w)) return false;
        w->relation = static_cast<int16_t>(lex_->relations.size());
        lex_->relations.push_back({word, sex});
        return true;
      });
    if (s == "limits") {
      std::array<bool, kLexAttributeCount> set{};
      if (!ForEach(n, s, [&](const YamlNode& k, const std::string& name, const YamlNode& v) {
            auto it = std::find(kAttributeNames.begin(), kAttributeNames.end(), name);
            if (it == kAttributeNames.end()) return Fail(k, fmt::format("unknown attribute '{}'", name));
            const size_t i = static_cast<size_t>(it - kAttributeNames.begin());
            set[i] = true;
            return Days(v, "a limit", &lex_->limits[i]);
          }))
        return false;
      for (size_t i = 0; i < kLexAttributeCount; ++i)
        if (!set[i]) return Fail(n, fmt::format("limits: missing '{}'", kAttributeNames[i]));
      return true;
    }
    if (s == "cues")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& name, const YamlNode& v) {
        auto it = std::find(kCueNames.begin(), kCueNames.end(), name);
        if (it == kCueNames.end()) return Fail(k, fmt::format("unknown cue list '{}'", name));
        return Phrases(v, "a cue", LexRole::kCue, static_cast<uint16_t>(it - kCueNames.begin()));
      });
    if (s == "mentions") return LoadMentions(n);
    if (s == "needs_site" || s == "needs_owner") {
      std::vector<std::string> list;
      if (!List(n, s, &list)) return false;
      for (const std::string& phrase : list) {
        LexPhrase* p = FindMention(phrase);
        if (!p) return Fail(n, fmt::format("{}: '{}' is not a mention phrase", s, phrase));
        (s == "needs_site" ? p->needs_site : p->needs_owner) = true;
      }
      return true;
    }
    if (s == "spread")
      return ForEach(n, s, [&](const YamlNode& k, const std::string& name, const YamlNode& v) {
        const LexRole role = name == "to"       ? LexRole::kSpreadTo
                             : name == "origin" ? LexRole::kSpreadOrigin
                             : name == "then"   ? LexRole::kSpreadThen
                                                : LexRole::kCue;
        if (role == LexRole::kCue) return Fail(k, fmt::format("spread: unknown list '{}' (to, origin, then)", name));
        return Phrases(v, "a spread phrase", role, 0);
      });
    if (s == "substances") return LoadSubstances(n);
    return LoadContainers(n);
  }

  bool Phrases(const YamlNode& v, std::string_view what, LexRole role, uint16_t index,
               const std::string& value = {}) {
    std::vector<std::string> list;
    lines_.clear();
    if (!List(v, what, &list)) return false;
    for (size_t i = 0; i < list.size(); ++i) {
      if (!AddPhrase(v, list[i], role, index, value)) {
        *err_ = fmt::format("{}:{}: duplicate phrase '{}'", file_, lines_[i], list[i]);
        return false;
      }
      lex_->phrases.back().line = lines_[i];
    }
    return true;
  }

  LexPhrase* FindMention(const std::string& phrase) {
    std::vector<LexWordId> words;
    size_t start = 0;
    while (start <= phrase.size()) {
      size_t sp = phrase.find(' ', start);
      if (sp == std::string::npos) sp = phrase.size();
      auto it = lex_->ids.find(lex_->MatchKey(std::string_view(phrase).substr(start, sp - start)));
      if (it == lex_->ids.end()) return nullptr;
      words.push_back(it->second);
      start = sp + 1;
    }
    for (LexPhrase& p : lex_->phrases)
      if (p.role == LexRole::kMention && p.words == words) return &p;
    return nullptr;
  }

  bool LoadMentions(const YamlNode& n) {
    return ForEach(n, "mentions", [&](const YamlNode& k, const std::string& kind, const YamlNode& v) {
      if (std::find(kMentionKinds.begin(), kMentionKinds.end(), kind) == kMentionKinds.end())
        return Fail(k, fmt::format("unknown mention kind '{}'", kind));
      const uint16_t index = static_cast<uint16_t>(lex_->mention_kinds.size());
      lex_->mention_kinds.push_back(kind);
      return ForEach(v, kind, [&](const YamlNode&, const std::string& value, const YamlNode& list) {
        if (value.find(' ') != std::string::npos)
          return Fail(list, fmt::format("mention value '{}' must be one snake_case word", value));
        return Phrases(list, "a mention phrase", LexRole::kMention, index, value);
      });
    });
  }

  bool LoadSubstances(const YamlNode& n) {
    return ForEach(n, "substances", [&](const YamlNode& k, const std::string& name, const YamlNode& v) {
      if (!Map(v, fmt::format("substance '{}'", name))) return false;
      std::string attr;
      if (!Scalar(v["attribute"], "a substance's attribute", &attr)) return false;
      LexSubstance sub{name, LexAttribute::kNone};
      const int named = NumericAttributeIndex(attr);
      const LexAttribute a = named < 0 ? LexAttribute::kNone : static_cast<LexAttribute>(named);
      if (a == LexAttribute::kCaffeine || a == LexAttribute::kAlcohol || a == LexAttribute::kCigarettes)
        sub.attribute = a;
      else if (attr != "none")
        return Fail(v["attribute"], fmt::format("unknown substance attribute '{}'", attr));
      const uint16_t index = static_cast<uint16_t>(lex_->substances.size());
      lex_->substances.push_back(sub);
      return Phrases(v["phrases"], "a substance phrase", LexRole::kSubstance, index);
    });
  }

  int SubstanceIndex(const std::string& name) const {
    for (size_t i = 0; i < lex_->substances.size(); ++i)
      if (lex_->substances[i].name == name) return static_cast<int>(i);
    return -1;
  }

  bool LoadContainers(const YamlNode& n) {
    return ForEach(n, "containers", [&](const YamlNode& k, const std::string& name, const YamlNode& v) {
      if (!Map(v, fmt::format("container '{}'", name))) return false;
      for (const auto& kv : v) {
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
        if (key != "plural" && key != "default" && key != "needs_substance" && key != "each" &&
            key != "each_for" && key != "phrases")
          return Fail(kv.first, fmt::format("container '{}': unknown key '{}'", name, key));
      }
      LexContainer c;
      c.name = name;
      c.plural = name + "s";
      if (v["plural"] && !Phrase(v["plural"], "a plural", &c.plural)) return false;
      if (v["default"]) {
        std::string sub;
        if (!Scalar(v["default"], "a default substance", &sub)) return false;
        c.default_substance = SubstanceIndex(sub);
        if (c.default_substance < 0) return Fail(v["default"], fmt::format("unknown substance '{}'", sub));
      }
      if (v["needs_substance"]) {
        if (!v["needs_substance"].IsScalar() ||
            !DecodeYaml(v["needs_substance"], &c.needs_substance))
          return Fail(v["needs_substance"], "needs_substance must be true or false");
      }
      if (v["each"] && !Days(v["each"], "each", &c.each)) return false;
      if (v["each_for"] &&
          !ForEach(v["each_for"], "each_for", [&](const YamlNode& sk, const std::string& sub, const YamlNode& sv) {
            const int si = SubstanceIndex(sub);
            if (si < 0) return Fail(sk, fmt::format("unknown substance '{}'", sub));
            double d = 0;
            if (!Days(sv, "each_for", &d)) return false;
            c.each_for.emplace_back(si, d);
            return true;
          }))
        return false;
      const uint16_t index = static_cast<uint16_t>(lex_->containers.size());
      lex_->containers.push_back(std::move(c));
      return Phrases(v["phrases"], "a container phrase", LexRole::kContainer, index);
    });
  }

  std::string_view file_;
  Lexicon* lex_;
  std::string* err_;
  int last_line_ = 1;
  std::vector<int> lines_;  // lines of the items of the last List()
  std::set<std::string> seen_phrases_;
  std::vector<std::string> written_;  // every word as the file writes it
  std::vector<std::string> joined_first_;  // first words of two-word spellings
};

}  // namespace

std::string_view LexAttributeName(LexAttribute a) {
  const size_t i = static_cast<size_t>(a);
  return i < kAttributeNames.size() ? kAttributeNames[i] : std::string_view("none");
}

bool LoadLexicon(std::string_view yaml_text, std::string_view file_name, Lexicon* out,
                 std::string* err) {
  *out = Lexicon();
  out->file_name = std::string(file_name);
  Loader loader(file_name, out, err);
  return loader.Load(yaml_text);
}

}  // namespace twitchcheck
