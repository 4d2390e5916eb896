package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DictionariesTest {

    @Test
    void loadingInBackgroundEndsOnADaemonThreadAndLeavesSegmentationReady() throws InterruptedException {
        Thread loading = Dictionaries.inBackground(Dictionaries::load);
        assertThat(loading.isDaemon()).isTrue();
        loading.join(60_000);
        assertThat(loading.isAlive()).isFalse();
        assertThat(Segmenter.get().words("余姚机器人").stream().map(Segmenter.Word::text)).contains("余姚");
        assertThat(Segmenter.get().dictionaryWords("余姚机器人").stream().map(Segmenter.Word::text)).contains("机器人");
        assertThat(Folding.fold("機器人")).isEqualTo("机器人");
    }
}
