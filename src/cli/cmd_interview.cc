// `twitchcheck interview`: interactive in a terminal, or one stateless step over JSON.
#include <cstdio>
#include <iostream>
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

bool Ask(const std::string& prompt, std::string* line) {
  std::cout << prompt << std::flush;
  const LineStatus st = ReadLineBounded(stdin, kMaxTextBytes, line);
  if (st == LineStatus::kEnd) return false;
  if (st == LineStatus::kTooLong)
    std::fprintf(stderr, "twitchcheck: that answer is longer than 1 MiB; only its first 1 MiB is read\n");
  while (!line->empty() && (line->back() == '\r' || line->back() == ' ')) line->pop_back();
  return true;
}

int Interactive(const Engine& engine) {
  std::string err;
  std::cout << "twitchcheck: a few questions about your twitching. This is not a diagnosis.\n"
               "If you have sudden weakness, a drooping face or trouble speaking, call an ambulance now.\n\n";
  InterviewRequest request;
  std::string line;
  if (!Ask("In your own words, what is happening? ", &request.text)) return 0;
  // The opening question asked for a description; the engine asks once more when it named
  // nothing readable ("hola", "not sure"), before any yes/no question.
  request.described = 1;
  InterviewStepReport step;
  if (Status s = engine.NextStep(request, &step); !s.ok()) {
    std::fprintf(stderr, "twitchcheck interview: %s\n", s.message().c_str());
    return 1;
  }
  if (step.question && step.question->type == QuestionReport::Type::kFreeText) {
    std::string more;
    if (!Ask("\n" + step.question->text + " ", &more)) return 0;
    request.text += "\n" + more;
  }
  request.described = 2;
  request.patient = engine.Read(request.text).patient;
  Patient& patient = request.patient;
  while (!patient.age) {
    if (!Ask("How old are you (years)? ", &line)) return 0;
    int age;
    if (ParseAge(line, &age, &err)) patient.age = age;
    else std::cout << "  Please give a whole number of years, 0 to 120.\n";
  }
  while (!patient.sex) {
    if (!Ask("Sex (female/male, or Enter to skip)? ", &line)) return 0;
    if (line.empty()) break;
    if (line == "female" || line == "f") patient.sex = Sex::kFemale;
    else if (line == "male" || line == "m") patient.sex = Sex::kMale;
    else std::cout << "  Please answer female or male, or press Enter.\n";
  }
  int asked = 0;
  for (;;) {
    if (Status s = engine.NextStep(request, &step); !s.ok()) {
      std::fprintf(stderr, "twitchcheck interview: %s\n", s.message().c_str());
      return 1;
    }
    if (!step.question) break;
    const QuestionReport& q = *step.question;
    ++asked;
    // One finding, or the emergency screen's several under one heading.
    const bool group = q.type == QuestionReport::Type::kGroupMultiple;
    if (group) std::cout << fmt::format("\nQ{}. {}\n", asked, q.text);
    for (const FindingRef& item : q.items) {
      Evidence e;
      e.id = item.id;
      e.origin = Origin::kAnswer;
      const std::string prompt = group ? fmt::format("  - {} [y/n/?] ", item.name)
                                       : fmt::format("\nQ{}. {} [y/n/?] ", asked, q.text);
      for (;;) {
        if (!Ask(prompt, &line)) return 0;
        if (line == "y" || line == "yes") e.status = EvidenceStatus::kPresent;
        else if (line == "n" || line == "no") e.status = EvidenceStatus::kAbsent;
        else if (line == "?" || line.empty() || line == "don't know") e.status = EvidenceStatus::kUnknown;
        else {
          std::cout << "  Please answer y (yes), n (no) or ? (don't know).\n";
          continue;
        }
        break;
      }
      request.answers.push_back(e);
    }
    if (q.items.empty()) break;  // a free-text question after the opening: not asked here
  }
  std::cout << "\n" << step.stop_reason << "\n\n";
  TerminalStyle style;
  style.color = StdoutWantsColor();
  std::cout << RenderAssessment(step.assessment, style);
  return 0;
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
  return json ? JsonStep(*engine) : Interactive(*engine);
}

}  // namespace twitchcheck
