// A new version of a document (replace.h).
#include "ingest/replace.h"

#include <algorithm>
#include <fstream>

#include "store/errors.h"

namespace telaah::ingest {

size_t ReplaceResult::count(Carry c) const {
  return static_cast<size_t>(
      std::count_if(codings.begin(), codings.end(), [c](const CarriedCoding& x) { return x.how == c; }));
}

PreparedVersion prepare_version(const store::Project& p, store::Id doc, const std::filesystem::path& file,
                                const ImportOptions& opt_in) {
  const store::Document d = p.document(doc);
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) throw ImportError(file.string() + ": cannot read the file (" + ec.message() + ")");
  if (size > opt_in.limits.max_file_bytes)
    throw ImportError(file.string() + ": " + std::to_string(size >> 20) + " MB is over the import limit of " +
                      std::to_string(opt_in.limits.max_file_bytes >> 20) + " MB per file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ImportError(file.string() + ": cannot open the file");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  ImportOptions opt = opt_in;
  if (opt.doc_language.empty()) opt.doc_language = d.language;
  Extracted e = extract(file.string(), bytes, opt);

  const std::string old_text = p.text(doc);
  if (e.text == old_text)
    throw ImportError(file.string() + ": its text is the same as the current version of '" + d.title +
                      "'; nothing to replace");
  const auto codings = p.codings(store::CodingFilter{doc, {}, {}, {}, {}});
  std::vector<Span> spans;
  for (const auto& c : codings) spans.push_back({c.start, c.end});
  const auto carried = carry_spans(old_text, e.text, spans);
  PreparedVersion v;
  v.doc = doc;
  v.title = d.title;
  for (size_t k = 0; k < codings.size(); ++k) {
    v.result.codings.push_back({codings[k].id, spans[k], carried[k].to, carried[k].how});
    v.moved.push_back({codings[k].id, carried[k].to.start, carried[k].to.end});
  }
  store::NewDocument& nd = v.next;
  nd.title = d.title;
  nd.original_name = file.filename().string();
  nd.original_bytes = std::move(bytes);
  nd.text = std::move(e.text);
  nd.blocks = std::move(e.blocks);
  nd.pages = std::move(e.pages);
  nd.word_boxes = std::move(e.word_boxes);
  v.result.notes = std::move(e.notes);
  return v;
}

ReplaceResult commit_version(store::Project& p, PreparedVersion v) {
  // The codings the diff was made for, and no other (the window may have changed them meanwhile).
  std::vector<store::Id> now, then;
  for (const auto& c : p.codings(store::CodingFilter{v.doc, {}, {}, {}, {}})) now.push_back(c.id);
  for (const auto& m : v.moved) then.push_back(m.coding);
  std::sort(now.begin(), now.end());
  std::sort(then.begin(), then.end());
  if (now != then)
    throw ValidationError("the codings of '" + v.title + "' changed while the new version was read; replace it again");
  ReplaceResult r = std::move(v.result);
  r.version = p.replace_document(v.doc, v.next, v.moved, "Replace " + v.title + " with a new version");
  return r;
}

ReplaceResult replace_document(store::Project& p, store::Id doc, const std::filesystem::path& file,
                               const ImportOptions& opt) {
  return commit_version(p, prepare_version(p, doc, file, opt));
}

}  // namespace telaah::ingest
