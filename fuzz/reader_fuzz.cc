// libFuzzer target: the whole text reader (tokenizer, stemmer, phrase matcher, context
// engine, attributes), the assessment rendered as `assess --json` and `parse --json`
// render it, and (for one input in eight) the next interview step, on arbitrary bytes.
// Build: CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DTWITCHCHECK_FUZZ=ON
//        -DTWITCHCHECK_SANITIZE=ON -DTWITCHCHECK_BENCH=OFF && ninja -C build-fuzz reader_fuzz
// (TWITCHCHECK_FUZZ instruments the whole library for coverage feedback.)
// Run:   build-fuzz/reader_fuzz -max_total_time=120 -timeout=5 build-fuzz/corpus/reader fuzz/seeds
// New inputs go to the first directory (in the build tree); fuzz/seeds is only read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/context.h"
#include "text/lexicon.h"
#include "text/token.h"
#include "twitchcheck/engine.h"
#include "twitchcheck/json.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();  // an invariant broke: libFuzzer reports it as a crash
}

const twitchcheck::Engine& Eng() {
  static const twitchcheck::Engine* engine = [] {
    twitchcheck::Options options;
    options.today = twitchcheck::Date{2026, 6, 15};
    std::unique_ptr<twitchcheck::Engine> e;
    Check(twitchcheck::Engine::Open(options, &e).ok());
    return e.release();
  }();
  return *engine;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace twitchcheck;
  if (size < 2) return 0;
  // The first two bytes choose the target window; the rest is the text.
  const size_t a = data[0], b = data[1];
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

  const std::vector<Token> tokens = Tokenize(text);
  size_t prev_sentence = 0;
  for (const Token& t : tokens) {
    Check(!t.norm.empty());
    Check(t.begin < t.end && t.end <= text.size());
    Check(t.sentence == prev_sentence || t.sentence == prev_sentence + 1);
    prev_sentence = t.sentence;
    const std::string stem = Stem(t.norm);
    Check(Stem(stem) == stem);  // idempotent
  }

  const ContextEngine& engine = DefaultContextEngine();
  const size_t n = tokens.size() + 1;
  const size_t first = a % n, last = first + b % 8;  // may run past the end: must be safe
  const ContextResult r = engine.Classify(tokens, first, last);
  for (const ContextCue& c : r.cues) {
    Check(c.first < c.last && c.last <= tokens.size());
    Check(c.begin < c.end && c.end <= text.size());
  }

  // The whole pipeline through the public API: reading, assessment, interview step.
  const ReadingReport reading = Eng().Read(text);
  for (const EvidenceItem& e : reading.evidence) {
    Check(Eng().KnowsFinding(e.id));
    for (const Span& s : e.spans) Check(s.begin <= s.end && s.end <= text.size());
  }
  for (const AttributeItem& m : reading.attributes) Check(m.span.begin <= m.span.end && m.span.end <= text.size());
  AssessRequest request;
  request.text = std::string(text);
  AssessReport report;
  Check(Eng().Assess(request, &report).ok());
  for (const ConditionItem& c : report.conditions) Check(c.probability >= 0 && c.probability <= 1);
  // What the user gets: the JSON documents, serialized (this is where a span that cuts a
  // UTF-8 sequence, or invalid bytes in the text, would throw).
  (void)AssessReportJson(report);
  (void)ReadingReportJson(reading);

  // The interview's next step on what was read: costly (one inference per askable
  // finding), so only for some inputs.
  if ((a & 7) == 0) {
    InterviewRequest step_request;
    step_request.text = std::string(text);
    step_request.described = b & 1;
    InterviewStepReport step;
    Check(Eng().NextStep(step_request, &step).ok());
    Check(!(step.question && step.should_stop));  // a question, or a stop, never both
    if (step.question)
      for (const FindingRef& f : step.question->items) Check(Eng().KnowsFinding(f.id));
  }

  // The sentence/target convenience: split the text at the first newline.
  const size_t nl = text.find('\n');
  if (nl != std::string_view::npos) {
    (void)ContextAnswerJson(Eng().Context(text.substr(nl + 1), text.substr(0, nl)));
  }
  return 0;
}
