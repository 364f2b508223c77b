#include "testing/test_support.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>

namespace twitchcheck::fixtures {

const Knowledge& BuiltinKb() {
  static const Knowledge* kb = [] {
    std::vector<KbIssue> errors;
    std::unique_ptr<Knowledge> k = LoadKnowledge(nullptr, "", &errors);
    if (!k) {
      for (const KbIssue& e : errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
      std::abort();
    }
    return k.release();
  }();
  return *kb;
}

const Model& BuiltinModel() {
  static const Model* m = new Model(CompileModel(BuiltinKb()));
  return *m;
}

const TextReader& BuiltinReader() {
  static const TextReader* r = [] {
    std::string err;
    std::unique_ptr<TextReader> reader = TextReader::Create(BuiltinKb(), "kb/", &err);
    if (!reader) {
      std::fprintf(stderr, "%s\n", err.c_str());
      std::abort();
    }
    return reader.release();
  }();
  return *r;
}

const Engine& BuiltinEngine() {
  static const Engine* e = [] {
    Options options;
    options.today = kToday;
    std::unique_ptr<Engine> engine;
    Status s = Engine::Open(options, &engine);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      std::abort();
    }
    return engine.release();
  }();
  return *e;
}

CommandRun RunCommand(const std::string& command) {
  CommandRun r;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

}  // namespace twitchcheck::fixtures
