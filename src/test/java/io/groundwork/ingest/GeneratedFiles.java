package io.groundwork.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Office files written by the libraries Tika reads them with (PDFBox, Apache POI), so that tests
 * own exactly the layout they assert on: running headers and footers, page numbers, tables.
 */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /**
   * A PDF with one page per entry of {@code pages} (each a list of body lines), every page
   * carrying the running header {@code header} at its top and the footer
   * "{@code title} - Page n of m" at its bottom.
   */
  static byte[] pdf(String title, String header, List<List<String>> pages) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(title);
      document.setDocumentInformation(info);
      for (int p = 0; p < pages.size(); p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          line(content, font, 9, 64, 800, header);
          float y = 740;
          for (String text : pages.get(p)) {
            line(content, font, 11, 64, y, text);
            y -= 30;
          }
          line(content, font, 9, 64, 40, title + " - Page " + (p + 1) + " of " + pages.size());
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(PDPageContentStream content, PDType1Font font, float size, float x,
      float y, String text) throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
  }

  /**
   * A DOCX with header text {@code header}, footer text {@code footer}, a heading, the
   * paragraphs {@code body} and a two-column table of {@code rows}.
   */
  static byte[] docx(String header, String footer, String heading, List<String> body,
      List<List<String>> rows) {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFHeaderFooterPolicy policy = document.createHeaderFooterPolicy();
      XWPFHeader head = policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT);
      head.createParagraph().createRun().setText(header);
      XWPFFooter foot = policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
      foot.createParagraph().createRun().setText(footer);
      var title = document.createParagraph();
      title.setStyle("Heading1");
      title.createRun().setText(heading);
      for (String text : body) {
        document.createParagraph().createRun().setText(text);
      }
      if (!rows.isEmpty()) {
        XWPFTable table = document.createTable(rows.size(), rows.getFirst().size());
        for (int r = 0; r < rows.size(); r++) {
          for (int c = 0; c < rows.get(r).size(); c++) {
            table.getRow(r).getCell(c).setText(rows.get(r).get(c));
          }
        }
      }
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
