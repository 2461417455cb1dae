// `tenkai build` writes the forum deck as PPTX too: read back by an independent reader
// (tests/pptx_readback.py), compared page by page with the PDF's text (pdftotext), opened and
// converted by LibreOffice Impress, byte-identical across builds, notes from the spec.
#include <doctest/doctest.h>

#include <algorithm>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support.h"

using tenkai::testing::read_file;
using tenkai::testing::run;
using tenkai::testing::run_tenkai;
using tenkai::testing::ScratchDir;
using tenkai::testing::shell_quote;
using tenkai::testing::source_path;
using tenkai::testing::write_file;

namespace {

std::string readback(const std::string& arguments) {
  return shell_quote(source_path("tests/pptx_readback.py")) + " " + arguments;
}

std::vector<std::string> pdf_pages_text(const std::string& pdf) {
  auto text = run("pdftotext -raw " + shell_quote(pdf) + " -");
  REQUIRE(text.exit_code == 0);
  std::vector<std::string> pages;
  size_t start = 0;
  for (size_t at = text.out.find('\f'); at != std::string::npos; at = text.out.find('\f', start)) {
    pages.push_back(text.out.substr(start, at - start));
    start = at + 1;
  }
  return pages;
}

int pdf_page_count(const std::string& pdf) {
  auto info = run("pdfinfo " + shell_quote(pdf));
  REQUIRE(info.exit_code == 0);
  auto at = info.out.find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(info.out.substr(at + 6));
}

}  // namespace

TEST_CASE("tenkai build writes forum-2015.pptx: parts, text per page, notes, determinism") {
  ScratchDir out;
  auto result = run_tenkai("build --out " + shell_quote(out.path().string()));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string pptx = out.file("forum-2015.pptx");
  const std::string pdf = out.file("forum-2015.pdf");
  REQUIRE(std::filesystem::exists(pptx));

  auto check = run(readback("check " + shell_quote(pptx)));
  CHECK_MESSAGE(check.exit_code == 0, check.out);

  // Each slide holds the characters its PDF page shows (a native chart draws its own axis
  // labels, so a chart slide's text need only appear on the page).
  nlohmann::json pages = nlohmann::json::array();
  for (const auto& text : pdf_pages_text(pdf)) pages.push_back({{"text", text}});
  write_file(out.file("pages.json"), pages.dump());
  auto compare =
      run(readback("compare " + shell_quote(pptx) + " " + shell_quote(out.file("pages.json"))));
  CHECK_MESSAGE(compare.exit_code == 0, compare.out);

  auto dumped = run(readback("dump " + shell_quote(pptx)));
  REQUIRE(dumped.exit_code == 0);
  auto deck = nlohmann::json::parse(dumped.out);
  REQUIRE(deck["slides"].size() == pages.size());
  auto matrix = nlohmann::json::parse(run_tenkai("matrix --format json").out);
  const std::string regions = std::to_string(matrix["rows"].size());
  // Notes exactly where the spec has them: the data slides, not the cover or the sections.
  size_t with_notes = 0;
  bool rollout_notes = false;
  for (const auto& slide : deck["slides"]) {
    if (slide["notes"].is_null()) continue;
    ++with_notes;
    std::string notes = slide["notes"];
    CHECK(notes.find('{') == std::string::npos);  // every placeholder filled
    if (notes.find("研修会を開催した地域は" + regions + "地域") != std::string::npos)
      rollout_notes = true;
  }
  CHECK(rollout_notes);
  CHECK(with_notes >= 9);
  CHECK(deck["slides"][0]["notes"].is_null());

  // The rollout table: native tables whose rows, page after page, are the matrix's rows, with
  // a mark in a year's column exactly where the region had sessions that year.
  std::vector<nlohmann::json> body_rows;
  std::vector<std::string> header;
  for (const auto& slide : deck["slides"]) {
    for (const auto& table : slide["tables"]) {
      bool in_body = false;
      for (const auto& row : table["rows"]) {
        std::string first = row[0];
        if (!in_body) {
          for (const auto& m : matrix["rows"])
            in_body = in_body || m["label"].get<std::string>() == first;
        }
        if (in_body)
          body_rows.push_back(row);
        else if (header.empty() || header.size() < row.size())
          header = row.get<std::vector<std::string>>();
      }
    }
  }
  REQUIRE(body_rows.size() == matrix["rows"].size());
  for (size_t r = 0; r < body_rows.size(); ++r) {
    const auto& m = matrix["rows"][r];
    INFO("row " << r << ": " << m["label"].get<std::string>());
    CHECK(body_rows[r][0].get<std::string>() == m["label"].get<std::string>());
    for (const auto& year : matrix["years"]) {
      std::string y = std::to_string(year.get<int>());
      size_t column = 0;
      for (size_t c = 0; c < header.size(); ++c) {
        if (header[c].find(y) != std::string::npos) column = c;
      }
      REQUIRE(column > 0);
      bool marked = body_rows[r][column].get<std::string>().find("●") != std::string::npos;
      CHECK(marked == m["cells"].contains(y));
    }
  }

  // The scene's own pages: text, table cells and chart data slide by slide.
  auto scene = run_tenkai("scene");
  REQUIRE(scene.exit_code == 0);
  write_file(out.file("scene.json"), scene.out);
  auto against_scene = run(
      readback("compare-scene " + shell_quote(pptx) + " " + shell_quote(out.file("scene.json"))));
  CHECK_MESSAGE(against_scene.exit_code == 0, against_scene.out);

  // The same inputs give the same bytes.
  ScratchDir again;
  REQUIRE(run_tenkai("build --out " + shell_quote(again.path().string())).exit_code == 0);
  CHECK(read_file(again.file("forum-2015.pptx")) == read_file(pptx));
}

TEST_CASE("LibreOffice Impress converts forum-2015.pptx with the PDF's page count") {
  ScratchDir out;
  REQUIRE(run_tenkai("build --out " + shell_quote(out.path().string())).exit_code == 0);
  // A private profile, so a LibreOffice running elsewhere does not take the conversion over.
  std::string profile = "file://" + out.file("lo-profile");
  auto converted =
      run("cd " + shell_quote(out.path().string()) + " && mkdir -p lo && soffice --headless " +
          shell_quote("-env:UserInstallation=" + profile) +
          " --convert-to pdf --outdir lo forum-2015.pptx");
  INFO(converted.out << converted.err);
  REQUIRE(converted.exit_code == 0);
  REQUIRE(std::filesystem::exists(out.file("lo/forum-2015.pdf")));
  CHECK(pdf_page_count(out.file("lo/forum-2015.pdf")) ==
        pdf_page_count(out.file("forum-2015.pdf")));
}

TEST_CASE("deck formats: only those listed are written; unknown ones are errors") {
  ScratchDir out;
  std::string spec = read_file(source_path("layouts/forum-2015.yaml"));
  auto at = spec.find("formats: [pdf, pptx]");
  REQUIRE(at != std::string::npos);
  std::string pdf_only = spec;
  pdf_only.replace(at, 20, "formats: [pdf]");
  write_file(out.file("pdf-only.yaml"), pdf_only);
  auto built = run_tenkai("build " + shell_quote(out.file("pdf-only.yaml")) + " --out " +
                          shell_quote(out.path().string()));
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  CHECK(std::filesystem::exists(out.file("forum-2015.pdf")));
  CHECK_FALSE(std::filesystem::exists(out.file("forum-2015.pptx")));

  std::string bad = spec;
  bad.replace(at, 20, "formats: [pdf, ppt]");
  write_file(out.file("bad.yaml"), bad);
  auto failed = run_tenkai("check " + shell_quote(out.file("bad.yaml")));
  CHECK(failed.exit_code == 1);
  // The position of the formats line, wherever the layout's header comment leaves it.
  const auto line = std::count(spec.begin(), spec.begin() + static_cast<long>(at), '\n') + 1;
  CHECK(failed.err.find("bad.yaml:" + std::to_string(line) + ":18:") != std::string::npos);
  CHECK(failed.err.find("unknown format 'ppt'") != std::string::npos);
  CHECK(failed.err.find("did you mean 'pptx'?") != std::string::npos);
}

TEST_CASE("the national registry builds a PPTX too, page for page with its PDF") {
  ScratchDir out;
  auto generated =
      run(shell_quote(TENKAI_GEN_NATIONAL) + " -o " + shell_quote(out.file("national.yaml")));
  REQUIRE(generated.exit_code == 0);
  auto built = run_tenkai("build " + shell_quote(source_path("layouts/forum-2015.yaml")) +
                          " --data " + shell_quote(out.file("national.yaml")) + " --out " +
                          shell_quote(out.path().string()));
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  const std::string pptx = out.file("forum-2015.pptx");
  auto check = run(readback("check " + shell_quote(pptx)));
  CHECK_MESSAGE(check.exit_code == 0, check.out);
  nlohmann::json pages = nlohmann::json::array();
  for (const auto& text : pdf_pages_text(out.file("forum-2015.pdf")))
    pages.push_back({{"text", text}});
  CHECK(pages.size() > 17);  // the rollout table runs over many pages
  write_file(out.file("pages.json"), pages.dump());
  auto compare =
      run(readback("compare " + shell_quote(pptx) + " " + shell_quote(out.file("pages.json"))));
  CHECK_MESSAGE(compare.exit_code == 0, compare.out);
}
