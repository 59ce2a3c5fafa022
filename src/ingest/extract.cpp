// Format detection and dispatch to the importer of each format.
#include <algorithm>

#include "ingest/importer.h"

namespace telaah::ingest {

static std::string extension(const std::string& name) {
  size_t dot = name.find_last_of('.');
  size_t slash = name.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

std::string detect_format(const std::string& name, std::string_view bytes) {
  const std::string ext = extension(name);
  if (ext == "txt" || ext == "text") return "txt";
  if (ext == "md" || ext == "markdown") return "md";
  if (bytes.substr(0, 5) == "%PDF-") return "pdf";
  if (ext.empty() || ext == "csv" || ext == "log") return "txt";
  return "";
}

Extracted extract(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  if (bytes.size() > opt.limits.max_file_bytes)
    throw ImportError(name + ": " + std::to_string(bytes.size() >> 20) + " MB is over the import limit of " +
                      std::to_string(opt.limits.max_file_bytes >> 20) + " MB per file");
  if (bytes.empty()) throw ImportError(name + ": the file is empty");
  std::string fmt = opt.format.empty() ? detect_format(name, bytes) : opt.format;
  if (fmt == "txt") return extract_plain(name, bytes, opt);
  if (fmt == "md") return extract_markdown(name, bytes, opt);
  throw ImportError(name + ": this file type is not supported (Telaah imports .txt, .md, .html, .docx, .odt and .pdf)");
}

}  // namespace telaah::ingest
