// REFI-QDA import helpers: grouped findings, file lookup inside archives and
// folders (tolerating Sources/, missing internal://, files at the root),
// users, notes and variable values.
#include <fstream>

#include "exchange/guid.h"
#include "exchange/refi_import_plan.h"
#include "exchange/refi_names.h"
#include "exchange/xml.h"

namespace fs = std::filesystem;

namespace telaah::exchange::detail {

constexpr size_t kExamples = 5;

void Findings::add(std::vector<Group>& gs, const std::string& kind, const std::string& example) {
  for (auto& g : gs)
    if (g.kind == kind) {
      ++g.count;
      if (!example.empty() && g.examples.size() < kExamples) g.examples.push_back(example);
      return;
    }
  gs.push_back({kind, 1, example.empty() ? std::vector<std::string>{} : std::vector<std::string>{example}});
}

std::vector<std::string> Findings::lines(const std::vector<Group>& gs) {
  std::vector<std::string> out;
  for (const auto& g : gs) {
    std::string l = g.kind + " [" + std::to_string(g.count) + "]";
    if (!g.examples.empty()) {
      l += ": ";
      for (size_t i = 0; i < g.examples.size(); ++i) l += (i ? "; " : "") + g.examples[i];
      if (g.count > static_cast<int64_t>(g.examples.size()))
        l += "; and " + std::to_string(g.count - static_cast<int64_t>(g.examples.size())) + " more";
    }
    out.push_back(l);
  }
  return out;
}

std::string attr(const pugi::xml_node& n, const char* name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view an = a.name();
    size_t c = an.find(':');
    if ((c == std::string_view::npos ? an : an.substr(c + 1)) == name) return a.value();
  }
  return "";
}

FileStore::FileStore(std::unique_ptr<ingest::ZipArchive> zip, fs::path folder, fs::path extra,
                     const ingest::Limits& limits)
    : zip_(std::move(zip)), folder_(std::move(folder)), extra_(std::move(extra)), limits_(limits) {}

std::optional<std::string> FileStore::from_disk(const fs::path& p) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) return std::nullopt;
  if (fs::file_size(p, ec) > limits_.max_file_bytes) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

static std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::optional<std::string> FileStore::fetch(const std::string& path, Findings& f, std::string* where) {
  std::string name = path;
  bool external = false;
  if (name.rfind("internal://", 0) == 0)
    name = name.substr(11);
  else if (name.rfind("relative://", 0) == 0 || name.rfind("absolute://", 0) == 0) {
    name = name.substr(11);
    external = true;
  } else {
    f.deviation("source paths without the internal:// scheme (taken as files in sources/)", path);
  }
  while (!name.empty() && name.front() == '/') name.erase(0, 1);
  const std::string base = name.substr(name.find_last_of('/') == std::string::npos ? 0 : name.find_last_of('/') + 1);
  if (base.empty()) return std::nullopt;
  if (where) *where = base;
  if (zip_ && !external) {
    const auto& names = zip_->names();
    auto exact = [&](const std::string& want) -> std::optional<std::string> {
      for (const auto& n : names) {
        std::string norm = n;
        std::replace(norm.begin(), norm.end(), '\\', '/');
        if (norm == want) return n;
      }
      return std::nullopt;
    };
    auto folded = [&](const std::string& want) -> std::optional<std::string> {
      for (const auto& n : names) {
        std::string norm = n;
        std::replace(norm.begin(), norm.end(), '\\', '/');
        if (lower(norm) == lower(want)) return n;
      }
      return std::nullopt;
    };
    if (auto n = exact("sources/" + base)) {
      if (n->find('\\') != std::string::npos) f.deviation("archive entries with backslashes in their names", *n);
      return zip_->read(*n);
    }
    if (auto n = folded("sources/" + base)) {
      f.deviation("source folders or file names in another letter case than the standard's sources/ (e.g. Sources/)",
                  *n);
      return zip_->read(*n);
    }
    if (auto n = folded(base)) {
      f.deviation("source files at the top of the archive instead of in sources/", *n);
      return zip_->read(*n);
    }
    for (const auto& n : names) {  // anywhere else in the archive
      std::string norm = n;
      std::replace(norm.begin(), norm.end(), '\\', '/');
      size_t slash = norm.find_last_of('/');
      if (slash != std::string::npos && lower(norm.substr(slash + 1)) == lower(base)) {
        f.deviation("source files in a folder other than sources/", n);
        return zip_->read(n);
      }
    }
  }
  if (!folder_.empty()) {
    for (const char* dir : {"sources", "Sources", ""})
      if (auto b = from_disk(folder_ / dir / base)) return b;
    if (external)
      if (auto b = from_disk(folder_ / name)) return b;
  }
  if (!extra_.empty())
    if (auto b = from_disk(extra_ / base)) {
      f.deviation("source files found in the folder given with --sources", base);
      return b;
    }
  return std::nullopt;
}

int Context::coder_for(const std::string& user_guid) {
  std::string g = canonical_guid(user_guid);
  if (g.empty()) g = canonical_guid(project_user);
  if (g.empty() && !sole_user.empty()) {
    findings.deviation("codings that name no user (given to the file's only user)");
    g = sole_user;
  }
  if (auto it = coder_by_guid.find(g); it != coder_by_guid.end()) return it->second;
  std::string name = g.empty() ? opt.coder_fallback : "user " + g.substr(0, 8);
  if (g.empty())
    findings.deviation("codings that name no user (given to coder '" + opt.coder_fallback + "')");
  else
    findings.deviation("codings by users missing from the Users list (coder named after the GUID)", g);
  auto it = std::find(plan.coders.begin(), plan.coders.end(), name);
  int idx = static_cast<int>(it - plan.coders.begin());
  if (it == plan.coders.end()) plan.coders.push_back(name);
  coder_by_guid[g] = idx;
  return idx;
}

std::string Context::note_text(const pugi::xml_node& owner, bool consume) {
  std::string out;
  for (const auto& nr : children_named(owner, "NoteRef")) {
    auto it = notes.find(canonical_guid(attr(nr, "targetGUID")));
    if (it == notes.end()) {
      findings.loss("references to notes the file does not contain");
      continue;
    }
    if (consume) it->second.used = true;
    const std::string& b = it->second.body.empty() ? it->second.title : it->second.body;
    if (!b.empty()) out += (out.empty() ? "" : "\n\n") + b;
  }
  return out;
}

std::string variable_value(const pugi::xml_node& vv, std::string* kind) {
  for (const char* k : {"TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue"})
    if (pugi::xml_node v = child_named(vv, k)) {
      if (kind) *kind = k;
      return v.text().get();
    }
  return "";
}

static bool valid_telaah_date(const std::string& d) {
  if (d.size() == 4) return is_xsd_integer(d) && d[0] != '-' && d[0] != '+';
  if (d.size() == 7) return is_xsd_date(d + "-01");
  return is_xsd_date(d);
}

void apply_variable(Context& cx, store::NewDocument& d, const std::string& var_name, const std::string& var_type,
                    const std::string& value) {
  if (var_name == refi::kVarSourceType && !value.empty()) {
    d.source_type = value;
    static const char* kDefaults[] = {"interview", "news", "official"};
    if (std::find(std::begin(kDefaults), std::end(kDefaults), value) == std::end(kDefaults) &&
        std::find(cx.plan.new_source_types.begin(), cx.plan.new_source_types.end(), value) ==
            cx.plan.new_source_types.end())
      cx.plan.new_source_types.push_back(value);
    return;
  }
  if (var_name == refi::kVarLanguage) {
    d.language = value;
    return;
  }
  if (var_name == refi::kVarAuthor) {
    d.author = value;
    return;
  }
  if (var_name == refi::kVarDate && valid_telaah_date(value)) {
    d.date = value;
    return;
  }
  std::string name = var_name;
  const std::string suffix = refi::kAttributeSuffix;
  if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
      refi::is_reserved_variable(name.substr(0, name.size() - suffix.size())))
    name = name.substr(0, name.size() - suffix.size());
  if (name.empty()) name = "variable";
  store::Attribute a{name, "text", value};
  if ((var_type == "Integer" || var_type == "Float") && is_xsd_decimal(value))
    a.type = "number";
  else if (var_type == "Date" && is_xsd_date(value))
    a.type = "date";
  for (auto& have : d.attributes)
    if (have.name == a.name) {
      if (have.value == a.value) return;
      // Several cases or sets give one source several values: keep them all.
      have.value += "; " + a.value;
      have.type = "text";
      cx.findings.deviation("sources with several values for one variable (joined with '; ')", d.title + ": " + a.name);
      return;
    }
  d.attributes.push_back(std::move(a));
}

}  // namespace telaah::exchange::detail
