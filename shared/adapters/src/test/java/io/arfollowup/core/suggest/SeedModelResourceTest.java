package io.arfollowup.core.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed model the build precomputes into the adapters jar (config/suggester/seed-model.txt, what every function
 * ships) is exactly what the seeds give when read through the lexicon at start, prefix filters included: the fast
 * cold start changes no suggestion.
 */
class SeedModelResourceTest {

    @Test
    void theShippedJarCarriesAPrecomputedSeedModel_equalToTheSeedsReadNow() {
        SeedModel.Shipped shipped = SeedModel.load();
        assertThat(shipped.precomputed()).as("seed-model.txt present and matching the lexicon and seeds").isTrue();

        Lexicon computedLexicon = Lexicon.fromClassPath();
        CountModel computed = SeedModel.compute(computedLexicon);

        assertThat(shipped.seeds().serialize()).isEqualTo(computed.serialize());
        assertThat(shipped.seeds().documents()).isEqualTo(computed.documents()).isGreaterThan(500);
        assertThat(shipped.seeds().entries()).isEqualTo(computed.entries());
        assertThat(shipped.seeds().vocabulary()).isEqualTo(computed.vocabulary());
        List<Lexicon.Cue> fast = shipped.lexicon().cues();
        List<Lexicon.Cue> slow = computedLexicon.cues();
        assertThat(fast).hasSameSizeAs(slow);
        for (int i = 0; i < fast.size(); i++) {
            assertThat(fast.get(i).id()).isEqualTo(slow.get(i).id());
            assertThat(fast.get(i).prefixes()).as("prefixes of cue %s", slow.get(i).id())
                    .isEqualTo(slow.get(i).prefixes());
        }
    }
}
