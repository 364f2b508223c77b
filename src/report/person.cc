// The report as a person reads it: the disposition, the reasons for that level only, the
// causes the evidence moved, the evidence in plain words, the advice that fits the level,
// and what a short report cites. Every choice of how much to show is policy in meta.yaml
// (`report`, `dispositions`, `specialists`, `routing`, `emergency_steps`; docs/report.md).
#include "report/person.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include <fmt/format.h>

namespace twitchcheck {
namespace {

bool IsEmergency(TriageLevel l) { return l == TriageLevel::kEmergencyAmbulance || l == TriageLevel::kEmergency; }

int SeriousnessRank(const std::string& s) {
  if (s == "benign") return 0;
  if (s == "moderate") return 1;
  if (s == "serious") return 2;
  if (s == "critical") return 3;
  return 0;
}

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || (c & 0x80); }

// Words that leave a quote hanging when it ends on them ("exams all" -> "exams all week").
bool Dangling(std::string_view w) {
  static const char* const kWords[] = {"all", "a", "an", "the", "my", "of", "to", "in", "on", "at", "for",
                                       "very", "so", "too", "and", "or", "with", "is", "am", "are", "been"};
  std::string lw(w);
  for (char& c : lw) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* k) { return lw == k; });
}

}  // namespace

std::string QuoteOf(std::string_view text, Span span) {
  if (span.begin >= span.end || span.end > text.size()) return "";
  size_t b = span.begin, e = span.end;
  while (b > 0 && IsWordChar(text[b - 1])) --b;  // whole words only
  while (e < text.size() && IsWordChar(text[e])) ++e;
  // A quote that ends on a word that needs the next one takes it ("exams all week").
  for (int extra = 0; extra < 2; ++extra) {
    size_t ws = e;
    while (ws > b && IsWordChar(text[ws - 1])) --ws;
    if (!Dangling(text.substr(ws, e - ws))) break;
    size_t n = e;
    while (n < text.size() && text[n] == ' ') ++n;
    if (n == e || n >= text.size() || !IsWordChar(text[n])) break;
    e = n;
    while (e < text.size() && IsWordChar(text[e])) ++e;
  }
  std::string q(text.substr(b, e - b));
  for (char& c : q)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return q;
}

std::string FormatLikelihood(const ReportPolicy& p, double probability, bool* numeric) {
  *numeric = probability >= p.number_min_probability;
  if (*numeric) {
    if (probability > p.number_max) return fmt::format("over {:.0f} %", 100 * p.number_max);
    const int step = std::max(1, p.number_step);
    const int pct = static_cast<int>(std::lround(100 * probability / step)) * step;
    return fmt::format("about {} %", pct);
  }
  for (const auto& [min, word] : p.likelihood_words)
    if (probability >= min) return word;
  return "less likely";
}

std::string DurationWords(double days) {
  auto unit = [](long n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); };
  if (days < 14) return unit(std::lround(days), "day", "days");
  if (days < 61) return unit(std::lround(days / 7), "week", "weeks");
  if (days < 365) return unit(std::lround(days / 30.4), "month", "months");
  return unit(std::lround(days / 365.25), "year", "years");
}

namespace {

// "5 days" / "21 days" (the reader's normalised duration) -> days; -1 when not a duration.
double DaysOf(const std::string& value) {
  char* end = nullptr;
  const double n = std::strtod(value.c_str(), &end);
  if (end == value.c_str()) return -1;
  std::string unit(end);
  while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  if (unit.rfind("day", 0) == 0) return n;
  if (unit.rfind("week", 0) == 0) return 7 * n;
  if (unit.rfind("month", 0) == 0) return 30.4 * n;
  if (unit.rfind("year", 0) == 0) return 365.25 * n;
  if (unit.rfind("hour", 0) == 0) return n / 24;
  return -1;
}

bool IsDuration(const Knowledge& kb, const std::string& id) {
  const int f = kb.FindingIndex(id);
  return f >= 0 && kb.findings[f].from_attribute && kb.findings[f].from_attribute->attribute == "duration_days";
}

bool Inside(const std::vector<Span>& inner, const std::vector<Span>& outer) {
  if (inner.empty()) return false;
  return std::all_of(inner.begin(), inner.end(), [&](const Span& s) {
    return std::any_of(outer.begin(), outer.end(), [&](const Span& o) {
      return o.begin <= s.begin && s.end <= o.end && (o.end - o.begin) > (s.end - s.begin);
    });
  });
}

std::string Capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// Whom to see at a non-emergency level (meta.yaml routing).
std::string Route(const Knowledge& kb, const AssessReport& r, const std::vector<const TriageReasonItem*>& reasons) {
  const RoutingPolicy& rp = kb.routing;
  if (r.triage.level == TriageLevel::kSelfCare) return rp.self_care;
  std::vector<std::string> candidates;
  auto direct = [&](const std::string& s) { return std::find(rp.direct.begin(), rp.direct.end(), s) != rp.direct.end(); };
  for (const TriageReasonItem* reason : reasons) {
    std::string route = rp.first_contact;
    if (auto f = kb.red_flag_index.find(reason->rule); f != kb.red_flag_index.end()) {
      const std::string& sp = kb.red_flags[f->second].specialist;
      const bool named = std::find(rp.specialist_flags.begin(), rp.specialist_flags.end(), f->second) != rp.specialist_flags.end();
      if (!sp.empty() && (direct(sp) || named)) route = sp;
    } else if (auto c = kb.condition_index.find(reason->rule); c != kb.condition_index.end()) {
      const Condition& cond = kb.conditions[c->second];
      double p = 0;
      for (const ConditionItem& item : r.conditions)
        if (item.info->id == cond.id) p = item.probability;
      if (direct(cond.specialist) ||
          (p >= rp.specialist_min_probability && SeriousnessRank(cond.seriousness) >= SeriousnessRank(rp.specialist_min_seriousness)))
        route = cond.specialist;
    }
    candidates.push_back(route);
  }
  if (candidates.empty()) return rp.first_contact.empty() ? r.triage.specialist : rp.first_contact;
  for (const std::string& p : rp.prefer)
    if (std::find(candidates.begin(), candidates.end(), p) != candidates.end()) return p;
  return candidates.front();
}

std::string SpecialistWords(const Knowledge& kb, const std::string& id) {
  auto it = kb.specialist_names.find(id);
  if (it != kb.specialist_names.end()) return it->second;
  std::string s = id;  // a knowledge base without `specialists`: at least no underscores
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

const EvidenceItem* EvidenceFor(const AssessReport& r, const std::string& id) {
  for (const EvidenceItem& e : r.evidence)
    if (e.id == id) return &e;
  return nullptr;
}

// "eyelid twitching", "no weakness", "maybe numbness": one fact, with the person's words.
std::string FactLine(const Knowledge& kb, const EvidenceItem& e, std::string_view text) {
  const int f = kb.FindingIndex(e.id);
  const std::string said = f >= 0 && !kb.findings[f].said_as.empty() ? kb.findings[f].said_as : [&] {
    std::string s = e.name;
    if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) && std::islower(static_cast<unsigned char>(s[1])))
      s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
  }();
  std::string quote;
  if (!e.spans.empty() && !text.empty()) quote = QuoteOf(text, e.spans.front());
  else if (!e.text.empty()) quote = e.text;
  std::string lead;
  switch (e.status) {
    case EvidenceStatus::kAbsent: return "no " + said + (e.origin == Origin::kInput || e.origin == Origin::kAnswer ? " (your answer)" : "");
    case EvidenceStatus::kPossible: lead = "maybe "; break;
    case EvidenceStatus::kUnknown: return said + ": not known";
    case EvidenceStatus::kPresent: break;
  }
  std::string line = lead + said;
  if (e.origin == Origin::kInput || e.origin == Origin::kAnswer) line += " (your answer)";
  else if (e.origin == Origin::kDiary) line += " (from your diary)";
  else if (e.origin == Origin::kAge) line += " (from the age given)";
  else if (!quote.empty()) {
    std::string lq = quote, ls = said;
    for (char& c : lq) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lq != ls) line += " (\"" + quote + "\")";
  }
  return line;
}

std::string SaidAs(const Knowledge& kb, const FindingRef& f) {
  const int i = kb.FindingIndex(f.id);
  if (i >= 0 && !kb.findings[i].said_as.empty()) return kb.findings[i].said_as;
  return f.said_as;
}

CauseView View(const Knowledge& kb, const ReportPolicy& p, const AssessReport& r, size_t i) {
  const ConditionItem& c = r.conditions[i];
  CauseView v;
  v.condition = i;
  auto odds = [](double x) { x = std::clamp(x, 1e-9, 1 - 1e-9); return x / (1 - x); };
  v.odds_ratio = odds(c.probability) / odds(c.prior);
  v.moved = v.odds_ratio >= p.cause_min_odds_ratio;
  v.likelihood = FormatLikelihood(p, c.probability, &v.numeric);
  std::set<std::string> said;
  for (const ContributionItem& s : c.supporting) {
    if (static_cast<int>(v.why.size()) >= p.reasons_per_cause || s.weight < p.reason_min_weight) break;
    std::string w = SaidAs(kb, *s.finding);
    if (s.status == EvidenceStatus::kPossible) w = "maybe " + w;
    if (said.insert(w).second) v.why.push_back(w);
  }
  for (const ContributionItem& s : c.conflicting) {
    if (static_cast<int>(v.against.size()) >= p.reasons_per_cause || -s.weight < p.reason_min_weight) break;
    if (IsDuration(kb, s.finding->id) && s.status == EvidenceStatus::kAbsent) continue;  // said once, as a duration
    v.against.push_back((s.status == EvidenceStatus::kAbsent ? "no " : "") + SaidAs(kb, *s.finding));
  }
  return v;
}

}  // namespace

void BuildPersonView(const Knowledge& kb, std::string_view text, AssessReport* out) {
  AssessReport& r = *out;
  const ReportPolicy& p = kb.report;
  const ReportTexts& t = *r.texts;
  const TriageLevel level = r.triage.level;
  const int li = static_cast<int>(level);
  std::vector<const SourceInfo*> shown;
  auto cite = [&](const SourceList& list) {
    for (const SourceInfo* s : list)
      if (std::find(shown.begin(), shown.end(), s) == shown.end()) shown.push_back(s);
  };
  auto sources = [&](const std::vector<int>& ids) {
    SourceList list;
    for (int s : ids)
      if (s >= 0) list.push_back(&t.sources[s]);
    return list;
  };

  // 1. The disposition: this level's reasons only.
  DispositionReport& d = r.disposition;
  d.level = level;
  d.headline = kb.disposition[li].headline.empty() ? std::string(TriageAction(level)) : kb.disposition[li].headline;
  d.how_soon = kb.disposition[li].how_soon;
  std::vector<const TriageReasonItem*> at_level;
  for (const TriageReasonItem& reason : r.triage.reasons)
    if (reason.level == level) at_level.push_back(&reason);
  for (const TriageReasonItem* reason : at_level) {
    TriageReasonItem item = *reason;
    if (auto c = kb.condition_index.find(reason->rule); c != kb.condition_index.end() && reason->findings.empty()) {
      for (const ConditionItem& ci : r.conditions)
        if (ci.info->id == reason->rule) {
          bool numeric = false;
          const std::string l = FormatLikelihood(p, ci.probability, &numeric);
          std::string word = "possible";
          for (const auto& [min, w] : p.likelihood_words)
            if (ci.probability >= min) { word = w; break; }
          item.text = numeric ? fmt::format("{}: {} ({}).", ci.info->name, word, l)
                              : fmt::format("{}: {}.", ci.info->name, l);
        }
    }
    d.reasons.push_back(std::move(item));
  }
  if (IsEmergency(level)) {
    const EmergencySteps& st = kb.emergency_steps[li];
    d.do_now = st.do_now.empty() ? d.headline + "." : st.do_now;
    d.tell = st.tell;
    d.do_not = st.do_not;
    d.sources = sources(st.sources);
    d.see_id = r.triage.specialist.empty() ? "emergency" : r.triage.specialist;
    std::set<std::string> seen;
    for (const TriageReasonItem* reason : at_level)
      for (const std::string& id : reason->findings) {
        const int f = kb.FindingIndex(id);
        if (f < 0 || !seen.insert(id).second) continue;
        d.signs.push_back(t.findings[f]);
        const EvidenceItem* e = EvidenceFor(r, id);
        std::string said;
        if (e && !e->spans.empty() && !text.empty()) said = QuoteOf(text, e->spans.front());
        else if (e && (e->origin == Origin::kInput || e->origin == Origin::kAnswer)) said = "your answer";
        d.signs_said.push_back(said);
      }
    cite(d.sources);
  } else {
    d.see_id = Route(kb, r, at_level);
  }
  d.see = SpecialistWords(kb, d.see_id);
  for (const TriageReasonItem& reason : d.reasons) cite(reason.sources);

  // 2. The causes the evidence moved.
  for (size_t i = 0; i < r.conditions.size(); ++i) {
    CauseView v = View(kb, p, r, i);
    if (static_cast<int>(r.causes_details.size()) < p.causes_max_details) r.causes_details.push_back(v);
    if (v.moved && r.conditions[i].probability >= p.cause_min_probability && static_cast<int>(r.causes.size()) < p.causes_max)
      r.causes.push_back(std::move(v));
  }
  r.enough_information = !r.causes.empty();
  r.not_enough_information = p.not_enough_information;
  r.numbers_mean = p.numbers_mean;
  if (!IsEmergency(level))
    for (const CauseView& v : r.causes) cite(r.conditions[v.condition].info->sources);

  // 3. The evidence as understood: one fact a line, a duration once, nothing said twice.
  bool duration_said = false;
  std::vector<const EvidenceItem*> shown_facts;
  for (const EvidenceItem& e : r.evidence) {
    if (e.origin == Origin::kImplied || e.status == EvidenceStatus::kUnknown) continue;
    const int f = kb.FindingIndex(e.id);
    const std::string* from = f >= 0 && kb.findings[f].from_attribute ? &kb.findings[f].from_attribute->attribute : nullptr;
    const bool is_duration = from && *from == "duration_days";  // IsDuration, with the lookup done once
    // A number outside a range ("no four or more drinks a day") says nothing to read.
    if (from && e.status == EvidenceStatus::kAbsent && !is_duration) continue;
    // The shortest duration stated is already in the durations' line.
    if (from && e.origin == Origin::kAttribute && *from == "shortest_duration_days") continue;
    if (is_duration) {
      if (duration_said) continue;
      duration_said = true;
      double days = -1;
      for (const AttributeItem& a : r.attributes)
        if (a.kind == "duration" && !e.spans.empty() && a.span.begin == e.spans.front().begin) days = DaysOf(a.value);
      if (days < 0)
        for (const AttributeItem& a : r.attributes)
          if (a.kind == "duration") days = std::max(days, DaysOf(a.value));
      std::string line = days >= 0 ? "for about " + DurationWords(days) : FactLine(kb, e, text);
      if (days >= 0 && !e.spans.empty() && !text.empty()) line += " (\"" + QuoteOf(text, e.spans.front()) + "\")";
      r.understood_lines.push_back(line);
      continue;
    }
    bool covered = false;
    if (e.status != EvidenceStatus::kAbsent)
      for (const EvidenceItem& o : r.evidence)
        if (&o != &e && o.origin != Origin::kImplied && o.status != EvidenceStatus::kAbsent && Inside(e.spans, o.spans)) {
          // Said inside a more precise phrase that implies it ("twitching" in "eyelid twitching").
          const int of = kb.FindingIndex(o.id), ef = kb.FindingIndex(e.id);
          // A one-word match that is the longer phrase's last word (its head: "twitching" in
          // "eyelid has been twitching") says nothing new either.
          const bool one_word = e.text.find(' ') == std::string::npos && o.text.size() > e.text.size() &&
                                o.text.compare(o.text.size() - e.text.size(), e.text.size(), e.text) == 0;
          if (of >= 0 && ef >= 0 &&
              (one_word || std::find(kb.findings[of].implies.begin(), kb.findings[of].implies.end(), ef) !=
                               kb.findings[of].implies.end()))
            covered = true;
        }
    if (covered) continue;
    r.understood_lines.push_back(FactLine(kb, e, text));
  }
  for (const SetAsideItem& s : r.set_aside) {
    const std::string why = s.why == "someone else" ? "about someone else" : s.why;
    std::string name = s.name;
    if (name.size() > 1 && std::isupper(static_cast<unsigned char>(name[0])) && std::islower(static_cast<unsigned char>(name[1])))
      name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    r.understood_lines.push_back(fmt::format("not counted, {}: {}", why, name));
  }

  // 4. Advice that fits the level; the safety net in short.
  if (!IsEmergency(level)) {
    const std::vector<std::string>& kinds = p.advice_kinds[li];
    for (const AdviceInfo* a : r.advice) {
      if (a->always || static_cast<int>(r.advice_shown.size()) >= p.advice_max) continue;
      if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), a->kind) == kinds.end()) continue;
      r.advice_shown.push_back(a);
      cite(a->sources);
    }
    r.safety_net = p.safety_net;
    r.safety_net_sources = sources(p.safety_net_sources);
    cite(r.safety_net_sources);
  }
  r.conflict_note = p.conflict_note;
  for (const SourceInfo* s : shown)
    if (static_cast<int>(r.sources_shown.size()) < p.sources_max) r.sources_shown.push_back(s);
  (void)Capitalised;
}

}  // namespace twitchcheck
