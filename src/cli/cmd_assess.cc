// `twitchcheck assess` and `twitchcheck parse`: text and/or structured evidence in,
// a report (terminal) or a document (--json) out.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/input.h"
#include "diary/diary_evidence.h"
#include "render/terminal.h"
#include "twitchcheck/engine.h"
#include "twitchcheck/json.h"

namespace twitchcheck {

namespace {

const char kAssessUsage[] =
    "usage: twitchcheck assess [--age N] [--sex female|male] [--json] [--details]\n"
    "                          [--color|--no-color]\n"
    "                          [--evidence ID=STATUS,...] [--diary [--db PATH]]\n"
    "                          [TEXT | --text-file F | -]\n\n"
    "Reads what a person says about their twitching (TEXT, a file, or - for stdin; at most\n"
    "1 MiB) and/or structured evidence (STATUS: present, absent, possible, unknown; ids from\n"
    "the knowledge base, e.g. --evidence facial_droop=absent) and/or what the diary shows\n"
    "(--diary: how long, how often, new sites, weakness noted), and says what is most likely\n"
    "behind it, how urgently to see whom, and what to do. It is not a diagnosis.\n\n"
    "The report is short by default: for an emergency, what to do now, the signs that set\n"
    "it, what to tell the call handler and what not to do; otherwise whom to see and how\n"
    "soon, the causes your words made more likely, what was understood, what you can do and\n"
    "sources, on one screen. --details shows everything (every cause considered, every\n"
    "reason, all the advice, every source). Width: COLUMNS, else the terminal's; colour\n"
    "only on a terminal, never with NO_COLOR set (or --no-color).\n\n"
    "Examples:\n"
    "  twitchcheck assess --age 31 \"my left eyelid has twitched for 5 days\"\n"
    "  twitchcheck assess --details --age 58 \"the left side of my face twitches\"\n"
    "  twitchcheck assess --evidence facial_droop=absent \"my face suddenly drooped\"\n"
    "  echo \"calf twitching, scared of ALS\" | twitchcheck assess --json -\n\n"
    "Exit status: 0 assessed; 3 nothing in the text names a symptom it can read (another\n"
    "language, noise): no level is given, only the emergency signs and how to get help;\n"
    "2 bad usage; 1 bad data or I/O.\n";

const char kParseUsage[] =
    "usage: twitchcheck parse [--json] [--color|--no-color] [TEXT | --text-file F | -]\n\n"
    "Shows the evidence read from a person's own words: the text with every recognised\n"
    "part marked, each finding's status (present, possible, absent) and the attributes\n"
    "(sites, sides, durations, quantities, age, sex).\n";

}  // namespace

int CmdAssess(const CommandArgs& a) {
  AssessInput in;
  std::string err;
  if (!ParseAssessArgs(a.args, /*allow_evidence=*/true, &in, &err)) {
    if (in.help) {
      std::fputs(kAssessUsage, stdout);
      std::printf("\nLimits:\n%s", kInputLimitsHelp);
      return 0;
    }
    if (in.bad_data) {  // an input past its limit or one that cannot be read: bad data
      std::fprintf(stderr, "twitchcheck assess: %s\n", err.c_str());
      return 1;
    }
    std::fprintf(stderr, "twitchcheck assess: %s\n\n%s", err.c_str(), kAssessUsage);
    return 2;
  }
  int code = 0;
  Engine* engine = OpenEngine(a, &code);
  if (!engine) return code;
  for (const Evidence& e : in.evidence)
    if (!engine->KnowsFinding(e.id)) {
      std::fprintf(stderr, "twitchcheck assess: unknown finding id '%s' (see `twitchcheck kb lint` for the ids)\n",
                   e.id.c_str());
      return 2;
    }
  AssessRequest request;
  request.patient = in.patient;
  request.evidence = in.evidence;
  if (in.diary) {
    std::vector<Evidence> from_diary;
    auto known = [&](std::string_view id) { return engine->KnowsFinding(id); };
    if (!DiaryEvidenceFromStore(in.diary_db, a.kb_dir, known, &from_diary, &err)) {
      std::fprintf(stderr, "twitchcheck assess --diary: %s\n", err.c_str());
      return 1;
    }
    request.evidence = CombineEvidence(in.evidence, from_diary);  // --evidence wins over the diary
  }
  if (in.has_text) request.text = in.text;
  AssessReport report;
  if (Status s = engine->Assess(request, &report); !s.ok()) {
    std::fprintf(stderr, "twitchcheck assess: %s\n", s.message().c_str());
    return 2;
  }
  TerminalStyle style;
  style.color = in.color.value_or(StdoutWantsColor());
  style.width = TerminalColumns();
  style.details = in.details;
  if (in.json) std::cout << AssessReportJson(report) << "\n";
  else std::cout << (report.understood ? RenderAssessment(report, style) : RenderNotUnderstood(report, style));
  return report.understood ? 0 : 3;
}

int CmdParse(const CommandArgs& a) {
  AssessInput in;
  std::string err;
  if (!ParseAssessArgs(a.args, /*allow_evidence=*/false, &in, &err)) {
    if (in.help) {
      std::fputs(kParseUsage, stdout);
      std::printf("\nLimits:\n%s", kInputLimitsHelp);
      return 0;
    }
    if (in.bad_data) {
      std::fprintf(stderr, "twitchcheck parse: %s\n", err.c_str());
      return 1;
    }
    std::fprintf(stderr, "twitchcheck parse: %s\n\n%s", err.c_str(), kParseUsage);
    return 2;
  }
  if (!in.has_text) {
    std::fprintf(stderr, "twitchcheck parse: no text given\n\n%s", kParseUsage);
    return 2;
  }
  int code = 0;
  Engine* engine = OpenEngine(a, &code);
  if (!engine) return code;
  const ReadingReport r = engine->Read(in.text);
  if (in.json) {
    std::cout << ReadingReportJson(r) << "\n";
  } else {
    TerminalStyle style;
    style.color = in.color.value_or(StdoutWantsColor());
    std::cout << RenderReading(in.text, r, style);
  }
  return 0;
}

}  // namespace twitchcheck
