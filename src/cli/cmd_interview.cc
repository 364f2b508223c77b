// `twitchcheck interview`: interactive in a terminal, or one stateless step over JSON.
// Every word the interactive interview says is the knowledge base's (meta.yaml interview).
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include "cli/commands.h"
#include "cli/input.h"
#include "core/bounded_read.h"
#include "render/terminal.h"
#include "twitchcheck/engine.h"
#include "twitchcheck/json.h"

namespace twitchcheck {

namespace {

const char kUsage[] =
    "usage: twitchcheck interview            (interactive, in a terminal)\n"
    "       twitchcheck interview --json     (one step: JSON on stdin, JSON on stdout)\n\n"
    "Interactive: describe it in your own words, then answer each question with y or n\n"
    "(also yes/no, 1/2, any case). Enter means \"don't know\"; \"back\" changes your last\n"
    "answer; \"?\" says why a question is asked; age and sex can be skipped with Enter.\n"
    "End of input (Ctrl-D) shows what is known so far and exits 1. An emergency in what\n"
    "you wrote is said at once, before any question.\n\n"
    "--json reads {\"age\": N, \"sex\": \"female\"|\"male\", \"text\": \"...\" (optional),\n"
    "\"evidence\": [{\"id\": ID, \"status\": \"present\"|\"absent\"|\"unknown\"}],\n"
    "\"described\": true|false or how many times asked (optional)} and writes the next\n"
    "question (or null), whether to\n"
    "stop, the likely causes and the triage so far. A question with id \"describe\" asks for\n"
    "free text: add the reply to \"text\" and send \"described\": true with the next step.\n"
    "A \"group_multiple\" question lists items: answer each as its own evidence entry.\n\n"
    "Limits: the request at most 2 MiB, its text at most 1 MiB, at most 1,000 evidence items,\n"
    "JSON nested at most 16 deep. A request past a limit is refused (exit 1); a malformed one\n"
    "exits 2.\n";

int JsonStep(const Engine& engine) {
  std::string body, err;
  // Bounded while reading; a request past a limit is bad data (exit 1), a malformed one
  // bad usage (exit 2).
  if (!ReadStreamBounded(stdin, kMaxRequestBytes, "the request on stdin", &body, &err)) {
    std::fprintf(stderr, "twitchcheck interview: %s\n", err.c_str());
    return 1;
  }
  InterviewRequest request;
  if (Status s = ParseInterviewRequest(body, &request); !s.ok()) {
    std::fprintf(stderr, "twitchcheck interview: %s\n", s.message().c_str());
    return s.code() == Status::Code::kLimit ? 1 : 2;
  }
  InterviewStepReport step;
  if (Status s = engine.NextStep(request, &step); !s.ok()) {
    std::fprintf(stderr, "twitchcheck interview: %s\n", s.message().c_str());
    return 2;
  }
  std::cout << InterviewStepJson(step, engine.version()) << "\n";
  return 0;
}

// The interactive interview: one conversation on stdin/stdout.
class Conversation {
 public:
  explicit Conversation(const Engine& engine) : engine_(engine), words_(engine.interview_wording()) {}

  int Run();

 private:
  enum class Reply { kAnswer, kBack, kEnd };

  // The text for `key` with its {placeholders} filled.
  std::string Say(const std::string& key, const std::map<std::string, std::string>& values = {}) const;
  bool Ask(const std::string& prompt, std::string* line);
  bool Step();  // engine_.NextStep on request_ into step_; false (after a message) on error
  void SayEmergencyOnce();
  bool Describe();
  Reply AskAge();
  Reply AskSex();
  Reply AskAgeAndSex();
  // A yes/no/don't-know answer for `item`; kBack when the person typed "back".
  Reply AskYesNo(const std::string& prompt, const QuestionReport& q, EvidenceStatus* status);
  std::string Why(const QuestionReport& q) const;
  int Interrupted();
  int Finish();

  const Engine& engine_;
  const InterviewWording& words_;
  InterviewRequest request_;
  InterviewStepReport step_;
  bool stepped_ = false;          // step_ holds an assessment of what was said
  bool emergency_said_ = false;
  std::map<std::string, std::string> who_;  // {subject}, {object}, {their}: whom it is about
  std::vector<std::string> asked_of_;       // per answer: the question it answered, as asked
  std::vector<std::string> question_ids_;   // per answer: that question's id (a group: one)
};

std::string Conversation::Say(const std::string& key, const std::map<std::string, std::string>& values) const {
  std::string s = words_.Text(key);
  if (s.empty()) s = "[" + key + "]";  // a knowledge base without interview texts
  auto fill = [&](const std::map<std::string, std::string>& m) {
    for (const auto& [name, value] : m)
      for (size_t at; (at = s.find("{" + name + "}")) != std::string::npos;) s.replace(at, name.size() + 2, value);
  };
  fill(values);
  fill(who_);
  return s;
}

bool Conversation::Ask(const std::string& prompt, std::string* line) {
  std::cout << prompt << std::flush;
  const LineStatus st = ReadLineBounded(stdin, kMaxTextBytes, line);
  if (st == LineStatus::kEnd) return false;
  if (st == LineStatus::kTooLong)
    std::fprintf(stderr, "twitchcheck: that answer is longer than 1 MiB; only its first 1 MiB is read\n");
  while (!line->empty() && (line->back() == '\r' || line->back() == ' ')) line->pop_back();
  return true;
}

bool Conversation::Step() {
  if (Status s = engine_.NextStep(request_, &step_); !s.ok()) {
    std::fprintf(stderr, "twitchcheck interview: %s\n", s.message().c_str());
    return false;
  }
  stepped_ = true;
  return true;
}

// An emergency in what was said is said at once, before any further question: the signs
// that set it and what to do.
void Conversation::SayEmergencyOnce() {
  const TriageLevel level = step_.assessment.triage.level;
  if (emergency_said_ || (level != TriageLevel::kEmergencyAmbulance && level != TriageLevel::kEmergency)) return;
  emergency_said_ = true;
  std::string signs;
  for (const TriageReasonItem& r : step_.assessment.triage.reasons) {
    if (r.level != level) continue;
    for (const std::string& id : r.findings)
      for (const EvidenceItem& e : step_.assessment.evidence)
        if (e.id == id && signs.find(e.name) == std::string::npos) signs += (signs.empty() ? "" : ", ") + e.name;
    if (r.findings.empty() && signs.empty()) signs = r.text;
  }
  std::cout << "\n" << Say("emergency_found", {{"signs", signs}}) << "\n";
}

// The opening description; asked once more when it named nothing readable.
bool Conversation::Describe() {
  for (;;) {
    if (!Ask(Say("describe_prompt") + " ", &request_.text)) return false;
    if (!words_.Meaning(request_.text, {"why"})) break;
    std::cout << "  " << Say("why_describe") << "\n";
  }
  request_.described = 1;
  if (!Step()) return false;
  SayEmergencyOnce();
  if (step_.question && step_.question->type == QuestionReport::Type::kFreeText) {
    std::string more;
    if (!Ask("\n" + step_.question->text + " ", &more)) return false;
    request_.text += "\n" + more;
  }
  request_.described = 2;
  const Subject subject = engine_.WhoIsItAbout(request_.text);
  if (subject.other) {
    who_ = subject.address;
    if (!(step_.should_stop && emergency_said_)) std::cout << "\n" << Say("about_other") << "\n";  // no questions follow
  }
  request_.patient = engine_.Read(request_.text).patient;
  return true;
}

Conversation::Reply Conversation::AskAge() {
  const std::string prompt = Say(who_.empty() ? "age_prompt" : "age_prompt_other") + " ";
  std::string line, err;
  for (;;) {
    if (!Ask(prompt, &line)) return Reply::kEnd;
    if (words_.Meaning(line, {"why"})) {
      std::cout << "  " << Say("why_age") << "\n";
      continue;
    }
    if (words_.Meaning(line, {"back"})) {
      std::cout << "  " << Say("back_none") << "\n";
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos || words_.Meaning(line, {"unknown"})) return Reply::kAnswer;
    int age;
    if (ParseAge(line.substr(line.find_first_not_of(" \t")), &age, &err)) {
      request_.patient.age = age;
      return Reply::kAnswer;
    }
    std::cout << "  " << Say("age_invalid") << "\n";
  }
}

Conversation::Reply Conversation::AskSex() {
  const std::string prompt = Say(who_.empty() ? "sex_prompt" : "sex_prompt_other") + " ";
  std::string line;
  for (;;) {
    if (!Ask(prompt, &line)) return Reply::kEnd;
    if (words_.Meaning(line, {"why"})) {
      std::cout << "  " << Say("why_sex") << "\n";
      continue;
    }
    if (words_.Meaning(line, {"back"})) {  // back to the age, when it was asked
      return Reply::kBack;
    }
    if (line.find_first_not_of(" \t") == std::string::npos || words_.Meaning(line, {"unknown"})) return Reply::kAnswer;
    if (std::optional<std::string> sex = words_.Meaning(line, {"female", "male"})) {
      request_.patient.sex = *sex == "female" ? Sex::kFemale : Sex::kMale;
      return Reply::kAnswer;
    }
    std::cout << "  " << Say("sex_invalid") << "\n";
  }
}

// Age, then sex, whichever the words did not say; each can be skipped, and "back" at the
// sex goes back to the age.
Conversation::Reply Conversation::AskAgeAndSex() {
  const bool ask_age = !request_.patient.age, ask_sex = !request_.patient.sex;
  bool age_done = !ask_age;
  while (true) {
    if (!age_done) {
      if (AskAge() == Reply::kEnd) return Reply::kEnd;
      age_done = true;
    }
    if (!ask_sex) return Reply::kAnswer;
    const Reply r = AskSex();
    if (r != Reply::kBack) return r;
    if (ask_age) {
      request_.patient.age.reset();
      age_done = false;
    } else {
      std::cout << "  " << Say("back_none") << "\n";
    }
  }
}

std::string Conversation::Why(const QuestionReport& q) const {
  if (q.reason == "red_flag") return Say("why_red_flag");
  if (q.reason == "emergency_screen") return Say("why_emergency_screen");
  if (q.reason == "describe") return Say("why_describe");
  if (q.reason == "where") return Say("why_where");
  std::string causes;
  const auto& c = step_.assessment.conditions;
  for (size_t i = 0; i < c.size() && i < 3; ++i) causes += (i ? ", " : "") + c[i].info->name;
  return Say("why_information_gain", {{"causes", causes}});
}

Conversation::Reply Conversation::AskYesNo(const std::string& prompt, const QuestionReport& q,
                                           EvidenceStatus* status) {
  std::string line;
  for (;;) {
    if (!Ask(prompt, &line)) return Reply::kEnd;
    if (line.find_first_not_of(" \t") == std::string::npos) {
      *status = EvidenceStatus::kUnknown;  // Enter: don't know
      return Reply::kAnswer;
    }
    if (std::optional<std::string> m = words_.Meaning(line, {"yes", "no", "unknown", "back", "why"})) {
      if (*m == "why") {
        std::cout << "  " << Why(q) << "\n";
        continue;
      }
      if (*m == "back") return Reply::kBack;
      *status = *m == "yes" ? EvidenceStatus::kPresent : *m == "no" ? EvidenceStatus::kAbsent : EvidenceStatus::kUnknown;
      return Reply::kAnswer;
    }
    std::cout << "  " << Say("answer_invalid") << "\n";
  }
}

int Conversation::Interrupted() {
  std::cout << "\n";
  if (!stepped_ || (request_.text.find_first_not_of(" \t\r\n") == std::string::npos && request_.answers.empty())) {
    std::cout << Say("interrupted_nothing") << "\n";
    return 1;
  }
  // What is known so far: the text and the answers given before the end of input.
  if (Step()) {
    std::cout << Say("interrupted") << "\n\n";
    TerminalStyle style;
    style.color = StdoutWantsColor();
    std::cout << RenderAssessment(step_.assessment, style);
  }
  return 1;
}

int Conversation::Finish() {
  std::cout << "\n" << step_.stop_reason << "\n\n";
  TerminalStyle style;
  style.color = StdoutWantsColor();
  std::cout << RenderAssessment(step_.assessment, style);
  return 0;
}

int Conversation::Run() {
  std::cout << Say("intro") << "\n" << Say("how_to_answer") << "\n\n";
  if (!Describe()) return Interrupted();
  // An emergency sign already in the words: say what to do now and show the report, with
  // no question first (not even the age).
  if (step_.should_stop && emergency_said_) {
    if (!Step()) return 1;
    return Finish();
  }
  if (AskAgeAndSex() == Reply::kEnd) return Interrupted();
  for (;;) {
    if (!Step()) return 1;
    SayEmergencyOnce();
    if (!step_.question) return Finish();
    const QuestionReport& q = *step_.question;
    if (q.items.empty()) return Finish();  // a free-text question after the opening: not asked here
    // The question's number: questions answered so far (a group counts once), plus one.
    size_t number = 1;
    for (size_t i = 0; i < question_ids_.size(); ++i) number += i == 0 || question_ids_[i] != question_ids_[i - 1];
    const bool group = q.type == QuestionReport::Type::kGroupMultiple;
    if (group) std::cout << fmt::format("\nQ{}. {} {}\n", number, q.text, Say("group_item_hint"));
    for (const FindingRef& item : q.items) {
      Evidence e;
      e.id = item.id;
      e.origin = Origin::kAnswer;
      const std::string prompt = group ? fmt::format("  - {}? ", item.name)
                                       : fmt::format("\nQ{}. {} {} ", number, q.text, Say("answer_hint"));
      const Reply reply = AskYesNo(prompt, q, &e.status);
      if (reply == Reply::kEnd) return Interrupted();
      if (reply == Reply::kBack) {
        // The engine is stateless: drop the last question's answers and it asks it again.
        // Inside a group, "back" starts the group again.
        if (group && !question_ids_.empty() && question_ids_.back() == q.id) {
          while (!question_ids_.empty() && question_ids_.back() == q.id) {
            request_.answers.pop_back();
            asked_of_.pop_back();
            question_ids_.pop_back();
          }
          std::cout << "  " << Say("back_group") << "\n";
        } else if (request_.answers.empty()) {
          std::cout << "  " << Say("back_none") << "\n";
        } else {
          const Evidence& last = request_.answers.back();
          const char* label = last.status == EvidenceStatus::kPresent  ? "yes"
                              : last.status == EvidenceStatus::kAbsent ? "no"
                                                                       : "unknown";
          auto l = words_.answer_labels.find(label);
          std::cout << "  " << Say("back_done", {{"question", asked_of_.back()},
                                                 {"answer", l == words_.answer_labels.end() ? label : l->second}})
                    << "\n";
          // The whole of the last question: a group is asked again as a whole.
          const std::string id = question_ids_.back();
          while (!question_ids_.empty() && question_ids_.back() == id) {
            request_.answers.pop_back();
            asked_of_.pop_back();
            question_ids_.pop_back();
          }
        }
        break;
      }
      request_.answers.push_back(e);
      asked_of_.push_back(group ? item.name : q.text);
      question_ids_.push_back(q.id);
    }
  }
}

}  // namespace

int CmdInterview(const CommandArgs& a) {
  bool json = false;
  for (const std::string& arg : a.args) {
    if (arg == "--json") json = true;
    else if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else {
      std::fprintf(stderr, "twitchcheck interview: unknown argument '%s'\n\n%s", arg.c_str(), kUsage);
      return 2;
    }
  }
  int code = 0;
  Engine* engine = OpenEngine(a, &code);
  if (!engine) return code;
  if (json) return JsonStep(*engine);
  Conversation conversation(*engine);
  return conversation.Run();
}

}  // namespace twitchcheck
