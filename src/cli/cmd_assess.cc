// `twitchcheck assess` and `twitchcheck parse`: text and/or structured evidence in,
// a report (terminal) or a document (--json) out.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/input.h"
#include "diary/diary_evidence.h"
#include "cli/commands.h"
#include "engine/assess.h"
#include "kb/knowledge.h"
#include "render/json.h"
#include "render/terminal.h"
#include "text/reader.h"

namespace twitchcheck {

namespace {

const char kAssessUsage[] =
    "usage: twitchcheck assess [--age N] [--sex female|male] [--json] [--color|--no-color]\n"
    "                          [--evidence ID=STATUS,...] [--diary [--db PATH]]\n"
    "                          [TEXT | --text-file F | -]\n\n"
    "Reads what a person says about their twitching (TEXT, a file, or - for stdin; at most\n"
    "1 MiB) and/or structured evidence (STATUS: present, absent, possible, unknown; ids from\n"
    "the knowledge base, e.g. --evidence facial_droop=absent) and/or what the diary shows\n"
    "(--diary: how long, how often, new sites, weakness noted), and says what is most likely\n"
    "behind it, how urgently to see whom, and what to do. It is not a diagnosis.\n\n"
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
  const Knowledge* kb = KnowledgeFor(a.kb_dir, &err);
  if (!kb) {
    std::fprintf(stderr, "twitchcheck: the knowledge base is invalid:\n%s", err.c_str());
    return 1;
  }
  if (!CheckEvidence(*kb, in.evidence, &err)) {
    std::fprintf(stderr, "twitchcheck assess: %s (see `twitchcheck kb lint` for the ids)\n", err.c_str());
    return 2;
  }
  if (in.diary) {
    std::vector<Evidence> from_diary;
    if (!DiaryEvidenceFromStore(in.diary_db, a.kb_dir, *kb, &from_diary, &err)) {
      std::fprintf(stderr, "twitchcheck assess --diary: %s\n", err.c_str());
      return 1;
    }
    in.evidence = CombineEvidence(in.evidence, from_diary);  // --evidence wins over the diary
  }
  Reading reading;
  std::vector<Evidence> evidence = in.evidence;
  Patient patient = in.patient;
  if (in.has_text) {
    const TextReader* reader = ReaderFor(*kb, &err);
    if (!reader) {
      std::fprintf(stderr, "twitchcheck: %s\n", err.c_str());
      return 1;
    }
    reading = reader->Read(in.text);
    evidence = CombineEvidence(in.evidence, reading.evidence);
    if (!patient.age) patient.age = reading.patient.age;
    if (!patient.sex) patient.sex = reading.patient.sex;
  }
  // Text with nothing readable in it (and no answers given) gets no level: it may be an
  // emergency described in words the reader does not know (SPEC §4, §7).
  Assessment result = Assess(*kb, evidence, patient);
  if (in.has_text && in.evidence.empty() && !Understood(*kb, result)) {
    if (in.json) {
      nlohmann::json doc = {{"understood", false},
                            {"message", kb->not_understood},
                            {"emergency_help", kb->emergency_help},
                            {"knowledge_version", kb->version}};
      nlohmann::json signs = nlohmann::json::array();
      for (int f : kb->screen) signs.push_back({{"id", kb->findings[f].id}, {"name", kb->findings[f].name}});
      doc["emergency_signs"] = std::move(signs);
      std::cout << WriteJson(doc, 2) << "\n";
    } else {
      TerminalStyle style;
      style.color = in.color.value_or(StdoutWantsColor());
      std::cout << RenderNotUnderstood(*kb, style);
    }
    return 3;
  }
  if (in.json) {
    std::cout << WriteJson(AssessmentJson(*kb, result, patient, in.has_text ? &reading : nullptr), 2) << "\n";
  } else {
    TerminalStyle style;
    style.color = in.color.value_or(StdoutWantsColor());
    std::cout << RenderAssessment(*kb, result, patient, in.has_text ? &reading : nullptr, style);
  }
  return 0;
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
  const Knowledge* kb = KnowledgeFor(a.kb_dir, &err);
  const TextReader* reader = kb ? ReaderFor(*kb, &err) : nullptr;
  if (!reader) {
    std::fprintf(stderr, "twitchcheck: the knowledge base is invalid:\n%s\n", err.c_str());
    return 1;
  }
  Reading r = reader->Read(in.text);
  if (in.json) {
    std::cout << WriteJson(ReadingJson(*kb, r), 2) << "\n";
  } else {
    TerminalStyle style;
    style.color = in.color.value_or(StdoutWantsColor());
    std::cout << RenderReading(*kb, in.text, r, style);
  }
  return 0;
}

}  // namespace twitchcheck
