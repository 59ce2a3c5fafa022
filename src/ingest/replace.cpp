// A new version of a document (replace.h).
#include "ingest/replace.h"

#include <algorithm>
#include <fstream>

namespace telaah::ingest {

size_t ReplaceResult::count(Carry c) const {
  return static_cast<size_t>(
      std::count_if(codings.begin(), codings.end(), [c](const CarriedCoding& x) { return x.how == c; }));
}

ReplaceResult replace_document(store::Project& p, store::Id doc, const std::filesystem::path& file,
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
  ReplaceResult r;
  std::vector<store::MovedCoding> moved;
  for (size_t k = 0; k < codings.size(); ++k) {
    r.codings.push_back({codings[k].id, spans[k], carried[k].to, carried[k].how});
    moved.push_back({codings[k].id, carried[k].to.start, carried[k].to.end});
  }
  store::NewDocument nd;
  nd.title = d.title;
  nd.original_name = file.filename().string();
  nd.original_bytes = std::move(bytes);
  nd.text = std::move(e.text);
  nd.blocks = std::move(e.blocks);
  nd.pages = std::move(e.pages);
  nd.word_boxes = std::move(e.word_boxes);
  r.notes = std::move(e.notes);
  r.version = p.replace_document(doc, nd, moved, "Replace " + d.title + " with a new version");
  return r;
}

}  // namespace telaah::ingest
