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

#include "eval/jsonl.h"
#include "eval/vignettes.h"
#include "twitchcheck/engine.h"
#include "twitchcheck/json.h"

namespace {

using namespace twitchcheck;

void Check(bool ok) {
  if (!ok) std::abort();  // an invariant broke: libFuzzer reports it as a crash
}

const Engine& Eng() {
  static const Engine* engine = [] {
    Options options;
    options.today = Date{2026, 6, 15};
    std::unique_ptr<Engine> e;
    Check(Engine::Open(options, &e).ok());
    return e.release();
  }();
  return *engine;
}

void Interview(std::string_view body) {
  InterviewRequest request;
  const Status parsed = ParseInterviewRequest(body, &request);
  if (!parsed.ok()) {
    Check(!parsed.message().empty());
    return;
  }
  Check(request.answers.size() <= kMaxRequestEvidence && request.text.size() <= kMaxTextBytes);
  InterviewStepReport step;
  const Status s = Eng().NextStep(request, &step);
  if (!s.ok()) {  // an unknown finding id, say
    Check(s.code() == Status::Code::kInvalidArgument && !s.message().empty());
    return;
  }
  Check(!(step.question && step.should_stop));
  (void)InterviewStepJson(step, Eng().version());
}

void ContextLine(std::string_view line) {
  std::string sentence, target;
  const Status s = ParseContextLine(line, &sentence, &target);
  if (!s.ok()) {
    Check(!s.message().empty());
    return;
  }
  const ContextAnswer a = Eng().Context(sentence, target);
  Check(!a.negation.empty() && !a.temporality.empty() && !a.experiencer.empty());
  (void)ContextAnswerJson(a);
}

void EvalFile(std::string_view text) {
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
  for (size_t i = 0; i < cases.size() && i < 3; ++i) {
    AssessRequest request;
    request.patient = cases[i].patient;
    request.text = cases[i].text;
    AssessReport report;
    if (!Eng().Assess(request, &report).ok()) continue;  // an age out of range, say
    (void)AssessReportJson(report);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 3) {
    case 0: Interview(text); break;
    case 1: ContextLine(text); break;
    default: EvalFile(text); break;
  }
  return 0;
}
