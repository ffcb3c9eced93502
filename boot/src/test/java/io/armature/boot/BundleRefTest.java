package io.armature.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BundleRefTest {
    @Test
    void mapsMavenIdsToRepositoryLayout() {
        Path repo = Path.of("/r");
        assertEquals(
                Path.of("/r/org/acme/a/1.0/a-1.0.jar"),
                new BundleRef("org.acme:a:1.0", 1).pathIn(repo));
        assertEquals(
                Path.of("/r/org/acme/a/1.0/a-1.0.war"),
                new BundleRef("org.acme:a:war:1.0", 1).pathIn(repo));
        assertEquals(
                Path.of("/r/org/acme/a/1.0/a-1.0-linux.jar"),
                new BundleRef("org.acme:a:jar:linux:1.0", 1).pathIn(repo));
    }

    @Test
    void rejectsIdsThatAreNotMavenCoordinates() {
        assertThrows(IllegalArgumentException.class, () -> new BundleRef("just-a-name", 1));
    }
}
