// Lexer and recursive-descent parser of the query language (see query.h).
#include "index/query.h"

#include <algorithm>
#include <cctype>

#include "text/utf8.h"

namespace telaah::index {
namespace {

const char* const kFields[] = {"type", "lang", "year", "date", "doc", "outlet", "author", "speaker", "title", "code"};

bool known_field(const std::string& f) {
  return std::find(std::begin(kFields), std::end(kFields), f) != std::end(kFields);
}

std::string field_list() {
  std::string s;
  for (const char* f : kFields) s += (s.empty() ? "" : ", ") + std::string(f) + ":";
  return s;
}

struct Tok {
  enum Kind { end, lparen, rparen, and_, or_, not_, near, minus, word, phrase, wildcard, field } kind = end;
  std::string text, name;
  bool value_phrase = false, value_wildcard = false;
  bool exact = false;  // =word, ="phrase"
  int window = 0;
  size_t pos = 0, len = 0;  // bytes
};

size_t cp_of(const std::string& q, size_t byte) {
  return text::count_code_points(std::string_view(q).substr(0, std::min(byte, q.size())));
}

[[noreturn]] void fail(const std::string& q, size_t byte_pos, size_t byte_len, const std::string& msg) {
  size_t a = cp_of(q, byte_pos), b = cp_of(q, byte_pos + byte_len);
  throw QueryError(msg, a, b > a ? b - a : 1);
}

std::string at_char(const std::string& q, size_t byte_pos) {
  return "at character " + std::to_string(cp_of(q, byte_pos) + 1);
}

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Curly quotes count as quotes: they arrive by copy and paste.
size_t quote_len(const std::string& q, size_t i) {
  if (q[i] == '"') return 1;
  if (q.compare(i, 3, "\xE2\x80\x9C") == 0 || q.compare(i, 3, "\xE2\x80\x9D") == 0) return 3;
  return 0;
}

// The phrase starting at i (a quote); returns the text and moves i past the closing quote.
std::string read_phrase(const std::string& q, size_t& i) {
  const size_t open = i;
  i += quote_len(q, i);
  size_t start = i;
  while (i < q.size() && !quote_len(q, i)) ++i;
  if (i >= q.size()) fail(q, open, 1, "unclosed quote " + at_char(q, open) + ": the phrase has no closing \"");
  std::string body = q.substr(start, i - start);
  i += quote_len(q, i);
  return body;
}

std::vector<Tok> lex(const std::string& q) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < q.size()) {
    unsigned char c = static_cast<unsigned char>(q[i]);
    if (is_space(c)) {
      ++i;
      continue;
    }
    Tok t;
    t.pos = i;
    if (c == '(' || c == ')') {
      t.kind = c == '(' ? Tok::lparen : Tok::rparen;
      t.len = 1;
      ++i;
      out.push_back(t);
      continue;
    }
    if (c == '=') {  // =word, ="phrase": the exact, unstemmed words
      if (i + 1 >= q.size() || is_space(static_cast<unsigned char>(q[i + 1])) || q[i + 1] == '(' || q[i + 1] == ')')
        fail(q, i, 1,
             "'=' " + at_char(q, i) + " needs a word or a \"phrase\" right after it (=word, =\"exact phrase\")");
      t.exact = true;
      ++i;
    }
    if (quote_len(q, i)) {
      t.kind = Tok::phrase;
      t.text = read_phrase(q, i);
      t.len = i - t.pos;
      out.push_back(t);
      continue;
    }
    if (c == '-' && i + 1 < q.size() && !is_space(static_cast<unsigned char>(q[i + 1])) && q[i + 1] != '-' &&
        q[i + 1] != ')') {
      t.kind = Tok::minus;
      t.len = 1;
      ++i;
      out.push_back(t);
      continue;
    }
    // A bare run: up to whitespace, a parenthesis or a quote.
    size_t j = i;
    while (j < q.size() && !is_space(static_cast<unsigned char>(q[j])) && q[j] != '(' && q[j] != ')' &&
           !quote_len(q, j))
      ++j;
    std::string run = q.substr(i, j - i);
    t.len = j - t.pos;
    if (run == "&&" || run == "||" || run == "!")
      fail(q, i, run.size(),
           "'" + run + "' " + at_char(q, i) + ": write " +
               (run == "&&"   ? "AND"
                : run == "||" ? "OR"
                              : "NOT") +
               " instead");
    if (t.exact && (run == "AND" || run == "OR" || run == "NOT" || run == "NEAR" || run.rfind("NEAR/", 0) == 0))
      t.kind = Tok::word, t.text = run;  // =AND: the word "and", exactly
    else if (run == "AND")
      t.kind = Tok::and_;
    else if (run == "OR")
      t.kind = Tok::or_;
    else if (run == "NOT")
      t.kind = Tok::not_;
    else if (run == "NEAR" || run.rfind("NEAR/", 0) == 0) {
      t.kind = Tok::near;
      t.window = 10;
      if (run.size() > 4) {
        std::string n = run.substr(5);
        if (n.empty() || n.size() > 3 ||
            !std::all_of(n.begin(), n.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }) ||
            std::stoi(n) < 1)
          fail(q, i, run.size(),
               "NEAR/" + n + " " + at_char(q, i) + ": write NEAR/n with a distance n from 1 to 999, e.g. NEAR/5");
        t.window = std::stoi(n);
      }
    } else {
      size_t colon = run.find(':');
      std::string name = colon == std::string::npos ? "" : run.substr(0, colon);
      bool alpha_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalpha(static_cast<unsigned char>(ch));
      });
      if (alpha_name) {
        std::string lname = name;
        std::transform(lname.begin(), lname.end(), lname.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (!known_field(lname))
          fail(q, i, colon + 1,
               "unknown field '" + name + ":' " + at_char(q, i) + " (fields: " + field_list() +
                   "); to search the text literally, put it in quotes");
        if (t.exact)
          fail(q, t.pos, 1, "'=' " + at_char(q, t.pos) + " asks for exact words: it cannot stand before a filter");
        t.kind = Tok::field;
        t.name = lname;
        std::string value = run.substr(colon + 1);
        j = i + colon + 1;
        if (value.empty() && j < q.size() && quote_len(q, j)) {
          t.text = read_phrase(q, j);
          t.value_phrase = true;
          if (text::count_code_points(t.text) == 0 || t.text.find_first_not_of(" \t") == std::string::npos)
            fail(q, i, j - i, name + ": " + at_char(q, i) + " has an empty phrase");
        } else {
          if (value.empty())
            fail(q, i, colon + 1,
                 name + ": " + at_char(q, i) + " needs a value, e.g. " + name + ":word or " + name + ":\"two words\"");
          j = i + run.size();
          if (value.size() > 1 && value.back() == '*') {
            t.value_wildcard = true;
            value.pop_back();
          }
          t.text = value;
        }
        t.len = j - i;
        i = j;
        out.push_back(t);
        continue;
      }
      size_t star = run.find('*');
      if (star != std::string::npos) {
        if (star != run.size() - 1)
          fail(q, i + star, 1, "a * " + at_char(q, i + star) + " can only end a word (prefix*)");
        std::string prefix = run.substr(0, star);
        std::vector<Token> toks;
        tokenize(prefix, toks);
        if (toks.size() != 1 || toks[0].word.size() < 2 || text::count_code_points(toks[0].word) < 2)
          fail(q, i, run.size(),
               "'" + run + "' " + at_char(q, i) + ": give at least two letters of one word before the *");
        if (t.exact)
          fail(q, t.pos, 1,
               "'=' " + at_char(q, t.pos) + " asks for exact words: a prefix* already means the words it begins");
        t.kind = Tok::wildcard;
        t.text = toks[0].word;
      } else {
        t.kind = Tok::word;
        t.text = run;
      }
    }
    i = j;
    out.push_back(t);
  }
  Tok e;
  e.pos = q.size();
  out.push_back(e);
  return out;
}

class Parser {
 public:
  Parser(const std::string& q, std::vector<Tok> toks) : q_(q), t_(std::move(toks)) {}

  QueryNode parse() {
    if (t_.size() == 1)
      throw QueryError("the query is empty: type a word, a \"phrase\" or a filter such as type:news", 0, 1);
    QueryNode n = parse_or();
    if (peek().kind == Tok::rparen) fail(q_, peek().pos, 1, ") " + at_char(q_, peek().pos) + " has no matching (");
    if (peek().kind != Tok::end)
      fail(q_, peek().pos, peek().len,
           "unexpected '" + q_.substr(peek().pos, peek().len) + "' " + at_char(q_, peek().pos));
    return n;
  }

 private:
  const Tok& peek() const { return t_[i_]; }
  const Tok& next() { return t_[i_++]; }
  static bool starts_operand(const Tok& t) {
    return t.kind == Tok::lparen || t.kind == Tok::word || t.kind == Tok::phrase || t.kind == Tok::wildcard ||
           t.kind == Tok::field || t.kind == Tok::minus || t.kind == Tok::not_;
  }
  [[noreturn]] void needs_after(const Tok& op, const char* name) {
    fail(q_, op.pos, op.len,
         std::string(name) + " " + at_char(q_, op.pos) + " needs a word, phrase or filter after it");
  }

  QueryNode parse_or() {
    if (peek().kind == Tok::or_ || peek().kind == Tok::and_ || peek().kind == Tok::near)
      fail(q_, peek().pos, peek().len,
           q_.substr(peek().pos, peek().len) + " " + at_char(q_, peek().pos) + " needs something before it");
    QueryNode left = parse_and();
    if (peek().kind != Tok::or_) return left;
    QueryNode n;
    n.kind = QueryNode::Kind::or_;
    n.pos = left.pos;
    n.kids.push_back(std::move(left));
    while (peek().kind == Tok::or_) {
      const Tok& op = next();
      if (!starts_operand(peek())) needs_after(op, "OR");
      n.kids.push_back(parse_and());
    }
    return n;
  }

  QueryNode parse_and() {
    std::vector<QueryNode> pos, neg;
    size_t start = peek().pos;
    while (true) {
      const Tok& t = peek();
      if (t.kind == Tok::end || t.kind == Tok::rparen || t.kind == Tok::or_) break;
      if (t.kind == Tok::and_) {
        const Tok& op = next();
        if (pos.empty() && neg.empty())
          fail(q_, op.pos, op.len, "AND " + at_char(q_, op.pos) + " needs something before it");
        if (!starts_operand(peek())) needs_after(op, "AND");
        continue;
      }
      if (t.kind == Tok::near) fail(q_, t.pos, t.len, "NEAR " + at_char(q_, t.pos) + " needs a word before it");
      if (t.kind == Tok::not_ || t.kind == Tok::minus) {
        const Tok& op = next();
        if (!starts_operand(peek()) || peek().kind == Tok::not_ || peek().kind == Tok::minus)
          needs_after(op, op.kind == Tok::not_ ? "NOT" : "-");
        neg.push_back(parse_near());
        continue;
      }
      pos.push_back(parse_near());
    }
    if (pos.empty() && neg.empty()) {
      const Tok& t = peek();
      fail(q_, t.pos, std::max<size_t>(t.len, 1), "expected a word, phrase or filter " + at_char(q_, t.pos));
    }
    QueryNode all;
    if (pos.size() == 1)
      all = std::move(pos[0]);
    else if (pos.empty())
      all.kind = QueryNode::Kind::all;  // NOT x alone: everything but x
    else {
      all.kind = QueryNode::Kind::and_;
      all.kids = std::move(pos);
    }
    all.pos = start;
    if (neg.empty()) return all;
    QueryNode n;
    n.kind = QueryNode::Kind::and_not;
    n.pos = start;
    n.kids.push_back(std::move(all));
    for (auto& x : neg) n.kids.push_back(std::move(x));
    return n;
  }

  QueryNode parse_near() {
    QueryNode left = parse_unary();
    if (peek().kind != Tok::near) return left;
    QueryNode n;
    n.kind = QueryNode::Kind::near;
    n.pos = left.pos;
    n.window = peek().window;
    auto check = [&](const QueryNode& k) {
      if (k.kind != QueryNode::Kind::word && k.kind != QueryNode::Kind::wildcard)
        fail(q_, k.pos, std::max<size_t>(k.len, 1),
             "NEAR joins single words or prefix* words; the part " + at_char(q_, k.pos) +
                 " is not one (for an exact sequence use a \"phrase\")");
    };
    check(left);
    n.kids.push_back(std::move(left));
    while (peek().kind == Tok::near) {
      const Tok& op = next();
      n.window = std::max(n.window, op.window);
      if (!starts_operand(peek()) || peek().kind == Tok::not_ || peek().kind == Tok::minus) needs_after(op, "NEAR");
      QueryNode k = parse_unary();
      check(k);
      n.kids.push_back(std::move(k));
    }
    return n;
  }

  QueryNode parse_unary() {
    const Tok& t = next();
    QueryNode n;
    n.pos = t.pos;
    n.len = t.len;
    switch (t.kind) {
      case Tok::lparen: {
        if (peek().kind == Tok::rparen) fail(q_, t.pos, 2, "empty parentheses " + at_char(q_, t.pos));
        // The parser and everything that walks the tree recurse per level: bounded here.
        if (++depth_ > kMaxQueryDepth)
          fail(q_, t.pos, 1,
               "parentheses nested deeper than " + std::to_string(kMaxQueryDepth) + " levels " + at_char(q_, t.pos) +
                   ": simplify the query");
        n = parse_or();
        --depth_;
        if (peek().kind != Tok::rparen) fail(q_, t.pos, 1, "( " + at_char(q_, t.pos) + " is never closed");
        next();
        return n;
      }
      case Tok::word:
        n.kind = QueryNode::Kind::word;
        n.text = t.text;
        n.exact = t.exact;
        return n;
      case Tok::phrase:
        n.kind = QueryNode::Kind::phrase;
        n.text = t.text;
        n.exact = t.exact;
        return n;
      case Tok::wildcard:
        n.kind = QueryNode::Kind::wildcard;
        n.text = t.text;
        return n;
      case Tok::field:
        n.kind = QueryNode::Kind::field;
        n.field = t.name;
        n.text = t.text;
        n.value_is_phrase = t.value_phrase;
        n.value_is_wildcard = t.value_wildcard;
        return n;
      case Tok::rparen:
        fail(q_, t.pos, 1, ") " + at_char(q_, t.pos) + " has no matching (");
      case Tok::end:
        fail(q_, t.pos, 1, "the query ends where a word, phrase or filter is expected");
      default:
        fail(q_, t.pos, t.len,
             "'" + q_.substr(t.pos, t.len) + "' " + at_char(q_, t.pos) + " needs a word, phrase or filter before it");
    }
  }

  const std::string& q_;
  std::vector<Tok> t_;
  size_t i_ = 0;
  int depth_ = 0;  // open parentheses
};

}  // namespace

std::string QueryError::caret(const std::string& query) const {
  std::string line = "  " + query + "\n  ";
  line += std::string(pos, ' ') + std::string(std::max<size_t>(len, 1), '^');
  return line;
}

QueryNode parse_query(const std::string& query) {
  if (auto bad = text::find_invalid_utf8(query))
    throw QueryError("the query is not valid UTF-8 text", cp_of(query, *bad), 1);
  return Parser(query, lex(query)).parse();
}

namespace {
void collect_inexact(const QueryNode& n, std::vector<size_t>& at) {
  if ((n.kind == QueryNode::Kind::word || n.kind == QueryNode::Kind::phrase) && !n.exact) at.push_back(n.pos);
  for (const auto& k : n.kids) collect_inexact(k, at);
}
}  // namespace

std::string exact_words(const std::string& query) {
  std::vector<size_t> at;
  collect_inexact(parse_query(query), at);
  std::sort(at.begin(), at.end());
  at.erase(std::unique(at.begin(), at.end()), at.end());
  std::string out = query;
  for (auto it = at.rbegin(); it != at.rend(); ++it) out.insert(*it, 1, '=');
  return out;
}

std::string describe(const QueryNode& n) {
  using K = QueryNode::Kind;
  auto join = [&](const char* op) {
    std::string s = "(";
    for (size_t i = 0; i < n.kids.size(); ++i) s += (i ? std::string(" ") + op + " " : "") + describe(n.kids[i]);
    return s + ")";
  };
  switch (n.kind) {
    case K::all:
      return "*";
    case K::word:
      return (n.exact ? "=" : "") + n.text;
    case K::phrase:
      return (n.exact ? "=\"" : "\"") + n.text + "\"";
    case K::wildcard:
      return n.text + "*";
    case K::field:
      return n.field + ":" + (n.value_is_phrase ? "\"" + n.text + "\"" : n.text) + (n.value_is_wildcard ? "*" : "");
    case K::and_:
      return join("AND");
    case K::or_:
      return join("OR");
    case K::and_not:
      return join("NOT");
    case K::near:
      return join(("NEAR/" + std::to_string(n.window)).c_str());
  }
  return "";
}

}  // namespace telaah::index
