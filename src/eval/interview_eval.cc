#include "eval/interview_eval.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "eval/vignettes.h"

namespace twitchcheck {

namespace {
// The first `n` sentences of a story: how much of it the simulated person has said.
std::string Sentences(const std::string& text, int n) {
  size_t end = 0;
  for (int i = 0; i < n; ++i) {
    end = text.find_first_of(".!?", end);
    if (end == std::string::npos) return text;
    ++end;
  }
  return text.substr(0, end);
}
}  // namespace

bool EvalInterviewFile(const Engine& engine, const std::string& path, std::ostream& out,
                       InterviewScores* s, std::string* err) {
  std::vector<Vignette> cases;
  if (!ReadVignettes(path, &cases, err)) return false;
  if (cases.empty()) {
    *err = "'" + path + "' holds no case";
    return false;
  }
  *s = InterviewScores{};
  std::vector<int> counts;
  for (const Vignette& v : cases) {
    const std::string& text = v.text;
    const std::vector<std::string>& primary = v.primary;
    std::vector<std::string> ok;
    for (TriageLevel l : v.accepted) ok.push_back(std::string(TriageName(l)));
    // What the whole story says, after implications: the simulated person's answers.
    AssessRequest full;
    full.patient = v.patient;
    full.text = text;
    AssessReport whole;
    if (Status st = engine.Assess(full, &whole); !st.ok()) {
      *err = v.id + ": " + st.message();
      return false;
    }
    std::map<std::string, EvidenceStatus> truth;
    for (const EvidenceItem& e : whole.evidence) truth[e.id] = e.status;

    // The person opens with one sentence; asked to describe it, they say the next one.
    InterviewRequest request;
    request.patient = v.patient;
    request.text = Sentences(text, 1);
    InterviewStepReport step;
    int questions = 0;  // the emergency screen counts as one question
    for (;;) {
      if (Status st = engine.NextStep(request, &step); !st.ok()) {
        *err = v.id + ": " + st.message();
        return false;
      }
      if (!step.question) break;
      if (step.question->type == QuestionReport::Type::kFreeText) {
        // Asked to describe it: the next sentence of the story (a second time, the one after).
        request.text = Sentences(text, request.described ? 3 : 2);
        request.described = std::min(request.described + 1, 2);
        ++s->described;
        continue;
      }
      ++questions;
      // One finding, or each item of the emergency screen: answered from the whole story.
      for (const FindingRef& f : step.question->items) {
        Evidence a;
        a.id = f.id;
        a.origin = Origin::kAnswer;
        auto it = truth.find(a.id);
        a.status = it == truth.end() ? EvidenceStatus::kUnknown
                   : it->second == EvidenceStatus::kPossible ? EvidenceStatus::kPresent
                                                             : it->second;
        request.answers.push_back(a);
      }
    }
    ++s->cases;
    counts.push_back(questions);
    auto top3 = [&](const AssessReport& a) {
      for (size_t i = 0; i < a.conditions.size() && i < 3; ++i)
        if (std::count(primary.begin(), primary.end(), a.conditions[i].info->id)) return true;
      return false;
    };
    auto triage_hit = [&](const AssessReport& a) {
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
      out << fmt::format("miss {}: {} questions, got {} / {}\n", v.id,
                         questions, step.assessment.conditions.empty() ? "-" : step.assessment.conditions[0].info->id,
                         TriageName(step.assessment.triage.level));
  }
  std::sort(counts.begin(), counts.end());
  if (!counts.empty()) {
    size_t n = counts.size();
    s->median_questions = n % 2 ? counts[n / 2] : (counts[n / 2 - 1] + counts[n / 2]) / 2.0;
    s->max_questions = counts.back();
  }
  auto pct = [](int a, int b) { return b ? 100.0 * a / b : 100.0; };
  out << fmt::format("{} cases; questions: median {:.1f}, max {}; asked to describe: {}\n", s->cases,
                     s->median_questions, s->max_questions, s->described);
  out << fmt::format("top-3: interview {:.1f} %, full narrative {:.1f} %\n", pct(s->top3_interview, s->scored),
                     pct(s->top3_full, s->scored));
  out << fmt::format("triage: interview {:.1f} %, full narrative {:.1f} %\n", pct(s->triage_interview, s->cases),
                     pct(s->triage_full, s->cases));
  return true;
}

}  // namespace twitchcheck
