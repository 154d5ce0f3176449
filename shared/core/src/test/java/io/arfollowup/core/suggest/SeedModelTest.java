package io.arfollowup.core.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedModelTest {

    @Test
    void aModelReadBackFromItsText_isTheSameModel() throws Exception {
        CountModel m = new CountModel();
        m.add("ALREADY_PAID", List.of("deja", "regle", "c:abc"), 1);
        m.add("ALREADY_PAID", List.of("deja", "vire"), 1);
        m.add("PAYMENT_PROMISE", List.of("demain", "f:future"), 1);

        CountModel back = CountModel.parse(new BufferedReader(new StringReader(m.serialize())));

        assertThat(back.serialize()).isEqualTo(m.serialize());
        assertThat(back.documents()).isEqualTo(3);
        assertThat(back.entries()).isEqualTo(m.entries());
        assertThat(back.vocabulary()).isEqualTo(m.vocabulary());
        List<String> statuses = List.of("ALREADY_PAID", "PAYMENT_PROMISE");
        assertThat(back.logScores(statuses, List.of("deja", "demain")))
                .containsExactly(m.logScores(statuses, List.of("deja", "demain")));
    }

    @Test
    void storedCounts_loadWithinTheCap_mostUsedWordsFirst() {
        CountModel m = new CountModel();
        Map<String, Integer> many = new java.util.HashMap<>();
        for (int i = 0; i < CountModel.MAX_ENTRIES + 500; i++) {
            many.put("w" + i, i == 7 ? 50 : 1);
        }
        many.put("c:cue", 1);
        many.put(CountModel.DOCS, 9);

        m.addCounts(Map.of("NO_ACTION", many));

        assertThat(m.entries()).isLessThanOrEqualTo(CountModel.MAX_ENTRIES + 1);
        assertThat(m.documents()).isEqualTo(9);
        assertThat(m.serialize()).contains("\nw7\t50\n").contains("\nc:cue\t1\n");
    }

    @Test
    void everyCueCompiles_andHasItsOwnId() {
        Lexicon lexicon = Lexicon.fromClassPath();
        Set<String> ids = new HashSet<>();
        for (Lexicon.Cue cue : lexicon.cues()) {
            cue.pattern().matcher("").find(); // compiled lazily in use: a broken regex must fail here, not in a Lambda
            ids.add(cue.id() + " " + cue.statuses());
        }
        assertThat(ids).hasSize(lexicon.size());
    }
}
