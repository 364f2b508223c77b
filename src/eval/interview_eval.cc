#include "eval/interview_eval.h"

#include <algorithm>
#include <fstream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/interview.h"
#include "text/reader.h"

namespace twitchcheck {

namespace {
// The opening words: the first sentence, as a person would start.
std::string FirstSentence(const std::string& text) {
  size_t end = text.find_first_of(".!?");
  return end == std::string::npos ? text : text.substr(0, end + 1);
}
}  // namespace

bool EvalInterviewFile(const Knowledge& kb, const std::string& path, std::ostream& out,
                       InterviewScores* s, std::string* err) {
  std::ifstream in(path);
  if (!in) {
    *err = "cannot read '" + path + "'";
    return false;
  }
  const TextReader* reader = ReaderFor(kb, err);
  if (!reader) return false;
  *s = InterviewScores{};
  std::vector<int> counts;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json c = nlohmann::json::parse(line, nullptr, false);
    if (c.is_discarded() || !c.is_object() || !c.contains("text") || !c["text"].is_string() ||
        !c.contains("triage") || !c["triage"].is_string()) {
      *err = fmt::format("{}:{}: not a vignette (needs at least text and triage)", path, line_no);
      return false;
    }
    const std::string text = c["text"].get<std::string>();
    Patient patient;
    if (c.contains("age") && c["age"].is_number_integer()) patient.age = c["age"].get<int>();
    if (c.contains("sex") && c["sex"].is_string()) patient.sex = c["sex"].get<std::string>();
    std::vector<std::string> primary;
    if (c.contains("primary") && c["primary"].is_array())
      for (const auto& p : c["primary"]) primary.push_back(p.get<std::string>());
    std::vector<std::string> ok;
    ok.push_back(c["triage"].get<std::string>());
    if (c.contains("triage_ok") && c["triage_ok"].is_array())
      for (const auto& t : c["triage_ok"]) ok.push_back(t.get<std::string>());

    // What the whole story says, after implications: the simulated person's answers.
    Reading full = reader->Read(text);
    Assessment whole = Assess(kb, full.evidence, patient);
    std::map<std::string, EvidenceStatus> truth;
    for (const Evidence& e : whole.evidence) truth[e.id] = e.status;

    Reading opening = reader->Read(FirstSentence(text));
    std::vector<Evidence> answers;
    InterviewStep step;
    for (;;) {
      std::vector<Evidence> all = answers;
      for (const Evidence& e : opening.evidence) all.push_back(e);
      step = NextInterviewStep(kb, all, patient, answers.size());
      if (!step.question) break;
      Evidence a;
      a.id = kb.findings[step.question->finding].id;
      a.origin = "answer";
      auto it = truth.find(a.id);
      a.status = it == truth.end() ? EvidenceStatus::kUnknown
                 : it->second == EvidenceStatus::kPossible ? EvidenceStatus::kPresent
                                                           : it->second;
      answers.push_back(a);
    }
    ++s->cases;
    counts.push_back(static_cast<int>(answers.size()));
    auto top3 = [&](const Assessment& a) {
      for (size_t i = 0; i < a.conditions.size() && i < 3; ++i)
        if (std::count(primary.begin(), primary.end(), kb.conditions[a.conditions[i].condition].id)) return true;
      return false;
    };
    auto triage_hit = [&](const Assessment& a) {
      return std::count(ok.begin(), ok.end(), std::string(TriageName(a.triage.level))) > 0;
    };
    if (!primary.empty()) {
      ++s->scored;
      s->top3_interview += top3(step.assessment);
      s->top3_full += top3(whole);
    }
    s->triage_interview += triage_hit(step.assessment);
    s->triage_full += triage_hit(whole);
    if ((!primary.empty() && !top3(step.assessment)) || !triage_hit(step.assessment))
      out << fmt::format("miss {}: {} questions, got {} / {}\n", c.contains("id") ? c["id"].dump() : std::to_string(line_no),
                         answers.size(), kb.conditions[step.assessment.conditions[0].condition].id,
                         TriageName(step.assessment.triage.level));
  }
  std::sort(counts.begin(), counts.end());
  if (!counts.empty()) {
    size_t n = counts.size();
    s->median_questions = n % 2 ? counts[n / 2] : (counts[n / 2 - 1] + counts[n / 2]) / 2.0;
    s->max_questions = counts.back();
  }
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 100.0; };
  out << fmt::format("{} cases; questions: median {:.1f}, max {}\n", s->cases, s->median_questions, s->max_questions);
  out << fmt::format("top-3: interview {:.1f} %, full narrative {:.1f} %\n", pct(s->top3_interview, s->scored),
                     pct(s->top3_full, s->scored));
  out << fmt::format("triage: interview {:.1f} %, full narrative {:.1f} %\n", pct(s->triage_interview, s->cases),
                     pct(s->triage_full, s->cases));
  return true;
}

}  // namespace twitchcheck
