// libFuzzer target: every JSON input of the CLI, as the CLI handles it. The first byte
// chooses the input; the rest is its text:
//   0  an `interview --json` step request: parsed, the step computed, the answer rendered
//   1  a `context --jsonl` line: parsed, classified, labelled
//   2  an `eval` JSON-lines file: checked against the limits, read as vignettes, each
//      (at most three) assessed and rendered as `assess --json` would
// Build: see fuzz/reader_fuzz.cc. Seeds: .ci/run writes some of each to
// build-fuzz/corpus/json-seeds; dictionary: fuzz/json.dict.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cli/input.h"
#include "engine/assess.h"
#include "engine/interview.h"
#include "eval/vignettes.h"
#include "kb/knowledge.h"
#include "render/json.h"
#include "text/context.h"
#include "text/reader.h"

namespace {

using namespace twitchcheck;

void Check(bool ok) {
  if (!ok) std::abort();  // an invariant broke: libFuzzer reports it as a crash
}

void InterviewRequest(const Knowledge& kb, std::string_view body) {
  Patient patient;
  std::vector<Evidence> answers;
  std::string text, err;
  InterviewOptions options;
  bool past_limit = false;
  if (!ParseInterviewRequest(kb, body, &patient, &answers, &text, &options.described, &options.described_twice, &past_limit, &err)) {
    Check(!err.empty());
    return;
  }
  Check(answers.size() <= kMaxRequestEvidence && text.size() <= kMaxTextBytes);
  Reading reading;
  if (text.find_first_not_of(" \t\r\n") != std::string::npos) {
    const TextReader* reader = ReaderFor(kb, &err);
    Check(reader != nullptr);
    reading = reader->Read(text);
    if (!patient.age) patient.age = reading.patient.age;
    if (!patient.sex) patient.sex = reading.patient.sex;
  }
  const InterviewStep step =
      NextInterviewStep(kb, CombineEvidence(answers, reading.evidence), patient, answers.size(), options);
  Check(!(step.question && step.should_stop));
  nlohmann::json out = {{"conditions", ConditionsJson(kb, step.assessment.conditions)},
                        {"triage", TriageJson(kb, step.assessment.triage)}};
  nlohmann::json ev = nlohmann::json::array();
  for (const Evidence& e : step.assessment.evidence) ev.push_back(EvidenceJson(kb, e));
  out["evidence"] = ev;
  (void)WriteJson(out);
}

void ContextLine(std::string_view line) {
  std::string sentence, target, err;
  if (!ParseContextLine(line, &sentence, &target, &err)) {
    Check(!err.empty());
    return;
  }
  ContextResult result;
  ClassifyTargetInSentence(DefaultContextEngine(), sentence, target, &result);
  const ContextLabels l = LabelsFor(result);
  Check(l.negation && l.temporality && l.experiencer && *l.negation && *l.temporality && *l.experiencer);
}

void EvalFile(const Knowledge& kb, std::string_view text) {
  std::string err;
  if (!CheckJsonLines(text, "fuzz.jsonl", &err)) return;
  // The evaluation reader takes a path, as `eval` gives it one.
  static const std::string path = "/tmp/twitchcheck_json_fuzz_" + std::to_string(::getpid()) + ".jsonl";
  FILE* f = std::fopen(path.c_str(), "wb");
  Check(f != nullptr);
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
  std::vector<Vignette> cases;
  if (!ReadVignettes(path, &cases, &err)) return;
  const TextReader* reader = ReaderFor(kb, &err);
  Check(reader != nullptr);
  for (size_t i = 0; i < cases.size() && i < 3; ++i) {
    const Reading reading = reader->Read(cases[i].text);
    const Assessment a = Assess(kb, reading.evidence, cases[i].patient);
    (void)WriteJson(AssessmentJson(kb, a, cases[i].patient, &reading));
    (void)WriteJson(nlohmann::json(cases[i].id));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const Knowledge& kb = BuiltinKnowledge();
  switch (data[0] % 3) {
    case 0: InterviewRequest(kb, text); break;
    case 1: ContextLine(text); break;
    default: EvalFile(kb, text); break;
  }
  return 0;
}
