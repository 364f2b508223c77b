// The ConText engine: finds cue literals in one pass with a token trie, then gives every
// cue a scope (direction, maximum words, terminators) and checks whether the target is
// inside it. All knowledge of which words are cues lives in kb/context_rules.yaml.
#include "text/context.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "kb/embedded.h"

namespace twitchcheck {

struct ContextEngine::Impl {
  // A trie over token strings interned as ids; edges in one hash map keyed by
  // (node, word id). Node 0 is the root; terminal[node] indexes `groups` (the rules whose
  // literal ends here: one literal may carry several categories) or is -1.
  struct Trie {
    std::unordered_map<uint64_t, int> edges;
    std::vector<int> terminal{-1};

    void Add(const std::vector<int>& ids, int rule, std::vector<std::vector<int>>* groups) {
      int node = 0;
      for (int id : ids) {
        const uint64_t key = (static_cast<uint64_t>(node) << 32) | static_cast<uint32_t>(id);
        auto it = edges.find(key);
        if (it == edges.end()) {
          it = edges.emplace(key, static_cast<int>(terminal.size())).first;
          terminal.push_back(-1);
        }
        node = it->second;
      }
      if (terminal[node] < 0) {
        terminal[node] = static_cast<int>(groups->size());
        groups->emplace_back();
      }
      (*groups)[terminal[node]].push_back(rule);
    }
    // The root's edges as a table indexed by word id, since every token starts a walk
    // there: built by Finish() once every literal is added.
    std::vector<int> root;
    void Finish(size_t vocab_size) {
      root.assign(vocab_size, -1);
      for (const auto& [key, child] : edges)
        if ((key >> 32) == 0) root[static_cast<uint32_t>(key)] = child;
    }
    int Next(int node, int id) const {
      if (id < 0) return -1;
      if (node == 0) return static_cast<size_t>(id) < root.size() ? root[id] : -1;
      auto it = edges.find((static_cast<uint64_t>(node) << 32) | static_cast<uint32_t>(id));
      return it == edges.end() ? -1 : it->second;
    }
    bool empty() const { return edges.empty(); }
  };

  struct Match {
    int group;  // index into `groups`
    size_t first, last;  // token indices
  };

  std::vector<ContextRule> rules;
  std::vector<std::vector<int>> groups;  // rule indices sharing one literal
  std::vector<int> alone_rules;          // `when: target_alone` rules, not in the tries
  std::array<ContextCategorySettings, kContextCategoryCount> categories;
  // Per category: does a cue of category X end its scope? Indexed [scoped][cue category].
  std::array<std::array<bool, kContextCategoryCount>, kContextCategoryCount> ended_by{};
  std::unordered_map<std::string, int> vocab;
  Trie norm_trie, stem_trie;
  std::unordered_map<std::string, std::unordered_set<std::string>> classes;  // norms + stems
  // How far from a target a cue can matter, in words: the widest scope of any rule plus
  // the longest literal (a cue's own words) plus a margin for the left-to-right matching
  // to settle. Classifying looks no further, so each target costs the same however long
  // its sentence is.
  size_t reach = 0;
  size_t longest = 0;  // the most words of any literal
  // A run of punctuation counts no words; the window also stops after this many tokens.
  size_t reach_tokens = 0;

  // The target's window [lo, hi): its sentence, cut to `reach` words either side.
  // *alone: no word between the sentence's start or end and the target.
  void Window(const std::vector<Token>& tokens, size_t first, size_t last, size_t* lo,
              size_t* hi, bool* alone) const {
    const size_t s_first = tokens[first].sentence, s_last = tokens[last - 1].sentence;
    size_t a = first, words = 0, steps = 0;
    bool words_before = false;
    while (a > 0 && tokens[a - 1].sentence == s_first && words <= reach && steps < reach_tokens) {
      --a;
      ++steps;
      if (tokens[a].kind != TokenKind::kPunct) ++words, words_before = true;
    }
    const bool cut_before = a > 0 && tokens[a - 1].sentence == s_first;
    size_t b = last;
    words = steps = 0;
    bool words_after = false;
    while (b < tokens.size() && tokens[b].sentence == s_last && words <= reach &&
           steps < reach_tokens) {
      if (tokens[b].kind != TokenKind::kPunct) ++words, words_after = true;
      ++b;
      ++steps;
    }
    const bool cut_after = b < tokens.size() && tokens[b].sentence == s_last;
    *lo = a;
    *hi = b;
    *alone = !words_before && !words_after && !cut_before && !cut_after;
  }

  int Intern(const std::string& w) {
    auto [it, fresh] = vocab.emplace(w, static_cast<int>(vocab.size()));
    return it->second;
  }
  int Lookup(const std::string& w) const {
    auto it = vocab.find(w);
    return it == vocab.end() ? -1 : it->second;
  }

  // The longest cue that starts at token i and ends by `to`, if any.
  bool LongestAt(size_t i, size_t to, const std::vector<int>& norm_ids,
                 const std::vector<int>& stem_ids, size_t base, Match* out) const {
    int best_group = -1;
    size_t best_end = i;
    auto walk = [&](const Trie& trie, const std::vector<int>& ids) {
      int node = 0;
      for (size_t j = i; j < to; ++j) {
        node = trie.Next(node, ids[j - base]);
        if (node < 0) break;
        if (trie.terminal[node] >= 0 && j + 1 > best_end) {
          best_group = trie.terminal[node];
          best_end = j + 1;
        }
      }
    };
    walk(norm_trie, norm_ids);
    if (!stem_trie.empty()) walk(stem_trie, stem_ids);
    if (best_group < 0) return false;
    *out = {best_group, i, best_end};
    return true;
  }

  // Longest-match, non-overlapping cues in tokens[from, to).
  void FindMatches(const std::vector<Token>& tokens, size_t from, size_t to,
                   const std::vector<int>& norm_ids, const std::vector<int>& stem_ids,
                   size_t base, std::vector<Match>* out) const {
    size_t i = from;
    while (i < to) {
      Match m;
      if (LongestAt(i, to, norm_ids, stem_ids, base, &m)) {
        out->push_back(m);
        i = m.last;
      } else {
        ++i;
      }
    }
  }

  bool Ends(ContextCategory scoped, const Match& m) const {
    for (int i : groups[m.group]) {
      const ContextRule& r = rules[i];
      if (r.category == ContextCategory::kTerminate) {
        if (r.terminates.empty()) return true;
        for (ContextCategory c : r.terminates)
          if (c == scoped) return true;
      } else if (ended_by[static_cast<size_t>(scoped)][static_cast<size_t>(r.category)]) {
        return true;
      }
    }
    return false;
  }

  // Words (tokens that are not punctuation) in [from, to), both within the window whose
  // running counts `words` holds: words[i - lo] is the count in [lo, i).
  struct WordCounts {
    size_t lo;
    std::vector<uint32_t> before;
    size_t Between(size_t from, size_t to) const { return before[to - lo] - before[from - lo]; }
  };
  static WordCounts CountWords(const std::vector<Token>& tokens, size_t lo, size_t hi) {
    WordCounts w{lo, std::vector<uint32_t>(hi - lo + 1, 0)};
    for (size_t i = lo; i < hi; ++i) w.before[i - lo + 1] = w.before[i - lo] + (tokens[i].kind != TokenKind::kPunct);
    return w;
  }

  bool InClass(const std::string& cls, const std::vector<Token>& tokens, size_t from,
               size_t to) const {
    auto it = classes.find(cls);
    if (it == classes.end()) return false;
    for (size_t i = from; i < to; ++i) {
      if (it->second.count(tokens[i].norm) || it->second.count(Stem(tokens[i].norm))) return true;
    }
    return false;
  }

  // Does rule `r`, matched as matches[k], reach the target [first, last)?
  bool Reaches(const std::vector<Token>& tokens, const WordCounts& words, const std::vector<Match>& matches,
               size_t k, const ContextRule& r, size_t first, size_t last) const {
    const Match& m = matches[k];
    const size_t scope = static_cast<size_t>(
        r.max_scope > 0 ? r.max_scope : categories[static_cast<size_t>(r.category)].max_scope);
    const bool fwd = r.direction == ContextDirection::kForward ||
                     r.direction == ContextDirection::kBidirectional;
    const bool back = r.direction == ContextDirection::kBackward ||
                      r.direction == ContextDirection::kBidirectional;
    if (fwd && m.last <= first && words.Between(m.last, first) < scope) {
      bool ended = false;
      for (size_t j = k + 1; j < matches.size() && matches[j].first < first && !ended; ++j)
        ended = Ends(r.category, matches[j]);
      if (!ended && (r.target_class.empty() || InClass(r.target_class, tokens, first, last)))
        return true;
    }
    if (back && m.first >= last && words.Between(last, m.first) < scope) {
      bool ended = false;
      for (size_t j = k; j-- > 0 && matches[j].last > last && !ended;)
        ended = Ends(r.category, matches[j]);
      if (!ended && (r.target_class.empty() || InClass(r.target_class, tokens, first, last)))
        return true;
    }
    return false;
  }
};

ContextEngine::ContextEngine(const ContextRules& rules) : impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  im.rules = rules.rules;
  im.categories = rules.categories;
  for (size_t c = 0; c < kContextCategoryCount; ++c)
    for (ContextCategory by : rules.categories[c].terminated_by)
      im.ended_by[c][static_cast<size_t>(by)] = true;
  for (size_t i = 0; i < im.rules.size(); ++i) {
    if (im.rules[i].target_alone) {
      im.alone_rules.push_back(static_cast<int>(i));
      continue;
    }
    std::vector<int> ids;
    for (const std::string& t : im.rules[i].tokens) ids.push_back(im.Intern(t));
    (im.rules[i].match_stems ? im.stem_trie : im.norm_trie).Add(ids, static_cast<int>(i), &im.groups);
  }
  size_t widest = 0, longest = 0;
  for (const ContextCategorySettings& c : im.categories)
    widest = std::max(widest, static_cast<size_t>(std::max(c.max_scope, 0)));
  for (const ContextRule& r : im.rules) {
    widest = std::max(widest, static_cast<size_t>(std::max(r.max_scope, 0)));
    longest = std::max(longest, r.tokens.size());
  }
  im.reach = widest + 2 * longest + 4;
  im.longest = longest;
  im.reach_tokens = 4 * im.reach;
  im.norm_trie.Finish(im.vocab.size());
  im.stem_trie.Finish(im.vocab.size());
  for (const auto& [name, words] : rules.word_classes) {
    auto& set = im.classes[name];
    for (const std::string& w : words) {
      set.insert(w);
      set.insert(Stem(w));
    }
  }
}

ContextEngine::~ContextEngine() = default;

ContextResult ContextEngine::Classify(const std::vector<Token>& tokens, size_t target_first,
                                      size_t target_last) const {
  ContextResult result;
  if (target_first >= target_last || target_last > tokens.size()) return result;
  const Impl& im = *impl_;
  size_t lo, hi;
  bool alone;
  im.Window(tokens, target_first, target_last, &lo, &hi, &alone);

  std::vector<int> norm_ids(hi - lo), stem_ids;
  for (size_t i = lo; i < hi; ++i) norm_ids[i - lo] = im.Lookup(tokens[i].norm);
  if (!im.stem_trie.empty()) {
    stem_ids.resize(hi - lo);
    for (size_t i = lo; i < hi; ++i) stem_ids[i - lo] = im.Lookup(Stem(tokens[i].norm));
  }
  return ClassifyWindow(tokens, norm_ids, stem_ids, lo, lo, hi, target_first, target_last, alone);
}

std::pair<int, int> ContextEngine::IdsOf(const std::string& norm) const {
  const Impl& im = *impl_;
  return {im.Lookup(norm), im.stem_trie.empty() ? -1 : im.Lookup(Stem(norm))};
}

bool ContextEngine::UsesStems() const { return !impl_->stem_trie.empty(); }

bool ContextEngine::InWordClass(const std::string& cls, const std::string& norm) const {
  auto it = impl_->classes.find(cls);
  return it != impl_->classes.end() && (it->second.count(norm) || it->second.count(Stem(norm)));
}

std::vector<uint8_t> ContextEngine::ClauseBreaks(const std::vector<Token>& tokens,
                                                 const WordIds& ids, std::string_view text) const {
  const Impl& im = *impl_;
  std::vector<uint8_t> out(tokens.size(), 0);
  if (ids.norm.size() != tokens.size()) return out;
  std::vector<Impl::Match> matches;
  im.FindMatches(tokens, 0, tokens.size(), ids.norm, ids.stem, 0, &matches);
  for (const Impl::Match& m : matches) {
    for (int r : im.groups[m.group]) {
      const ContextRule& rule = im.rules[r];
      if (rule.category == ContextCategory::kTerminate && rule.terminates.empty()) {
        out[m.first] = 1;
        break;
      }
    }
  }
  // A comma between two words of a list of modifiers ("a very stiff, painful neck") joins
  // rather than breaks: 2 (context_rules.yaml word class `modifier_word`).
  auto cls = im.classes.find("modifier_word");
  if (cls != im.classes.end()) {
    auto in = [&](size_t t) {
      return tokens[t].kind != TokenKind::kPunct && (cls->second.count(tokens[t].norm) || cls->second.count(Stem(tokens[t].norm)));
    };
    for (size_t t = 1; t + 1 < tokens.size(); ++t)
      if (tokens[t].norm == "," && !out[t] && tokens[t - 1].sentence == tokens[t + 1].sentence && in(t - 1) && in(t + 1))
        out[t] = 2;
  }
  // So does a comma before a short comparison that describes what came before it ("my wee
  // is really dark, like coca-cola."): word class `comparison_after_comma`, then at most
  // kShortComparison words before punctuation. A longer one is a clause of its own ("...
  // gibberish, like my mouth wouldn't make the words").
  constexpr size_t kShortComparison = 3;
  auto like = im.classes.find("comparison_after_comma");
  if (like != im.classes.end())
    for (size_t t = 1; t + 1 < tokens.size(); ++t) {
      if (tokens[t].norm != "," || out[t] || tokens[t - 1].sentence != tokens[t + 1].sentence ||
          tokens[t - 1].kind == TokenKind::kPunct || !like->second.count(tokens[t + 1].norm))
        continue;
      size_t words = 0, k = t + 2;
      while (words <= kShortComparison && k < tokens.size() && tokens[k].sentence == tokens[t].sentence &&
             tokens[k].kind != TokenKind::kPunct && !out[k]) {
        ++words;
        ++k;
      }
      if (words <= kShortComparison) out[t] = 2;
    }
  // A comma before a pronoun that takes up the noun before it ("my calf, it's swollen",
  // "both legs, they won't hold me"): word class `resumptive_after_comma`.
  auto again = im.classes.find("resumptive_after_comma");
  if (again != im.classes.end())
    for (size_t t = 1; t + 2 < tokens.size(); ++t)
      if (tokens[t].norm == "," && !out[t] && tokens[t - 1].kind != TokenKind::kPunct &&
          tokens[t - 1].sentence == tokens[t + 2].sentence && again->second.count(tokens[t + 1].norm) &&
          tokens[t + 2].kind != TokenKind::kPunct)
        out[t] = 2;
  // A colon after a label that opens its sentence or its line ("Speech: weird since 10am",
  // "Left arm: no strength"), or a dash after one that opens its line ("chest - pressure"):
  // at most kLabelWords words before it. In a form, the label governs its line: commas up
  // to the line's end join ("headache: started on the last rep, went from zero to the worst
  // of my life"), and a labelled line is a clause of its own.
  constexpr size_t kLabelWords = 2;
  std::vector<uint8_t> line_start(tokens.size(), 0);
  for (size_t t = 0; t < tokens.size(); ++t)
    line_start[t] = t == 0 || (!text.empty() && tokens[t - 1].end <= tokens[t].begin && tokens[t].begin <= text.size() &&
                               text.substr(tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end).find('\n') !=
                                   std::string_view::npos);
  for (size_t t = 1, start = 0, words = 0; t + 1 < tokens.size(); ++t) {
    if (tokens[t].sentence != tokens[t - 1].sentence || line_start[t]) { start = t; words = 0; }
    if (tokens[t].kind != TokenKind::kPunct) { ++words; continue; }
    const bool sep = tokens[t].norm == ":" || (tokens[t].norm == "-" && line_start[start]);
    if (sep && !out[t] && words >= 1 && words <= kLabelWords && t > start &&
        tokens[t + 1].sentence == tokens[t].sentence && tokens[t + 1].kind != TokenKind::kPunct) {
      bool plain = true;  // the label is words only
      for (size_t k = start; k < t; ++k) plain = plain && tokens[k].kind != TokenKind::kPunct;
      if (!plain) continue;
      out[t] = 2;
      if (!line_start[start]) continue;
      for (size_t k = t + 1; k < tokens.size() && !line_start[k] && tokens[k].sentence == tokens[t].sentence; ++k)
        if (tokens[k].norm == "," && !out[k]) out[k] = 2;
      if (start > 0 && tokens[start].sentence == tokens[start - 1].sentence && !out[start]) out[start] = 1;
    }
  }
  // A sentence made only of an inability or a refusal ("Couldn't.", "Can't at all.") goes
  // on with the sentence before it, which said what was tried ("Tried to lift my arm.
  // Couldn't."): 3 at its first token. Word class `elliptic_answer`; it must hold a word
  // of `elliptic_not` too.
  auto ell = im.classes.find("elliptic_answer");
  auto ell_not = im.classes.find("elliptic_not");
  auto then = im.classes.find("elliptic_then");
  if (ell != im.classes.end() && ell_not != im.classes.end())
    // One pass, sentence by sentence (the first one only sets `prev_words`).
    for (size_t t = 0, prev_words = 0; t < tokens.size();) {
      size_t k = t, words = 0;
      bool all = true, neg = false;
      for (; k < tokens.size() && tokens[k].sentence == tokens[t].sentence; ++k) {
        if (tokens[k].kind == TokenKind::kPunct) continue;
        ++words;
        all = all && ell->second.count(tokens[k].norm);
        neg = neg || ell_not->second.count(tokens[k].norm);
      }
      if (t > 0) {
        if (all && neg && !out[t]) out[t] = 3;
        // So does a short sentence that takes the story on from "then" ("Left hand started
        // jerking. Then the wrist. Then up to the elbow."): word class `elliptic_then`, at
        // most kThenWords words.
        constexpr size_t kThenWords = 5;
        if (!out[t] && then != im.classes.end() && tokens[t].kind != TokenKind::kPunct &&
            then->second.count(tokens[t].norm) && words <= kThenWords)
          out[t] = 3;
        // And a run of fragments of at most two words each ("Calf. Hot. Swollen.") is one
        // clause.
        constexpr size_t kFragmentWords = 2;
        if (!out[t] && words >= 1 && words <= kFragmentWords && prev_words >= 1 && prev_words <= kFragmentWords)
          out[t] = 3;
      }
      prev_words = words;
      t = k;
    }
  return out;
}

ContextResult ContextEngine::Classify(const std::vector<Token>& tokens, const WordIds& ids,
                                      size_t target_first, size_t target_last) const {
  if (target_first >= target_last || target_last > tokens.size() || ids.norm.size() != tokens.size())
    return ContextResult();
  size_t lo, hi;
  bool alone;
  impl_->Window(tokens, target_first, target_last, &lo, &hi, &alone);
  return ClassifyWindow(tokens, ids.norm, ids.stem, 0, lo, hi, target_first, target_last, alone);
}

// Classifies with ids indexed from `base` (ids[i - base] is token i's).
ContextResult ContextEngine::ClassifyWindow(const std::vector<Token>& tokens,
                                            const std::vector<int>& norm_ids,
                                            const std::vector<int>& stem_ids, size_t base,
                                            size_t lo, size_t hi, size_t target_first,
                                            size_t target_last, bool alone) const {
  ContextResult result;
  const Impl& im = *impl_;
  // Cues inside the target are not its context, and cues do not straddle its edges, with
  // one exception below.
  std::vector<Impl::Match> matches;
  im.FindMatches(tokens, lo, target_first, norm_ids, stem_ids, base, &matches);
  // A cue that runs from before the target into its first words says whose it is or when
  // it was ("my friend had" + "had a seizure"): a longest literal starting in the few words
  // before the target and ending inside it. Only the experiencer and time categories may
  // straddle: a denial never does, because a sign may hold a negation word of its own
  // ("is not" + "not making sense").
  std::optional<Impl::Match> straddling;
  for (size_t i = target_first > lo + im.longest ? target_first - im.longest : lo;
       i < target_first && !straddling; ++i) {
    Impl::Match m;
    if (im.LongestAt(i, std::min(target_last, i + im.longest), norm_ids, stem_ids, base, &m) &&
        m.last > target_first)
      straddling = m;
  }
  im.FindMatches(tokens, target_last, hi, norm_ids, stem_ids, base, &matches);

  auto apply = [&](const ContextRule& r, size_t first, size_t last) {
    switch (r.category) {
      case ContextCategory::kNegated: result.negated = true; break;
      case ContextCategory::kPossible: result.possible = true; break;
      case ContextCategory::kHistorical: result.historical = true; break;
      case ContextCategory::kHypothetical: result.hypothetical = true; break;
      case ContextCategory::kFamily: result.family = true; [[fallthrough]];
      case ContextCategory::kOtherExperiencer: result.other_experiencer = true; break;
      default: break;
    }
    ContextCue cue;
    cue.category = r.category;
    cue.first = first;
    cue.last = last;
    cue.begin = tokens[first].begin;
    cue.end = tokens[last - 1].end;
    cue.literal = r.literal;
    result.cues.push_back(std::move(cue));
  };
  // Counted once for the window: a cue's reach is a count of words between it and the target.
  const Impl::WordCounts words = matches.empty() ? Impl::WordCounts{lo, {0}} : Impl::CountWords(tokens, lo, hi);
  for (size_t k = 0; k < matches.size(); ++k) {
    for (int rule : im.groups[matches[k].group]) {
      const ContextRule& r = im.rules[rule];
      if (r.category == ContextCategory::kPseudo || r.category == ContextCategory::kTerminate)
        continue;
      if (!im.Reaches(tokens, words, matches, k, r, target_first, target_last)) continue;
      apply(r, matches[k].first, matches[k].last);
    }
  }
  if (straddling) {
    // Nothing between it and the target can end its scope: it reaches into the target.
    const Impl::Match& m = *straddling;
    for (int rule : im.groups[m.group]) {
      const ContextRule& r = im.rules[rule];
      const bool kind = r.category == ContextCategory::kOtherExperiencer ||
                        r.category == ContextCategory::kFamily ||
                        r.category == ContextCategory::kHistorical ||
                        r.category == ContextCategory::kHypothetical;
      const bool fwd = r.direction == ContextDirection::kForward ||
                       r.direction == ContextDirection::kBidirectional;
      if (kind && fwd && (r.target_class.empty() ||
                          im.InClass(r.target_class, tokens, target_first, target_last)))
        apply(r, m.first, m.last);
    }
  }
  if (!im.alone_rules.empty() && alone) {
    for (int rule : im.alone_rules) {
      const ContextRule& r = im.rules[rule];
      if (r.target_class.empty() || im.InClass(r.target_class, tokens, target_first, target_last))
        apply(r, target_first, target_last);
    }
  }
  return result;
}

namespace {

// Where the target's tokens occur in the sentence's; see ClassifyTargetInSentence.
// Linear in the sentence and the target (Knuth-Morris-Pratt over interned words), so a
// long sentence with a long target costs no more than reading them.
// For each position of `text`, the length of the longest prefix of `pat` ending there.
std::vector<size_t> PrefixRuns(const std::vector<int>& pat, const std::vector<int>& text) {
  std::vector<size_t> fail(pat.size(), 0), out(text.size(), 0);
  for (size_t i = 1, k = 0; i < pat.size(); ++i) {
    while (k > 0 && pat[i] != pat[k]) k = fail[k - 1];
    if (pat[i] == pat[k]) ++k;
    fail[i] = k;
  }
  for (size_t j = 0, k = 0; j < text.size() && !pat.empty(); ++j) {
    while (k > 0 && (k == pat.size() || text[j] != pat[k])) k = fail[k - 1];
    if (text[j] == pat[k]) ++k;
    out[j] = k;
  }
  return out;
}

bool Locate(std::string_view sentence, const std::vector<Token>& s, std::string_view target,
            const std::vector<Token>& t, size_t* first, size_t* last) {
  std::unordered_map<std::string_view, int> ids;
  auto intern = [&](const std::vector<Token>& tokens) {
    std::vector<int> out;
    out.reserve(tokens.size());
    for (const Token& tok : tokens)
      out.push_back(ids.emplace(tok.norm, static_cast<int>(ids.size())).first->second);
    return out;
  };
  const std::vector<int> sid = intern(s), tid = intern(t);
  auto same_bytes = [&](size_t i) {
    for (size_t k = 0; k < t.size(); ++k) {
      if (sentence.substr(s[i + k].begin, s[i + k].end - s[i + k].begin) !=
          target.substr(t[k].begin, t[k].end - t[k].begin))
        return false;
    }
    return true;
  };
  auto capitals = [&](size_t i) {
    bool upper = false;
    for (size_t k = i; k < i + t.size(); ++k) {
      for (size_t b = s[k].begin; b < s[k].end; ++b) {
        const char c = sentence[b];
        if (c >= 'a' && c <= 'z') return false;
        upper |= c >= 'A' && c <= 'Z';
      }
    }
    return upper;
  };
  if (!t.empty() && t.size() <= s.size()) {
    const size_t none = s.size();
    size_t exact = none, caps = none, any = none;
    const std::vector<size_t> runs = PrefixRuns(tid, sid);
    for (size_t j = 0; j < runs.size(); ++j) {
      if (runs[j] != t.size()) continue;
      const size_t i = j + 1 - t.size();
      if (any == none) any = i;
      if (exact == none && same_bytes(i)) exact = i;
      if (capitals(i)) caps = i;
    }
    const size_t found = exact != none ? exact : caps != none ? caps : any;
    if (found < s.size()) {
      *first = found;
      *last = found + t.size();
      return true;
    }
  }
  // Best effort: the longest prefix, then the longest suffix, of the target (shorter than
  // the whole target or sentence), at its first place in the sentence.
  const size_t cap = std::min(t.size(), s.size());
  if (cap > 1) {
    const std::vector<int> pre(tid.begin(), tid.begin() + (cap - 1));
    const std::vector<size_t> runs = PrefixRuns(pre, sid);
    size_t best = 0, at = 0;
    for (size_t j = 0; j < runs.size(); ++j)
      if (runs[j] > best) best = runs[j], at = j + 1 - runs[j];
    std::vector<int> rev_t(tid.rbegin(), tid.rbegin() + (cap - 1)), rev_s(sid.rbegin(), sid.rend());
    const std::vector<size_t> back = PrefixRuns(rev_t, rev_s);
    size_t best_suffix = 0, suffix_at = 0;
    for (size_t j = 0; j < back.size(); ++j) {
      const size_t start = s.size() - 1 - j;  // where this occurrence begins in the sentence
      if (back[j] > best_suffix || (back[j] == best_suffix && back[j] > 0 && start < suffix_at))
        best_suffix = back[j], suffix_at = start;
    }
    if (best > 0 && best >= best_suffix) {
      *first = at;
      *last = at + best;
      return false;
    }
    if (best_suffix > 0) {
      *first = suffix_at;
      *last = suffix_at + best_suffix;
      return false;
    }
  }
  *first = 0;
  *last = s.size();
  return false;
}

}  // namespace

ContextLabels LabelsFor(const ContextResult& r) {
  ContextLabels l;
  l.negation = r.negated ? "negated" : "affirmed";
  l.temporality = r.hypothetical                 ? "hypothetical"
                  : r.historical || r.family ? "historical"
                                                 : "recent";
  l.experiencer = r.other_experiencer ? "other" : "patient";
  return l;
}

bool ClassifyTargetInSentence(const ContextEngine& engine, std::string_view sentence,
                              std::string_view target, ContextResult* out) {
  const std::vector<Token> s = Tokenize(sentence);
  const std::vector<Token> t = Tokenize(target);
  size_t first = 0, last = 0;
  const bool found = Locate(sentence, s, target, t, &first, &last);
  *out = engine.Classify(s, first, last);
  return found;
}

std::unique_ptr<ContextEngine> LoadContextEngine(const std::string& dir, std::string* err) {
  std::string text;
  std::string name = "kb/context_rules.yaml";
  if (dir.empty()) {
    bool found = false;
    for (const EmbeddedFile& f : EmbeddedKnowledgeFiles()) {
      if (f.name == "context_rules.yaml") {
        text = std::string(f.text);
        found = true;
      }
    }
    if (!found) {
      *err = "the built-in knowledge base has no context_rules.yaml";
      return nullptr;
    }
  } else {
    name = dir + "/context_rules.yaml";
    std::ifstream in(name, std::ios::binary);
    if (!in) {
      *err = name + ": cannot read the file";
      return nullptr;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  ContextRules rules;
  if (!LoadContextRules(text, name, &rules, err)) return nullptr;
  return std::make_unique<ContextEngine>(rules);
}

const ContextEngine& DefaultContextEngine() {
  static const ContextEngine* engine = [] {
    std::string err;
    std::unique_ptr<ContextEngine> e = LoadContextEngine("", &err);
    if (!e) {
      std::fprintf(stderr, "twitchcheck: built-in context rules are invalid: %s\n", err.c_str());
      std::abort();
    }
    return e.release();
  }();
  return *engine;
}

}  // namespace twitchcheck
