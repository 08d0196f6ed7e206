package dev.limajunit.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a matrix as {@code mount-matrix.json}, {@code .md} and {@code .html} into one directory. */
public final class MatrixFiles {

    public static final String JSON = "mount-matrix.json";
    public static final String MARKDOWN = "mount-matrix.md";
    public static final String HTML = "mount-matrix.html";

    private MatrixFiles() {
    }

    /** Creates {@code dir} when missing; returns the three files written. */
    public static List<Path> write(MountMatrix matrix, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve(JSON);
            Path md = dir.resolve(MARKDOWN);
            Path html = dir.resolve(HTML);
            MatrixJson.write(matrix, json);
            Files.writeString(md, MatrixMarkdown.render(matrix));
            Files.writeString(html, MatrixHtml.render(matrix));
            return List.of(json, md, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the mount matrix into " + dir, e);
        }
    }
}
