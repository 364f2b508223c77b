// The phrase vocabularies of lexicon.yaml `mentions` (site, side, onset, frequency, time
// of day, progression) and where a twitch spread to.
#include <algorithm>

#include "text/attributes_internal.h"
#include "text/context.h"

namespace twitchcheck::attr {

// A side word that needs a site ("left", "both") counts next to one ("left eye", "both
// sides") or after a preposition ("on the left").
bool Reader::SideAnchored(size_t first, size_t end) const {
  for (size_t k = end, skipped = 0; k < p_.size() && Same(first, k) && skipped <= 2; ++k) {
    const LexWord* w = W(k);
    if (w && w->side_noun) return true;
    if (Match(k, LexRole::kMention, site_kind_, nullptr)) return true;
    if (!IsCue(k, LexCue::kFiller) && !IsCue(k, LexCue::kOf)) break;  // "both of my eyes"
    ++skipped;
  }
  size_t k = first;
  if (k > 0 && Same(k - 1, k) && IsCue(k - 1, LexCue::kFiller)) --k;
  return k > 0 && Same(k - 1, k) && IsCue(k - 1, LexCue::kSidePrep);
}

void Reader::ReadVocabulary() {
  constexpr uint32_t kVocabRoles =
      (1u << static_cast<unsigned>(LexRole::kMention)) | (1u << static_cast<unsigned>(LexRole::kSpreadTo)) |
      (1u << static_cast<unsigned>(LexRole::kSpreadOrigin)) |
      (1u << static_cast<unsigned>(LexRole::kSpreadThen));
  for (size_t i = 0; i < p_.size(); ++i) {
    const LexWord* w = W(i);
    if (used_[i] || p_[i].punct || !w || !(w->role_mask & kVocabRoles)) continue;
    const LexPhrase* ph = nullptr;
    if (size_t e = Match(i, LexRole::kSpreadTo, -1, nullptr, true)) {
      spread_to_.emplace_back(i, e);
      Use(i, e);
      i = e - 1;
      continue;
    }
    if (size_t e = Match(i, LexRole::kMention, -1, &ph, true)) {
      bool ok = true;
      if (ph->needs_site) ok = SideAnchored(i, e);
      if (ph->needs_owner) ok = i > 0 && Same(i - 1, i) && IsCue(i - 1, LexCue::kFiller);
      if (ok) {
        AddMention(lex_.mention_kinds[ph->index], ph->value, i, e);
        // Filler words inside stay free: "left" in "lower left eyelid" is a side too.
        for (size_t k = i; k < e; ++k)
          if (k == i || !IsCue(k, LexCue::kFiller)) used_[k] = 1;
        continue;
      }
    }
    if (size_t e = Match(i, LexRole::kSpreadOrigin, -1, nullptr, true)) spread_origin_.emplace_back(i, e);
    else if (size_t e2 = Match(i, LexRole::kSpreadThen, -1, nullptr, true)) spread_then_.emplace_back(i, e2);
  }
}

void Reader::ResolveSpread() {
  if (spread_to_.empty() && spread_origin_.empty()) return;
  const std::string site = site_kind_ >= 0 ? lex_.mention_kinds[site_kind_] : std::string();
  // The first site mention starting at or after byte `from`, within `max_pieces`.
  auto site_after = [&](size_t piece_end, size_t max_pieces) -> const AttributeMention* {
    if (piece_end >= p_.size()) return nullptr;
    const size_t limit = std::min(p_.size(), piece_end + max_pieces) - 1;
    for (const AttributeMention& m : out_.mentions)
      if (m.kind == site && m.begin >= p_[piece_end].begin && m.begin <= p_[limit].begin &&
          m.sentence == p_[piece_end].sentence)
        return &m;
    return nullptr;
  };
  struct Found {
    AttributeMention m;
    size_t first, last;  // pieces of the cue, for the context engine
  };
  std::vector<Found> found;
  for (auto [a, e] : spread_to_) {
    const AttributeMention* s = site_after(e, 6);
    AttributeMention m;
    m.kind = "spread";
    m.value = s ? s->value : "unspecified";
    m.begin = p_[a].begin;
    m.end = s ? s->end : p_[e - 1].end;
    m.sentence = p_[a].sentence;
    found.push_back({m, a, e});
  }
  // "started in my eye and now my cheek": origin site, then a different site after "now".
  for (auto [a, e] : spread_origin_) {
    const AttributeMention* from = site_after(e, 4);
    if (!from) continue;
    for (auto [ta, te] : spread_then_) {
      if (ta < e || p_[ta].sentence > p_[a].sentence + 1) continue;
      const AttributeMention* to = site_after(te, 4);
      if (!to || to->value == from->value) continue;
      AttributeMention m;
      m.kind = "spread";
      m.value = to->value;
      m.begin = p_[ta].begin;
      m.end = to->end;
      m.sentence = p_[ta].sentence;
      found.push_back({m, ta, te});
      break;
    }
  }
  for (auto& [m, first, last] : found) {
    m.end = std::max(m.begin, m.end);
    // "it doesn't spread", "if it spreads": recognised, not reported.
    if (ctx_) {
      const ContextResult r = Context(first, last);
      if (r.negated || r.hypothetical || r.other_experiencer) m.asserted = false;
    }
    out_.mentions.push_back(std::move(m));
  }
}

}  // namespace twitchcheck::attr
