package io.armature.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {
    @TempDir Path profiles;

    @Test
    void theListenAddressMayComeFromTheEnvironmentAndIsOptional() throws Exception {
        Files.writeString(
                profiles.resolve("plant.json"),
                "{\"name\":\"plant\",\"features\":[],\"host\":\"${env:PLANT_HOST:-127.0.0.1}\"}");
        Files.writeString(profiles.resolve("plain.json"), "{\"name\":\"plain\",\"features\":[]}");
        assertEquals(
                "10.1.2.3",
                Profile.read(profiles, "plant", new Variables(Map.of("PLANT_HOST", "10.1.2.3")))
                        .host());
        assertEquals("127.0.0.1", Profile.read(profiles, "plant", new Variables(Map.of())).host());
        assertNull(Profile.read(profiles, "plain", new Variables(Map.of())).host());
    }

    @Test
    void aHostThatIsNotAStringIsRefusedByName() throws Exception {
        Files.writeString(profiles.resolve("bad.json"), "{\"name\":\"bad\",\"host\":8080}");
        FeatureFormatException e =
                assertThrows(
                        FeatureFormatException.class,
                        () -> Profile.read(profiles, "bad", new Variables(Map.of())));
        assertTrue(e.getMessage().contains("host"), e.getMessage());
    }
}
