// libFuzzer target: the knowledge-base loader on arbitrary bytes. The first byte's low
// three bits choose which file of the built-in knowledge base the rest replaces; the other
// files stay as built. When its bit 3 is set, a copy that loads is then used as the
// program would: the text reader is built from it (its lexicon and context rules), reads
// a sentence, and the assessment is rendered as JSON (costly under ASan, so only then).
// Build: see fuzz/reader_fuzz.cc. Seeds: the kb files themselves, each behind its
// selector byte (.ci/run writes them to build-fuzz/corpus/kb-seeds); dictionary:
// fuzz/kb.dict.
// Run:   build-fuzz/kb_fuzz -dict=fuzz/kb.dict -timeout=5 -max_len=131072 \
//          build-fuzz/corpus/kb build-fuzz/corpus/kb-seeds
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include "engine/assess.h"
#include "engine/model.h"
#include "kb/embedded.h"
#include "kb/kb_files.h"
#include "kb/knowledge.h"
#include "kb/lint.h"
#include "report/build.h"
#include "text/reader.h"
#include "twitchcheck/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace twitchcheck;
  if (size < 1) return 0;
  const std::vector<std::string>& names = KnowledgeFileNames();
  const std::string& target = names[data[0] % 8 % names.size()];
  const bool use = (data[0] & 8) != 0;
  std::map<std::string, std::string> files;
  for (const EmbeddedFile& f : EmbeddedKnowledgeFiles()) files[std::string(f.name)] = std::string(f.text);
  // The built-in files are parsed once: each input then costs the parse of one file.
  static const std::map<std::string, YamlNode> built_in = [&files] {
    std::map<std::string, YamlNode> m;
    for (const auto& [name, text] : files) m[name] = ParseYaml(text, KnowledgeYamlLimits());
    return m;
  }();
  std::map<std::string, YamlNode> parsed = built_in;
  parsed.erase(target);
  files[target].assign(reinterpret_cast<const char*>(data + 1), size - 1);

  std::vector<KbIssue> errors;
  std::unique_ptr<Knowledge> kb = LoadKnowledgeFiles(std::move(files), "kb/", &errors, &parsed);
  if (!kb) {
    if (errors.empty()) std::abort();  // a refusal always says why
    for (const KbIssue& e : errors) (void)e.ToString();
    return 0;
  }
  (void)FormatCoverage(*kb, Coverage(*kb));
  if (!use) return 0;
  std::string err;
  std::unique_ptr<TextReader> reader = TextReader::Create(*kb, "kb/", &err);
  if (!reader) return 0;
  const Reading reading = reader->Read(
      "I am 45. For three weeks my left eyelid has twitched, no weakness, 4 coffees a day.", Date{2026, 6, 15});
  const Assessment a = Assess(*kb, CompileModel(*kb), reading.evidence, reading.patient);
  (void)AssessReportJson(BuildAssessReport(*kb, BuildReportTexts(*kb), a, reading.patient, &reading, true));
  return 0;
}
