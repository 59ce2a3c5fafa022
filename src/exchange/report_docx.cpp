// The evaluation report as a Word document (Office Open XML, .docx), from the
// same blocks as the HTML: the title and headings in Word's "heading 1–4"
// styles (so Word's navigation pane and table of contents see them), tables
// as Word tables (header row repeated on each page, rows never split across
// pages), quotes in Word's "Quote" style, a new page before each section and
// each indicator, A4 pages. Written with the zip writer of archive.h; every
// part is generated here.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exchange/archive.h"
#include "exchange/report.h"
#include "exchange/report_doc.h"
#include "exchange/report_matrix.h"

namespace telaah::exchange {

namespace {

const char* kContentTypes = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
)";

const char* kRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
)";

const char* kDocumentRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>
)";

// Word's built-in style ids and names ("heading 1", "Quote", "List Bullet"),
// so that Word, LibreOffice and pandoc recognise them.
const char* kStyles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="LANG"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="D8DCE0"/></w:pBdr><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:color w:val="5B6169"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepLines/><w:pBdr><w:left w:val="single" w:sz="18" w:space="6" w:color="8C8C8C"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F5F7F9"/><w:ind w:left="340" w:right="340"/><w:spacing w:after="40"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:left="360" w:hanging="240"/><w:spacing w:after="60"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="5B6169"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Verdict"><w:name w:val="Verdict"/><w:basedOn w:val="Normal"/>
<w:pPr><w:pBdr><w:left w:val="single" w:sz="36" w:space="8" w:color="2E7D32"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F5F7F9"/><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="Citation"><w:name w:val="Citation"/><w:rPr><w:color w:val="5B6169"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/><w:left w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/><w:right w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/></w:tblBorders></w:tblPr></w:style>
</w:styles>
)";

// One bullet list definition, used by the "List Bullet" style.
const char* kNumbering = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="240"/></w:pPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>
)";

// Text for <w:t>: XML-escaped, without the control characters XML 1.0 forbids.
std::string xml_text(const std::string& s) {
  std::string clean;
  for (unsigned char c : s)
    if (c >= 0x20 || c == '\t') clean += static_cast<char>(c);
  return escape_xml(clean);
}

// Runs for one piece of text; line breaks become <w:br/>.
std::string run(const std::string& text, bool bold, bool italic, const std::string& rstyle = "") {
  std::string props;
  if (!rstyle.empty()) props += "<w:rStyle w:val=\"" + rstyle + "\"/>";
  if (bold) props += "<w:b/>";
  if (italic) props += "<w:i/>";
  std::string o = "<w:r>" + (props.empty() ? "" : "<w:rPr>" + props + "</w:rPr>");
  size_t at = 0;
  for (;;) {
    const size_t nl = text.find('\n', at);
    o += "<w:t xml:space=\"preserve\">" + xml_text(text.substr(at, nl == std::string::npos ? nl : nl - at)) + "</w:t>";
    if (nl == std::string::npos) break;
    o += "<w:br/>";
    at = nl + 1;
  }
  return o + "</w:r>";
}

std::string para(const std::string& style, const std::string& runs, bool page_break = false) {
  std::string ppr;
  if (!style.empty()) ppr += "<w:pStyle w:val=\"" + style + "\"/>";
  if (page_break) ppr += "<w:pageBreakBefore/>";
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + runs + "</w:p>\n";
}

std::string runs_xml(const std::vector<Run>& runs) {
  std::string o;
  for (const auto& r : runs) o += run(r.text, r.bold, r.italic);
  return o;
}

// A4 in twentieths of a point: 11906 × 16838; margins 2 cm.
constexpr int kTextWidth = 11906 - 2 * 1134;

std::string table_xml(const std::vector<std::vector<std::string>>& rows, bool header) {
  if (rows.empty()) return "";
  const size_t n = rows[0].size();
  std::ostringstream o;
  o << "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
       "<w:tblLayout w:type=\"autofit\"/><w:tblLook w:val=\"04A0\" w:firstRow=\""
    << (header ? 1 : 0)
    << "\" w:lastRow=\"0\" "
       "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
  for (size_t i = 0; i < n; ++i) o << "<w:gridCol w:w=\"" << kTextWidth / static_cast<int>(n) << "\"/>";
  o << "</w:tblGrid>\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    // Rows never split across pages; the header row repeats on each page.
    const bool head_row = header && r == 0;
    o << "<w:tr><w:trPr><w:cantSplit/>" << (head_row ? "<w:tblHeader/>" : "") << "</w:trPr>";
    for (size_t c = 0; c < n; ++c) {
      const std::string& text = c < rows[r].size() ? rows[r][c] : std::string();
      const bool head = head_row || (!header && c == 0);
      o << "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>"
        << (head ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F5F7F9\"/>" : "") << "</w:tcPr>"
        << para("", run(text, head, false)) << "</w:tc>";
    }
    o << "</w:tr>\n";
  }
  o << "</w:tbl>\n" << para("", "");  // Word needs a paragraph between two tables
  return o.str();
}

std::string document_xml(const std::vector<Block>& blocks) {
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\n";
  for (const auto& b : blocks) {
    switch (b.kind) {
      case Block::Kind::title:
        o << para("Heading1", runs_xml(b.runs), b.page_break);
        break;
      case Block::Kind::heading:
        o << para("Heading" + std::to_string(std::min(b.level + 1, 4)), runs_xml(b.runs), b.page_break);
        break;
      case Block::Kind::paragraph:
        o << para("", runs_xml(b.runs), b.page_break);
        break;
      case Block::Kind::note:
        o << para("Note", runs_xml(b.runs), b.page_break);
        break;
      case Block::Kind::verdict:
        o << para("Verdict", runs_xml(b.runs), b.page_break);
        break;
      case Block::Kind::quote:
        o << para("Quote", runs_xml(b.runs)) << para("Quote", run(b.cite, false, false, "Citation"));
        break;
      case Block::Kind::table:
        o << table_xml(b.rows, b.header);
        break;
      case Block::Kind::bullets:
        for (const auto& item : b.items) o << para("ListBullet", run(item, false, false));
        break;
      case Block::Kind::figure:
        break;  // the table after it carries the same content
    }
  }
  o << "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" "
       "w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>\n</w:body></w:document>\n";
  return o.str();
}

std::string core_xml(const std::string& title, const std::string& lang) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
         xml_text(title) + "</dc:title><dc:creator>Telaah</dc:creator><dc:language>" + lang +
         "</dc:language></cp:coreProperties>\n";
}

}  // namespace

std::string render_docx(const ReportData& r) {
  const auto blocks = report_blocks(r);
  std::string styles = kStyles;
  const std::string lang = r.lang == Lang::id ? "id-ID" : "en-GB";
  styles.replace(styles.find("LANG"), 4, lang);
  // The zip writer writes a file (through a temporary name); read it back.
  static std::atomic<int> serial{0};
  const auto path = std::filesystem::temp_directory_path() /
                    ("telaah-report-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + ".docx");
  {
    ZipWriter z(path);
    z.add("[Content_Types].xml", kContentTypes);
    z.add("_rels/.rels", kRels);
    z.add("docProps/core.xml", core_xml(blocks.empty() ? "" : text_of(blocks.front().runs), lang));
    z.add("word/_rels/document.xml.rels", kDocumentRels);
    z.add("word/styles.xml", styles);
    z.add("word/numbering.xml", kNumbering);
    z.add("word/document.xml", document_xml(blocks));
    z.commit();
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (bytes.empty()) throw std::runtime_error("the DOCX could not be read back from " + path.string());
  return bytes;
}

}  // namespace telaah::exchange
