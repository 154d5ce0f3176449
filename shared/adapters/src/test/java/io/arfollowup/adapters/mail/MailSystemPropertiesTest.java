package io.arfollowup.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The switches handlers set at init and the ones the root pom gives surefire/failsafe must not drift apart. */
class MailSystemPropertiesTest {

    @Test
    void values_areTheOnesTheRootPomGivesTheTestJvms() throws Exception {
        String pom = Files.readString(Path.of(System.getProperty("arfollowup.root.dir", "../..")).resolve("pom.xml"));

        for (Map.Entry<String, String> e : MailSystemProperties.VALUES.entrySet()) {
            String element = "<" + e.getKey() + ">" + e.getValue() + "</" + e.getKey() + ">";
            assertThat(pom.split(java.util.regex.Pattern.quote(element), -1)).as(element).hasSize(3);
        }
    }

    @Test
    void apply_setsWhatIsMissingAndKeepsWhatWasGiven() {
        MailSystemProperties.apply();

        MailSystemProperties.VALUES.keySet().forEach(k -> assertThat(System.getProperty(k)).as(k).isNotNull());
    }
}
