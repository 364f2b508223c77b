#include "kb/yaml.h"

#include <yaml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace twitchcheck {

struct YamlNode::Doc {
  enum class Kind { kScalar, kSequence, kMap };
  struct Node {
    Kind kind = YamlNode::Doc::Kind::kScalar;
    bool plain = false;            // unquoted scalar (may be null / bool / number)
    std::string text;              // scalar text
    YamlMark mark;
    std::vector<int> children;     // sequence: elements; map: key, value, key, value, ...
  };
  std::vector<Node> nodes;
};

namespace {
const std::string kEmpty;
}

// Builds a Doc from libyaml's event stream, refusing what the knowledge base never uses
// (tags, anchors, aliases, a second document, duplicate or non-text keys) and stopping
// as soon as a limit is passed: libyaml hands over events with a bounded lookahead, so a
// deep nesting is refused before libyaml's scan (quadratic in the flow depth) gets far.
class YamlDocBuilder {
 public:
  static YamlNode Parse(std::string_view text, const YamlLimits& limits) {
    auto doc = std::make_shared<YamlNode::Doc>();
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) throw YamlError({}, "cannot start the YAML parser");
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    std::vector<int> stack;
    int root = -1;
    int documents = 0;
    bool done = false;
    try {
      while (!done) {
        yaml_event_t e;
        if (!yaml_parser_parse(&parser, &e)) throw ParserError(parser, text);
        // Freed on every path out of this iteration, including a throw.
        struct EventGuard {
          yaml_event_t* e;
          ~EventGuard() { yaml_event_delete(e); }
        } guard{&e};
        YamlMark mark{static_cast<int>(e.start_mark.line), static_cast<int>(e.start_mark.column)};
        int created = -1;
        switch (e.type) {
          case YAML_SCALAR_EVENT: {
            CheckNoTagOrAnchor(mark, e.data.scalar.tag, e.data.scalar.anchor);
            YamlNode::Doc::Node n;
            n.kind = YamlNode::Doc::Kind::kScalar;
            n.text.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
            n.plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            n.mark = mark;
            created = Add(doc.get(), std::move(n), limits);
            break;
          }
          case YAML_SEQUENCE_START_EVENT:
          case YAML_MAPPING_START_EVENT: {
            const bool seq = e.type == YAML_SEQUENCE_START_EVENT;
            CheckNoTagOrAnchor(mark, seq ? e.data.sequence_start.tag : e.data.mapping_start.tag,
                               seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor);
            if (stack.size() >= static_cast<size_t>(limits.max_depth))
              throw YamlError(mark, "nested deeper than the limit of " + std::to_string(limits.max_depth) + " levels");
            YamlNode::Doc::Node n;
            n.kind = seq ? YamlNode::Doc::Kind::kSequence : YamlNode::Doc::Kind::kMap;
            n.mark = mark;
            created = Add(doc.get(), std::move(n), limits);
            break;
          }
          case YAML_SEQUENCE_END_EVENT:
          case YAML_MAPPING_END_EVENT:
            if (e.type == YAML_MAPPING_END_EVENT && limits.reject_duplicate_keys)
              CheckDuplicateKeys(*doc, stack.back());
            stack.pop_back();
            break;
          case YAML_ALIAS_EVENT:
            throw YamlError(mark, "aliases (*name) are not supported in the knowledge base");
          case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1)
              throw YamlError(mark, "a second YAML document ('---'): a knowledge file holds one");
            break;
          case YAML_STREAM_END_EVENT:
            done = true;
            break;
          default:
            break;
        }
        if (created >= 0) {
          if (stack.empty()) {
            root = created;
          } else {
            auto& parent = doc->nodes[stack.back()];
            // A mapping's children alternate key, value: an even count means a key comes.
            if (parent.kind == YamlNode::Doc::Kind::kMap && parent.children.size() % 2 == 0 &&
                doc->nodes[created].kind != YamlNode::Doc::Kind::kScalar)
              throw YamlError(mark, "a mapping key must be text, not a list or a mapping");
            parent.children.push_back(created);
          }
          if (doc->nodes[created].kind != YamlNode::Doc::Kind::kScalar) stack.push_back(created);
        }
      }
    } catch (...) {
      yaml_parser_delete(&parser);
      throw;
    }
    yaml_parser_delete(&parser);
    if (root < 0) {
      // An empty document is a null scalar, as in yaml-cpp.
      YamlNode::Doc::Node n;
      n.plain = true;
      n.mark = {0, 0};
      root = Add(doc.get(), std::move(n), limits);
    }
    return YamlNode(doc, root);
  }

 private:
  static int Add(YamlNode::Doc* doc, YamlNode::Doc::Node n, const YamlLimits& limits) {
    if (doc->nodes.size() >= limits.max_nodes)
      throw YamlError(n.mark, "more than the limit of " + std::to_string(limits.max_nodes) +
                                  " values in one file");
    doc->nodes.push_back(std::move(n));
    return static_cast<int>(doc->nodes.size() - 1);
  }

  // The knowledge base is plain data: a tag (!!str, !custom) or an anchor (&name) is a
  // mistake or an attempt to make the parser do something; both are refused.
  static void CheckNoTagOrAnchor(YamlMark mark, const unsigned char* tag, const unsigned char* anchor) {
    if (tag)  // libyaml leaves it null when the file writes none
      throw YamlError(mark, std::string("YAML tags ('") + reinterpret_cast<const char*>(tag) +
                                "') are not allowed in the knowledge base");
    if (anchor)
      throw YamlError(mark, std::string("anchors ('&") + reinterpret_cast<const char*>(anchor) +
                                "') are not supported in the knowledge base");
  }

  // Reports the second of two equal keys in one mapping, at its own line. Sorting keeps a
  // mapping of many keys O(k log k).
  static void CheckDuplicateKeys(const YamlNode::Doc& doc, int map) {
    const auto& c = doc.nodes[map].children;
    std::vector<int> keys;
    keys.reserve(c.size() / 2);
    for (size_t i = 0; i < c.size(); i += 2) keys.push_back(c[i]);
    std::stable_sort(keys.begin(), keys.end(),
                     [&](int a, int b) { return doc.nodes[a].text < doc.nodes[b].text; });
    for (size_t i = 1; i < keys.size(); ++i) {
      const auto& a = doc.nodes[keys[i - 1]];
      const auto& b = doc.nodes[keys[i]];
      if (a.text == b.text) {
        const auto& later = a.mark.line > b.mark.line ? a : b;
        const auto& first = a.mark.line > b.mark.line ? b : a;
        throw YamlError(later.mark, "duplicate key '" + later.text + "' (first at line " +
                                        std::to_string(first.mark.line + 1) + ")");
      }
    }
  }

  // libyaml's message, at the line where it found the problem. Encoding errors come from
  // its reader, which gives a byte offset rather than a line.
  static YamlError ParserError(const yaml_parser_t& parser, std::string_view text) {
    YamlMark m{static_cast<int>(parser.problem_mark.line), static_cast<int>(parser.problem_mark.column)};
    std::string what = parser.problem ? parser.problem : "invalid YAML";
    if (parser.error == YAML_READER_ERROR) {
      const size_t at = std::min(parser.problem_offset, text.size());
      const std::string_view before = text.substr(0, at);
      m.line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
      const size_t nl = before.rfind('\n');
      m.column = static_cast<int>(nl == std::string_view::npos ? at : at - nl - 1);
      what += " (byte " + std::to_string(at) + ")";
    }
    if (parser.context) what = std::string(parser.context) + ": " + what;
    return YamlError(m, what);
  }
};

YamlNode ParseYaml(std::string_view text) { return YamlDocBuilder::Parse(text, YamlLimits()); }
YamlNode ParseYaml(std::string_view text, const YamlLimits& limits) {
  return YamlDocBuilder::Parse(text, limits);
}

bool YamlNode::IsScalar() const { return doc_ && doc_->nodes[index_].kind == YamlNode::Doc::Kind::kScalar && !IsNull(); }
bool YamlNode::IsSequence() const { return doc_ && doc_->nodes[index_].kind == YamlNode::Doc::Kind::kSequence; }
bool YamlNode::IsMap() const { return doc_ && doc_->nodes[index_].kind == YamlNode::Doc::Kind::kMap; }
bool YamlNode::IsNull() const {
  if (!doc_) return false;
  const auto& n = doc_->nodes[index_];
  return n.kind == YamlNode::Doc::Kind::kScalar && n.plain &&
         (n.text.empty() || n.text == "~" || n.text == "null" || n.text == "Null" || n.text == "NULL");
}
const std::string& YamlNode::Scalar() const {
  if (!doc_ || doc_->nodes[index_].kind != YamlNode::Doc::Kind::kScalar) return kEmpty;
  return doc_->nodes[index_].text;
}
YamlMark YamlNode::Mark() const { return doc_ ? doc_->nodes[index_].mark : YamlMark{}; }
size_t YamlNode::size() const {
  if (!doc_) return 0;
  const auto& n = doc_->nodes[index_];
  if (n.kind == YamlNode::Doc::Kind::kSequence) return n.children.size();
  if (n.kind == YamlNode::Doc::Kind::kMap) return n.children.size() / 2;
  return 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return YamlNode();
  const auto& c = doc_->nodes[index_].children;
  for (size_t i = 0; i + 1 < c.size(); i += 2) {
    const auto& k = doc_->nodes[c[i]];
    if (k.kind == YamlNode::Doc::Kind::kScalar && k.text == key) return YamlNode(doc_, c[i + 1]);
  }
  return YamlNode();
}

YamlNode YamlNode::at(size_t i) const {
  if (!IsSequence() || i >= size()) return YamlNode();
  return YamlNode(doc_, doc_->nodes[index_].children[i]);
}

YamlNode::iterator YamlNode::begin() const {
  iterator it;
  it.parent_ = *this;
  it.pos_ = 0;
  it.Load();
  return it;
}

YamlNode::iterator YamlNode::end() const {
  iterator it;
  it.parent_ = *this;
  it.pos_ = size();
  return it;
}

YamlNode::iterator& YamlNode::iterator::operator++() {
  ++pos_;
  Load();
  return *this;
}

void YamlNode::iterator::Load() {
  if (pos_ >= parent_.size()) return;
  const auto& doc = parent_.doc_;
  const auto& c = doc->nodes[parent_.index_].children;
  if (parent_.IsSequence()) {
    static_cast<YamlNode&>(item_) = YamlNode(doc, c[pos_]);
    item_.first = item_.second = YamlNode();
  } else {
    item_.first = YamlNode(doc, c[2 * pos_]);
    item_.second = YamlNode(doc, c[2 * pos_ + 1]);
    static_cast<YamlNode&>(item_) = item_.second;
  }
}

bool DecodeYaml(const YamlNode& n, double* out) {
  if (!n.IsScalar()) return false;
  const std::string& s = n.Scalar();
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

bool DecodeYaml(const YamlNode& n, int* out) {
  if (!n.IsScalar()) return false;
  const std::string& s = n.Scalar();
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(s.c_str(), &end, 10);
  if (end != s.c_str() + s.size() || errno == ERANGE || v < -2147483647L || v > 2147483647L) return false;
  *out = static_cast<int>(v);
  return true;
}

template <>
std::string YamlNode::as<std::string>() const {
  if (!IsScalar()) throw YamlError(Mark(), "expected text");
  return Scalar();
}
template <>
double YamlNode::as<double>() const {
  double v;
  if (!DecodeYaml(*this, &v)) throw YamlError(Mark(), "expected a number");
  return v;
}
template <>
int YamlNode::as<int>() const {
  int v;
  if (!DecodeYaml(*this, &v)) throw YamlError(Mark(), "expected a whole number");
  return v;
}
bool DecodeYaml(const YamlNode& n, bool* out) {
  if (!n.IsScalar()) return false;
  const std::string& s = n.Scalar();
  if (s == "true" || s == "True" || s == "TRUE" || s == "yes") *out = true;
  else if (s == "false" || s == "False" || s == "FALSE" || s == "no") *out = false;
  else return false;
  return true;
}

template <>
bool YamlNode::as<bool>() const {
  bool v;
  if (!DecodeYaml(*this, &v)) throw YamlError(Mark(), "expected true or false");
  return v;
}

}  // namespace twitchcheck
