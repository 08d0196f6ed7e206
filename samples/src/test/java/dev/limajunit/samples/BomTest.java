package dev.limajunit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * lima-junit-bom has no parent (so that importing it pins no JUnit), which leaves its version and its list of
 * artifacts to be kept in step with the build by hand: this keeps them. Needs no VM.
 */
class BomTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theBomHasTheBuildsVersionAndManagesEveryPublishedModuleAndNothingElse() throws Exception {
        Element parent = read(ROOT.resolve("pom.xml"));
        Element bom = read(ROOT.resolve("lima-junit-bom").resolve("pom.xml"));

        assertThat(child(bom, "version")).as("lima-junit-bom's version").isEqualTo(child(parent, "version"));
        assertThat(child(bom, "parent")).as("lima-junit-bom's parent (it must have none)").isNull();

        List<String> published = new ArrayList<>();
        for (Node module : children(element(parent, "modules"), "module")) {
            Element pom = read(ROOT.resolve(module.getTextContent()).resolve("pom.xml"));
            boolean jar = child(pom, "packaging") == null;
            boolean skipped = "true".equals(child(element(pom, "properties"), "maven.deploy.skip"));
            if (jar && !skipped) {
                published.add(child(pom, "artifactId"));
            }
        }
        List<String> managed = new ArrayList<>();
        for (Node dependency : children(element(element(bom, "dependencyManagement"), "dependencies"),
                "dependency")) {
            Element d = (Element) dependency;
            assertThat(child(d, "groupId")).as("a dependency lima-junit-bom manages").isEqualTo("dev.limajunit");
            assertThat(child(d, "version")).isEqualTo("${project.version}");
            managed.add(child(d, "artifactId"));
        }
        assertThat(managed).as("lima-junit-bom's artifacts").containsExactlyInAnyOrderElementsOf(published);
    }

    private static Element read(Path pom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return doc.getDocumentElement();
    }

    private static Element element(Element parent, String name) {
        for (Node n : children(parent, name)) {
            return (Element) n;
        }
        return null;
    }

    /** The text of the direct child element {@code name}, or null without one. */
    private static String child(Element parent, String name) {
        Element e = parent == null ? null : element(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static List<Node> children(Element parent, String name) {
        List<Node> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }
}
