#include "text/matcher.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "text/lexicon.h"

namespace twitchcheck {

namespace {
bool PartAt(const std::vector<int>& keys, const std::vector<Token>& tokens, size_t at,
            const std::vector<int>& part, size_t sentence) {
  if (at + part.size() > keys.size()) return false;
  for (size_t k = 0; k < part.size(); ++k)
    if (keys[at + k] != part[k] || tokens[at + k].sentence != sentence) return false;
  return true;
}
}  // namespace


std::string PhraseMatcher::Key(const std::string& norm) const {
  if (lex_) return Stem(lex_->Correct(norm));
  return Stem(norm);
}

// The same few thousand words recur across some fourteen thousand phrases and the
// concepts' word lists.
int PhraseMatcher::StemIdWhileBuilding(const std::string& norm,
                                       std::unordered_map<std::string, int>* ids) {
  auto seen = ids->find(norm);
  if (seen != ids->end()) return seen->second;
  auto [it, fresh] = stem_id_.emplace(Key(norm), static_cast<int>(stem_id_.size()));
  ids->emplace(norm, it->second);
  return it->second;
}

PhraseMatcher::PhraseMatcher(const Knowledge& kb, const Lexicon* lex) : lex_(lex) {
  std::unordered_map<std::string, int> ids;
  for (size_t f = 0; f < kb.findings.size(); ++f) {
    for (const std::string& text : kb.findings[f].phrases) {
      Phrase p{static_cast<int>(f), text, {}};
      // Parts are separated by "..."; each part is tokenised like any text.
      size_t start = 0;
      while (start <= text.size()) {
        size_t dots = text.find("...", start);
        std::string part = text.substr(start, dots == std::string::npos ? std::string::npos : dots - start);
        std::vector<int> stems;
        for (const Token& t : Tokenize(part)) {
          if (t.kind == TokenKind::kPunct && t.norm != "'") continue;
          stems.push_back(StemIdWhileBuilding(t.norm, &ids));
        }
        if (!stems.empty()) p.parts.push_back(std::move(stems));
        if (dots == std::string::npos) break;
        start = dots + 3;
      }
      if (p.parts.empty()) continue;
      int node = 0;
      for (int stem : p.parts[0]) {
        int child = Child(node, stem);
        if (child < 0) {
          child = static_cast<int>(trie_.size());
          auto& next = trie_[node].next;
          next.insert(std::lower_bound(next.begin(), next.end(), std::make_pair(stem, 0)), {stem, child});
          trie_.emplace_back();
        }
        node = child;
      }
      if (p.parts.size() > kMaxPhraseParts) continue;  // the loader rejects these
      const int index = static_cast<int>(phrases_.size());
      if (p.parts.size() == 1) {
        trie_[node].whole.push_back(index);
      } else {
        p.next_bit = WindowBit(p.parts[1][0]);
        trie_[node].first_parts.push_back(index);
      }
      phrases_.push_back(std::move(p));
    }
  }
  AddCombos(kb, &ids);
  std::vector<int> skip_ids;
  if (lex_)
    for (const LexWord& w : lex_->words)
      if (w.single_cue[static_cast<size_t>(LexCue::kPhraseSkip)])
        skip_ids.push_back(stem_id_.emplace(w.key, static_cast<int>(stem_id_.size())).first->second);
  skip_.assign(stem_id_.size(), 0);
  for (int id : skip_ids) skip_[id] = 1;
  root_child_.assign(stem_id_.size(), -1);
  for (const auto& [stem, child] : trie_[0].next) root_child_[stem] = child;
}

void PhraseMatcher::AddCombos(const Knowledge& kb, std::unordered_map<std::string, int>* ids) {
  std::unordered_map<std::string, int> concept_id;
  for (size_t f = 0; f < kb.findings.size(); ++f) {
    const Finding& finding = kb.findings[f];
    for (const std::vector<std::string>& names : finding.combos) {
      Combo c{static_cast<int>(f), static_cast<int>(phrases_.size()), {}};
      std::string text;
      for (const std::string& name : names) {
        text += (text.empty() ? "{" : " + {") + name + "}";
        auto known = lex_ ? lex_->concepts.find(name) : decltype(lex_->concepts.end()){};
        if (!lex_ || known == lex_->concepts.end()) {
          if (error_.empty())
            error_ = finding.file + ":" + std::to_string(finding.line) + ": finding '" + finding.id +
                     "': unknown concept '" + name + "' (define it under concepts: in lexicon.yaml)";
          continue;
        }
        auto [it, fresh] = concept_id.emplace(name, static_cast<int>(concept_id.size()));
        if (fresh) {
          for (const std::string& entry : known->second) {
            ConceptWords w{it->second, {}};
            for (const Token& t : Tokenize(entry)) {
              // ("+" stays: a pregnancy written "34+2" is told by it.)
              if (t.kind == TokenKind::kPunct && t.norm != "'" && t.norm != "+") continue;
              w.stems.push_back(StemIdWhileBuilding(t.norm, ids));
            }
            if (w.stems.empty()) continue;
            concept_words_by_first_[w.stems[0]].push_back(static_cast<int>(concept_words_.size()));
            concept_words_.push_back(std::move(w));
          }
        }
        if (std::find(c.concepts.begin(), c.concepts.end(), it->second) == c.concepts.end())
          c.concepts.push_back(it->second);
      }
      if (c.concepts.empty()) continue;
      phrases_.push_back({c.finding, text, {}});
      combos_.push_back(std::move(c));
    }
  }
  combos_by_concept_.assign(concept_id.size(), {});
  for (size_t k = 0; k < combos_.size(); ++k)
    for (int c : combos_[k].concepts) combos_by_concept_[c].push_back(static_cast<int>(k));
}

// One pass: each concept remembers where it was last seen (clause, word number, tokens);
// a concept seen completes every combo whose other concepts were seen in the same clause
// within kComboSpan words. Clauses end at sentence ends, at , ; and :, and at `breaks`
// ("no droop at all, my face looks normal" names no drooping face).
void PhraseMatcher::MatchCombos(const std::vector<Token>& tokens, const std::vector<int>& keys,
                                const std::vector<uint8_t>& breaks,
                                std::vector<PhraseMatch>* out) const {
  if (combos_.empty()) return;
  struct Seen {
    size_t clause = SIZE_MAX, word = 0, first = 0, last = 0;
  };
  std::vector<Seen> seen(combos_by_concept_.size());
  const bool use_breaks = breaks.size() == tokens.size();
  size_t clause = 0, word = 0;
  PhraseMatch m;
  for (size_t i = 0; i < tokens.size(); ++i) {
    // (A comma that joins two modifiers, breaks == 2, does not end the clause.)
    // (Nor does a colon after a label, breaks == 2, nor the start of an elliptic sentence
    // that goes on with the one before it, breaks == 3.)
    const bool joined_before = use_breaks && breaks[i - (i > 0)] == 2;
    if (i > 0 && ((tokens[i].sentence != tokens[i - 1].sentence && !(use_breaks && breaks[i] == 3)) ||
                  (use_breaks && breaks[i] == 1) || tokens[i - 1].norm == ";" ||
                  ((tokens[i - 1].norm == ":" || tokens[i - 1].norm == ",") && !joined_before)))
      ++clause;
    if (tokens[i].kind != TokenKind::kPunct) ++word;
    if (keys[i] < 0) continue;
    auto cands = concept_words_by_first_.find(keys[i]);
    if (cands == concept_words_by_first_.end()) continue;
    for (int wi : cands->second) {
      const ConceptWords& w = concept_words_[wi];
      if (!PartAt(keys, tokens, i, w.stems, tokens[i].sentence)) continue;
      seen[w.id] = {clause, word, i, i + w.stems.size()};
      for (int ci : combos_by_concept_[w.id]) {
        const Combo& c = combos_[ci];
        bool all = true;
        for (int other : c.concepts) {
          const Seen& s = seen[other];
          if (s.clause != clause || word - s.word >= kComboSpan) { all = false; break; }
        }
        if (!all) continue;
        std::array<MatchParts::Range, kMaxPhraseParts> ranges{};
        size_t count = 0;
        for (int other : c.concepts) {
          if (count == ranges.size()) break;  // the loader allows kMaxPhraseParts concepts
          const MatchParts::Range r{seen[other].first, seen[other].last};
          if (std::find(ranges.begin(), ranges.begin() + count, r) == ranges.begin() + count)
            ranges[count++] = r;
        }
        // At most kMaxPhraseParts ranges: an insertion sort.
        for (size_t k = 1; k < count; ++k)
          for (size_t j = k; j > 0 && ranges[j] < ranges[j - 1]; --j) std::swap(ranges[j], ranges[j - 1]);
        // Overlapping words of two concepts ("hold up" and "up") are one part.
        size_t merged = 0;
        for (size_t k = 0; k < count; ++k) {
          if (merged > 0 && ranges[k].first < ranges[merged - 1].second)
            ranges[merged - 1].second = std::max(ranges[merged - 1].second, ranges[k].second);
          else
            ranges[merged++] = ranges[k];
        }
        m.finding = c.finding;
        m.phrase = c.phrase;
        m.parts.clear();
        for (size_t k = 0; k < merged; ++k) m.parts.push_back(ranges[k]);
        m.first = ranges[0].first;
        m.last = ranges[merged - 1].second;
        out->push_back(m);
      }
    }
  }
}

int PhraseMatcher::Child(int node, int stem) const {
  if (node == 0 && !root_child_.empty())  // built after construction
    return static_cast<size_t>(stem) < root_child_.size() ? root_child_[stem] : -1;
  const auto& next = trie_[node].next;
  auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(stem, 0));
  return it != next.end() && it->first == stem ? it->second : -1;
}

int PhraseMatcher::KeyOf(const std::string& norm) const {
  if (norm.empty()) return -1;
  auto it = stem_id_.find(Key(norm));
  if (it != stem_id_.end()) return it->second;
  // A dropped g ("makin sense", "breathin funny"): an unknown word of five letters or more
  // ending in "in" is read as its "-ing" form when phrases use that.
  if (norm.size() >= 5 && norm.compare(norm.size() - 2, 2, "in") == 0) {
    it = stem_id_.find(Key(norm + "g"));
    if (it != stem_id_.end()) return it->second;
  }
  return -1;
}

std::vector<PhraseMatch> PhraseMatcher::Match(const std::vector<Token>& tokens,
                                              const std::vector<int>& keys,
                                              const std::vector<uint8_t>& breaks) const {
  const bool use_breaks = breaks.size() == tokens.size();
  const size_t n = tokens.size();
  // Window(j): WindowBit of every stem that can start a later part whose previous part
  // ends at j: tokens j .. j + kMaxGap of j's sentence, the gap not crossing punctuation.
  // Most phrases with parts fail this one-instruction test. Computed when first asked.
  std::vector<uint64_t> window(n + 1, 0);
  std::vector<uint8_t> window_known(n + 1, 0);
  auto window_at = [&](size_t j) {
    if (window_known[j]) return window[j];
    uint64_t bits = j < n && keys[j] >= 0 ? WindowBit(keys[j]) : 0;
    for (size_t at = j + 1; at < n && at <= j + kMaxGap; ++at) {
      if (tokens[at].sentence != tokens[j].sentence || tokens[at - 1].kind == TokenKind::kPunct) break;
      if (keys[at] >= 0) bits |= WindowBit(keys[at]);
    }
    window_known[j] = 1;
    return window[j] = bits;
  };

  std::vector<PhraseMatch> out;
  out.reserve(64);
  PhraseMatch m;
  for (size_t i = 0; i < n; ++i) {
    const size_t sentence = tokens[i].sentence;
    bool skipped = false;  // the previous token was a phrase_skip word passed over
    for (size_t j = i, node = 0; j < n && keys[j] >= 0 && tokens[j].sentence == sentence; ++j) {
      const int child = Child(static_cast<int>(node), keys[j]);
      if (child < 0) {
        // One skip word at a time, never first: "can't really feel", not "really" alone.
        if (j > i && !skipped && skip_[static_cast<size_t>(keys[j])]) { skipped = true; continue; }
        break;
      }
      skipped = false;
      node = static_cast<size_t>(child);
      const TrieNode& t = trie_[node];
      for (int pi : t.whole) {
        m.finding = phrases_[pi].finding;
        m.phrase = pi;
        m.first = i;
        m.last = j + 1;
        m.parts.clear();
        m.parts.push_back({i, j + 1});
        out.push_back(m);
      }
      if (j + 1 >= n || t.first_parts.empty()) continue;
      const uint64_t next_bits = window_at(j + 1);
      for (int pi : t.first_parts) {
        const Phrase& p = phrases_[pi];
        if (!(next_bits & p.next_bit)) continue;
        // Most candidates fail on a later part: build the match only once it holds.
        m.parts.clear();
        m.parts.push_back({i, j + 1});
        size_t last = j + 1;
        bool ok = true;
        for (size_t part = 1; part < p.parts.size() && ok; ++part) {
          ok = false;
          for (size_t gap = 0; gap <= kMaxGap; ++gap) {
            size_t at = last + gap;
            if (at >= n || tokens[at].sentence != sentence) break;
            // A gap spans words only: "bit pale, and my tongue" is not "bit ... tongue";
            // nor does it cross into another clause ("no tingling and my hand").
            if (gap > 0 && (tokens[at - 1].kind == TokenKind::kPunct || (use_breaks && breaks[at - 1])))
              break;
            if (PartAt(keys, tokens, at, p.parts[part], sentence)) {
              m.parts.push_back({at, at + p.parts[part].size()});
              last = at + p.parts[part].size();
              ok = true;
              break;
            }
          }
        }
        if (!ok) continue;
        m.finding = p.finding;
        m.phrase = pi;
        m.first = i;
        m.last = last;
        out.push_back(m);
      }
    }
  }
  MatchCombos(tokens, keys, breaks, &out);
  // For one finding, keep the longest of overlapping matches. Sorting indices keeps the
  // matches themselves from being moved about; ties keep the order found.
  std::vector<uint32_t> order(out.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const PhraseMatch& a = out[x];
    const PhraseMatch& b = out[y];
    if (a.finding != b.finding) return a.finding < b.finding;
    if (a.first != b.first) return a.first < b.first;
    if (a.last != b.last) return a.last > b.last;
    return x < y;
  });
  size_t kept = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    if (kept > 0) {
      const PhraseMatch& prev = out[order[kept - 1]];
      const PhraseMatch& m = out[order[k]];
      if (prev.finding == m.finding && m.first < prev.last) continue;
    }
    order[kept++] = order[k];
  }
  order.resize(kept);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const PhraseMatch& a = out[x];
    const PhraseMatch& b = out[y];
    if (a.first != b.first) return a.first < b.first;
    if (a.finding != b.finding) return a.finding < b.finding;
    return x < y;
  });
  std::vector<PhraseMatch> result;
  result.reserve(order.size());
  for (uint32_t k : order) result.push_back(out[k]);
  return result;
}

}  // namespace twitchcheck
