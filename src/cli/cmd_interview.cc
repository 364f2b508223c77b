// `twitchcheck interview`: interactive in a terminal, or one stateless step over JSON.
#include <cstdio>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/input.h"
#include "engine/interview.h"
#include "kb/bounded_read.h"
#include "render/json.h"
#include "render/terminal.h"
#include "text/reader.h"

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

nlohmann::json ItemJson(const Finding& f) {
  return {{"id", f.id},
          {"name", f.name},
          {"choices", {{{"id", "present"}, {"label", "Yes"}},
                       {{"id", "absent"}, {"label", "No"}},
                       {{"id", "unknown"}, {"label", "Don't know"}}}}};
}

nlohmann::json QuestionJson(const Knowledge& kb, const Question& q) {
  if (!q.items.empty()) {  // the emergency screen: several findings, one answer each
    nlohmann::json items = nlohmann::json::array();
    for (int f : q.items) items.push_back(ItemJson(kb.findings[f]));
    return {{"id", "emergency_screen"},
            {"type", "group_multiple"},
            {"text", kb.screen_question},
            {"reason", q.reason},
            {"items", items}};
  }
  if (q.finding < 0)
    return {{"id", "describe"},
            {"type", "free_text"},
            {"text", kb.describe_question},
            {"reason", q.reason},
            {"items", nlohmann::json::array()}};
  const Finding& f = kb.findings[q.finding];
  return {{"id", f.id},
          {"type", "single"},
          {"text", f.question},
          {"reason", q.reason},
          {"items", {ItemJson(f)}}};
}

int JsonStep(const Knowledge& kb) {
  std::string body, err;
  // Bounded while reading; a request past a limit is bad data (exit 1), a malformed one
  // bad usage (exit 2).
  if (!ReadStreamBounded(stdin, kMaxRequestBytes, "the request on stdin", &body, &err)) {
    std::fprintf(stderr, "twitchcheck interview: %s\n", err.c_str());
    return 1;
  }
  Patient patient;
  std::vector<Evidence> answers;
  std::string text;
  InterviewOptions options;
  bool past_limit = false;
  if (!ParseInterviewRequest(kb, body, &patient, &answers, &text, &options.described, &options.described_twice, &past_limit, &err)) {
    std::fprintf(stderr, "twitchcheck interview: %s\n", err.c_str());
    return past_limit ? 1 : 2;
  }
  Reading reading;
  bool has_text = text.find_first_not_of(" \t\r\n") != std::string::npos;
  if (has_text) {
    const TextReader* reader = ReaderFor(kb, &err);
    if (!reader) {
      std::fprintf(stderr, "twitchcheck: %s\n", err.c_str());
      return 1;
    }
    reading = reader->Read(text);
    if (!patient.age) patient.age = reading.patient.age;
    if (!patient.sex) patient.sex = reading.patient.sex;
  }
  InterviewStep step =
      NextInterviewStep(kb, CombineEvidence(answers, reading.evidence), patient, answers.size(), options);
  nlohmann::json out = {
      {"question", step.question ? QuestionJson(kb, *step.question) : nlohmann::json(nullptr)},
      {"should_stop", step.should_stop},
      {"conditions", ConditionsJson(kb, step.assessment.conditions)},
      {"triage", TriageJson(kb, step.assessment.triage)},
      {"knowledge_version", kb.version}};
  if (step.should_stop) out["stop_reason"] = step.stop_reason;
  nlohmann::json ev = nlohmann::json::array();
  for (const Evidence& e : step.assessment.evidence) ev.push_back(EvidenceJson(kb, e));
  out["evidence"] = ev;
  std::cout << WriteJson(out) << "\n";
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

int Interactive(const Knowledge& kb) {
  std::string err;
  const TextReader* reader = ReaderFor(kb, &err);
  if (!reader) {
    std::fprintf(stderr, "twitchcheck: %s\n", err.c_str());
    return 1;
  }
  std::cout << "twitchcheck: a few questions about your twitching. This is not a diagnosis.\n"
               "If you have sudden weakness, a drooping face or trouble speaking, call an ambulance now.\n\n";
  std::string text, line;
  if (!Ask("In your own words, what is happening? ", &text)) return 0;
  Reading reading = reader->Read(text);
  // Nothing readable yet ("hola", "not sure"): ask once more before yes/no questions.
  if (!NamesAComplaint(kb, reading.evidence) && !kb.describe_question.empty()) {
    std::string more;
    if (!Ask("\n" + kb.describe_question + " ", &more)) return 0;
    text += "\n" + more;
    reading = reader->Read(text);
  }
  Patient patient = reading.patient;
  while (!patient.age) {
    if (!Ask("How old are you (years)? ", &line)) return 0;
    int age;
    if (ParseAge(line, &age, &err)) patient.age = age;
    else std::cout << "  Please give a whole number of years, 0 to 120.\n";
  }
  while (!patient.sex) {
    if (!Ask("Sex (female/male, or Enter to skip)? ", &line)) return 0;
    if (line.empty()) break;
    if (line == "female" || line == "f") patient.sex = "female";
    else if (line == "male" || line == "m") patient.sex = "male";
    else std::cout << "  Please answer female or male, or press Enter.\n";
  }
  std::vector<Evidence> answers;
  InterviewStep step;
  InterviewOptions options;
  // The opening question above asked for a description, and asked again if it named nothing.
  options.described = options.described_twice = true;
  int asked = 0;
  for (;;) {
    step = NextInterviewStep(kb, CombineEvidence(answers, reading.evidence), patient, answers.size(), options);
    if (!step.question) break;
    ++asked;
    // One finding, or the emergency screen's several under one heading.
    std::vector<int> findings = step.question->items;
    if (findings.empty()) findings.push_back(step.question->finding);
    if (!step.question->items.empty()) std::cout << fmt::format("\nQ{}. {}\n", asked, kb.screen_question);
    for (int fi : findings) {
      const Finding& f = kb.findings[fi];
      Evidence e;
      e.id = f.id;
      e.origin = "answer";
      const std::string prompt = step.question->items.empty()
                                     ? fmt::format("\nQ{}. {} [y/n/?] ", asked, f.question)
                                     : fmt::format("  - {} [y/n/?] ", f.name);
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
      answers.push_back(e);
    }
  }
  std::cout << "\n" << step.stop_reason << "\n\n";
  TerminalStyle style;
  style.color = StdoutWantsColor();
  std::cout << RenderAssessment(kb, step.assessment, patient, &reading, style);
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
  std::string err;
  const Knowledge* kb = KnowledgeFor(a.kb_dir, &err);
  if (!kb) {
    std::fprintf(stderr, "twitchcheck: the knowledge base is invalid:\n%s", err.c_str());
    return 1;
  }
  return json ? JsonStep(*kb) : Interactive(*kb);
}

}  // namespace twitchcheck
