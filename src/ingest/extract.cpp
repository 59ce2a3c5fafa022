// Format detection (extension first, then the bytes) and dispatch to the
// importer of each format.
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

// What the bytes say, whatever the name: "" when they say nothing certain.
static std::string sniff(std::string_view bytes) {
  if (bytes.substr(0, 5) == "%PDF-") return "pdf";
  // Images (read by OCR): PNG, JPEG, TIFF (either byte order).
  if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8) || bytes.substr(0, 3) == "\xFF\xD8\xFF" ||
      bytes.substr(0, 4) == std::string_view("II*\0", 4) || bytes.substr(0, 4) == std::string_view("MM\0*", 4))
    return "image";
  // PDF allows junk before the header within the first KB.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return "pdf";
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    if (bytes.substr(0, 100).find("mimetypeapplication/vnd.oasis.opendocument.text") != std::string_view::npos)
      return "odt";
    if (bytes.find("word/document.xml") != std::string_view::npos) return "docx";
    if (bytes.find("content.xml") != std::string_view::npos) return "odt";
    return "zip";
  }
  std::string head(bytes.substr(0, 512));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  size_t b = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (b != std::string::npos && (head.compare(b, 14, "<!doctype html") == 0 || head.compare(b, 5, "<html") == 0))
    return "html";
  return "";
}

std::string detect_format(const std::string& name, std::string_view bytes) {
  const std::string ext = extension(name);
  const std::string sniffed = sniff(bytes);
  if (ext == "pdf" || ext == "docx" || ext == "odt") return ext;  // a wrong file gets that importer's clear error
  if (ext == "png" || ext == "jpg" || ext == "jpeg" || ext == "tif" || ext == "tiff") return "image";
  if (sniffed == "pdf" || sniffed == "docx" || sniffed == "odt" || sniffed == "image")
    return sniffed;  // misnamed binary documents
  if (ext == "txt" || ext == "text") return "txt";
  if (ext == "md" || ext == "markdown") return "md";
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return "html";
  if (sniffed == "html") return "html";
  if (ext.empty() || ext == "csv" || ext == "log" || ext == "tsv") return sniffed.empty() ? "txt" : "";
  return "";
}

static Extracted extract_format(const std::string& name, std::string_view bytes, const ImportOptions& opt);

Extracted extract(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  Extracted e = extract_format(name, bytes, opt);
  // The text of one document is bounded too: what the search index and the
  // document view handle well (Limits::max_text_bytes, README).
  if (e.text.size() > opt.limits.max_text_bytes)
    throw ImportError(name + ": its text is " + std::to_string((e.text.size() + (1u << 20) - 1) >> 20) +
                      " MB, over the limit of " + std::to_string(opt.limits.max_text_bytes >> 20) +
                      " MB per document (up to it, importing and indexing a document takes under a minute; each "
                      "further MB about 2.6 s more); give --max-mb " +
                      std::to_string((e.text.size() >> 20) + 1) + " to import it anyway");
  return e;
}

static Extracted extract_format(const std::string& name, std::string_view bytes, const ImportOptions& opt) {
  if (bytes.size() > opt.limits.max_file_bytes)
    throw ImportError(name + ": " + std::to_string(bytes.size() >> 20) + " MB is over the import limit of " +
                      std::to_string(opt.limits.max_file_bytes >> 20) + " MB per file");
  if (bytes.empty()) throw ImportError(name + ": the file is empty");
  const std::string ext = extension(name);
  const std::string fmt = opt.format.empty() ? detect_format(name, bytes) : opt.format;
  if (fmt == "txt") return extract_plain(name, bytes, opt);
  if (fmt == "md") return extract_markdown(name, bytes, opt);
  if (fmt == "html") return extract_html(name, bytes, opt);
  if (fmt == "docx") return extract_docx(name, bytes, opt);
  if (fmt == "odt") return extract_odt(name, bytes, opt);
  if (fmt == "pdf") return extract_pdf(name, bytes, opt);
  if (fmt == "image") {
    if (opt.ocr == "never") throw ImportError(name + ": an image is read by OCR, and --ocr never was given");
    return extract_image(name, bytes, opt);
  }
  if (!opt.format.empty())
    throw ImportError(name + ": unknown format '" + opt.format + "' (use txt, md, html, docx, odt, pdf or image)");
  if (ext == "doc")
    throw ImportError(name + ": old Word .doc files cannot be read; save the file as .docx and import that");
  if (ext == "rtf")
    throw ImportError(name + ": RTF files cannot be read; save the file as .docx or .txt and import that");
  throw ImportError(name +
                    ": this file type is not supported (Telaah imports .txt, .md, .html, .docx, .odt, .pdf and, by "
                    "OCR, .png, .jpg and .tiff)");
}

}  // namespace telaah::ingest
