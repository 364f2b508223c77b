#include "kb/yaml.h"

#include <yaml.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace twitchcheck {

enum class Kind { kScalar, kSequence, kMap };

struct YamlNode::Doc {
  struct Node {
    Kind kind = Kind::kScalar;
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

// Builds a Doc from libyaml's event stream.
class YamlDocBuilder {
 public:
  static YamlNode Parse(std::string_view text) {
    auto doc = std::make_shared<YamlNode::Doc>();
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) throw YamlError({}, "cannot start the YAML parser");
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    std::vector<int> stack;
    int root = -1;
    bool done = false;
    try {
      while (!done) {
        yaml_event_t e;
        if (!yaml_parser_parse(&parser, &e)) {
          YamlMark m{static_cast<int>(parser.problem_mark.line), static_cast<int>(parser.problem_mark.column)};
          std::string what = parser.problem ? parser.problem : "invalid YAML";
          if (parser.context) what = std::string(parser.context) + ": " + what;
          throw YamlError(m, what);
        }
        YamlMark mark{static_cast<int>(e.start_mark.line), static_cast<int>(e.start_mark.column)};
        int created = -1;
        switch (e.type) {
          case YAML_SCALAR_EVENT: {
            YamlNode::Doc::Node n;
            n.kind = Kind::kScalar;
            n.text.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
            n.plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            n.mark = mark;
            created = Add(doc.get(), std::move(n));
            break;
          }
          case YAML_SEQUENCE_START_EVENT:
          case YAML_MAPPING_START_EVENT: {
            YamlNode::Doc::Node n;
            n.kind = e.type == YAML_SEQUENCE_START_EVENT ? Kind::kSequence : Kind::kMap;
            n.mark = mark;
            created = Add(doc.get(), std::move(n));
            break;
          }
          case YAML_SEQUENCE_END_EVENT:
          case YAML_MAPPING_END_EVENT:
            stack.pop_back();
            if (stack.empty()) done = true;
            break;
          case YAML_ALIAS_EVENT:
            yaml_event_delete(&e);
            throw YamlError(mark, "aliases are not supported in the knowledge base");
          case YAML_DOCUMENT_END_EVENT:
          case YAML_STREAM_END_EVENT:
            done = true;
            break;
          default:
            break;
        }
        yaml_event_delete(&e);
        if (created >= 0) {
          if (stack.empty()) root = created;
          else doc->nodes[stack.back()].children.push_back(created);
          Kind k = doc->nodes[created].kind;
          if (k != Kind::kScalar) stack.push_back(created);
          else if (stack.empty()) done = true;
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
      root = Add(doc.get(), std::move(n));
    }
    return YamlNode(doc, root);
  }

 private:
  static int Add(YamlNode::Doc* doc, YamlNode::Doc::Node n) {
    doc->nodes.push_back(std::move(n));
    return static_cast<int>(doc->nodes.size() - 1);
  }
};

YamlNode ParseYaml(std::string_view text) { return YamlDocBuilder::Parse(text); }

bool YamlNode::IsScalar() const { return doc_ && doc_->nodes[index_].kind == Kind::kScalar && !IsNull(); }
bool YamlNode::IsSequence() const { return doc_ && doc_->nodes[index_].kind == Kind::kSequence; }
bool YamlNode::IsMap() const { return doc_ && doc_->nodes[index_].kind == Kind::kMap; }
bool YamlNode::IsNull() const {
  if (!doc_) return false;
  const auto& n = doc_->nodes[index_];
  return n.kind == Kind::kScalar && n.plain &&
         (n.text.empty() || n.text == "~" || n.text == "null" || n.text == "Null" || n.text == "NULL");
}
const std::string& YamlNode::Scalar() const {
  if (!doc_ || doc_->nodes[index_].kind != Kind::kScalar) return kEmpty;
  return doc_->nodes[index_].text;
}
YamlMark YamlNode::Mark() const { return doc_ ? doc_->nodes[index_].mark : YamlMark{}; }
size_t YamlNode::size() const {
  if (!doc_) return 0;
  const auto& n = doc_->nodes[index_];
  if (n.kind == Kind::kSequence) return n.children.size();
  if (n.kind == Kind::kMap) return n.children.size() / 2;
  return 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return YamlNode();
  const auto& c = doc_->nodes[index_].children;
  for (size_t i = 0; i + 1 < c.size(); i += 2) {
    const auto& k = doc_->nodes[c[i]];
    if (k.kind == Kind::kScalar && k.text == key) return YamlNode(doc_, c[i + 1]);
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
