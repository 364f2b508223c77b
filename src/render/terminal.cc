#include "render/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <vector>

#include <fmt/format.h>

namespace twitchcheck {

bool StdoutWantsColor() {
  const char* term = std::getenv("TERM");
  const char* no_color = std::getenv("NO_COLOR");  // no-color.org: set and not empty
  return isatty(STDOUT_FILENO) && !(no_color && *no_color) && term && std::string(term) != "dumb";
}

int TerminalColumns() {
  if (const char* c = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long n = std::strtol(c, &end, 10);
    if (end != c && *end == '\0' && n >= 20 && n <= 1000) return static_cast<int>(n);
  }
  struct winsize ws {};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return std::max(20, static_cast<int>(ws.ws_col));
  return 80;
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

// Columns a UTF-8 string takes (one per code point: the report's text has no wide glyphs).
size_t Columns(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Bar(double p, int width) {
  const int full = static_cast<int>(std::lround(std::clamp(p, 0.0, 1.0) * width));
  std::string s;
  for (int i = 0; i < width; ++i) s += i < full ? "\u2588" : "\u2591";
  return s;
}

std::vector<std::string> WrapLines(std::string_view text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\n')) ++at;
    if (at >= text.size()) break;
    size_t end = at;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    const std::string_view word = text.substr(at, end - at);
    if (!line.empty() && Columns(line) + 1 + Columns(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    at = end;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

class Page {
 public:
  Page(const TerminalStyle& style) : paint_{style.color}, width_(std::max(20, style.width > 0 ? style.width : TerminalColumns())) {}
  void Text(std::string_view t, size_t indent = 0) { out_ += WrapText(t, std::string(indent, ' '), indent, width_); }
  void Item(std::string_view t, size_t indent = 2) {
    out_ += WrapText(t, std::string(indent, ' ') + "- ", indent + 2, width_);
  }
  void Heading(const std::string& h) { out_ += paint_(h, "1") + "\n"; }
  void Blank() { out_ += "\n"; }
  void Raw(const std::string& s) { out_ += s; }
  size_t width() const { return width_; }
  const Paint& paint() const { return paint_; }
  std::string str() const { return out_; }

 private:
  Paint paint_;
  size_t width_;
  std::string out_;
};

void Banner(Page* page, const DispositionReport& d) {
  std::string text = " " + d.headline + " ";
  if (d.level == TriageLevel::kEmergencyAmbulance || d.level == TriageLevel::kEmergency) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  const std::vector<std::string> lines = WrapLines(text, page->width());
  for (const std::string& l : lines) page->Raw(page->paint()(l, LevelColor(d.level)) + "\n");
}

void Causes(Page* page, const AssessReport& a, const std::vector<CauseView>& causes) {
  const size_t width = page->width();
  const int bar = width >= 70 ? 16 : 8;
  size_t longest_l = 0, longest_n = 0;
  for (const CauseView& v : causes) {
    longest_l = std::max(longest_l, Columns(v.likelihood));
    longest_n = std::max(longest_n, Columns(a.conditions[v.condition].info->name));
  }
  const size_t room = width > 2 + 2 + bar + 1 + longest_l ? width - (2 + 2 + bar + 1 + longest_l) : 8;
  const size_t name_w = std::max<size_t>(8, std::min(longest_n, room));
  for (const CauseView& v : causes) {
    const ConditionItem& c = a.conditions[v.condition];
    std::vector<std::string> name = WrapLines(c.info->name, name_w);
    for (size_t i = 0; i < name.size(); ++i) {
      std::string line = "  " + name[i];
      if (i == 0) {
        line += std::string(name_w - Columns(name[i]) + 2, ' ') + Bar(c.probability, bar) + " " + v.likelihood;
      }
      page->Raw(line + "\n");
    }
    std::string why;
    if (!v.why.empty()) {
      why = "because: ";
      for (size_t i = 0; i < v.why.size(); ++i) why += (i ? ", " : "") + v.why[i];
    }
    if (!v.against.empty()) {
      why += why.empty() ? "against: " : "; against: ";
      for (size_t i = 0; i < v.against.size(); ++i) why += (i ? ", " : "") + v.against[i];
    }
    if (!why.empty()) page->Text(why, 4);
  }
}

void Conflicts(Page* page, const AssessReport& a) {
  if (a.conflicts.empty()) return;
  page->Heading("Your answers and your words disagree");
  for (const ConflictItem& c : a.conflicts) {
    std::string line = fmt::format("{}: you answered \"{}\", but wrote \"{}\"; counted as {}", c.finding.name,
                                   EvidenceStatusName(c.given), c.text, EvidenceStatusName(c.used));
    if (c.emergency_sign) line += " (an emergency sign: the more urgent reading stands)";
    page->Item(line);
  }
  page->Blank();
}

void Sources(Page* page, const SourceList& sources) {
  if (sources.empty()) return;
  page->Heading("Sources");
  for (const SourceInfo* s : sources) page->Item(CiteSource(*s));
}

void Footer(Page* page, const AssessReport& a, const TerminalStyle& style) {
  page->Blank();
  page->Text(style.details ? a.disclaimer : a.disclaimer + " More: the same command with --details.");
}

void Emergency(Page* page, const AssessReport& a, const TerminalStyle& style) {
  const DispositionReport& d = a.disposition;
  Banner(page, d);
  page->Text(d.do_now);
  page->Blank();
  if (!d.signs.empty()) {
    page->Heading("The signs that set it");
    for (size_t i = 0; i < d.signs.size(); ++i) {
      std::string line = d.signs[i].said_as;
      if (!d.signs_said[i].empty() && d.signs_said[i] != line) line += " (\"" + d.signs_said[i] + "\")";
      page->Item(line);
    }
    if (!d.reasons.empty()) page->Text(d.reasons.front().text, 2);
    page->Blank();
  } else {
    page->Heading("Why");
    for (const TriageReasonItem& r : d.reasons) page->Item(r.text);
    page->Blank();
  }
  Conflicts(page, a);
  if (!d.tell.empty()) {
    page->Heading("Tell the call handler");
    for (const std::string& t : d.tell) page->Item(t);
    page->Blank();
  }
  if (!d.do_not.empty()) {
    page->Heading("Meanwhile");
    for (const std::string& t : d.do_not) page->Item(t);
    page->Blank();
  }
  if (!style.details) {
    SourceList shown = a.sources_shown;
    Sources(page, shown);
  }
}

void Details(Page* page, const AssessReport& a) {
  const DispositionReport& d = a.disposition;
  std::vector<const TriageReasonItem*> milder;
  for (const TriageReasonItem& r : a.triage.reasons)
    if (r.level != d.level) milder.push_back(&r);
  if (!milder.empty()) {
    page->Heading("Other reasons, for less urgent levels");
    for (const TriageReasonItem* r : milder) page->Item(r->text);
    page->Blank();
  }
  page->Heading("Causes considered");
  Causes(page, a, a.causes_details);
  page->Text(a.numbers_mean, 2);
  page->Blank();
  page->Heading("What counted");
  for (const std::string& l : a.understood_lines) page->Item(l);
  for (const EvidenceItem& e : a.evidence)
    if (e.origin == Origin::kImplied)
      page->Item(fmt::format("{} {} (follows from what you said)", e.status == EvidenceStatus::kAbsent ? "no" : "+", e.name));
  page->Blank();
  if (!a.advice.empty()) {
    page->Heading("Everything you can do");
    for (const AdviceInfo* item : a.advice) {
      page->Item(item->title + ": " + item->text);
      if (!item->foods.empty()) {
        std::string foods = "foods: ";
        for (size_t k = 0; k < item->foods.size(); ++k) foods += (k ? ", " : "") + item->foods[k];
        page->Text(foods, 4);
      }
    }
    page->Blank();
  }
  SourceList all = a.disposition.sources;
  for (const SourceInfo* s : a.safety_net_sources)
    if (std::find(all.begin(), all.end(), s) == all.end()) all.push_back(s);
  for (const SourceInfo* s : a.cited)
    if (std::find(all.begin(), all.end(), s) == all.end()) all.push_back(s);
  Sources(page, all);
  const Patient& patient = a.patient;
  if (patient.age || patient.sex) {
    page->Blank();
    page->Text(fmt::format("Assessed for: {}{}{}", patient.age ? std::to_string(*patient.age) + " years" : "",
                           patient.age && patient.sex ? ", " : "", patient.sex ? SexName(*patient.sex) : ""));
  }
  if (!a.exact) page->Text("Some findings were left out of the calculation to keep it fast; see --json.");
  page->Text("Knowledge base " + a.knowledge_version);
}

}  // namespace

std::string WrapText(std::string_view text, std::string_view first, size_t indent, size_t width) {
  const size_t lead = std::max(Columns(first), indent);
  const size_t room = width > lead + 8 ? width - lead : 8;
  std::string out;
  const std::vector<std::string> lines = WrapLines(text, room);
  for (size_t i = 0; i < lines.size(); ++i) {
    out += i == 0 ? std::string(first) + std::string(lead - Columns(first), ' ') : std::string(indent, ' ') + std::string(lead - indent, ' ');
    out += lines[i] + "\n";
  }
  return out;
}

std::string CiteSource(const SourceInfo& s) {
  std::string out = s.title;
  if (!out.empty() && out.back() != '.' && out.back() != '?' && out.back() != '!') out += ".";
  if (!s.publisher.empty() || !s.year.empty()) {
    out += " " + s.publisher;
    if (!s.year.empty()) out += (s.publisher.empty() ? "" : ", ") + s.year;
    out += ".";
  }
  if (!s.url.empty()) out += " " + s.url;
  return out;
}

std::string RenderNotUnderstood(const AssessReport& r, const TerminalStyle& style) {
  Page page(style);
  page.Raw(page.paint()(" Not understood ", "1;33") + "\n");
  page.Text(r.not_understood);
  page.Blank();
  page.Heading("Emergency signs");
  for (const FindingRef& f : r.emergency_signs) page.Item(f.name);
  page.Text(r.emergency_help);
  return page.str();
}

std::string RenderAssessment(const AssessReport& a, const TerminalStyle& style) {
  Page page(style);
  const DispositionReport& d = a.disposition;
  if (d.level == TriageLevel::kEmergencyAmbulance || d.level == TriageLevel::kEmergency) {
    Emergency(&page, a, style);
    if (style.details) {
      Details(&page, a);
    }
    Footer(&page, a, style);
    return page.str();
  }
  // 1. What to do, whom to see, how soon, and why: before anything else.
  Banner(&page, d);
  page.Text("Whom to see: " + d.see + (d.how_soon.empty() ? "" : "; how soon: " + d.how_soon), 0);
  if (d.reasons.empty() && d.level != TriageLevel::kSelfCare)
    page.Item("Nothing you said points to a cause that needs a doctor soon.", 0);
  for (const TriageReasonItem& r : d.reasons) page.Item(r.text, 0);
  page.Blank();
  Conflicts(&page, a);
  // 2. The causes the evidence moved.
  if (!style.details) {
    page.Heading("What is most likely");
    if (a.enough_information) {
      Causes(&page, a, a.causes);
      page.Text(a.numbers_mean, 2);
    } else {
      page.Text(a.not_enough_information, 2);
    }
    page.Blank();
    // 3. What was understood.
    if (!a.understood_lines.empty()) {
      page.Heading("What you told us");
      const size_t most = 6;
      for (size_t i = 0; i < a.understood_lines.size() && i < most; ++i) page.Item(a.understood_lines[i]);
      if (a.understood_lines.size() > most)
        page.Text(fmt::format("and {} more (--details)", a.understood_lines.size() - most), 2);
      page.Blank();
    }
  }
  // 4. What to do: the advice that fits the level, then the safety net.
  page.Heading("What you can do");
  for (const AdviceInfo* item : a.advice_shown)
    page.Item(style.details ? item->title + ": " + item->text : item->title);
  if (!a.safety_net.empty()) page.Item(a.safety_net);
  page.Blank();
  if (style.details) {
    Details(&page, a);
  } else {
    Sources(&page, a.sources_shown);
  }
  Footer(&page, a, style);
  return page.str();
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
