#include "render/terminal.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

namespace twitchcheck {

bool StdoutWantsColor() {
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR") && term && std::string(term) != "dumb";
}

namespace {

struct Paint {
  bool on;
  std::string operator()(const std::string& s, const char* code) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, s) : s;
  }
};

const char* LevelColor(TriageLevel l) {
  switch (l) {
    case TriageLevel::kEmergencyAmbulance:
    case TriageLevel::kEmergency: return "1;41;97";
    case TriageLevel::kConsultation24: return "1;31";
    case TriageLevel::kConsultation: return "1;33";
    case TriageLevel::kSelfCare: return "1;32";
  }
  return "1";
}

std::string Bar(double p, int width = 20) {
  int full = static_cast<int>(std::lround(p * width));
  std::string s;
  for (int i = 0; i < width; ++i) s += i < full ? "\u2588" : "\u2591";
  return s;
}

std::string Wrap(const std::string& text, size_t indent, size_t width = 88) {
  std::string out, line;
  size_t start = 0;
  const std::string pad(indent, ' ');
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    if (!line.empty() && indent + line.size() + 1 + word.size() > width) {
      out += pad + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) out += pad + line + "\n";
  return out;
}

}  // namespace

std::string RenderNotUnderstood(const AssessReport& r, const TerminalStyle& style) {
  Paint paint{style.color};
  std::string out = paint(" Not understood ", "1;33") + "\n";
  out += Wrap(r.not_understood, 0);
  out += "\n";
  out += paint("Emergency signs", "1") + "\n";
  for (const FindingRef& f : r.emergency_signs) out += Wrap("- " + f.name, 2);
  out += Wrap(r.emergency_help, 0);
  return out;
}

std::string RenderAssessment(const AssessReport& a, const TerminalStyle& style) {
  Paint paint{style.color};
  std::string out;
  // Pointers into one array (ReportTexts::sources): their order is the knowledge base's.
  std::set<const SourceInfo*> cited;

  // 1. Triage: what to do and how soon, before anything else.
  out += paint(fmt::format(" {} ", a.triage.action), LevelColor(a.triage.level));
  if (!a.triage.specialist.empty())
    out += fmt::format("  Whom to see: {}", a.triage.specialist);
  out += "\n";
  for (const TriageReasonItem& r : a.triage.reasons) {
    out += Wrap("- " + r.text, 2);
    cited.insert(r.sources.begin(), r.sources.end());
  }
  if (a.triage.reasons.empty())
    out += Wrap("- Nothing you reported points to a condition that needs a doctor soon.", 2);
  out += "\n";

  // 2. Likely causes.
  out += paint("Most likely behind it", "1") + " (several causes can act together)\n";
  int shown = 0;
  for (const ConditionItem& c : a.conditions) {
    if (shown >= style.max_conditions || (shown >= 3 && c.probability < 0.05)) break;
    ++shown;
    out += fmt::format("  {:<40} {} {:>3.0f} %\n", c.info->name, Bar(c.probability), 100 * c.probability);
    // Reasons that at least multiply the odds by 1.5; the generic ones say little.
    std::string why;
    for (size_t i = 0, shown_why = 0; i < c.supporting.size() && shown_why < 4; ++i) {
      if (c.supporting[i].weight < std::log(1.5)) break;
      why += (shown_why++ ? ", " : "") + c.supporting[i].finding->name;
    }
    if (!why.empty()) out += Wrap("because: " + why, 6);
    std::string against;
    for (size_t i = 0; i < c.conflicting.size() && i < 3; ++i)
      against += (i ? ", " : "") + std::string("no ") + c.conflicting[i].finding->name;
    if (!against.empty()) out += Wrap("against: " + against, 6);
    cited.insert(c.info->sources.begin(), c.info->sources.end());
  }
  out += "\n";

  // 3. What was understood.
  if (!a.evidence.empty()) {
    out += paint("What counted", "1") + "\n";
    for (const EvidenceItem& e : a.evidence) {
      if (e.origin == Origin::kImplied) continue;
      std::string said = e.text.empty() ? "" : fmt::format(" (\"{}\")", e.text);
      out += Wrap(fmt::format("{} {}{}", e.status == EvidenceStatus::kAbsent ? "no " : (e.status == EvidenceStatus::kPossible ? "maybe " : "+ "),
                              e.name, said), 2);
    }
    for (const SetAsideItem& s : a.set_aside)
      out += Wrap(fmt::format("~ {} — not counted: {}", s.name, s.why), 2);
    out += "\n";
  }

  // 4. What to do.
  if (!a.advice.empty()) {
    out += paint("What you can do", "1") + "\n";
    // The most relevant items and the always-shown safety net; --json lists them all.
    int listed = 0;
    for (const AdviceInfo* item : a.advice) {
      const AdviceInfo& adv = *item;
      if (!adv.always && listed >= style.max_advice) continue;
      if (!adv.always) ++listed;
      out += Wrap("* " + adv.title + ": " + adv.text, 2);
      if (!adv.foods.empty()) {
        std::string foods;
        for (size_t k = 0; k < adv.foods.size(); ++k) foods += (k ? ", " : "") + adv.foods[k];
        out += Wrap("foods: " + foods, 4);
      }
      cited.insert(adv.sources.begin(), adv.sources.end());
    }
    out += "\n";
  }

  // 5. Sources, in the knowledge base's order.
  out += paint("Sources", "1") + "\n";
  for (const SourceInfo* s : cited) {
    const SourceInfo& src = *s;
    out += Wrap(fmt::format("[{}] {}{}", src.id, src.title, src.file.empty() ? "" : " (" + src.file + ")"), 2);
  }
  out += "\n";
  const Patient& patient = a.patient;
  if (patient.age || patient.sex)
    out += fmt::format("Assessed for: {}{}{}\n", patient.age ? std::to_string(*patient.age) + " years" : "",
                       patient.age && patient.sex ? ", " : "", patient.sex ? SexName(*patient.sex) : "");
  out += Wrap(a.disclaimer, 0);
  out += fmt::format("Knowledge base {}\n", a.knowledge_version);
  return out;
}

std::string RenderReading(std::string_view text, const ReadingReport& r, const TerminalStyle& style) {
  Paint paint{style.color};
  // Mark every evidence span in the text: [words]{finding}.
  struct Mark {
    size_t begin, end;
    std::string label;
  };
  std::vector<Mark> marks;
  for (const EvidenceItem& e : r.evidence) {
    if (e.origin == Origin::kImplied) continue;
    for (const Span& s : e.spans)
      marks.push_back({s.begin, s.end, std::string(e.status == EvidenceStatus::kAbsent ? "-" : (e.status == EvidenceStatus::kPossible ? "?" : "+")) + e.id});
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::string out;
  size_t at = 0;
  for (const Mark& m : marks) {
    if (m.begin < at || m.end > text.size()) continue;  // overlapping: the first one shows
    out += std::string(text.substr(at, m.begin - at));
    out += paint("[" + std::string(text.substr(m.begin, m.end - m.begin)) + "]", "1;36");
    out += paint("{" + m.label + "}", "2");
    at = m.end;
  }
  out += std::string(text.substr(std::min(at, text.size()))) + "\n\n";
  out += paint("Evidence", "1") + "\n";
  for (const EvidenceItem& e : r.evidence)
    out += fmt::format("  {:<9} {:<32} {}\n", EvidenceStatusName(e.status), e.id,
                       e.origin == Origin::kImplied ? "(implied)" : e.name);
  for (const SetAsideItem& s : r.set_aside) out += fmt::format("  {:<9} {:<32} {}\n", "set aside", s.id, s.why);
  if (!r.attributes.empty()) {
    out += "\n" + paint("Attributes", "1") + "\n";
    for (const AttributeItem& m : r.attributes)
      out += fmt::format("  {:<12} {:<24} \"{}\"\n", m.kind, m.value,
                         std::string(text.substr(m.span.begin, m.span.end - m.span.begin)));
  }
  if (r.patient.age || r.patient.sex)
    out += fmt::format("\nAbout: {}{}\n", r.patient.age ? std::to_string(*r.patient.age) + " years " : "",
                       r.patient.sex ? SexName(*r.patient.sex) : "");
  return out;
}

}  // namespace twitchcheck
