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

#include "engine/assess.h"
#include "engine/interview.h"
#include "kb/knowledge.h"
#include "render/json.h"
#include "text/context.h"
#include "text/reader.h"
#include "text/token.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();  // an invariant broke: libFuzzer reports it as a crash
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

  // The whole reader, then the assessment of what it read.
  std::string err;
  const Knowledge& kb = BuiltinKnowledge();
  const TextReader* reader = ReaderFor(kb, &err);
  Check(reader != nullptr);
  const Reading reading = reader->Read(text);
  for (const Evidence& e : reading.evidence) {
    Check(kb.FindingIndex(e.id) >= 0);
    for (const Span& s : e.spans) Check(s.begin <= s.end && s.end <= text.size());
  }
  for (const AttributeMention& m : reading.attributes.mentions) Check(m.begin <= m.end && m.end <= text.size());
  const Assessment assessment = Assess(kb, reading.evidence, reading.patient);
  for (const ConditionResult& c : assessment.conditions) Check(c.probability >= 0 && c.probability <= 1);
  // What the user gets: the JSON documents, serialized (this is where a span that cuts a
  // UTF-8 sequence, or invalid bytes in the text, would throw).
  (void)WriteJson(AssessmentJson(kb, assessment, reading.patient, &reading), 2);
  (void)WriteJson(ReadingJson(kb, reading), 2);

  // The interview's next step on what was read: costly (one inference per askable
  // finding), so only for some inputs.
  if ((a & 7) == 0) {
    InterviewOptions options;
    options.described = (b & 1) != 0;
    const InterviewStep step = NextInterviewStep(kb, reading.evidence, reading.patient, b % 16, options);
    Check(!(step.question && step.should_stop));  // a question, or a stop, never both
    if (step.question) {
      const int nf = static_cast<int>(kb.findings.size());
      Check(step.question->finding >= -1 && step.question->finding < nf);
      for (int f : step.question->items) Check(f >= 0 && f < nf);
    }
  }

  // The sentence/target convenience: split the text at the first newline.
  const size_t nl = text.find('\n');
  if (nl != std::string_view::npos) {
    ContextResult out;
    ClassifyTargetInSentence(engine, text.substr(nl + 1), text.substr(0, nl), &out);
    (void)LabelsFor(out);
  }
  return 0;
}
